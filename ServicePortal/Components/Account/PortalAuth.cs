using System.IdentityModel.Tokens.Jwt;
using System.Security.Claims;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;
using ServicePortal.Domain.Accounts;
using ServicePortal.Security;

namespace ServicePortal.Components.Account;

public static class Policies
{
    public const string Admin = "Admin";
    public const string ComplaintIntake = "ComplaintIntake";
    public const string ComplaintReaders = "ComplaintReaders";
    /// <summary>Who may register a repair request: the roles that take calls and visits, as for complaints.</summary>
    public const string RepairIntake = "RepairIntake";
    /// <summary>Who may read repair orders, their register and slips.</summary>
    public const string RepairReaders = "RepairReaders";
    /// <summary>Who enters and reads satisfaction questionnaires: the service desk (clerks, the Director, department heads).</summary>
    public const string SurveyDesk = "SurveyDesk";
}

public static class PortalClaims
{
    public const string DisplayName = "portal:display_name";
    public const string Department = "portal:department";
    public const string DepartmentId = "portal:department_id";
}

/// <summary>
/// Signs API tokens (Bearer) for the same accounts as the cookie sign-in, with the portal's key
/// (<see cref="JwtSigningKey"/>). A token carries the account's security stamp, checked on every request
/// (<see cref="TokenStampCheck"/>).
/// </summary>
public sealed class JwtTokenService(JwtSigningKey key, TimeProvider time)
{
    public const string Issuer = "ServicePortal";
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(8);

    public string Issue(ClaimsPrincipal principal)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var token = new JwtSecurityToken(Issuer, Issuer, principal.Claims, now, now + Lifetime,
            new SigningCredentials(key.Key, SecurityAlgorithms.HmacSha256));
        return new JwtSecurityTokenHandler().WriteToken(token);
    }
}

public static class PortalAuthExtensions
{
    private const string Selector = "Portal";

    /// <summary>How often a sign-in cookie and an open circuit are checked against the account's security stamp.</summary>
    public static readonly TimeSpan StampCheckInterval = TimeSpan.FromMinutes(1);

    public static IServiceCollection AddPortalAuthentication(this IServiceCollection services)
    {
        // The signing key (JwtSigningKey) and the data-protection key ring come from AddPortalKeys.
        services.AddSingleton<JwtTokenService>();
        services.AddSingleton<TokenStampCheck>();

        services.AddAuthentication(o =>
            {
                o.DefaultScheme = Selector;
                o.DefaultChallengeScheme = Selector;
                o.DefaultSignInScheme = IdentityConstants.ExternalScheme;
            })
            .AddPolicyScheme(Selector, Selector, o => o.ForwardDefaultSelector = ctx =>
                ctx.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
                    ? JwtBearerDefaults.AuthenticationScheme
                    : IdentityConstants.ApplicationScheme)
            .AddJwtBearer(o =>
            {
                o.MapInboundClaims = false;
                o.TokenValidationParameters = new TokenValidationParameters
                {
                    ValidIssuer = JwtTokenService.Issuer,
                    ValidAudience = JwtTokenService.Issuer,
                    NameClaimType = ClaimTypes.Name,
                    RoleClaimType = ClaimTypes.Role,
                };
                o.Events = new JwtBearerEvents
                {
                    // A disabled account, a changed role or a reset password ends the account's tokens (within a minute).
                    OnTokenValidated = async ctx =>
                    {
                        var check = ctx.HttpContext.RequestServices.GetRequiredService<TokenStampCheck>();
                        if (!await check.IsCurrentAsync(ctx.Principal!, ctx.HttpContext.RequestAborted))
                            ctx.Fail("令牌已失效：账户已停用、角色已变更或密码已重置，请重新登录");
                    },
                };
            })
            .AddIdentityCookies();
        // Read per validation: the key is loaded from the database after start-up (JwtSigningKey.LoadAsync).
        services.AddOptions<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme).Configure<JwtSigningKey>((o, key) =>
            o.TokenValidationParameters.IssuerSigningKeyResolver = (_, _, _, _) => [key.Key]);

        // The sign-in cookie too: a disabled account, a changed role or a reset password ends it within a minute
        // (Identity's default rechecks the stamp every 30 minutes; one indexed read per user and minute is cheap).
        services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = StampCheckInterval);
        services.ConfigureApplicationCookie(o =>
        {
            o.LoginPath = "/Account/Login";
            o.AccessDeniedPath = "/Account/AccessDenied";
            o.Cookie.Name = "ServicePortal.Auth";
            // API callers get status codes, not a redirect to the sign-in page.
            o.Events.OnRedirectToLogin = ctx => ApiOr(ctx, StatusCodes.Status401Unauthorized);
            o.Events.OnRedirectToAccessDenied = ctx => ApiOr(ctx, StatusCodes.Status403Forbidden);
        });
        return services;
    }

    private static Task ApiOr(Microsoft.AspNetCore.Authentication.RedirectContext<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions> ctx, int status)
    {
        if (ctx.Request.Path.StartsWithSegments("/api"))
            ctx.Response.StatusCode = status;
        else
            ctx.Response.Redirect(ctx.RedirectUri);
        return Task.CompletedTask;
    }

    public static IServiceCollection AddPortalAuthorization(this IServiceCollection services)
    {
        services.AddAuthorizationBuilder()
            .AddPolicy(Policies.Admin, p => p.RequireRole(Roles.Admin))
            .AddPolicy(Policies.ComplaintIntake, p => p.RequireRole(Roles.ComplaintIntake))
            .AddPolicy(Policies.ComplaintReaders, p => p.RequireRole(Roles.ComplaintReaders))
            .AddPolicy(Policies.RepairIntake, p => p.RequireRole(Roles.ComplaintIntake))
            .AddPolicy(Policies.RepairReaders, p => p.RequireRole(Roles.ComplaintReaders))
            .AddPolicy(Policies.SurveyDesk, p => p.RequireRole(Domain.Surveys.SurveyService.DeskRoles));
        return services;
    }
}

/// <summary>Adds the display name and department to the signed-in user's claims.</summary>
public sealed class PortalClaimsPrincipalFactory(
    UserManager<PortalUser> userManager, RoleManager<IdentityRole> roleManager, IOptions<IdentityOptions> options,
    Microsoft.EntityFrameworkCore.IDbContextFactory<ServicePortal.Domain.Data.PortalDbContext> dbFactory)
    : UserClaimsPrincipalFactory<PortalUser, IdentityRole>(userManager, roleManager, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(PortalUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        await using var db = await dbFactory.CreateDbContextAsync();
        var department = await db.Departments.FindAsync(user.DepartmentId);
        identity.AddClaim(new Claim(PortalClaims.DisplayName, user.DisplayName));
        identity.AddClaim(new Claim(PortalClaims.DepartmentId, user.DepartmentId.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        identity.AddClaim(new Claim(PortalClaims.Department, department?.Name ?? ""));
        return identity;
    }
}

/// <summary>
/// Refuses sign-in to disabled accounts (cookie and API alike), and tells only the account's owner why an account is refused.
/// </summary>
public sealed class PortalSignInManager(
    UserManager<PortalUser> userManager, IHttpContextAccessor contextAccessor,
    IUserClaimsPrincipalFactory<PortalUser> claimsFactory, IOptions<IdentityOptions> optionsAccessor,
    ILogger<SignInManager<PortalUser>> logger, Microsoft.AspNetCore.Authentication.IAuthenticationSchemeProvider schemes,
    IUserConfirmation<PortalUser> confirmation)
    : SignInManager<PortalUser>(userManager, contextAccessor, claimsFactory, optionsAccessor, logger, schemes, confirmation)
{
    public override async Task<bool> CanSignInAsync(PortalUser user) =>
        !user.IsDisabled && await base.CanSignInAsync(user);

    /// <summary>
    /// Identity refuses a locked or disabled account before it looks at the password, so “locked” or “disabled” would tell
    /// anyone trying names that the account exists. The password is checked anyway (the same hash work as every attempt):
    /// only the right password learns the refusal; a wrong one gets the wrong-password answer, like an unknown user name.
    /// The page (<see cref="SignInManager{TUser}.PasswordSignInAsync(TUser, string, bool, bool)"/>) and the API both come here.
    /// </summary>
    public override async Task<SignInResult> CheckPasswordSignInAsync(PortalUser user, string password, bool lockoutOnFailure)
    {
        var result = await base.CheckPasswordSignInAsync(user, password, lockoutOnFailure);
        if ((result.IsLockedOut || result.IsNotAllowed) && !await UserManager.CheckPasswordAsync(user, password)) return SignInResult.Failed;
        return result;
    }
}

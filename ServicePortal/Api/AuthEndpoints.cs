using System.IdentityModel.Tokens.Jwt;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using ServicePortal.Components.Account;
using ServicePortal.Domain.Accounts;
using ServicePortal.Domain.Common;
using ServicePortal.Security;

namespace ServicePortal.Api;

/// <summary>Sign-in for API callers: a Bearer token for the same accounts, roles and lock-out as the pages.</summary>
internal static class AuthEndpoints
{
    public static void MapAuthEndpoints(this RouteGroupBuilder api)
    {
        api.MapPost("/auth/login", LoginAsync)
            .AllowAnonymous()
            .WithTags("登录")
            .WithName("Login")
            .WithSummary("登录，取得访问令牌")
            .WithDescription("用用户名和密码换取 Bearer 访问令牌（有效 8 小时）。之后的请求带请求头 Authorization: Bearer {accessToken}。"
                + "账户停用、角色变更或密码重置后，该账户已发出的令牌在一分钟内失效（返回 401），需重新登录。"
                + "用户名不存在与密码错误的回答相同（401）。同一账户名或同一客户端地址登录尝试过于频繁时返回 429（带 Retry-After）。"
                + "密码错误返回 401；连续 5 次错误后账户锁定 15 分钟，期间密码正确时返回 423；已停用的账户密码正确时返回 403。"
                + "锁定或停用的账户密码错误时，回答与密码错误相同（401），不透露账户是否存在或状态。")
            .AcceptsJson<LoginRequest>()
            .Produces<LoginResponse>()
            .ProducesProblem(StatusCodes.Status423Locked)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);
    }

    private static async Task<IResult> LoginAsync(
        HttpRequest request, SignInManager<PortalUser> signIn, IUserClaimsPrincipalFactory<PortalUser> claimsFactory,
        JwtTokenService tokens, PortalClock clock, IOptions<IdentityOptions> identity, SignInGuard guard, CancellationToken ct)
    {
        var body = await ApiJson.ReadAsync<LoginRequest>(request, ct);
        if (body.Refusal is not null) return body.Refusal;
        var errors = body.Errors;
        var userName = body.Value!.UserName?.Trim() ?? "";
        var password = body.Value.Password ?? "";
        if (userName.Length == 0) errors.TryAdd("userName", ["请输入用户名"]);
        if (password.Length == 0) errors.TryAdd("password", ["请输入密码"]);
        if (errors.Count > 0) return ApiProblems.Invalid(errors);

        if (guard.Refuse(userName, request.HttpContext.Connection.RemoteIpAddress) is { } wait)
        {
            var seconds = SignInGuard.Seconds(wait);
            return PortalRateLimits.TooManyRequests(request.HttpContext, seconds, $"登录尝试过于频繁，请 {seconds} 秒后再试。");
        }

        var user = await signIn.UserManager.FindByNameAsync(userName);
        if (user is null)
        {
            // The same work and the same answer as a wrong password: nothing tells whether the account exists.
            guard.VerifyAgainstDummy(signIn.UserManager.PasswordHasher, password);
            return WrongCredentials(identity.Value.Lockout);
        }

        // Counts failures toward the lock-out, and refuses disabled accounts; a locked or disabled account is named only to
        // whoever gave its right password (PortalSignInManager.CheckPasswordSignInAsync).
        var result = await signIn.CheckPasswordSignInAsync(user, password, lockoutOnFailure: true);
        if (result.IsLockedOut)
        {
            var end = await signIn.UserManager.GetLockoutEndDateAsync(user);
            return Locked(end, identity.Value.Lockout, clock);
        }
        if (result.IsNotAllowed || (result.Succeeded && !await signIn.CanSignInAsync(user)))
            return ApiProblems.Problem(StatusCodes.Status403Forbidden, "账户已停用", "该账户已停用，不能登录。如需使用，请联系系统管理员。");
        if (!result.Succeeded) return WrongCredentials(identity.Value.Lockout);

        var principal = await claimsFactory.CreateAsync(user);
        var token = tokens.Issue(principal);
        var expiresUtc = new JwtSecurityTokenHandler().ReadJwtToken(token).ValidTo;
        return TypedResults.Ok(new LoginResponse(token, ApiJson.BeijingTimeConverter.Of(clock, expiresUtc), user.UserName!, user.DisplayName, user.Role,
            principal.FindFirst(PortalClaims.Department)?.Value ?? ""));
    }

    private static IResult WrongCredentials(LockoutOptions lockout) =>
        ApiProblems.Problem(StatusCodes.Status401Unauthorized, "用户名或密码错误",
            $"用户名或密码错误。连续 {lockout.MaxFailedAccessAttempts} 次错误后，账户将锁定 {lockout.DefaultLockoutTimeSpan.TotalMinutes:0} 分钟。");

    private static IResult Locked(DateTimeOffset? end, LockoutOptions lockout, PortalClock clock)
    {
        var until = end is { } e ? $"请于 {clock.Format(e.UtcDateTime)}（北京时间）后再试" : "请稍后再试";
        return TypedResults.Problem(
            title: "账户已锁定",
            detail: $"账户已锁定：连续 {lockout.MaxFailedAccessAttempts} 次密码错误。{until}，或请系统管理员解锁。",
            statusCode: StatusCodes.Status423Locked,
            extensions: end is { } x ? new Dictionary<string, object?> { ["lockedUntil"] = ApiJson.BeijingTimeConverter.Of(clock, x.UtcDateTime) } : null);
    }
}

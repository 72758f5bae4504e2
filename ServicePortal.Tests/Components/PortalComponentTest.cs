using Microsoft.Extensions.Localization;
using System.Globalization;
using System.Reflection;
using System.Security.Claims;
using Bunit;
using Bunit.TestDoubles;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using MudBlazor.Services;
using ServicePortal.Components.Account;
using ServicePortal.Domain.Accounts;
using ServicePortal.Tests.Infrastructure;

namespace ServicePortal.Tests.Components;

/// <summary>
/// Shared base of the bUnit tests: MudBlazor services (loose JS interop), the interface texts
/// (Simplified Chinese), the real domain services of a <see cref="DomainFixture"/> (temp SQLite,
/// fake clock at 2026-11-24 10:00 Beijing time, the six test accounts) and bUnit's fake sign-in.
/// Sign someone in with <see cref="SignInAsync(string)"/> before rendering, then render pages with
/// <see cref="RenderWithProviders{TComponent}"/> (adds the popover/snackbar/dialog providers
/// that selects, menus and snackbars need).
/// MudBlazor's debounce timers (search boxes, autocompletes) run on the injected TimeProvider, which
/// here is the fixture's fake clock: after typing into a debounced field, <c>Domain.Time.Advance(…)</c>.
/// </summary>
public abstract class PortalComponentTest : BunitContext, IAsyncLifetime
{
    private static readonly IAuthorizationService PortalPolicies = BuildPortalPolicies();
    private DomainFixture? _domain;
    private IRenderedComponent<ProvidersHost>? _host;

    protected PortalComponentTest()
    {
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = new CultureInfo("zh-CN");
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices();
        Services.AddLocalization(o => o.ResourcesPath = "Resources");
        Services.AddSingleton<IStringLocalizerFactory>(sp =>
            new StrictLocalizerFactory(ActivatorUtilities.CreateInstance<ResourceManagerStringLocalizerFactory>(sp)));
        Auth = AddAuthorization();
    }

    /// <summary>The real domain (database, services, fake clock) behind the components.</summary>
    protected DomainFixture Domain => _domain ?? throw new InvalidOperationException("The domain fixture is created in InitializeAsync.");

    /// <summary>bUnit's fake authorization; prefer <see cref="SignInAsync(string)"/> or <see cref="SignIn"/>.</summary>
    protected BunitAuthorizationContext Auth { get; }

    /// <summary>The clock's "now" for this test class (override to start elsewhere).</summary>
    protected virtual DateTimeOffset Now => DomainFixture.DefaultNow;

    protected CancellationToken Ct => TestContext.Current.CancellationToken;

    public virtual async ValueTask InitializeAsync()
    {
        _domain = await DomainFixture.CreateAsync(Now);
        // The fixture's services (ComplaintService, CustomerService, PortalClock, the fake TimeProvider,
        // the DbContext factory, UserManager …) answer whatever the test context does not register itself.
        Services.AddSingleton<TimeProvider>(_domain.Time);
        Services.AddFallbackServiceProvider(_domain.Services);
        SetRendererInfo(new RendererInfo("Server", true));
    }

    protected override async ValueTask DisposeAsyncCore()
    {
        await base.DisposeAsyncCore();
        if (_domain is not null) await _domain.DisposeAsync();
    }

    /// <summary>Signs in one of the fixture's accounts (admin, exec, head, director, clerk, staff) with its real id, role and department.</summary>
    public async Task<PortalUser> SignInAsync(string userName)
    {
        await using var db = Domain.NewDb();
        var user = await db.Users.Include(u => u.Department).SingleAsync(u => u.UserName == userName);
        SignIn(user.Id, user.UserName!, user.DisplayName, user.Role, user.Department?.Name ?? "", user.DepartmentId);
        return user;
    }

    /// <summary>
    /// Signs in a user with the claims the real sign-in issues (id, name, role, display name,
    /// department) and the portal policies (<see cref="Policies"/>) that role satisfies.
    /// </summary>
    public void SignIn(string userId, string userName, string displayName, string role, string department, int departmentId = 0)
    {
        Auth.SetAuthorized(userName);
        Auth.SetRoles(role);
        Auth.SetClaims(
            new Claim(ClaimTypes.NameIdentifier, userId),
            new Claim(PortalClaims.DisplayName, displayName),
            new Claim(PortalClaims.Department, department),
            new Claim(PortalClaims.DepartmentId, departmentId.ToString(CultureInfo.InvariantCulture)));
        Auth.SetPolicies(PoliciesOf(role));
    }

    /// <summary>
    /// Renders a component inside the MudBlazor providers (popovers for selects, snackbars, dialogs).
    /// Popover content (select items) renders outside the component: look for it in <see cref="Host"/>.
    /// </summary>
    public IRenderedComponent<TComponent> RenderWithProviders<TComponent>(Action<ComponentParameterCollectionBuilder<TComponent>>? parameters = null)
        where TComponent : IComponent
    {
        Host = Render<ProvidersHost>(p => p.AddChildContent(parameters ?? (_ => { })));
        return Host.FindComponent<TComponent>();
    }

    /// <summary>The last tree rendered by <see cref="RenderWithProviders{TComponent}"/>, providers included.</summary>
    public IRenderedComponent<ProvidersHost> Host
    {
        get => _host ?? throw new InvalidOperationException("Render with RenderWithProviders first.");
        private set => _host = value;
    }

    /// <summary>Snackbar messages shown so far.</summary>
    public IReadOnlyList<string> SnackbarMessages() =>
        Services.GetRequiredService<ISnackbar>().ShownSnackbars.Select(s => s.Message ?? "").ToList();

    /// <summary>The portal's policies the role passes, evaluated with the app's own policy definitions.</summary>
    public static string[] PoliciesOf(string role)
    {
        var principal = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.Role, role)], "Test"));
        return typeof(Policies).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral).Select(f => (string)f.GetRawConstantValue()!)
            .Where(p => PortalPolicies.AuthorizeAsync(principal, p).GetAwaiter().GetResult().Succeeded)
            .ToArray();
    }

    private static IAuthorizationService BuildPortalPolicies()
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddPortalAuthorization();
        return services.BuildServiceProvider().GetRequiredService<IAuthorizationService>();
    }
}

/// <summary>
/// Fails a component test that would show a text key instead of a text (a key mistyped, or renamed
/// with the code around it): the portal's own localizer quietly shows the key.
/// </summary>
internal sealed class StrictLocalizerFactory(IStringLocalizerFactory inner) : IStringLocalizerFactory
{
    public IStringLocalizer Create(Type resourceSource) => new Strict(inner.Create(resourceSource));

    public IStringLocalizer Create(string baseName, string location) => new Strict(inner.Create(baseName, location));

    private sealed class Strict(IStringLocalizer inner) : IStringLocalizer
    {
        public LocalizedString this[string name] => Found(inner[name]);

        public LocalizedString this[string name, params object[] arguments] => Found(inner[name, arguments]);

        public IEnumerable<LocalizedString> GetAllStrings(bool includeParentCultures) => inner.GetAllStrings(includeParentCultures);

        private static LocalizedString Found(LocalizedString text) =>
            text.ResourceNotFound ? throw new InvalidOperationException($"No text for the key “{text.Name}” in the resources") : text;
    }
}

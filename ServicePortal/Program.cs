using System.Globalization;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Localization;
using MudBlazor.Services;
using ServicePortal;
using ServicePortal.Api;
using ServicePortal.Audit;
using ServicePortal.Components;
using ServicePortal.Components.Account;
using ServicePortal.Domain;
using ServicePortal.Domain.Accounts;
using ServicePortal.Domain.Data;
using ServicePortal.Security;

if (args is ["generate", ..])
    return await GenerateCommand.RunAsync(args[1..]);
// create-admin, backup and restore run on the same configuration (database) as the portal, then exit.
var command = args is ["create-admin" or "backup" or "restore", ..] ? args : null;

var builder = WebApplication.CreateBuilder(command is null ? args : []);
// Serve MudBlazor's and the app's static web assets from the build output in every environment
// (by default only Development does), so tests and `dotnet run` in Production look the same.
builder.WebHost.UseStaticWebAssets();

var storage = PortalStorage.Resolve(builder.Configuration, builder.Environment.ContentRootPath);
if (command is ["backup" or "restore", ..])
    return await BackupCommand.RunAsync(command, storage, Console.Out, Console.Error);
builder.Services.AddPortalDomain(storage.ConnectionString, storage.Backups, builder.Configuration.GetValue("Portal:Sqlite:SyncEveryCommit", false), storage.Database);
// Heads opening the same dashboard within two seconds share one report; a published change forgets it at once (KpiReportCache).
builder.Services.AddSingleton(new ServicePortal.Domain.Kpis.KpiReportSharing(TimeSpan.FromSeconds(builder.Configuration.GetValue("Portal:KpiReportSeconds", 2.0))));
// Readers opening the same register page within two seconds share it, its rows and their markup; a published change forgets it (SharedRegisterPages).
builder.Services.AddSingleton(new ServicePortal.Domain.Common.RegisterSharing(TimeSpan.FromSeconds(builder.Configuration.GetValue("Portal:RegisterPageSeconds", 2.0))));

builder.Services.AddRazorComponents().AddInteractiveServerComponents();
builder.Services.AddMudServices();
builder.Services.AddLocalization(o => o.ResourcesPath = "Resources");
builder.Services.AddProblemDetails();
builder.Services.AddOpenApi();
builder.Services.AddPortalApi();
builder.Services.AddPortalSecurity(builder.Configuration);
builder.Services.AddPortalRateLimits(builder.Configuration);

builder.Services.AddCascadingAuthenticationState();
builder.Services.AddScoped<IdentityRedirectManager>();
builder.Services.AddScoped<AuthenticationStateProvider, IdentityRevalidatingAuthenticationStateProvider>();
builder.Services.AddPortalKeys(builder.Configuration);
builder.Services.AddPortalAuthentication();
builder.Services.AddPortalIdentity()
    .AddSignInManager<PortalSignInManager>()
    .AddClaimsPrincipalFactory<PortalClaimsPrincipalFactory>()
    .AddDefaultTokenProviders();
builder.Services.AddPortalAuthorization();
builder.Services.AddAuditActors();
// Frees each component's previous render tree between renders (issue 12: memory per circuit).
builder.Services.AddScoped<Microsoft.AspNetCore.Components.Server.Circuits.CircuitHandler, ServicePortal.Components.PreviousRenderTrees>();
if (builder.Configuration.GetValue("Portal:Escalation", true)) builder.Services.AddHostedService<ServicePortal.Escalations.EscalationWorker>();
if (builder.Configuration.GetValue("Portal:RoutineRevisits", true)) builder.Services.AddHostedService<ServicePortal.Revisits.RoutineRevisitWorker>();
if (builder.Configuration.GetValue("Portal:CustomerInfoReports", true)) builder.Services.AddHostedService<ServicePortal.Customers.CustomerInfoReportWorker>();
if (builder.Configuration.GetValue("Portal:Backups:Daily", true)) builder.Services.AddHostedService<ServicePortal.Backups.DailyBackupWorker>();
if (builder.Configuration.GetValue("Portal:StoreStatistics", true)) builder.Services.AddHostedService<ServicePortal.Jobs.StoreStatisticsWorker>();

var app = builder.Build();
if (storage.MoveNote is not null) app.Logger.LogWarning("{Note}", storage.MoveNote);
if (command is ["create-admin", ..])
    return await CreateAdminCommand.RunAsync(command[1..], app.Services, CreateAdminCommand.ReadPassword, confirm: !Console.IsInputRedirected, Console.Out, Console.Error);

if (!app.Environment.IsDevelopment())
    app.UseExceptionHandler("/Error", createScopeForErrors: true);
app.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true);
app.UsePortalSecurity();

app.UseRequestLocalization(PortalCultures.LocalizationOptions());
app.UseAuthentication();
app.UseAuthorization();
app.UseRateLimiter(); // exports per user (PortalRateLimits); sign-in is limited by SignInGuard, which knows the account name
app.UseAuditActors();
app.UseAntiforgery();

app.MapStaticAssets();
app.MapOpenApi();
// Our policy (PortalSecurity) already says frame-ancestors 'none'; Blazor's own second header would only repeat a weaker one.
app.MapRazorComponents<App>().AddInteractiveServerRenderMode(o => o.ContentSecurityFrameAncestorsPolicy = null);
app.MapAccountEndpoints();
app.MapPortalApi();

await using (var scope = app.Services.CreateAsyncScope())
{
    // Demo data (with its published passwords) only where it is asked for: Development (`dotnet run`'s
    // launch profile) or Portal:DemoData=true. Production starts empty; its first Admin comes from create-admin.
    var init = scope.ServiceProvider.GetRequiredService<DatabaseInitializer>();
    var demoData = app.Configuration["Portal:DemoData"] is { Length: > 0 } setting ? bool.Parse(setting) : app.Environment.IsDevelopment();
    await init.InitializeAsync(demoData);
    await app.Services.GetRequiredService<JwtSigningKey>().LoadAsync();
    if (!await init.HasAccountsAsync())
        app.Logger.LogWarning("数据库中还没有任何账户。请先运行：dotnet run --project ServicePortal -- create-admin --user <用户名>");
}

await app.RunAsync();
return 0;

/// <summary>Entry point, visible to WebApplicationFactory in the tests.</summary>
public partial class Program;

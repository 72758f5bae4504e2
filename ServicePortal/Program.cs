using System.Globalization;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Localization;
using MudBlazor.Services;
using ServicePortal;
using ServicePortal.Api;
using ServicePortal.Components;
using ServicePortal.Components.Account;
using ServicePortal.Domain;
using ServicePortal.Domain.Accounts;
using ServicePortal.Domain.Data;

if (args is ["generate", ..])
    return await GenerateCommand.RunAsync(args[1..]);

var builder = WebApplication.CreateBuilder(args);
// Serve MudBlazor's and the app's static web assets from the build output in every environment
// (by default only Development does), so tests and `dotnet run` in Production look the same.
builder.WebHost.UseStaticWebAssets();

var connectionString = builder.Configuration.GetConnectionString("Portal");
if (string.IsNullOrWhiteSpace(connectionString))
    connectionString = $"Data Source={Path.Combine(builder.Environment.ContentRootPath, "App_Data", "portal.db")}";
builder.Services.AddPortalDomain(connectionString);

builder.Services.AddRazorComponents().AddInteractiveServerComponents();
builder.Services.AddMudServices();
builder.Services.AddLocalization(o => o.ResourcesPath = "Resources");
builder.Services.AddProblemDetails();
builder.Services.AddOpenApi();
builder.Services.AddPortalApi();

builder.Services.AddCascadingAuthenticationState();
builder.Services.AddScoped<IdentityRedirectManager>();
builder.Services.AddScoped<AuthenticationStateProvider, IdentityRevalidatingAuthenticationStateProvider>();
builder.Services.AddPortalAuthentication(builder.Configuration);
builder.Services.AddPortalIdentity()
    .AddSignInManager<PortalSignInManager>()
    .AddClaimsPrincipalFactory<PortalClaimsPrincipalFactory>()
    .AddDefaultTokenProviders();
builder.Services.AddPortalAuthorization();
if (builder.Configuration.GetValue("Portal:Escalation", true)) builder.Services.AddHostedService<ServicePortal.Escalations.EscalationWorker>();
if (builder.Configuration.GetValue("Portal:RoutineRevisits", true)) builder.Services.AddHostedService<ServicePortal.Revisits.RoutineRevisitWorker>();

var app = builder.Build();

if (!app.Environment.IsDevelopment())
    app.UseExceptionHandler("/Error", createScopeForErrors: true);
app.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true);

app.UseRequestLocalization(PortalCultures.LocalizationOptions());
app.UseAuthentication();
app.UseAuthorization();
app.UseAntiforgery();

app.MapStaticAssets();
app.MapOpenApi();
app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
app.MapAccountEndpoints();
app.MapPortalApi();

await using (var scope = app.Services.CreateAsyncScope())
{
    await scope.ServiceProvider.GetRequiredService<DatabaseInitializer>()
        .InitializeAsync(app.Configuration.GetValue("Portal:DemoData", true));
}

await app.RunAsync();
return 0;

/// <summary>Entry point, visible to WebApplicationFactory in the tests.</summary>
public partial class Program;

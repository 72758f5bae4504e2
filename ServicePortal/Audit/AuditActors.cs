using System.Security.Claims;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server.Circuits;
using ServicePortal.Domain.Audit;

namespace ServicePortal.Audit;

/// <summary>
/// Who the audit log names for a change: the signed-in user of the HTTP request (pages, API, exports) or of the Blazor
/// circuit event (a click in an interactive page runs outside any request). Without a user the change is the system's.
/// </summary>
internal static class AuditActors
{
    public static IServiceCollection AddAuditActors(this IServiceCollection services) =>
        services.AddScoped<CircuitHandler, CircuitAuditActor>();

    /// <summary>After authentication: the request's user acts for everything the request saves.</summary>
    public static IApplicationBuilder UseAuditActors(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            using var acting = Use(context.User);
            await next(context);
        });

    public static IDisposable? Use(ClaimsPrincipal user) =>
        user.FindFirstValue(ClaimTypes.NameIdentifier) is { Length: > 0 } id ? AuditActor.Use(id, user.Identity?.Name) : null;

    /// <summary>Each inbound circuit activity (an event, a render) runs as the circuit's signed-in user.</summary>
    private sealed class CircuitAuditActor(AuthenticationStateProvider authentication) : CircuitHandler
    {
        public override Func<CircuitInboundActivityContext, Task> CreateInboundActivityHandler(Func<CircuitInboundActivityContext, Task> next) =>
            async context =>
            {
                var state = await authentication.GetAuthenticationStateAsync();
                using var acting = Use(state.User);
                await next(context);
            };
    }
}

using System.Runtime.CompilerServices;
using System.Security.Claims;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server.Circuits;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ServicePortal.Domain.Audit;
using ServicePortal.Domain.Calendar;
using ServicePortal.Domain.Data;

namespace ServicePortal.Tests.Api;

/// <summary>
/// A click in an interactive page runs in a Blazor circuit, outside any HTTP request: the app's circuit handler makes the
/// circuit's signed-in user the audit actor of what the click saves (issue 12). Run here through the app's own registration
/// and authentication-state provider, as the circuit runs it for each inbound activity. The browser test
/// <c>CircuitAuditBrowserTests</c> shows the result through a real page, but passes without the handler too (over WebSockets
/// the actor the request middleware set for the connection's request flows into the circuit), so this is the test that pins the handler.
/// </summary>
public class CircuitAuditActorTests(ApiApp app) : IClassFixture<ApiApp>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task WhatACircuitEventSaves_IsRecordedWithTheCircuitsSignedInUser()
    {
        var admin = await app.UserIdAsync("admin");
        var day = new DateOnly(2033, 5, 6);
        await using var circuit = app.Factory.Services.CreateAsyncScope(); // a circuit's services are one scope
        var signedIn = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, admin), new Claim(ClaimTypes.Name, "admin")], "Identity.Application"));
        ((IHostEnvironmentAuthenticationStateProvider)circuit.ServiceProvider.GetRequiredService<AuthenticationStateProvider>())
            .SetAuthenticationState(Task.FromResult(new AuthenticationState(signedIn)));
        // The app registers more than one circuit handler (PreviousRenderTrees too): the audit actor's.
        var handler = circuit.ServiceProvider.GetServices<CircuitHandler>().Single(h => h.GetType().Name == "CircuitAuditActor");
        var calendar = circuit.ServiceProvider.GetRequiredService<CalendarService>();
        AuditActor? during = null;

        var activity = handler.CreateInboundActivityHandler(async _ =>
        {
            during = AuditActor.Current;
            await calendar.SetDayAsync(admin, day, DayKind.Holiday, "电路事件测试", Ct);
        });
        await activity((CircuitInboundActivityContext)RuntimeHelpers.GetUninitializedObject(typeof(CircuitInboundActivityContext)));

        during.ShouldBe(new AuditActor(admin, "admin"));
        AuditActor.Current.ShouldBe(AuditActor.System); // only for that activity
        await using var db = await app.Factory.Services.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync(Ct);
        var entry = await db.AuditEntries.AsNoTracking().SingleAsync(e => e.Area == AuditAreas.Calendar && e.Subject.Contains("2033-05-06"), Ct);
        (entry.UserId, entry.UserName).ShouldBe((admin, "admin"));
    }
}

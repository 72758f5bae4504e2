using Bunit;
using ServicePortal.Components.Account;
using ServicePortal.Components.Shared;

namespace ServicePortal.Tests.Components;

/// <summary>The shared bUnit base wires the real domain, Chinese texts and the signed-in user.</summary>
public sealed class PortalComponentTestTests : PortalComponentTest
{
    [Fact]
    public void Timestamps_AreShownInBeijingTime()
    {
        var cut = Render<DateTimeText>(p => p.Add(x => x.Value, new DateTime(2026, 11, 24, 2, 0, 0, DateTimeKind.Utc)));
        cut.Markup.ShouldContain("2026-11-24 10:00");
    }

    [Fact]
    public void Roles_GetThePoliciesTheAppDefines()
    {
        PoliciesOf("Clerk").ShouldBe([Policies.ComplaintIntake, Policies.ComplaintReaders, Policies.RepairIntake, Policies.RepairReaders, Policies.SurveyDesk], ignoreOrder: true);
        PoliciesOf("Executive").ShouldBe([Policies.ComplaintReaders, Policies.RepairReaders], ignoreOrder: true);
        PoliciesOf("Admin").ShouldBe([Policies.Admin]);
    }
}

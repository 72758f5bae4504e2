using Microsoft.EntityFrameworkCore;
using ServicePortal.Domain.Repairs;
using ServicePortal.Tests.Infrastructure;

namespace ServicePortal.Tests.Domain.Repairs;

/// <summary>The KPI facts a repair order keeps (request → completion, quote approval, slip on time, appointments).</summary>
public class RepairKpiFactsTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Steps_RecordDurationsInWorkingMinutes_AndAppointmentCounts()
    {
        await using var f = await DomainFixture.CreateAsync(); // Tuesday 2026-11-24 10:00 Beijing
        var r = await RepairCycle.CreateAsync(f);
        var o = await r.RegisterAsync();
        await r.WalkToAsync(o.Number, RepairStage.Booked);
        await r.Repairs.MissAsync(o.Number, r.Id("staff"), null, "客户不在家", null, Ct);
        await r.Repairs.BookAsync(o.Number, r.Id("staff"), null, f.Time.GetUtcNow().AddHours(1), "", Ct);
        await r.WalkToAsync(o.Number, RepairStage.QuotePending);
        f.Time.Advance(TimeSpan.FromHours(2)); // quote at 10:00, approved at 12:00
        await r.WalkToAsync(o.Number, RepairStage.InRepair);
        f.Time.Advance(TimeSpan.FromDays(1)); // completed Wednesday 12:00
        await r.WalkToAsync(o.Number, RepairStage.Completed);
        await r.WalkToAsync(o.Number, RepairStage.SlipSubmitted);

        await using var db = r.NewDb();
        var saved = await db.RepairOrders.SingleAsync(x => x.Number == o.Number, Ct);
        saved.CompletionMinutes.ShouldBe(26 * 60);
        saved.CompletionWorkingMinutes.ShouldNotBeNull();
        saved.CompletionWorkingMinutes!.Value.ShouldBeLessThan(saved.CompletionMinutes!.Value);
        saved.QuoteApprovalMinutes.ShouldBe(120);
        saved.FeedbackSlipOnTime.ShouldBe(true);
        saved.AppointmentsMissed.ShouldBe(1);
        saved.AppointmentsKept.ShouldBe(1);
    }

    [Fact]
    public async Task LateSlip_IsRecordedAsNotOnTime()
    {
        await using var f = await DomainFixture.CreateAsync();
        var r = await RepairCycle.CreateAsync(f);
        var o = await r.RegisterAsync();
        await r.WalkToAsync(o.Number, RepairStage.Completed);
        f.Time.Advance(TimeSpan.FromDays(4));
        await r.WalkToAsync(o.Number, RepairStage.SlipSubmitted);

        await using var db = r.NewDb();
        (await db.RepairOrders.SingleAsync(x => x.Number == o.Number, Ct)).FeedbackSlipOnTime.ShouldBe(false);
    }
}

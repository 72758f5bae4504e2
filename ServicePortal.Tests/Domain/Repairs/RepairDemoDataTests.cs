using Microsoft.EntityFrameworkCore;
using ServicePortal.Domain.Common;
using ServicePortal.Domain.Complaints;
using ServicePortal.Domain.Repairs;
using ServicePortal.Domain.Revisits;

namespace ServicePortal.Tests.Domain.Repairs;

/// <summary>
/// The demo data's repair orders (a new database seeded on the fixture's clock, 2026-11-24 10:00
/// Beijing): taken through the entity's own steps, so they show every stage of the dispatch board,
/// repeat repairs flagged by the intake's rule, missed and moved appointments, feedback slips due
/// today and overdue, revisit tasks and the 维修质量 complaints about them.
/// </summary>
[Collection(DemoDataCollection.Name)]
public class RepairDemoDataTests(SeededDemoDatabase demo)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<List<RepairOrder>> OrdersAsync()
    {
        await using var db = demo.Fixture.NewDb();
        return await db.RepairOrders.AsNoTracking().Include(o => o.Customer).Include(o => o.History).Include(o => o.Appointments)
            .Include(o => o.Quotes).ThenInclude(q => q.Lines).Include(o => o.Parts).AsSplitQuery().ToListAsync(Ct);
    }

    [Fact]
    public async Task Orders_CoverTwoYears_InEveryStage_NumberedGapFreePerMonth()
    {
        var orders = await OrdersAsync();
        var clock = demo.Fixture.Get<PortalClock>();
        await using var db = demo.Fixture.NewDb();
        var serials = await db.RepairSerials.AsNoTracking().ToDictionaryAsync(s => s.Month, s => s.Last, Ct);

        orders.Count.ShouldBeInRange(2_000, 4_000);
        orders.Select(o => o.Stage).Distinct().ShouldBe(Enum.GetValues<RepairStage>(), ignoreOrder: true);
        // The recent ones are spread over the board's columns, the old ones are closed.
        var recent = orders.Where(o => o.ReceivedAt > clock.UtcNow.AddDays(-10)).ToList();
        recent.Select(o => o.Stage).Distinct().Count().ShouldBeGreaterThanOrEqualTo(8);
        orders.Where(o => o.ReceivedAt < clock.UtcNow.AddDays(-60)).ShouldAllBe(o => o.IsClosed);
        var months = orders.GroupBy(o => o.ReceivedMonth).ToList();
        months.Count.ShouldBeInRange(24, 26);
        serials.Keys.ShouldBe(months.Select(m => m.Key), ignoreOrder: true);
        foreach (var month in months)
        {
            var ordered = month.OrderBy(o => o.ReceivedAt).ThenBy(o => o.Id).ToList();
            ordered.Select(o => o.Number).ShouldBe(Enumerable.Range(1, ordered.Count).Select(i => CaseNumber.Repair.Format(month.Key, i)));
            serials[month.Key].ShouldBe(ordered.Count);
        }
    }

    [Fact]
    public async Task EveryOrder_HasItsTimeline_AndKpiFacts_FromItsSteps()
    {
        var orders = await OrdersAsync();

        orders.ShouldAllBe(o => o.History.OrderBy(h => h.At).ThenBy(h => h.Id).First().Action == RepairHistory.Registered);
        orders.ShouldAllBe(o => o.Version == o.History.Count - 1);
        orders.Where(o => o.CompletedAt != null).ShouldAllBe(o => o.CompletionMinutes > 0 && o.CompletionWorkingMinutes >= 0 && o.FeedbackSlipDue > o.CompletedAt);
        orders.Where(o => o.FeedbackSlipAt != null).ShouldAllBe(o => o.FeedbackSlipOnTime == (o.FeedbackSlipAt <= o.FeedbackSlipDue));
        orders.Where(o => o.InWarranty).ShouldAllBe(o => o.SerialNumber.Length > 0);
        orders.ShouldAllBe(o => RepairFaults.Categories.Contains(o.FaultCategory) && o.FaultDescription.Length > 5 && o.ProductModel.Length > 0);
        // Quotes priced from the fee schedule: free in warranty for a product fault, travel only for remote customers out of warranty.
        var quotes = orders.SelectMany(o => o.Quotes.Select(q => (o, q))).ToList();
        quotes.Where(x => x.o.InWarranty && !x.q.NotProductFault).ShouldAllBe(x => x.q.Total == 0);
        quotes.Where(x => x.q.TravelCost > 0).ShouldAllBe(x => x.o.IsRemote && !x.o.InWarranty);
        quotes.Where(x => !x.o.InWarranty).ShouldAllBe(x => x.q.Total > 0);
        await using var db = demo.Fixture.NewDb();
        // The orders of a destroyed file (the demo's completed destruction, A-4) lost their signature to the erasure.
        var destroyed = await db.Customers.Where(c => c.DestroyedAt != null).Select(c => c.Id).ToListAsync(Ct);
        orders.Where(o => destroyed.Contains(o.CustomerId)).ShouldAllBe(o => o.CustomerSignature == "" && o.ContactPhone == "");
        orders.Where(o => o.Stage == RepairStage.Reviewed).ShouldAllBe(o => o.FeeCollected == o.Quotes[o.Quotes.Count - 1].Total
            && (o.CustomerSignature.Length > 0 || destroyed.Contains(o.CustomerId)));
        (await db.FeeItems.CountAsync(Ct)).ShouldBeGreaterThanOrEqualTo(20);
    }

    [Fact]
    public async Task RepeatRepairs_AreFlagged_ByTheIntakesRule_AndLinkedToTheEarlierOrderAndItsTechnician()
    {
        var orders = await OrdersAsync();
        var byId = orders.ToDictionary(o => o.Id);
        var clock = demo.Fixture.Get<PortalClock>();

        var repeats = orders.Where(o => o.RepeatOfId != null).ToList();
        repeats.Count.ShouldBeGreaterThan(40);
        foreach (var o in repeats)
        {
            var earlier = byId[o.RepeatOfId!.Value];
            o.RepeatOfNumber.ShouldBe(earlier.Number);
            o.RepeatOfTechnicianName.ShouldBe(earlier.TechnicianName);
            o.FaultCategory.ShouldBe(earlier.FaultCategory);
            if (o.SerialNumber.Length > 0) o.SerialNumber.ShouldBe(earlier.SerialNumber);
            else (o.CustomerId, o.ProductModel).ShouldBe((earlier.CustomerId, earlier.ProductModel));
            earlier.CompletedAt!.Value.ShouldBeLessThanOrEqualTo(o.ReceivedAt);
            RepeatRepairRule.Within(DateOnly.FromDateTime(clock.ToLocal(earlier.CompletedAt.Value)), DateOnly.FromDateTime(clock.ToLocal(o.ReceivedAt)))
                .ShouldBeTrue();
        }
        // The check the clerk sees at intake finds the same earlier order.
        var sample = repeats.Where(o => o.SerialNumber.Length > 0).Take(5).ToList();
        foreach (var o in sample)
        {
            var warning = await demo.Fixture.Get<RepairService>().RepeatCheckAsync(new RepairRequest
            {
                CustomerId = o.CustomerId, ProductModel = o.ProductModel, SerialNumber = o.SerialNumber, FaultCategory = o.FaultCategory,
                ReceivedAt = o.ReceivedAt,
            }, Ct);
            warning.ShouldNotBeNull().Number.ShouldBe(o.RepeatOfNumber);
        }
        // Not flagged: no earlier completion of the same fault on the same product within the window.
        foreach (var o in orders.Where(o => o.RepeatOfId == null && o.SerialNumber.Length > 0))
        {
            orders.ShouldNotContain(e => e.SerialNumber == o.SerialNumber && e.FaultCategory == o.FaultCategory && e.CompletedAt <= o.ReceivedAt
                && RepeatRepairRule.Within(DateOnly.FromDateTime(clock.ToLocal(e.CompletedAt!.Value)), DateOnly.FromDateTime(clock.ToLocal(o.ReceivedAt))));
        }
    }

    [Fact]
    public async Task Appointments_AreSometimesMissedOrMoved_AndQuotesRejectedOrDeclined()
    {
        var orders = await OrdersAsync();

        var appointments = orders.SelectMany(o => o.Appointments).ToList();
        appointments.Count(a => a.Outcome == AppointmentOutcome.Missed).ShouldBeGreaterThan(30);
        appointments.Count(a => a.Outcome == AppointmentOutcome.Moved).ShouldBeGreaterThan(30);
        appointments.Where(a => a.Outcome is AppointmentOutcome.Missed or AppointmentOutcome.Moved).ShouldAllBe(a => a.Reason.Length > 0);
        orders.Count(o => o.AppointmentsMissed > 0).ShouldBe(orders.Count(o => o.Appointments.Any(a => a.Outcome == AppointmentOutcome.Missed)));
        var quotes = orders.SelectMany(o => o.Quotes).ToList();
        quotes.Count(q => q.Status == QuoteStatus.Rejected).ShouldBeGreaterThan(20);
        quotes.Count(q => q.Status == QuoteStatus.Accepted).ShouldBeGreaterThan(1_000);
        orders.Count(o => o.Stage == RepairStage.Declined).ShouldBeGreaterThan(20);
        orders.Where(o => o.Stage == RepairStage.Declined).ShouldAllBe(o => o.DeclineReason.Length > 0 && o.ClosedAt != null);
        orders.SelectMany(o => o.Parts).ShouldAllBe(p => p.OldSerial != p.NewSerial);
    }

    [Fact]
    public async Task FeedbackSlips_AreDueToday_AndSomeOverdue()
    {
        var orders = await OrdersAsync();
        var clock = demo.Fixture.Get<PortalClock>();
        var now = clock.UtcNow;
        var tomorrow = clock.ToUtc(clock.LocalNow.Date.AddDays(1));

        var waiting = orders.Where(o => o.Stage == RepairStage.Completed).ToList();
        waiting.Count(o => o.FeedbackSlipDue > now && o.FeedbackSlipDue < tomorrow).ShouldBeGreaterThan(0, "slips due today");
        waiting.Count(o => o.FeedbackSlipLate(now)).ShouldBeGreaterThan(0, "overdue slips");
        orders.Count(o => o.FeedbackSlipOnTime == false).ShouldBeGreaterThan(20);
        orders.Count(o => o.FeedbackSlipOnTime == true).ShouldBeGreaterThan(1_000);
    }

    [Fact]
    public async Task EveryCompletion_HasItsRevisitTask_OpenOrDone()
    {
        var orders = await OrdersAsync();
        await using var db = demo.Fixture.NewDb();
        var tasks = await db.RevisitTasks.AsNoTracking().Where(t => t.Kind == RevisitKind.AfterRepair).ToListAsync(Ct);
        var now = demo.Fixture.Get<PortalClock>().UtcNow;

        var completed = orders.Where(o => o.CompletedAt != null).ToDictionary(o => o.Number);
        tasks.Select(t => t.SubjectNumber).ShouldBe(completed.Keys, ignoreOrder: true);
        tasks.ShouldAllBe(t => t.Kind == RevisitKind.AfterRepair && t.Due == completed[t.SubjectNumber].FeedbackSlipDue && t.CustomerId == completed[t.SubjectNumber].CustomerId);
        tasks.Where(t => t.IsDone).ShouldAllBe(t => t.DoneAt > completed[t.SubjectNumber].CompletedAt && t.Note.Length > 0 && t.DoneByName.Length > 0);
        tasks.Count(t => t.IsDone).ShouldBeGreaterThan(1_000);
        tasks.Count(t => !t.IsDone).ShouldBeGreaterThan(0);
        tasks.Count(t => !t.IsDone && t.Due < now).ShouldBeLessThan(tasks.Count / 10);
        (await demo.Fixture.Get<RevisitTasks>().OpenAsync(ct: Ct)).ShouldNotBeEmpty();
    }

    [Fact]
    public async Task SomeRepairQualityComplaints_AreAboutARepairOrder_OfTheSameCustomer_CompletedBefore()
    {
        await using var db = demo.Fixture.NewDb();
        var linked = await db.Complaints.AsNoTracking().Include(c => c.Category).Where(c => c.RepairOrderId != null).ToListAsync(Ct);
        var orders = (await OrdersAsync()).ToDictionary(o => o.Id);

        linked.Count.ShouldBeGreaterThan(30);
        foreach (var c in linked)
        {
            var o = orders[c.RepairOrderId!.Value];
            c.Category.Name.ShouldBe(ComplaintCategory.RepairQuality);
            c.RepairNumber.ShouldBe(o.Number);
            c.CustomerId.ShouldBe(o.CustomerId);
            o.CompletedAt!.Value.ShouldBeLessThan(c.ReceivedAt);
        }
        var detail = await demo.Fixture.Get<RepairService>().GetAsync(orders[linked[0].RepairOrderId!.Value].Number, null, Ct);
        detail!.Complaints.ShouldContain(linked[0].Number);
    }
}

using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ServicePortal.Domain.Common;
using ServicePortal.Domain.Repairs;
using ServicePortal.Tests.Infrastructure;

namespace ServicePortal.Tests.Domain.Repairs;

/// <summary>The head's dispatch board, approvals and summary, and the home lists' repair queries (issue 9 "Screens").</summary>
public class RepairBoardQueriesTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static RepairBoardColumn Column(RepairBoardView view, RepairStage stage) => view.Columns.Single(c => c.Stage == stage);

    private static string[] Numbers(RepairBoardColumn column) => [.. column.Cards.Select(c => c.Number)];

    [Fact]
    public async Task Board_PutsEachOpenOrderInItsStageColumn_AndLeavesClosedOnesOut()
    {
        await using var f = await DomainFixture.CreateAsync();
        var d = await RepairBoardDataset.CreateAsync(f);

        var view = await f.Get<RepairBoardQueries>().LoadAsync(Ct);

        view.Columns.Select(c => c.Stage).ShouldBe([RepairStage.ToDispatch, RepairStage.Booked, RepairStage.QuotePending, RepairStage.InRepair, RepairStage.Completed]);
        view.Total.ShouldBe(6);
        Numbers(Column(view, RepairStage.ToDispatch)).ShouldBe([d.ToDispatch]);
        // Still to be booked comes before the booked appointment.
        Numbers(Column(view, RepairStage.Booked)).ShouldBe([d.Dispatched, d.Booked]);
        Numbers(Column(view, RepairStage.QuotePending)).ShouldBe([d.QuotePending]);
        Numbers(Column(view, RepairStage.InRepair)).ShouldBe([d.InRepair]);
        Numbers(Column(view, RepairStage.Completed)).ShouldBe([d.Completed]);
        view.Columns.SelectMany(c => c.Cards).ShouldNotContain(c => c.Number == d.Reviewed);

        var booked = Column(view, RepairStage.Booked).Cards.Single(c => c.Number == d.Booked);
        booked.Stage.ShouldBe(RepairStage.Booked);
        booked.Technician.ShouldBe("陈师傅");
        booked.CustomerName.ShouldBe("孙三");
        booked.AppointmentAt.ShouldBe(f.Time.GetUtcNow().UtcDateTime.AddHours(3));
        Column(view, RepairStage.Booked).Cards[0].Stage.ShouldBe(RepairStage.Dispatched);
    }

    [Fact]
    public async Task TechnicianLoad_CountsOpenOrdersPerStaffMember_IdleOnesAtZero()
    {
        await using var f = await DomainFixture.CreateAsync();
        await RepairBoardDataset.CreateAsync(f);
        await using (var scope = f.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<ServicePortal.Domain.Data.DatabaseInitializer>()
                .CreateAccountAsync("staff3", "郑师傅", ServicePortal.Domain.Accounts.Roles.Staff, "维修部", TestAccounts.Password);
        }

        var view = await f.Get<RepairBoardQueries>().LoadAsync(Ct);

        view.Technicians.Select(t => (t.Name, t.Open)).ShouldBe([("刘师傅", 4), ("陈师傅", 1), ("郑师傅", 0)]);
        view.Technicians.ShouldAllBe(t => t.SlipsOverdue == 0);
    }

    [Fact]
    public async Task SlipPastItsDue_IsFlaggedOverdue_OnTheCardTheLoadAndTheSummary()
    {
        await using var f = await DomainFixture.CreateAsync();
        var d = await RepairBoardDataset.CreateAsync(f);
        var queries = f.Get<RepairBoardQueries>();
        var card = Column(await queries.LoadAsync(Ct), RepairStage.Completed).Cards.Single();
        card.SlipOverdue.ShouldBeFalse();
        card.FeedbackSlipDue.ShouldNotBeNull();

        f.Time.SetUtcNow(card.FeedbackSlipDue!.Value.AddMinutes(1));

        var view = await queries.LoadAsync(Ct);
        Column(view, RepairStage.Completed).Cards.Single().SlipOverdue.ShouldBeTrue();
        view.Technicians.Single(t => t.Name == "刘师傅").SlipsOverdue.ShouldBe(1);
        (await queries.SummaryAsync(Ct)).ShouldBe(new RepairSummary(ToDispatch: 1, AwaitingApproval: 1, SlipsOverdue: 1, SlipsToReview: 0));
        _ = d;
    }

    [Fact]
    public async Task BookedOrder_IsFlaggedPassed_OnlyOnceTheAppointmentsDayIsOver()
    {
        await using var f = await DomainFixture.CreateAsync();
        var d = await RepairBoardDataset.CreateAsync(f);
        var queries = f.Get<RepairBoardQueries>();
        var clock = f.Get<PortalClock>();
        var at = (await d.Cycle.GetAsync(d.Booked)).AppointmentAt!.Value;
        async Task<bool> Passed() => Column(await queries.LoadAsync(Ct), RepairStage.Booked).Cards.Single(c => c.Number == d.Booked).AppointmentPassed;

        f.Time.SetUtcNow(at.AddMinutes(30)); // the visit may still be going on
        (await Passed()).ShouldBeFalse();
        var midnight = DateTime.SpecifyKind(clock.ToUtc(clock.ToLocal(at).Date.AddDays(1)), DateTimeKind.Utc);
        f.Time.SetUtcNow(midnight.AddMinutes(-1)); // 23:59 that day (Beijing)
        (await Passed()).ShouldBeFalse();
        f.Time.SetUtcNow(midnight.AddMinutes(1)); // 00:01 the next day
        (await Passed()).ShouldBeTrue();
        Column(await queries.LoadAsync(Ct), RepairStage.Booked).Cards.Single(c => c.Number == d.Dispatched).AppointmentPassed.ShouldBeFalse();
    }

    [Fact]
    public async Task Board_CapsEachColumn_AndSaysHowManyMore()
    {
        await using var f = await DomainFixture.CreateAsync();
        var r = await RepairCycle.CreateAsync(f);
        var first = await r.RegisterAsync(RepairCycle.Request(q => q.SerialNumber = "A-1"));
        f.Time.Advance(TimeSpan.FromMinutes(5));
        var second = await r.RegisterAsync(RepairCycle.Request(q => q.SerialNumber = "A-2"));
        f.Time.Advance(TimeSpan.FromMinutes(5));
        await r.RegisterAsync(RepairCycle.Request(q => q.SerialNumber = "A-3"));

        var column = Column(await f.Get<RepairBoardQueries>().LoadAsync(cardsPerColumn: 2, Ct), RepairStage.ToDispatch);

        column.Count.ShouldBe(3);
        Numbers(column).ShouldBe([first.Number, second.Number]); // the longest waiting first
        column.Hidden.ShouldBe(1);
    }

    [Fact]
    public async Task Approvals_ListPendingQuotes_WithTotalWarrantyAndTechnician()
    {
        await using var f = await DomainFixture.CreateAsync();
        var d = await RepairBoardDataset.CreateAsync(f);
        var outOfWarranty = await d.Cycle.RegisterAsync(RepairCycle.Request(q => { q.SerialNumber = "OLD-1"; q.PurchaseDate = new DateOnly(2020, 1, 1); }));
        await d.Cycle.WalkToAsync(outOfWarranty.Number, RepairStage.QuotePending);

        var list = await f.Get<RepairBoardQueries>().ApprovalsAsync(ct: Ct);

        list.Select(a => a.Number).ShouldBe([d.QuotePending, outOfWarranty.Number]);
        var free = list[0];
        free.InWarranty.ShouldBeTrue();
        free.Total.ShouldBe(0m); // in warranty, a product fault: parts and labour free
        free.Technician.ShouldBe("刘师傅");
        free.QuotedBy.ShouldBe("刘师傅");
        free.FaultCause.ShouldBe("主板电容老化");
        var charged = list[1];
        charged.InWarranty.ShouldBeFalse();
        charged.Total.ShouldBe(830m); // 主板 680 + 人工 150
        charged.Version.ShouldBe((await d.Cycle.GetAsync(outOfWarranty.Number)).Version);
    }

    [Fact]
    public async Task TechnicianOrders_AreTheirOpenOrders_NextAppointmentFirst()
    {
        await using var f = await DomainFixture.CreateAsync();
        var d = await RepairBoardDataset.CreateAsync(f);
        var r = d.Cycle;
        var later = (await r.RegisterAsync(RepairCycle.Request(q => q.SerialNumber = "LATE-1"))).Number;
        await r.Repairs.DispatchAsync(later, r.Id("head"), null, r.Id("staff2"), Ct);
        await r.Repairs.BookAsync(later, r.Id("staff2"), null, f.Time.GetUtcNow().AddDays(2), "", Ct);
        var sooner = (await r.RegisterAsync(RepairCycle.Request(q => q.SerialNumber = "SOON-1"))).Number;
        await r.Repairs.DispatchAsync(sooner, r.Id("head"), null, r.Id("staff2"), Ct);
        await r.Repairs.BookAsync(sooner, r.Id("staff2"), null, f.Time.GetUtcNow().AddHours(1), "", Ct);
        var unbooked = (await r.RegisterAsync(RepairCycle.Request(q => q.SerialNumber = "NONE-1"))).Number;
        await r.Repairs.DispatchAsync(unbooked, r.Id("head"), null, r.Id("staff2"), Ct);

        var mine = await f.Get<RepairBoardQueries>().TechnicianOrdersAsync(r.Id("staff2"), ct: Ct);

        mine.Select(o => o.Number).ShouldBe([sooner, d.Booked, later, unbooked]);
        (await f.Get<RepairBoardQueries>().TechnicianOrdersAsync(r.Id("staff"), ct: Ct)).Select(o => o.Number)
            .ShouldBe([d.Dispatched, d.QuotePending, d.InRepair, d.Completed], ignoreOrder: true);
    }

    [Fact]
    public async Task SlipsDueToday_AreThoseDueByTonight_OverdueOnesIncluded()
    {
        await using var f = await DomainFixture.CreateAsync();
        var d = await RepairBoardDataset.CreateAsync(f);
        var queries = f.Get<RepairBoardQueries>();
        (await queries.SlipsDueTodayAsync(ct: Ct)).ShouldBeEmpty(); // due tomorrow evening

        f.Time.Advance(TimeSpan.FromDays(1)); // the due day
        (await queries.SlipsDueTodayAsync(ct: Ct)).Select(o => o.Number).ShouldBe([d.Completed]);
        f.Time.Advance(TimeSpan.FromDays(1)); // past it: still listed until handed in
        (await queries.SlipsDueTodayAsync(ct: Ct)).Select(o => o.Number).ShouldBe([d.Completed]);

        await d.Cycle.Repairs.SubmitFeedbackSlipAsync(d.Completed, d.Cycle.Id("staff"), null, "已交", Ct);
        (await queries.SlipsDueTodayAsync(ct: Ct)).ShouldBeEmpty();
    }

    [Fact]
    public async Task TechnicianOptions_AreStaffAndEveryoneEverDispatched()
    {
        await using var f = await DomainFixture.CreateAsync();
        await RepairBoardDataset.AddSecondTechnicianAsync(f);

        var options = await f.Get<RepairBoardQueries>().TechnicianOptionsAsync(Ct);

        options.Select(o => o.DisplayName).ShouldBe(["刘师傅", "陈师傅"], ignoreOrder: true);
        options.ShouldAllBe(o => o.Department == "维修部");
        await using var db = f.NewDb();
        (await db.Users.CountAsync(Ct)).ShouldBeGreaterThan(options.Count);
    }
}

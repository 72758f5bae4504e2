using Microsoft.EntityFrameworkCore;
using ServicePortal.Domain.Calendar;
using ServicePortal.Domain.Common;
using ServicePortal.Domain.Repairs;
using ServicePortal.Domain.Revisits;
using ServicePortal.Tests.Infrastructure;
using static ServicePortal.Tests.Domain.ComplaintTesting;

namespace ServicePortal.Tests.Domain.Repairs;

/// <summary>SPEC R-1 … R-6: the repair cycle from request to the reviewed feedback slip.</summary>
public class RepairCycleTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Request_IsNumberedWXOfItsMonth_ShowsTheClerk_AndWaitsForDispatch()
    {
        await using var f = await DomainFixture.CreateAsync();
        var r = await RepairCycle.CreateAsync(f);

        var first = await r.RegisterAsync();
        var second = await r.RegisterAsync();

        first.Number.ShouldBe("WX2611001");
        second.Number.ShouldBe("WX2611002");
        first.Stage.ShouldBe(RepairStage.ToDispatch);
        first.Clerk.ShouldBe("张晓梅");
        first.InWarranty.ShouldBeTrue();
        first.History.Single().Action.ShouldBe("受理报修");
        f.Time.SetUtcNow(Beijing(2026, 12, 1, 0, 5));
        (await r.RegisterAsync()).Number.ShouldBe("WX2612001");
    }

    [Fact]
    public async Task WholeCycle_FromRequestToReviewedSlip_RecordsEveryStep()
    {
        await using var f = await DomainFixture.CreateAsync();
        var r = await RepairCycle.CreateAsync(f);
        var number = (await r.RegisterAsync(RepairCycle.Request(q => q.PurchaseDate = new DateOnly(2024, 1, 1)))).Number;

        await r.WalkToAsync(number, RepairStage.Reviewed);

        var o = await r.GetAsync(number);
        o.History.Select(h => h.Action).ShouldBe(["受理报修", "派工", "预约上门", "提交报价", "报价审批通过", "客户接受报价", "完工", "交反馈单", "审核反馈单"]);
        o.Technician.ShouldBe("刘师傅");
        o.Quotes.Single().Total.ShouldBe(830m);
        o.Quotes.Single().Status.ShouldBe(QuoteStatus.Accepted);
        o.PrepaidFee.ShouldBe(830m);
        o.Parts.Single().ShouldBe(new RepairPartView("主板", "MB-OLD-1", "MB-NEW-1"));
        o.Appointments.Single().Outcome.ShouldBe(AppointmentOutcome.Kept);
        o.ReviewedBy.ShouldBe("李经理");
        o.FeedbackSlipLate.ShouldBeFalse();
    }

    [Fact]
    public async Task InWarranty_PartsAndLabourAreFree_UnlessTheFaultIsNotAProductFault()
    {
        await using var f = await DomainFixture.CreateAsync();
        var r = await RepairCycle.CreateAsync(f);
        var product = (await r.RegisterAsync()).Number;
        var misuse = (await r.RegisterAsync(RepairCycle.Request(q => q.SerialNumber = "SN-2002"))).Number;
        await r.WalkToAsync(product, RepairStage.Booked);
        await r.WalkToAsync(misuse, RepairStage.Booked);

        await r.Repairs.QuoteAsync(product, r.Id("staff"), null, r.Quote(), Ct);
        await r.Repairs.QuoteAsync(misuse, r.Id("staff"), null, r.Quote(notProductFault: true), Ct);

        var free = (await r.GetAsync(product)).Quotes.Single();
        free.Total.ShouldBe(0m);
        free.Lines.ShouldAllBe(l => l.UnitPrice == 0m && l.ListPrice > 0m);
        (await r.GetAsync(misuse)).Quotes.Single().Total.ShouldBe(830m);
    }

    [Fact]
    public async Task TravelCost_IsChargedOnlyToARemoteCustomerOutOfWarranty()
    {
        await using var f = await DomainFixture.CreateAsync();
        var r = await RepairCycle.CreateAsync(f);
        var local = (await r.RegisterAsync(RepairCycle.Request(q => q.PurchaseDate = new DateOnly(2020, 5, 1)))).Number;
        var remote = (await r.RegisterAsync(RepairCycle.Request(q => { q.PurchaseDate = new DateOnly(2020, 5, 1); q.IsRemote = true; q.SerialNumber = "SN-3"; }))).Number;
        var warranty = (await r.RegisterAsync(RepairCycle.Request(q => { q.IsRemote = true; q.SerialNumber = "SN-4"; }))).Number;
        foreach (var n in new[] { local, remote, warranty }) await r.WalkToAsync(n, RepairStage.Booked);

        (await Should.ThrowAsync<DomainException>(() => r.Repairs.QuoteAsync(local, r.Id("staff"), null, r.Quote(travel: 200), Ct)))
            .Message.ShouldContain("本地维修不向客户收取路费");
        (await Should.ThrowAsync<DomainException>(() => r.Repairs.QuoteAsync(warranty, r.Id("staff"), null, r.Quote(travel: 200), Ct)))
            .Message.ShouldContain("保修期内");
        await r.Repairs.QuoteAsync(remote, r.Id("staff"), null, r.Quote(travel: 200), Ct);

        (await r.GetAsync(remote)).Quotes.Single().Total.ShouldBe(1030m);
        (await r.GetAsync(local)).Stage.ShouldBe(RepairStage.Booked);
    }

    [Fact]
    public async Task Quote_WithoutLines_OrWithANegativeTravelCost_IsRefused_AndNothingChanges()
    {
        await using var f = await DomainFixture.CreateAsync();
        var r = await RepairCycle.CreateAsync(f);
        var number = (await r.RegisterAsync()).Number;
        await r.WalkToAsync(number, RepairStage.Booked);
        var version = (await r.GetAsync(number)).Version;

        (await Should.ThrowAsync<DomainException>(() => r.Repairs.QuoteAsync(number, r.Id("staff"), null, new RepairQuoteInput("原因", "方案", false, [], 0), Ct)))
            .Message.ShouldBe("报价至少需要一项配件或人工");
        (await Should.ThrowAsync<DomainException>(() => r.Repairs.QuoteAsync(number, r.Id("staff"), null, r.Quote(travel: -1), Ct)))
            .Message.ShouldBe("路费不能为负数");
        (await Should.ThrowAsync<DomainException>(() => r.Repairs.QuoteAsync(number, r.Id("staff"), null,
            new RepairQuoteInput("原因", "方案", false, [new QuoteLineInput(r.Board.Id, 0)], 0), Ct))).Message.ShouldBe("主板的数量必须大于 0");

        var o = await r.GetAsync(number);
        o.Version.ShouldBe(version);
        o.Quotes.ShouldBeEmpty();
    }

    [Fact]
    public async Task OnlyTheHeadDispatchesAndApproves_OnlyTheDispatchedTechnicianQuotesAndCompletes()
    {
        await using var f = await DomainFixture.CreateAsync();
        var r = await RepairCycle.CreateAsync(f);
        var number = (await r.RegisterAsync()).Number;

        await Should.ThrowAsync<NotPermittedException>(() => r.Repairs.DispatchAsync(number, r.Id("clerk"), null, r.Id("staff"), Ct));
        (await Should.ThrowAsync<DomainException>(() => r.Repairs.DispatchAsync(number, r.Id("head"), null, r.Id("clerk"), Ct)))
            .Message.ShouldContain("不是在岗的维修人员");
        await r.WalkToAsync(number, RepairStage.Booked);
        await Should.ThrowAsync<NotPermittedException>(() => r.Repairs.QuoteAsync(number, r.Id("head"), null, r.Quote(), Ct));
        await r.Repairs.QuoteAsync(number, r.Id("staff"), null, r.Quote(), Ct);
        await Should.ThrowAsync<NotPermittedException>(() => r.Repairs.ApproveQuoteAsync(number, r.Id("director"), null, "", Ct));
        // Given to the customer only after approval.
        (await Should.ThrowAsync<DomainException>(() => r.Repairs.AcceptAsync(number, r.Id("clerk"), null, 830m, Ct)))
            .Message.ShouldContain("报价待审批");
        await r.WalkToAsync(number, RepairStage.InRepair);
        await Should.ThrowAsync<NotPermittedException>(() => r.Repairs.CompleteAsync(number, r.Id("head"), null, RepairCycle.Completion(), Ct));
    }

    [Fact]
    public async Task RejectedQuote_GoesBackToTheTechnician_WithTheReason()
    {
        await using var f = await DomainFixture.CreateAsync();
        var r = await RepairCycle.CreateAsync(f);
        var number = (await r.RegisterAsync()).Number;
        await r.WalkToAsync(number, RepairStage.QuotePending);

        await Should.ThrowAsync<DomainException>(() => r.Repairs.RejectQuoteAsync(number, r.Id("head"), null, " ", Ct));
        await r.Repairs.RejectQuoteAsync(number, r.Id("head"), null, "人工费按长期客户价", Ct);

        var o = await r.GetAsync(number);
        o.Stage.ShouldBe(RepairStage.Booked);
        o.Quotes.Single().Status.ShouldBe(QuoteStatus.Rejected);
        o.History[^1].Note.ShouldContain("人工费按长期客户价");
    }

    [Fact]
    public async Task FeeBeforeRepair_IsRequiredWhenConfigured_AndDeclineClosesTheOrder()
    {
        await using var f = await DomainFixture.CreateAsync();
        var r = await RepairCycle.CreateAsync(f);
        var paid = (await r.RegisterAsync(RepairCycle.Request(q => q.PurchaseDate = new DateOnly(2020, 1, 1)))).Number;
        var declined = (await r.RegisterAsync(RepairCycle.Request(q => { q.PurchaseDate = new DateOnly(2020, 1, 1); q.SerialNumber = "SN-9"; }))).Number;
        await r.WalkToAsync(paid, RepairStage.QuoteApproved);
        await r.WalkToAsync(declined, RepairStage.QuoteApproved);

        (await Should.ThrowAsync<DomainException>(() => r.Repairs.AcceptAsync(paid, r.Id("clerk"), null, null, Ct)))
            .Message.ShouldContain("¥830.00");
        await r.Repairs.DeclineAsync(declined, r.Id("clerk"), null, "客户嫌贵，自行处理", Ct);

        var o = await r.GetAsync(declined);
        o.Stage.ShouldBe(RepairStage.Declined);
        o.DeclineReason.ShouldBe("客户嫌贵，自行处理");
        (await Should.ThrowAsync<DomainException>(() => r.Repairs.CompleteAsync(declined, r.Id("staff"), null, RepairCycle.Completion(), Ct)))
            .Message.ShouldContain("只读");
    }

    [Fact]
    public async Task MissedAppointment_GoesBackToBooking_MovedKeepsTheBooking_BothWithTheirReason()
    {
        await using var f = await DomainFixture.CreateAsync();
        var r = await RepairCycle.CreateAsync(f);
        var number = (await r.RegisterAsync()).Number;
        await r.WalkToAsync(number, RepairStage.Booked);
        var now = f.Time.GetUtcNow();

        await Should.ThrowAsync<DomainException>(() => r.Repairs.MissAsync(number, r.Id("staff"), null, "", null, Ct));
        await r.Repairs.MissAsync(number, r.Id("staff"), null, "堵车，客户同意改约", now.AddDays(1), Ct);
        (await r.GetAsync(number)).Stage.ShouldBe(RepairStage.Booked);
        await r.Repairs.MissAsync(number, r.Id("staff"), null, "客户不在现场", null, Ct);

        var o = await r.GetAsync(number);
        o.Stage.ShouldBe(RepairStage.Dispatched);
        o.AppointmentAt.ShouldBeNull();
        o.Appointments.Select(a => (a.Outcome, a.Reason)).ShouldBe([(AppointmentOutcome.Moved, "堵车，客户同意改约"), (AppointmentOutcome.Missed, "客户不在现场")]);
    }

    [Fact]
    public async Task Completion_NeedsBothSerialsOfAReplacedPart_AndATestResultOrTheRefusal()
    {
        await using var f = await DomainFixture.CreateAsync();
        var r = await RepairCycle.CreateAsync(f);
        var number = (await r.RegisterAsync()).Number;
        await r.WalkToAsync(number, RepairStage.InRepair);

        (await Should.ThrowAsync<DomainException>(() => r.Repairs.CompleteAsync(number, r.Id("staff"), null,
            RepairCycle.Completion() with { Parts = [new ReplacedPartInput("主板", "MB-OLD-1", "")] }, Ct))).Message.ShouldBe("请填写主板的新件序列号");
        (await Should.ThrowAsync<DomainException>(() => r.Repairs.CompleteAsync(number, r.Id("staff"), null,
            RepairCycle.Completion() with { TestResult = "" }, Ct))).Message.ShouldBe("请填写测试结果");
        (await Should.ThrowAsync<DomainException>(() => r.Repairs.CompleteAsync(number, r.Id("staff"), null,
            RepairCycle.Completion(f.Time.GetUtcNow().UtcDateTime.AddHours(2)), Ct))).Message.ShouldBe("完工时间不能晚于当前时间");
        await r.Repairs.CompleteAsync(number, r.Id("staff"), null,
            RepairCycle.Completion() with { TestRefused = true, TestResult = "客户赶时间，拒绝测试并签字" }, Ct);

        var o = await r.GetAsync(number);
        o.TestRefused.ShouldBeTrue();
        o.Stage.ShouldBe(RepairStage.Completed);
    }

    [Fact]
    public async Task CompletedOrder_IsReadOnly_CorrectionsAreNewHistoryEntries()
    {
        await using var f = await DomainFixture.CreateAsync();
        var r = await RepairCycle.CreateAsync(f);
        var number = (await r.RegisterAsync()).Number;
        await r.WalkToAsync(number, RepairStage.Reviewed);

        (await Should.ThrowAsync<DomainException>(() => r.Repairs.DispatchAsync(number, r.Id("head"), null, r.Id("staff"), Ct)))
            .Message.ShouldContain("只读");
        await r.Repairs.CorrectAsync(number, r.Id("head"), null, "客户签字应为王建国本人", Ct);

        var o = await r.GetAsync(number);
        o.Stage.ShouldBe(RepairStage.Reviewed);
        o.History[^1].Action.ShouldBe("更正");
        o.CustomerSignature.ShouldBe("王建国");
    }

    [Fact]
    public async Task FeedbackSlipAndRevisit_AreDueTheNextWorkingDay_AcrossAMakeUpWeekend()
    {
        // Thursday 2026-12-03 completes; Friday is a holiday, Saturday a make-up working day (调休).
        await using var f = await DomainFixture.CreateAsync(Beijing(2026, 12, 3, 9, 0));
        var calendar = f.Get<CalendarService>();
        var admin = (await f.UserAsync("admin")).Id;
        await calendar.SetDayAsync(admin, new DateOnly(2026, 12, 4), DayKind.Holiday, "假日", Ct);
        await calendar.SetDayAsync(admin, new DateOnly(2026, 12, 5), DayKind.Workday, "调休", Ct);
        var r = await RepairCycle.CreateAsync(f);
        var number = (await r.RegisterAsync()).Number;
        await r.WalkToAsync(number, RepairStage.InRepair);
        f.Time.SetUtcNow(Beijing(2026, 12, 3, 16, 0));

        await r.Repairs.CompleteAsync(number, r.Id("staff"), null, RepairCycle.Completion(), Ct);

        var due = Beijing(2026, 12, 5, 17, 30).UtcDateTime;
        (await r.GetAsync(number)).FeedbackSlipDue.ShouldBe(due);
        var task = (await f.Get<RevisitTasks>().OfAsync(number, Ct)).Single();
        task.Due.ShouldBe(due);
        task.Kind.ShouldBe(RevisitKind.AfterRepair);
        (await f.Get<RevisitTasks>().OpenAsync(ct: Ct)).Select(t => t.SubjectNumber).ShouldContain(number);
    }

    [Fact]
    public async Task LateFeedbackSlip_IsFlagged_AndTheRevisitIsClosedWithANote()
    {
        await using var f = await DomainFixture.CreateAsync();
        var r = await RepairCycle.CreateAsync(f);
        var number = (await r.RegisterAsync()).Number;
        await r.WalkToAsync(number, RepairStage.Completed);
        (await r.GetAsync(number)).FeedbackSlipLate.ShouldBeFalse();

        f.Time.Advance(TimeSpan.FromDays(3));

        (await r.GetAsync(number)).FeedbackSlipLate.ShouldBeTrue();
        await r.Repairs.SubmitFeedbackSlipAsync(number, r.Id("staff"), null, "已修复", Ct);
        var o = await r.GetAsync(number);
        o.FeedbackSlipLate.ShouldBeTrue();
        o.History[^1].Note.ShouldContain("逾期");

        var revisits = f.Get<RevisitTasks>();
        var task = (await revisits.OfAsync(number, Ct)).Single();
        task.Overdue.ShouldBeTrue();
        await Should.ThrowAsync<NotPermittedException>(() => revisits.CloseAsync(task.Id, r.Id("staff"), "已回访", Ct));
        await Should.ThrowAsync<DomainException>(() => revisits.CloseAsync(task.Id, r.Id("clerk"), " ", Ct));
        await revisits.CloseAsync(task.Id, r.Id("clerk"), "客户确认维修后运行正常", Ct);
        var done = (await revisits.OfAsync(number, Ct)).Single();
        done.DoneBy.ShouldBe("张晓梅");
        (await revisits.OpenAsync(ct: Ct)).ShouldNotContain(t => t.Id == task.Id);
    }
}

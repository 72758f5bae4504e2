using ServicePortal.Domain.Complaints;
using ServicePortal.Tests.Infrastructure;

namespace ServicePortal.Tests.Domain;

/// <summary>The board read model: open cases by stage with counts, capped cards, time left and overdue badges, and its filters.</summary>
public class BoardQueriesTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private static DateTimeOffset Beijing(int m, int d, int h, int min) => ComplaintTesting.Beijing(2026, m, d, h, min);

    private static BoardColumn Column(BoardView view, ComplaintStatus stage) => view.Columns.Single(c => c.Stage == stage);

    [Fact]
    public async Task Board_CountsOpenCasesPerStage_AndLeavesClosedCasesOut()
    {
        await using var f = await DomainFixture.CreateAsync(Beijing(11, 24, 7, 0));
        var k = await ComplaintCycle.CreateAsync(f);
        var registered = await k.RegisterAsync();
        var assigned = await k.NewCaseAtAsync(ComplaintStatus.Assigned);
        await k.NewCaseAtAsync(ComplaintStatus.Closed);
        var notValid = await k.RegisterAsync();
        await k.Flow.JudgeAsync(notValid, k.Id("head"), null, false, "不属于服务范围", "您好，经核实……", Ct);

        var view = await f.Get<BoardQueries>().LoadAsync(new BoardFilter(), Ct);

        view.Columns.Select(c => c.Stage).ShouldBe(BoardQueries.Stages.Select(s => s.Stage));
        view.Total.ShouldBe(3);
        Column(view, ComplaintStatus.Registered).Cards.ShouldHaveSingleItem().Number.ShouldBe(registered);
        var card = Column(view, ComplaintStatus.Assigned).Cards.ShouldHaveSingleItem();
        card.Number.ShouldBe(assigned);
        card.CustomerName.ShouldBe("王建国");
        card.OwnerName.ShouldBe("张晓梅");
        card.ResponsibleDepartment.ShouldBe("维修部");
        // 待答复 holds the not-valid case awaiting its written explanation too.
        Column(view, ComplaintStatus.ToReply).Count.ShouldBe(1);
        Column(view, ComplaintStatus.ToReply).Cards.ShouldHaveSingleItem().Status.ShouldBe(ComplaintStatus.NotValid);
        view.Columns.Where(c => c.Stage is not (ComplaintStatus.Registered or ComplaintStatus.Assigned or ComplaintStatus.ToReply))
            .ShouldAllBe(c => c.Count == 0 && c.Cards.Count == 0);
    }

    [Fact]
    public async Task Board_CapsEachColumn_MostUrgentFirst_AndSaysHowManyMore()
    {
        await using var f = await DomainFixture.CreateAsync(Beijing(11, 24, 7, 0));
        var late = await f.RegisterPromisingAsync(Beijing(11, 24, 9, 0), Beijing(11, 24, 17, 30));
        var soon = await f.RegisterPromisingAsync(Beijing(11, 24, 9, 30), Beijing(11, 24, 12, 0));
        await f.RegisterPromisingAsync(Beijing(11, 24, 9, 45), Beijing(11, 25, 17, 30));
        f.Time.SetUtcNow(Beijing(11, 24, 10, 0));

        var view = await f.Get<BoardQueries>().LoadAsync(new BoardFilter(), cardsPerColumn: 2, Ct);

        var column = Column(view, ComplaintStatus.Registered);
        column.Count.ShouldBe(3);
        column.Cards.Select(c => c.Number).ShouldBe([soon, late]);
        column.Hidden.ShouldBe(1);
    }

    [Fact]
    public async Task Card_ShowsTimeLeftInWorkingTime_GreenAmberRed()
    {
        await using var f = await DomainFixture.CreateAsync(Beijing(11, 24, 7, 0));
        var ok = await f.RegisterPromisingAsync(Beijing(11, 24, 8, 0), Beijing(11, 26, 12, 0));
        var soon = await f.RegisterPromisingAsync(Beijing(11, 24, 8, 10), Beijing(11, 24, 17, 30));
        var overdue = await f.RegisterPromisingAsync(Beijing(11, 24, 8, 20), Beijing(11, 24, 9, 0));
        f.Time.SetUtcNow(Beijing(11, 24, 10, 0));

        var cards = (await f.Get<BoardQueries>().LoadAsync(new BoardFilter(), Ct)).Columns.SelectMany(c => c.Cards).ToDictionary(c => c.Number);

        cards[ok].Urgency.ShouldBe(BoardUrgency.Ok);
        cards[ok].TimeLeft.ShouldBe(TimeSpan.FromHours(7.5 + 9 + 3.5)); // rest of Tue, all Wed, Thu to noon
        cards[ok].NextDeadline.ShouldBe(DeadlineKind.PromisedReply);
        cards[ok].Overdue.ShouldBeEmpty();
        cards[soon].Urgency.ShouldBe(BoardUrgency.Soon);
        cards[soon].TimeLeft.ShouldBe(TimeSpan.FromHours(7.5));
        cards[overdue].Urgency.ShouldBe(BoardUrgency.Overdue);
        cards[overdue].TimeLeft.ShouldBe(TimeSpan.FromHours(1));
        cards[overdue].Overdue.ShouldBe([DeadlineKind.PromisedReply]);
        cards[overdue].Flagged.ShouldBeTrue();
    }

    [Fact]
    public async Task Filters_Mine_MyDepartment_Severity_AndOverdueOnly_SelectTheRightCases()
    {
        await using var f = await DomainFixture.CreateAsync(Beijing(11, 24, 7, 0));
        var k = await ComplaintCycle.CreateAsync(f);
        f.Time.SetUtcNow(Beijing(11, 24, 8, 0));
        var byClerk = await k.RegisterAsync(new ComplaintInputBuilder().ReceivedAt(Beijing(11, 24, 8, 0)).PromisedReplyAt(Beijing(11, 24, 9, 0)));
        var byStaff = (await f.RegisterAsync(new ComplaintInputBuilder().WithSeverity(ComplaintSeverity.Urgent)
            .ReceivedAt(Beijing(11, 24, 8, 0)).PromisedReplyAt(Beijing(11, 24, 17, 0)).Build(), "staff")).Number;
        var assignedToRepair = await k.RegisterAsync(new ComplaintInputBuilder().ReceivedAt(Beijing(11, 24, 8, 0)).PromisedReplyAt(Beijing(11, 24, 17, 0)));
        await k.WalkToAsync(assignedToRepair, ComplaintStatus.Assigned);
        f.Time.SetUtcNow(Beijing(11, 24, 10, 0));
        var board = f.Get<BoardQueries>();
        async Task<string[]> Numbers(BoardFilter filter) =>
            [.. (await board.LoadAsync(filter, Ct)).Columns.SelectMany(c => c.Cards).Select(c => c.Number).Order()];

        (await Numbers(new BoardFilter { Mine = true, UserId = k.Id("staff") })).ShouldBe([byStaff]);
        (await Numbers(new BoardFilter { Mine = true, UserId = k.Id("clerk") })).ShouldBe([byClerk, assignedToRepair]);
        (await Numbers(new BoardFilter { DepartmentId = k.RepairDepartmentId })).ShouldBe([byStaff, assignedToRepair]);
        (await Numbers(new BoardFilter { Severity = ComplaintSeverity.Urgent })).ShouldBe([byStaff]);
        (await Numbers(new BoardFilter { OverdueOnly = true })).ShouldBe([byClerk]);
        var view = await board.LoadAsync(new BoardFilter { OverdueOnly = true }, Ct);
        view.Total.ShouldBe(1);
    }
}

using Microsoft.EntityFrameworkCore;
using ServicePortal.Domain.Complaints;
using ServicePortal.Tests.Infrastructure;

namespace ServicePortal.Tests.Domain;

/// <summary>Good rows become complaints like registered ones: customers, search, deadlines, owner, history.</summary>
public class ImportGoodRowsTests
{
    [Fact]
    public async Task Customers_AreMatchedByNameAndPhone_AndNewOnesCreatedOnce()
    {
        await using var f = await DomainFixture.CreateAsync();
        var existing = await f.RegisterAsync(new ComplaintInputBuilder().Build()); // 王建国 13812345678

        var report = await f.ImportAsync(new ImportWorkbookBuilder()
            .Row()
            .Row(r => { r["客户姓名"] = "李娜"; r["联系电话"] = "139 0000 1111"; })
            .Row(r => { r["客户姓名"] = "李娜"; r["联系电话"] = "13900001111"; }));

        report.Rows.Select(r => r.NewCustomer).ShouldBe([false, true, true]);
        await using var db = f.NewDb();
        var ct = TestContext.Current.CancellationToken;
        (await db.Customers.CountAsync(ct)).ShouldBe(2);
        var imported = await db.Complaints.Include(c => c.Customer).Where(c => c.Number != existing.Number).ToListAsync(ct);
        imported.Count(c => c.CustomerId == existing.CustomerId).ShouldBe(1);
        imported.Where(c => c.Customer.Name == "李娜").Select(c => c.CustomerId).Distinct().Count().ShouldBe(1);
    }

    [Fact]
    public async Task ImportedComplaints_AreFoundByRegisterSearch()
    {
        await using var f = await DomainFixture.CreateAsync();

        await f.ImportAsync(new ImportWorkbookBuilder()
            .Row(r => r["投诉内容"] = "电梯停运三天无人处理，老人无法下楼。"));

        var hits = await f.Get<ComplaintService>().SearchAsync(new ComplaintQuery { Search = "电梯停运" }, TestContext.Current.CancellationToken);
        hits.Items.Select(i => i.Number).ShouldBe(["TS2610001"]);
    }

    [Fact]
    public async Task Deadlines_AreComputedAsAtRegistration()
    {
        await using var f = await DomainFixture.CreateAsync();
        await f.ImportAsync(new ImportWorkbookBuilder().Row(r => { r["严重程度"] = "重大"; r["境外客户"] = "是"; }));

        await using var db = f.NewDb();
        var c = await db.Complaints.Include(x => x.Customer).SingleAsync(TestContext.Current.CancellationToken);
        var receivedUtc = new DateTime(2026, 10, 15, 1, 30, 0, DateTimeKind.Utc);
        var expected = await f.Get<DeadlineService>().ComputeAsync(ComplaintSeverity.Major, foreign: true, receivedUtc, TestContext.Current.CancellationToken);
        c.ReceivedAt.ShouldBe(receivedUtc);
        (c.ReplyDue, c.ReportDue, c.CloseDue).ShouldBe((expected.ReplyDue, expected.ReportDue, expected.CloseDue));
        c.Customer.IsForeign.ShouldBeTrue();
        // No promised time given: the end of the working day of receipt, as the intake form proposes.
        c.PromisedReplyAt.ShouldBe(new DateTime(2026, 10, 15, 9, 30, 0, DateTimeKind.Utc));
        c.Status.ShouldBe(ComplaintStatus.Registered);
    }

    [Fact]
    public async Task Owner_IsTheNamedAccount_OrTheImporter()
    {
        await using var f = await DomainFixture.CreateAsync();

        await f.ImportAsync(new ImportWorkbookBuilder()
            .Row(r => r["首问责任人"] = "刘师傅")
            .Row(r => r["首问责任人"] = "director")
            .Row(), userName: "clerk");

        await using var db = f.NewDb();
        var owners = await db.Complaints.OrderBy(c => c.Number).Select(c => c.Owner.UserName).ToListAsync(TestContext.Current.CancellationToken);
        owners.ShouldBe(["staff", "director", "clerk"]);
    }

    [Fact]
    public async Task ClosedHistoricalCase_KeepsItsClosureValidityAndFirstReply_AndItsTimelineSaysSo()
    {
        await using var f = await DomainFixture.CreateAsync();

        var report = await f.ImportAsync(new ImportWorkbookBuilder().Row(r =>
        {
            r["处理状态"] = "已结案";
            r["是否成立"] = "成立";
            r["责任部门"] = "维修部";
            r["首次答复时间"] = "2026-10-16 10:00";
            r["结案时间"] = new DateTime(2026, 10, 20, 16, 0, 0);
        }), userName: "head");

        report.Imported.ShouldBe(1);
        await using var db = f.NewDb();
        var c = await db.Complaints.Include(x => x.ResponsibleDepartment).Include(x => x.History).SingleAsync(TestContext.Current.CancellationToken);
        c.Status.ShouldBe(ComplaintStatus.Closed);
        c.IsValid.ShouldBe(true);
        c.ResponsibleDepartment!.Name.ShouldBe("维修部");
        c.FirstRepliedAt.ShouldBe(new DateTime(2026, 10, 16, 2, 0, 0, DateTimeKind.Utc));
        c.ClosedAt.ShouldBe(new DateTime(2026, 10, 20, 8, 0, 0, DateTimeKind.Utc));
        c.History.OrderBy(h => h.At).Select(h => h.Action).ShouldBe([ComplaintHistory.Registered, "结案", "导入"]);
        // KPI facts as for a case closed in the portal: answered after the promised 17:30, closed within 15 days.
        (c.FirstResponseMinutes, c.ReplyOnTime).ShouldBe((24 * 60 + 30, false));
        (c.ResolutionMinutes, c.CloseOnTime).ShouldBe((5 * 24 * 60 + 6 * 60 + 30, true));
        report.Rows[0].Status.ShouldBe("已结案（成立）");
    }

    [Fact]
    public async Task Times_AreReadFromExcelDatesAndFromText_AsBeijingTime()
    {
        await using var f = await DomainFixture.CreateAsync();

        await f.ImportAsync(new ImportWorkbookBuilder()
            .Row(r => r["受理时间"] = "2026-10-15 09:30")
            .Row(r => { r["受理时间"] = "2026/10/15 9:30"; r["承诺答复时间"] = "2026-10-16 12:00"; })
            .Row(r => r["受理时间"] = new DateTime(2026, 10, 15, 9, 30, 0).ToOADate()));

        await using var db = f.NewDb();
        var complaints = await db.Complaints.OrderBy(c => c.Number).ToListAsync(TestContext.Current.CancellationToken);
        complaints.Select(c => c.ReceivedAt).Distinct().ShouldBe([new DateTime(2026, 10, 15, 1, 30, 0, DateTimeKind.Utc)]);
        complaints[1].PromisedReplyAt.ShouldBe(new DateTime(2026, 10, 16, 4, 0, 0, DateTimeKind.Utc));
    }

    [Fact]
    public async Task Preview_SavesNothing_AndShowsTheNumbersTheRowsWillGet()
    {
        await using var f = await DomainFixture.CreateAsync();

        var report = await f.PreviewAsync(new ImportWorkbookBuilder().Row().Row(number: "TS2610009"));

        report.Imported.ShouldBe(0);
        report.Total.ShouldBe(2);
        report.Rows.Select(r => r.Number).ShouldBe(["TS2610010", "TS2610009"]);
        (await f.CountRowsAsync()).ShouldBe((0, 0, 0, 0));
    }
}

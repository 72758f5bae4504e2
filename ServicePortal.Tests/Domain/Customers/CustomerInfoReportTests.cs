using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ServicePortal.Domain.Accounts;
using ServicePortal.Domain.Data;
using ServicePortal.Domain.Common;
using ServicePortal.Domain.Customers;
using ServicePortal.Tests.Infrastructure;

namespace ServicePortal.Tests.Domain.Customers;

/// <summary>The monthly customer-information report (seed 001 2.8.1): first Monday, made once per department and month, the due list, submission.</summary>
public class CustomerInfoReportTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private static readonly DateTimeOffset December1 = new(2026, 12, 1, 9, 0, 0, TimeSpan.FromHours(8));

    [Theory]
    [InlineData(2026, 11, "2026-11-02")] // the 1st is a Sunday
    [InlineData(2026, 12, "2026-12-07")] // the 1st is a Tuesday
    [InlineData(2027, 2, "2027-02-01")]  // the 1st is itself a Monday
    [InlineData(2027, 3, "2027-03-01")]
    public void TheReportIsDue_OnTheMonthsFirstMonday(int year, int month, string expected) =>
        CustomerInfoReport.FirstMonday(year, month).ShouldBe(DateOnly.Parse(expected));

    [Fact]
    public async Task Generation_MakesOneReportPerBusinessDepartment_AndARerunMakesNoDuplicates()
    {
        await using var f = await DomainFixture.CreateAsync(December1);
        var reports = f.Get<CustomerInfoReports>();

        var first = await reports.GenerateAsync(Ct);
        var again = await reports.GenerateAsync(Ct);

        first.Month.ShouldBe(202612);
        first.Created.ShouldBe(first.Departments);
        first.Departments.ShouldBe(5); // every default department but 客服部 (receives them) and 总经理室
        again.Created.ShouldBe(0);
        var list = await reports.ListAsync(ct: Ct);
        list.TotalCount.ShouldBe(5);
        list.Items.Select(i => i.DepartmentName).ShouldNotContain("客服部");
        list.Items.ShouldAllBe(i => i.DueOn == new DateOnly(2026, 12, 7) && i.Status == CustomerInfoReportStatus.Due);
    }

    [Fact]
    public async Task TwoInstancesRunningAtOnce_MakeEachReportOnce()
    {
        await using var f = await DomainFixture.CreateAsync(December1);
        var reports = f.Get<CustomerInfoReports>();

        var runs = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() => reports.GenerateAsync(Ct), Ct)));

        runs.Sum(r => r.Created).ShouldBe(5);
        await using var db = f.NewDb();
        (await db.CustomerInfoReports.CountAsync(Ct)).ShouldBe(5);
    }

    [Fact]
    public async Task ANewMonth_GetsItsOwnReports()
    {
        await using var f = await DomainFixture.CreateAsync(December1);
        var reports = f.Get<CustomerInfoReports>();
        await reports.GenerateAsync(Ct);

        f.Time.Advance(TimeSpan.FromDays(31));
        var run = await reports.GenerateAsync(Ct);

        run.Month.ShouldBe(202701);
        run.Created.ShouldBe(5);
        (await reports.ListAsync(ct: Ct)).Items[0].DueOn.ShouldBe(new DateOnly(2027, 1, 4));
    }

    [Fact]
    public async Task AfterTheFirstMonday_AnUnsubmittedReportIsOverdue_AndASubmittedOneIsNot()
    {
        await using var f = await DomainFixture.CreateAsync(December1);
        var desk = await ArchiveDesk.CreateAsync(f);
        var reports = f.Get<CustomerInfoReports>();
        await reports.GenerateAsync(Ct);
        var one = (await reports.ListAsync(ct: Ct)).Items[0];

        await reports.SubmitAsync(one.Id, "本月客户经营环境无重大变化", desk.Id("director"), one.Version, Ct);
        f.Time.Advance(TimeSpan.FromDays(7)); // Tuesday 2026-12-08

        (await reports.ListAsync(CustomerInfoReportStatus.Overdue, ct: Ct)).TotalCount.ShouldBe(4);
        (await reports.ListAsync(CustomerInfoReportStatus.Due, ct: Ct)).TotalCount.ShouldBe(0);
        var submitted = (await reports.ListAsync(CustomerInfoReportStatus.Submitted, ct: Ct)).Items.Single();
        submitted.Id.ShouldBe(one.Id);
        submitted.Note.ShouldBe("本月客户经营环境无重大变化");
        submitted.SubmittedAt.ShouldNotBeNull();
    }

    [Fact]
    public async Task OnTheFirstMondayItself_TheReportIsStillDue()
    {
        await using var f = await DomainFixture.CreateAsync(new DateTimeOffset(2026, 12, 7, 23, 30, 0, TimeSpan.FromHours(8)));
        var reports = f.Get<CustomerInfoReports>();
        await reports.GenerateAsync(Ct);

        (await reports.ListAsync(CustomerInfoReportStatus.Due, ct: Ct)).TotalCount.ShouldBe(5);
    }

    [Fact]
    public async Task OnlyTheDepartmentsHeadOrTheDirector_Submits_WithANote_AndOnlyOnce()
    {
        await using var f = await DomainFixture.CreateAsync(December1);
        var desk = await ArchiveDesk.CreateAsync(f);
        var reports = f.Get<CustomerInfoReports>();
        await reports.GenerateAsync(Ct);
        var repairDept = (await reports.ListAsync(ct: Ct)).Items.Single(i => i.DepartmentName == "维修部");

        // head is 客服部's head, not 维修部's
        await Should.ThrowAsync<NotPermittedException>(() => reports.SubmitAsync(repairDept.Id, "说明", desk.Id("head"), ct: Ct));
        await Should.ThrowAsync<NotPermittedException>(() => reports.SubmitAsync(repairDept.Id, "说明", desk.Id("staff"), ct: Ct));
        var empty = await Should.ThrowAsync<InputInvalidException>(() => reports.SubmitAsync(repairDept.Id, "  ", desk.Id("director"), ct: Ct));
        empty.Errors["note"].ShouldNotBeEmpty();

        await reports.SubmitAsync(repairDept.Id, "维修部客户信息已更新", desk.Id("director"), ct: Ct);
        var twice = await Should.ThrowAsync<DomainException>(() => reports.SubmitAsync(repairDept.Id, "再交一次", desk.Id("director"), ct: Ct));
        twice.Message.ShouldContain("已提交");
    }

    [Fact]
    public async Task ADepartmentHead_SubmitsTheirOwnDepartmentsReport()
    {
        await using var f = await DomainFixture.CreateAsync(December1);
        await using (var scope = f.Services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<DatabaseInitializer>()
                .CreateAccountAsync("repairhead", "孙经理", Roles.DepartmentHead, "维修部", TestAccounts.Password);
        var desk = await ArchiveDesk.CreateAsync(f);
        var reports = f.Get<CustomerInfoReports>();
        await reports.GenerateAsync(Ct);
        var repairDept = (await reports.ListAsync(ct: Ct)).Items.Single(i => i.DepartmentName == "维修部");

        var done = await reports.SubmitAsync(repairDept.Id, "维修部本月客户信息", desk.Id("repairhead"), ct: Ct);

        done.Status.ShouldBe(CustomerInfoReportStatus.Submitted);
        done.SubmittedByName.ShouldBe("孙经理");
    }
}

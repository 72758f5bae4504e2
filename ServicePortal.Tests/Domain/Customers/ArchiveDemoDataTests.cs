using Microsoft.EntityFrameworkCore;
using ServicePortal.Domain.Accounts;
using ServicePortal.Domain.Customers;

namespace ServicePortal.Tests.Domain.Customers;

/// <summary>
/// The demo's archive keeper side (seeded on the fixture's clock, 2026-11-24): files due for re-verification beside
/// verified ones, this month's customer-information reports, access requests in every state, and destruction
/// requests — one awaiting the DepartmentHead, one refused, one completed and erased.
/// </summary>
[Collection(DemoDataCollection.Name)]
public class ArchiveDemoDataTests(SeededDemoDatabase demo)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task SomeFiles_AreDue_OldestFirst_WhileMostWereVerifiedThisMonth()
    {
        var due = await demo.Fixture.Get<ArchiveVerification>().DueAsync(0, 500, Ct);

        due.TotalCount.ShouldBeInRange(5, 40);
        due.Items.ShouldContain(i => i.LastVerifiedAt == null);
        due.Items.ShouldContain(i => i.LastVerifiedAt != null && i.LastVerifiedBy.Length > 0);
        due.Items.Select(i => i.CountsFrom).ShouldBeInOrder();
        await using var db = demo.Fixture.NewDb();
        var recent = demo.Fixture.Time.GetUtcNow().UtcDateTime.AddDays(-30);
        (await db.Customers.CountAsync(c => c.LastVerifiedAt > recent, Ct)).ShouldBeGreaterThan(200);
        (await db.CustomerHistory.CountAsync(h => h.Action == ArchiveVerification.VerifiedAction, Ct)).ShouldBeGreaterThan(200);
    }

    [Fact]
    public async Task ThisMonthsReports_HaveOneSubmittedByItsHead_AndTheOthersOpen_LastMonthsAllSubmitted()
    {
        var reports = (await demo.Fixture.Get<CustomerInfoReports>().ListAsync(null, 0, 100, Ct)).Items;

        var november = reports.Where(r => r.Month == 202611).ToList();
        november.Count.ShouldBe(5);
        var submitted = november.Where(r => r.Status == CustomerInfoReportStatus.Submitted).ShouldHaveSingleItem();
        submitted.DepartmentName.ShouldBe("维修部");
        submitted.SubmittedByName.ShouldBe("徐德明");
        submitted.Note.ShouldNotBeEmpty();
        november.Where(r => r != submitted).ShouldAllBe(r => r.Status == CustomerInfoReportStatus.Overdue); // the first Monday, 11-02, has passed
        reports.Where(r => r.Month == 202610).ShouldAllBe(r => r.Status == CustomerInfoReportStatus.Submitted);
    }

    [Fact]
    public async Task TheDemoUsers_HavePendingActiveExpiredAndRefusedAccessRequests()
    {
        var exec = await demo.Fixture.UserAsync("exec");
        var page = await demo.Fixture.Get<AccessRequests>().ListAsync(exec.Id, new AccessRequestQuery(Mine: false, PageSize: 50), Ct);

        page.Items.Select(i => i.State).Distinct().Order().ShouldBe(
            [AccessRequestState.Pending, AccessRequestState.Active, AccessRequestState.Expired, AccessRequestState.Refused]);
        page.Items.Where(i => i.State == AccessRequestState.Pending).Select(i => i.RequesterName).ShouldBe(["刘志强", "张晓梅"], ignoreOrder: true);
        page.Items.ShouldAllBe(i => i.RequesterName != "王建国" && i.Reason.Length > 0);
    }

    [Fact]
    public async Task OneDestruction_AwaitsTheDepartmentHead_OneWasRefused_AndOneErasedTheFile()
    {
        var requests = (await demo.Fixture.Get<CustomerDestruction>().ListAsync(null, 0, 50, Ct)).Items;

        requests.Count.ShouldBe(3);
        var pending = requests.Where(r => r.Status == DestructionStatus.Pending).ShouldHaveSingleItem();
        pending.NextApproverRole.ShouldBe(Roles.DepartmentHead);
        pending.DirectorName.ShouldBe("赵海燕");
        pending.ProposedByName.ShouldBe("张晓梅");
        requests.Where(r => r.Status == DestructionStatus.Refused).ShouldHaveSingleItem().RefusalNote.ShouldNotBeEmpty();
        var done = requests.Where(r => r.Status == DestructionStatus.Destroyed).ShouldHaveSingleItem();
        done.Steps().ShouldAllBe(s => s.Name.Length > 0 && s.At != null);
        done.Steps().Select(s => s.At).ShouldBeInOrder();
        done.Erased.ShouldContain("联系人");
        done.CustomerName.ShouldBe(CustomerDestruction.AnonymisedName(done.CustomerId));
        await using var db = demo.Fixture.NewDb();
        var erased = await db.Customers.Include(c => c.Contacts).SingleAsync(c => c.Id == done.CustomerId, Ct);
        erased.DestroyedAt.ShouldNotBeNull();
        erased.Phone.ShouldBeEmpty();
        erased.Contacts.ShouldBeEmpty();
    }
}

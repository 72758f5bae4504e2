using Microsoft.EntityFrameworkCore;
using ServicePortal.Domain.Common;
using ServicePortal.Domain.Customers;
using ServicePortal.Tests.Infrastructure;

namespace ServicePortal.Tests.Domain.Customers;

/// <summary>Re-verification (A-3): which files are due, oldest first; who verifies; what a verification writes.</summary>
public class ArchiveVerificationTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task DueList_HoldsActiveFilesNotVerifiedForAMonth_OldestFirst_CountingFromCreationWhenNeverVerified()
    {
        await using var f = await DomainFixture.CreateAsync();
        var desk = await ArchiveDesk.CreateAsync(f);
        var now = desk.Now;
        var verifiedLongAgo = await desk.AddCustomerAsync("甲", createdAt: now.AddYears(-2), verifiedAt: now.AddDays(-40));
        var neverVerifiedOld = await desk.AddCustomerAsync("乙", createdAt: now.AddDays(-70));
        var verifiedRecently = await desk.AddCustomerAsync("丙", createdAt: now.AddYears(-2), verifiedAt: now.AddDays(-5));
        await desk.AddCustomerAsync("丁", createdAt: now.AddDays(-10));
        await desk.AddCustomerAsync("戊", createdAt: now.AddDays(-90), change: c => c.DestroyedAt = now.AddDays(-1));
        await desk.AddCustomerAsync("己", createdAt: now.AddDays(-90), change: c => c.MergedIntoId = verifiedRecently);

        var due = await f.Get<ArchiveVerification>().DueAsync(ct: Ct);

        due.Items.Select(i => i.Id).ShouldBe([neverVerifiedOld, verifiedLongAgo]);
        due.TotalCount.ShouldBe(2);
        due.Items[0].CountsFrom.ShouldBe(now.AddDays(-70), TimeSpan.FromSeconds(1));
    }

    [Fact]
    public async Task AFileBecomesDue_WhenTheClockPassesTheConfiguredMonths()
    {
        await using var f = await DomainFixture.CreateAsync();
        var desk = await ArchiveDesk.CreateAsync(f);
        await using (var db = f.NewDb())
        {
            db.ArchiveSettings.Add(new ArchiveSettings { ReverifyMonths = 3 });
            await db.SaveChangesAsync(Ct);
        }
        var id = await desk.AddCustomerAsync(verifiedAt: desk.Now);
        var service = f.Get<ArchiveVerification>();

        f.Time.Advance(TimeSpan.FromDays(80));
        (await service.DueAsync(ct: Ct)).Items.ShouldBeEmpty();
        f.Time.Advance(TimeSpan.FromDays(15));
        (await service.DueAsync(ct: Ct)).Items.Single().Id.ShouldBe(id);
    }

    [Theory]
    [InlineData("director")]
    [InlineData("exec")]
    public async Task TheKeeperOrTheExecutive_Verifies_StampingTheFileAndWritingHistory(string userName)
    {
        await using var f = await DomainFixture.CreateAsync();
        var desk = await ArchiveDesk.CreateAsync(f);
        var id = await desk.AddCustomerAsync(createdAt: desk.Now.AddDays(-60));
        var service = f.Get<ArchiveVerification>();

        await service.VerifyAsync(id, "电话核实地址无变化", desk.Id(userName), Ct);

        (await service.DueAsync(ct: Ct)).Items.ShouldBeEmpty();
        await using var db = f.NewDb();
        var c = await db.Customers.SingleAsync(x => x.Id == id, Ct);
        c.LastVerifiedAt.ShouldBe(desk.Now);
        c.LastVerifiedBy.ShouldNotBeEmpty();
        var h = await db.CustomerHistory.SingleAsync(x => x.CustomerId == id, Ct);
        (h.Action, h.Note).ShouldBe((ArchiveVerification.VerifiedAction, "电话核实地址无变化"));
    }

    [Theory]
    [InlineData("clerk")]
    [InlineData("staff")]
    [InlineData("head")]
    [InlineData("admin")]
    public async Task OtherRoles_CannotVerify(string userName)
    {
        await using var f = await DomainFixture.CreateAsync();
        var desk = await ArchiveDesk.CreateAsync(f);
        var id = await desk.AddCustomerAsync(createdAt: desk.Now.AddDays(-60));

        await Should.ThrowAsync<NotPermittedException>(() => f.Get<ArchiveVerification>().VerifyAsync(id, null, desk.Id(userName), Ct));

        await using var db = f.NewDb();
        (await db.Customers.SingleAsync(x => x.Id == id, Ct)).LastVerifiedAt.ShouldBeNull();
    }

    [Fact]
    public async Task BulkVerify_IsAllOrNothing_WhenOneFileIsDestroyed()
    {
        await using var f = await DomainFixture.CreateAsync();
        var desk = await ArchiveDesk.CreateAsync(f);
        var a = await desk.AddCustomerAsync("甲", createdAt: desk.Now.AddDays(-60));
        var b = await desk.AddCustomerAsync("乙", createdAt: desk.Now.AddDays(-60));
        var gone = await desk.AddCustomerAsync("丙", createdAt: desk.Now.AddDays(-60), change: c => c.DestroyedAt = desk.Now);
        var service = f.Get<ArchiveVerification>();

        var ex = await Should.ThrowAsync<DomainException>(() => service.VerifyManyAsync([a, b, gone], null, desk.Id("director"), Ct));
        ex.Message.ShouldContain("已销毁");
        (await service.DueAsync(ct: Ct)).TotalCount.ShouldBe(2);

        (await service.VerifyManyAsync([a, b], "批量核定", desk.Id("director"), Ct)).ShouldBe(2);
        (await service.DueAsync(ct: Ct)).TotalCount.ShouldBe(0);
    }

    [Fact]
    public async Task TheDueListQuery_UsesTheExpressionIndex()
    {
        DomainFixture.SkipOnPostgreSQL("EXPLAIN QUERY PLAN of SQLite");
        await using var f = await DomainFixture.CreateAsync();
        await using var db = f.NewDb();
        var before = DateTime.UtcNow;
        var sql = ArchiveVerification.Due(db, before)
            .OrderBy(c => c.LastVerifiedAt ?? c.CreatedAt).ThenBy(c => c.Id).Select(c => c.Id).ToQueryString();
        await db.Database.OpenConnectionAsync(Ct);
        await using var cmd = db.Database.GetDbConnection().CreateCommand();
        var select = sql[sql.IndexOf("SELECT", StringComparison.Ordinal)..];
        cmd.CommandText = "EXPLAIN QUERY PLAN " + System.Text.RegularExpressions.Regex.Replace(select, @"@\w+", "'2026-11-24 00:00:00'");
        var plan = new List<string>();
        await using (var r = await cmd.ExecuteReaderAsync(Ct))
            while (await r.ReadAsync(Ct)) plan.Add(r.GetString(3));
        string.Join(" | ", plan).ShouldContain("IX_Customers_VerifyDue", customMessage: select);
    }
}

using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using ServicePortal.Domain.Audit;
using ServicePortal.Domain.Calendar;
using ServicePortal.Domain.Customers.Import;
using ServicePortal.Domain.Imports;
using ServicePortal.Domain.Repairs;
using ServicePortal.Domain.Surveys;
using ServicePortal.Tests.Domain.Customers;
using ServicePortal.Tests.Infrastructure;

namespace ServicePortal.Tests.Domain.Audit;

/// <summary>An added row's audit entry names the keys the database gave it, never EF Core's temporary ones (issue 12).</summary>
public sealed partial class AuditGeneratedKeysTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [GeneratedRegex(@"-\d{5,}")]
    private static partial Regex TemporaryKey();

    [Fact]
    public async Task ANewTemplate_ItsVersionAndItems_AreRecordedWithTheirRealIdsAndReferences()
    {
        await using var f = await DomainFixture.CreateAsync();
        var admin = await f.UserAsync("admin");

        SurveyTemplateView created;
        using (AuditActor.Use(admin.Id, admin.UserName))
            created = await f.Get<SurveyTemplateService>().CreateAsync(admin.Id,
                new SurveyTemplateInput("工程回访问卷", "", [new SurveyItemInput("安装质量", null), new SurveyItemInput("施工文明", null)]), Ct);

        await using var db = f.NewDb();
        var entries = await db.AuditEntries.AsNoTracking().Where(e => e.Area == AuditAreas.Templates && e.UserId == admin.Id).OrderBy(e => e.Id).ToListAsync(Ct);
        entries.ShouldAllBe(e => !TemporaryKey().IsMatch(e.Subject) && !TemporaryKey().IsMatch(e.Changes));
        var version = created.Current;
        entries.ShouldContain(e => e.Action == AuditActions.Added && e.Subject == $"问卷模板 工程回访问卷（编号 {created.Id}）");
        var versionEntry = entries.Single(e => e.Action == AuditActions.Added && e.Subject == $"问卷模板版本（编号 {version.Id}）");
        versionEntry.Changes.ShouldContain($"TemplateId: {created.Id}");
        var itemEntries = entries.Where(e => e.Action == AuditActions.Added && e.Subject.StartsWith("评分项", StringComparison.Ordinal)).ToList();
        itemEntries.Select(e => e.Subject).ShouldBe(version.Items.Select(i => $"评分项（编号 {i.Id}）"), ignoreOrder: true);
        itemEntries.ShouldAllBe(e => e.Changes.Contains($"VersionId: {version.Id}"));
        entries.ShouldContain(e => e.Action == AuditActions.Modified && e.Changes.Contains($"CurrentVersionId: 0 → {version.Id}"));
    }

    [Fact]
    public async Task WhenTheSaveFails_NeitherTheRowsNorTheirEntriesAreKept()
    {
        await using var f = await DomainFixture.CreateAsync();
        var admin = await f.UserAsync("admin");
        var day = new DateOnly(2026, 12, 31);
        await using (var db = f.NewDb())
        {
            db.CalendarDays.Add(new CalendarDay { Date = day, Kind = DayKind.Holiday, Name = "甲" });
            await db.SaveChangesAsync(Ct);
        }
        int before;
        await using (var db = f.NewDb()) before = await db.AuditEntries.CountAsync(Ct);

        await using (var db = f.NewDb())
        using (AuditActor.Use(admin.Id, admin.UserName))
        {
            db.FeeItems.Add(new FeeItem("主板", FeeKind.Part, "块", 680m, new DateOnly(2026, 6, 1))); // its entry waits for its id
            db.CalendarDays.Add(new CalendarDay { Date = day, Kind = DayKind.Holiday, Name = "乙" }); // the day is there already
            await Should.ThrowAsync<DbUpdateException>(() => db.SaveChangesAsync(Ct));
        }

        await using (var db = f.NewDb())
        {
            (await db.AuditEntries.CountAsync(Ct)).ShouldBe(before);
            (await db.FeeItems.CountAsync(Ct)).ShouldBe(0);
        }
        await f.Get<FeeScheduleService>().AddAsync(admin.Id, new FeeItemInput("主板", FeeKind.Part, "块", 680m, new DateOnly(2026, 6, 1)), Ct); // not left locked
        await using (var db = f.NewDb())
            (await db.AuditEntries.CountAsync(Ct)).ShouldBe(before + 1);
    }

    [Fact]
    public async Task ImportedCustomers_TheirProductsAndContacts_AreRecordedWithTheirRealIds_AndEachHasItsOwnHistory()
    {
        await using var f = await DomainFixture.CreateAsync();
        f.Get<CustomerImport>().Batching = WriteBatches.Fixed(2); // 3 batches
        var exec = await f.UserAsync("exec");
        var book = new CustomerListBook().Rows(4).Row(r => { r["联系人"] = "王小明"; r["联系人电话"] = "13700001111"; });

        using (AuditActor.Use(exec.Id, exec.UserName))
            (await f.ImportCustomersAsync(book, "exec")).Imported.ShouldBe(5);

        await using var db = f.NewDb();
        var customers = await db.Customers.Include(c => c.Products).Include(c => c.Contacts).OrderBy(c => c.Id).ToListAsync(Ct);
        var entries = await db.AuditEntries.AsNoTracking().Where(e => e.Area == AuditAreas.Customers && e.UserId == exec.Id).ToListAsync(Ct);
        entries.ShouldAllBe(e => e.Action == AuditActions.Added && !TemporaryKey().IsMatch(e.Subject) && !TemporaryKey().IsMatch(e.Changes));
        entries.Select(e => e.Subject).ShouldBe(
            customers.Select(c => $"客户（编号 {c.Id}）")
                .Concat(customers.SelectMany(c => c.Products.Select(p => $"客户产品 客户编号 {c.Id}（编号 {p.Id}）")))
                .Concat(customers.SelectMany(c => c.Contacts.Select(x => $"客户联系人 客户编号 {c.Id}（编号 {x.Id}）"))),
            ignoreOrder: true);
        var history = await db.CustomerHistory.AsNoTracking().ToListAsync(Ct);
        history.Select(h => h.CustomerId).ShouldBe(customers.Select(c => c.Id), ignoreOrder: true);
        history.ShouldAllBe(h => h.Action == "导入" && h.Note.Contains(customers.Single(c => c.Id == h.CustomerId).Name));
    }
}

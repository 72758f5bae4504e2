using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using ServicePortal.Domain.Accounts;
using ServicePortal.Domain.Audit;
using ServicePortal.Domain.Calendar;
using ServicePortal.Domain.Common;
using ServicePortal.Domain.Customers;
using ServicePortal.Tests.Domain.Customers;
using ServicePortal.Tests.Infrastructure;

namespace ServicePortal.Tests.Domain.Audit;

/// <summary>Every change to the audited data is written to the append-only audit log with who, when and before → after (issue 12).</summary>
public sealed class AuditTrailTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<List<AuditEntry>> EntriesAsync(DomainFixture f, string area)
    {
        await using var db = f.NewDb();
        return await db.AuditEntries.AsNoTracking().Where(e => e.Area == area).OrderBy(e => e.Id).ToListAsync(Ct);
    }

    [Fact]
    public async Task ChangingAnAccountsRole_IsRecordedWithBeforeAfterAndTheAdministrator()
    {
        await using var f = await DomainFixture.CreateAsync();
        var admin = await f.UserAsync("admin");
        var clerk = await f.UserAsync("clerk");

        await f.Get<AccountService>().ChangeRoleAsync(clerk.Id, Roles.DepartmentHead, clerk.DepartmentId, admin.Id, Ct);

        var entry = (await EntriesAsync(f, AuditAreas.Accounts)).Last();
        entry.Action.ShouldBe(AuditActions.Modified);
        entry.Subject.ShouldContain("clerk");
        entry.Changes.ShouldContain($"Role: {Roles.Clerk} → {Roles.DepartmentHead}");
        entry.UserId.ShouldBe(admin.Id);
        entry.UserName.ShouldBe("admin");
        entry.At.ShouldBe(f.Time.GetUtcNow().UtcDateTime);
    }

    [Fact]
    public async Task TimeFields_AreWrittenInBeijingTime_WithTheOffset_LikeTheTimeColumn()
    {
        // Midnight UTC is 08:00 in Beijing: once written as the bare date "2026-12-08".
        await using var f = await DomainFixture.CreateAsync(now: new DateTimeOffset(2026, 12, 8, 0, 0, 0, TimeSpan.Zero));
        var admin = await f.UserAsync("admin");
        var accounts = f.Get<AccountService>();

        await accounts.CreateAsync(Accounts.Input(), admin.Id, Ct);
        (await EntriesAsync(f, AuditAreas.Accounts)).Last().Changes.ShouldContain("CreatedAt: 2026-12-08 08:00:00 (+08:00)");

        (await f.LockAsync("clerk", new DateTimeOffset(2026, 12, 8, 10, 5, 9, TimeSpan.Zero))).ShouldBeTrue();
        await accounts.UnlockAsync(await f.IdAsync("clerk"), admin.Id, Ct);
        (await EntriesAsync(f, AuditAreas.Accounts)).Last().Changes.ShouldContain("LockoutEnd: 2026-12-08 18:05:09 (+08:00) → （空）");
    }

    [Fact]
    public async Task ResettingAPassword_RecordsThatItWasReset_NeverTheHashOrStamps()
    {
        await using var f = await DomainFixture.CreateAsync();
        var admin = await f.UserAsync("admin");
        var clerk = await f.UserAsync("clerk");

        await f.Get<AccountService>().ResetPasswordAsync(clerk.Id, Accounts.NewPassword, admin.Id, Ct);

        var after = await f.UserAsync("clerk");
        var entries = await EntriesAsync(f, AuditAreas.Accounts);
        var all = string.Join("\n", entries.Select(e => e.Changes));
        all.ShouldContain("密码已重置");
        all.ShouldNotContain(after.PasswordHash!);
        all.ShouldNotContain(clerk.PasswordHash!);
        all.ShouldNotContain(after.SecurityStamp!);
        all.ShouldNotContain("PasswordHash");
        all.ShouldNotContain("SecurityStamp");
    }

    [Fact]
    public async Task ACalendarChange_IsRecordedWithBeforeAfterAndTheActingUser()
    {
        await using var f = await DomainFixture.CreateAsync();
        var admin = await f.UserAsync("admin");
        var calendar = f.Get<CalendarService>();
        var day = new DateOnly(2026, 12, 31);

        using (AuditActor.Use(admin.Id, admin.UserName))
        {
            await calendar.SetDayAsync(admin.Id, day, DayKind.Holiday, "元旦调休", Ct);
            await calendar.SetDayAsync(admin.Id, day, DayKind.Workday, "补班", Ct);
        }

        var entries = await EntriesAsync(f, AuditAreas.Calendar);
        entries.Count.ShouldBe(2);
        entries[0].Action.ShouldBe(AuditActions.Added);
        entries[0].Subject.ShouldContain("2026-12-31");
        entries[1].Action.ShouldBe(AuditActions.Modified);
        entries[1].Changes.ShouldContain("Kind: Holiday → Workday");
        entries[1].Changes.ShouldContain("Name: 元旦调休 → 补班");
        entries.ShouldAllBe(e => e.UserId == admin.Id && e.UserName == "admin");
    }

    [Fact]
    public async Task ACustomerFileEdit_RecordsOpenValues_AndNamesClassifiedFieldsWithoutTheirValues()
    {
        await using var f = await DomainFixture.CreateAsync();
        var exec = await f.UserAsync("exec");
        var files = f.Get<CustomerFiles>();
        int id;
        using (AuditActor.Use(exec.Id, exec.UserName))
        {
            id = await files.CreateAsync(CustomerFilesTesting.Input(), exec.Id, ct: Ct);
            var changed = CustomerFilesTesting.Input() with
            {
                Address = "沈阳市沈河区青年大街 9 号",
                Basic = CustomerFilesTesting.Input().Basic with { BusinessNotes = "合同将于明年续签" },
            };
            await files.UpdateAsync(id, changed, withBasic: true, null, exec.Id, Ct);
        }

        var entries = await EntriesAsync(f, AuditAreas.Customers);
        var edit = entries.Last(e => e.Action == AuditActions.Modified);
        edit.Subject.ShouldBe($"客户（编号 {id}）"); // not the name: a destruction erases it, the log is append-only
        edit.Changes.ShouldContain("Address: （已修改，可销毁的客户资料不记内容）");
        edit.Changes.ShouldNotContain("青年大街");
        edit.Changes.ShouldContain("BusinessNotes: （保密内容已修改）");
        edit.Changes.ShouldNotContain("明年续签");
        edit.Changes.ShouldNotContain("Version");
        edit.UserName.ShouldBe("exec");
        var added = entries.Single(e => e.Action == AuditActions.Added && e.Subject.StartsWith("客户", StringComparison.Ordinal));
        added.Subject.ShouldBe($"客户（编号 {id}）"); // the number the database gave on saving
        added.Changes.ShouldContain("Name: （可销毁的客户资料，不记内容）");
        entries.ShouldAllBe(e => !e.Subject.Contains("沈阳安泰") && !e.Changes.Contains("沈阳安泰") && !e.Changes.Contains("南京北街"));
    }

    [Fact]
    public async Task AChangeWithoutASignedInUser_IsTheSystems()
    {
        await using var f = await DomainFixture.CreateAsync();

        await f.Get<CalendarService>().SetDayAsync((await f.UserAsync("admin")).Id, new DateOnly(2026, 12, 30), DayKind.Holiday, "测试", Ct);

        var entry = (await EntriesAsync(f, AuditAreas.Calendar)).Single();
        entry.UserId.ShouldBe("");
        entry.UserName.ShouldBe("系统");
    }

    [Fact]
    public async Task TheAuditLog_RefusesUpdateAndDelete_ThroughTheContextAndInTheDatabase()
    {
        await using var f = await DomainFixture.CreateAsync();
        await f.Get<CalendarService>().SetDayAsync((await f.UserAsync("admin")).Id, new DateOnly(2026, 12, 30), DayKind.Holiday, "测试", Ct);

        await using (var db = f.NewDb())
        {
            var entry = await db.AuditEntries.FirstAsync(Ct);
            entry.Changes = "改过了";
            (await Should.ThrowAsync<NotPermittedException>(() => db.SaveChangesAsync(Ct))).Message.ShouldContain("审计日志只能追加");
        }
        await using (var db = f.NewDb())
        {
            db.AuditEntries.Remove(await db.AuditEntries.FirstAsync(Ct));
            await Should.ThrowAsync<NotPermittedException>(() => db.SaveChangesAsync(Ct));
        }
        await using (var db = f.NewDb())
        {
            (await Should.ThrowAsync<DbException>(() => db.Database.ExecuteSqlRawAsync("""UPDATE "AuditLog" SET "Changes" = 'x'""", Ct)))
                .Message.ShouldContain("审计日志只能追加，不能修改");
            (await Should.ThrowAsync<DbException>(() => db.Database.ExecuteSqlRawAsync("""DELETE FROM "AuditLog" """, Ct)))
                .Message.ShouldContain("审计日志只能追加，不能删除");
            (await db.AuditEntries.CountAsync(e => e.Changes == "x", Ct)).ShouldBe(0);
            (await db.AuditEntries.CountAsync(Ct)).ShouldBeGreaterThan(0);
        }
    }

    [Fact]
    public async Task ARefusedChange_LeavesNoAuditEntry()
    {
        await using var f = await DomainFixture.CreateAsync();
        var admin = await f.UserAsync("admin");
        await using var before = f.NewDb();
        var count = await before.AuditEntries.CountAsync(Ct);

        // The last enabled administrator cannot lose the role: nothing is saved, nor recorded.
        await Should.ThrowAsync<DomainException>(() => f.Get<AccountService>().ChangeRoleAsync(admin.Id, Roles.Clerk, admin.DepartmentId, admin.Id, Ct));

        await using var db = f.NewDb();
        (await db.AuditEntries.CountAsync(Ct)).ShouldBe(count);
    }
}

using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ServicePortal.Domain.Audit;
using ServicePortal.Domain.Data;
using ServicePortal.Tests.Infrastructure;

namespace ServicePortal.Tests.Domain.Audit;

/// <summary>The audit log of a new database starts with what people do, not with the defaults written at start-up (issue 12).</summary>
public sealed class AuditStartUpTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ANewDatabase_AfterStartUp_HasNoAuditRows()
    {
        await using var f = await DomainFixture.CreateAsync(accounts: false);

        await using var db = f.NewDb();
        (await db.Departments.CountAsync(Ct)).ShouldBeGreaterThan(0); // the defaults were written …
        (await db.SurveyTemplates.CountAsync(Ct)).ShouldBe(1);
        (await db.AuditEntries.Select(e => e.Area + " " + e.Subject).ToListAsync(Ct)).ShouldBeEmpty(); // … without a trace
    }

    [Fact]
    public async Task AStartUpOnAnExistingDatabase_WritesNoAuditRows_AndAUsersChangeAfterItIsRecorded()
    {
        await using var f = await DomainFixture.CreateAsync(accounts: false);
        await using var scope = f.Services.CreateAsyncScope();
        var init = scope.ServiceProvider.GetRequiredService<DatabaseInitializer>();
        await init.InitializeAsync(demoData: false, Ct);
        AuditActor.Current.ShouldBe(AuditActor.System); // the start-up's actor does not outlive it

        await init.CreateAccountAsync("admin", "系统管理员", ServicePortal.Domain.Accounts.Roles.Admin, "客服部", TestAccounts.Password);

        await using var db = f.NewDb();
        var entries = await db.AuditEntries.ToListAsync(Ct);
        entries.ShouldNotBeEmpty();
        entries.ShouldAllBe(e => e.Area == AuditAreas.Accounts && e.Subject.Contains("admin"));
        entries[0].Action.ShouldBe(AuditActions.Added);
    }
}

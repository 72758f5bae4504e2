using Microsoft.EntityFrameworkCore;
using ServicePortal.Tests.Infrastructure;

namespace ServicePortal.Tests.Domain;

/// <summary>Numbers given in the register are kept; empty ones continue the month's serials; registrations continue after them.</summary>
public class ImportNumberingTests
{
    [Fact]
    public async Task GivenNumbers_AreKept_AndEmptyOnesContinueAfterTheHighestOfTheMonth()
    {
        await using var f = await DomainFixture.CreateAsync();

        var report = await f.ImportAsync(new ImportWorkbookBuilder()
            .Row()
            .Row(number: "TS2610005")
            .Row());

        report.Imported.ShouldBe(3);
        report.Rejected.ShouldBeEmpty();
        (await NumbersAsync(f)).ShouldBe(["TS2610005", "TS2610006", "TS2610007"]);
        report.Rows.Select(r => (r.Number, r.NumberGenerated)).ShouldBe([("TS2610006", true), ("TS2610005", false), ("TS2610007", true)]);
    }

    [Fact]
    public async Task RegistrationAfterImport_ContinuesAfterEveryImportedNumber()
    {
        await using var f = await DomainFixture.CreateAsync();
        await f.ImportAsync(new ImportWorkbookBuilder()
            .Row(r => r["受理时间"] = new DateTime(2026, 11, 2, 9, 0, 0), number: "TS2611040"));

        var registered = await f.RegisterAsync(new ComplaintInputBuilder().Build());

        registered.Number.ShouldBe("TS2611041");
    }

    [Fact]
    public async Task GeneratedNumbers_ContinueAfterComplaintsRegisteredInTheMonth()
    {
        await using var f = await DomainFixture.CreateAsync();
        var registered = await f.RegisterAsync(new ComplaintInputBuilder().Build());
        registered.Number.ShouldBe("TS2611001");

        await f.ImportAsync(new ImportWorkbookBuilder()
            .Rows(2, (_, r) => r["受理时间"] = new DateTime(2026, 11, 3, 14, 0, 0)));

        (await NumbersAsync(f)).ShouldBe(["TS2611001", "TS2611002", "TS2611003"]);
        (await f.RegisterAsync(new ComplaintInputBuilder().Build())).Number.ShouldBe("TS2611004");
    }

    [Fact]
    public async Task EachMonth_IsNumberedOnItsOwn()
    {
        await using var f = await DomainFixture.CreateAsync();

        await f.ImportAsync(new ImportWorkbookBuilder()
            .Row(r => r["受理时间"] = new DateTime(2025, 12, 31, 23, 50, 0))
            .Row(r => r["受理时间"] = "2026-01-01 00:10")
            .Row(r => r["受理时间"] = new DateTime(2025, 12, 1, 8, 0, 0)));

        (await NumbersAsync(f)).ShouldBe(["TS2512001", "TS2512002", "TS2601001"]);
    }

    private static async Task<List<string>> NumbersAsync(DomainFixture f)
    {
        await using var db = f.NewDb();
        return await db.Complaints.OrderBy(c => c.Number).Select(c => c.Number).ToListAsync(TestContext.Current.CancellationToken);
    }
}

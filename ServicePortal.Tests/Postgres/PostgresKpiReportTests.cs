using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using ServicePortal.Domain.Kpis;
using ServicePortal.Tests.Domain;
using ServicePortal.Tests.Infrastructure;

namespace ServicePortal.Tests.Postgres;

/// <summary>
/// The hand-computed KPI figures of <see cref="KpiReportTests"/> on PostgreSQL, and the whole dashboard report of the same
/// dataset equal, figure for figure, on SQLite and PostgreSQL.
/// </summary>
public sealed class PostgresKpiReportTests : KpiReportTests, IClassFixture<PostgresKpiDataset>
{
    private readonly KpiDataset _postgres;
    private readonly KpiDataset _sqlite;

    public PostgresKpiReportTests(PostgresKpiDataset postgres, KpiDataset sqlite) : base(postgres)
    {
        PostgresCluster.SkipUnlessAvailable();
        (_postgres, _sqlite) = (postgres, sqlite);
    }

    public static TheoryData<string, string> Periods => new()
    {
        { "2026-11-01", "2026-11-30" },
        { "2026-10-01", "2026-11-30" },
        { "2026-11-16", "2026-11-24" },
        { "2026-12-01", "2026-12-31" },
    };

    [Theory]
    [MemberData(nameof(Periods))]
    public async Task TheDashboardReport_IsTheSameOnSqliteAndPostgres(string from, string to)
    {
        var ct = TestContext.Current.CancellationToken;
        var request = new KpiRequest(DateOnly.Parse(from, System.Globalization.CultureInfo.InvariantCulture), DateOnly.Parse(to, System.Globalization.CultureInfo.InvariantCulture));
        var onSqlite = await _sqlite.F.Get<KpiService>().ReportAsync(request, ct);
        var onPostgres = await _postgres.F.Get<KpiService>().ReportAsync(request, ct);
        // Line by line, so that a failure names the figure that differs.
        var expected = await LinesAsync(onSqlite, _sqlite);
        var actual = await LinesAsync(onPostgres, _postgres);
        for (var i = 0; i < Math.Min(expected.Length, actual.Length); i++)
            actual[i].ShouldBe(expected[i], $"line {i + 1} of the report: {string.Join(" ", expected[Math.Max(0, i - 6)..i])}");
        actual.Length.ShouldBe(expected.Length);
    }

    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    /// <summary>The report as indented JSON, the accounts' ids (new GUIDs in each database) replaced by their user names.</summary>
    private static async Task<string[]> LinesAsync(KpiReport report, KpiDataset data)
    {
        var json = JsonSerializer.Serialize(report, Indented);
        await using var db = data.F.NewDb();
        foreach (var user in await db.Users.ToListAsync(TestContext.Current.CancellationToken))
            json = json.Replace(user.Id, "user:" + user.UserName, StringComparison.Ordinal);
        return json.Split('\n');
    }
}

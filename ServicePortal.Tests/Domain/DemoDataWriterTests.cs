using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using ServicePortal.Domain.Complaints;
using ServicePortal.Domain.Demo;
using ServicePortal.Tests.Infrastructure;

namespace ServicePortal.Tests.Domain;

/// <summary>The demo data's bulk writer writes a complaint and its records exactly as EF Core saves them.</summary>
public class DemoDataWriterTests
{
    public DemoDataWriterTests() => DomainFixture.SkipOnPostgreSQL("the demo data's bulk writer writes SQLite only");

    /// <summary>The tables of a complaint's records; ids of all but complaints and proposals are generated, so not compared.</summary>
    private static readonly Type[] Aggregate =
    [
        typeof(Complaint), typeof(ComplaintHistory), typeof(ComplaintInvestigation), typeof(ResolutionProposal), typeof(ResolutionItem),
        typeof(ProposalApproval), typeof(ComplaintReply), typeof(ComplaintFeedback), typeof(DeadlineExtension),
    ];

    [Fact]
    public async Task AComplaintWrittenInBulk_HasTheRowsEfCoreSavedForIt()
    {
        await using var f = await DomainFixture.CreateAsync();
        var k = await ComplaintCycle.CreateAsync(f);
        var ct = ComplaintCycle.Ct;
        // Every kind of record: two rounds, a proposal with cents needing both approvals, an approved
        // extension, an overdue flag from escalation, enums, decimals, nulls and times in every table.
        var n = await k.NewCaseAtAsync(ComplaintStatus.Unsatisfied, 6000.55m);
        await k.Flow.ReopenAsync(n, k.Id("director"), null, "客户认为退款太少", ct);
        var due = DateTime.SpecifyKind((await k.LoadAsync(n)).CloseDue!.Value, DateTimeKind.Utc);
        await k.Flow.RequestExtensionAsync(n, k.Id("clerk"), null, "需等待厂家检测报告", new DateTimeOffset(due).AddDays(10), ct);
        await k.Flow.DecideExtensionAsync(n, k.Id("head"), null, true, "", ct);
        f.Time.Advance(TimeSpan.FromDays(40));
        await f.Get<EscalationService>().RunOnceAsync(ct);
        await k.WalkToAsync(n, ComplaintStatus.Replied, 120.25m);

        await using var db = f.NewDb();
        var saved = await db.Complaints.AsNoTracking().Include(c => c.Customer)
            .Include(c => c.History).Include(c => c.Investigations)
            .Include(c => c.Proposals).ThenInclude(p => p.Items)
            .Include(c => c.Proposals).ThenInclude(p => p.Approvals)
            .Include(c => c.Replies).Include(c => c.Feedbacks).Include(c => c.Extensions)
            .AsSplitQuery().SingleAsync(c => c.Number == n, ct);
        saved.IsOverdue.ShouldBeTrue();
        saved.Proposals.Count.ShouldBe(2);
        var before = await RowsAsync(f, db, ct);
        before.Select(r => r.Split(' ')[0]).Distinct().Count().ShouldBe(Aggregate.Length, "a row in every table");

        await ExecuteAsync(f, $"PRAGMA foreign_keys = ON; DELETE FROM ComplaintSearch WHERE rowid = {saved.Id}; DELETE FROM Complaints WHERE Id = {saved.Id}", ct);
        (await RowsAsync(f, db, ct)).ShouldBeEmpty();
        await using (var writer = await DemoDataWriter.OpenAsync(f.ConnectionString, sqlite: true, db.Model, ct))
        {
            writer.WriteComplaints([saved]);
            writer.Commit();
        }

        (await RowsAsync(f, db, ct)).ShouldBe(before);
        (await f.Get<ComplaintService>().SearchAsync(new ComplaintQuery { Search = "收费标准" }, ct)).Items.ShouldContain(i => i.Number == n);
    }

    /// <summary>Every row of the complaint tables as text: each column's name, storage class and value.</summary>
    private static async Task<List<string>> RowsAsync(DomainFixture f, DbContext db, CancellationToken ct)
    {
        await using var connection = new SqliteConnection(f.ConnectionString);
        await connection.OpenAsync(ct);
        var rows = new List<string>();
        foreach (var type in Aggregate)
        {
            var table = db.Model.FindEntityType(type)!.GetTableName()!;
            var ownId = type == typeof(Complaint) || type == typeof(ResolutionProposal);
            await using var command = connection.CreateCommand();
            command.CommandText = $"SELECT * FROM \"{table}\"";
            await using var reader = await command.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                var columns = Enumerable.Range(0, reader.FieldCount)
                    .Where(i => ownId || reader.GetName(i) != "Id")
                    .Select(i => reader.IsDBNull(i) ? $"{reader.GetName(i)}=NULL"
                        : string.Create(CultureInfo.InvariantCulture, $"{reader.GetName(i)}={reader.GetFieldType(i).Name}:{reader.GetValue(i)}"));
                rows.Add(table + " " + string.Join(" | ", columns));
            }
        }
        rows.Sort(StringComparer.Ordinal);
        return rows;
    }

    private static async Task ExecuteAsync(DomainFixture f, string sql, CancellationToken ct)
    {
        await using var connection = new SqliteConnection(f.ConnectionString);
        await connection.OpenAsync(ct);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(ct);
    }
}

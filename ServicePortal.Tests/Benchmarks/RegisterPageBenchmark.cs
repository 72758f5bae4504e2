using Microsoft.Data.Sqlite;
using ServicePortal.Domain.Accounts;
using ServicePortal.Domain.Common;
using ServicePortal.Domain.Complaints;

namespace ServicePortal.Tests.Benchmarks;

/// <summary>
/// Register pages at 1M complaints (issue 4: p95 ≤ 100 ms): <see cref="ComplaintService.SearchAsync(ComplaintQuery, CancellationToken)"/>
/// for realistic queries, each against the same page and count written as plain SQL through ADO.NET
/// where the query has a plain SQL equivalent (the searches go through the full-text index and have none).
/// </summary>
[Collection(BenchCollection.Name)]
public sealed class RegisterPageBenchmark(BenchDatabase bench)
{
    private const double TargetP95 = 100;

    /// <summary>The register row as plain SQL: the complaint with its customer, category and owner.</summary>
    private static readonly RegisterBench Raw = new(
        From: """
            Complaints AS c
            JOIN Customers AS cu ON cu.Id = c.CustomerId
            JOIN ComplaintCategories AS cat ON cat.Id = c.CategoryId
            JOIN AspNetUsers AS u ON u.Id = c.OwnerId
            """,
        Select: """
            c.Number, c.ReceivedAt, cu.Name, cu.Phone, c.Channel, cat.Name, c.Severity, c.Status, c.OwnerId,
            u.DisplayName, substr(c.Content, 1, 120), c.PromisedReplyAt
            """,
        CountFrom: "Complaints AS c");

    [Fact(Explicit = true)]
    [Trait("Category", "Benchmark")]
    public async Task RegisterPages_At1MComplaints()
    {
        await bench.OpenAsync();
        await using var connection = await bench.OpenConnectionAsync();
        var rows = await Raw.MeasureAsync(connection, await SamplesAsync(connection), TargetP95);
        BenchReport.Write($"Register page ({bench.Complaints:N0} complaints, {Raw.PageSize} rows a page with the total)", rows,
        [
            "Subject: `ComplaintService.SearchAsync` (EF Core, page + total). Baseline: the same page and `count(*)` as " +
            "plain SQL through ADO.NET (joins for customer, category and owner; `LIMIT`/`OFFSET`), as one would write it " +
            "by hand, left to SQLite's planner. Searches have no plain SQL equivalent (full-text index): no baseline.",
        ]);
    }

    private async Task<List<RegisterSample>> SamplesAsync(SqliteConnection connection)
    {
        var service = bench.Get<ComplaintService>();
        RegisterSample Sample(string name, ComplaintQuery query, string? where, string orderBy, params object[] args) =>
            new(name, async ct => (await service.SearchAsync(query, ct)).TotalCount, where, orderBy, args, query.Page);

        var owner = await RegisterBench.ScalarAsync<string>(connection,
            "SELECT OwnerId FROM Complaints GROUP BY OwnerId ORDER BY count(*) DESC LIMIT 1");
        var customerId = await RegisterBench.ScalarAsync<long>(connection, "SELECT CustomerId FROM Complaints ORDER BY Id DESC LIMIT 1");
        var customer = await RegisterBench.ScalarAsync<string>(connection, $"SELECT Name FROM Customers WHERE Id = {customerId}");
        var phone = await RegisterBench.ScalarAsync<string>(connection, $"SELECT Phone FROM Customers WHERE Id = {customerId}");
        var prefix = phone[..Math.Min(7, phone.Length)];
        // A member of staff sees their own cases and their department's (ReadScope): the busiest owner, as Staff.
        var department = await RegisterBench.ScalarAsync<long>(connection, $"SELECT DepartmentId FROM AspNetUsers WHERE Id = '{owner}'");
        var staff = new CaseActor(owner, "staff", Roles.Staff, (int)department);
        RegisterSample AsStaff(string name, ComplaintQuery query, string? where, string orderBy, params object[] more) =>
            new(name, async ct => (await service.SearchAsync(query, staff, ct)).TotalCount, where, orderBy, [owner, department, .. more], query.Page);
        const string staffScope = "(c.OwnerId = $p0 OR c.ResponsiblePersonId = $p0 OR c.ResponsibleDepartmentId = $p1)";
        var lastMonth = bench.Get<PortalClock>().LocalNow.AddMonths(-1);
        var month = lastMonth.Year * 100 + lastMonth.Month;
        var newest = "c.ReceivedAt DESC, c.Id DESC";
        return
        [
            Sample("no filter, newest first", new ComplaintQuery(), "1", newest),
            Sample("status 调查中", new ComplaintQuery { Status = ComplaintStatus.Assigned }, "c.Status = $p0", newest, nameof(ComplaintStatus.Assigned)),
            Sample("severity 紧急 + channel 来访", new ComplaintQuery { Severity = ComplaintSeverity.Urgent, Channel = ComplaintChannel.Visit },
                "c.Severity = $p0 AND c.Channel = $p1", newest, nameof(ComplaintSeverity.Urgent), nameof(ComplaintChannel.Visit)),
            Sample("owner (busiest)", new ComplaintQuery { OwnerId = owner }, "c.OwnerId = $p0", newest, owner),
            Sample($"month {month}", new ComplaintQuery { Month = month }, "c.ReceivedMonth = $p0", newest, month),
            Sample("search 空调", new ComplaintQuery { Search = "空调" }, null, newest),
            Sample($"search customer {customer}", new ComplaintQuery { Search = customer }, null, newest),
            Sample($"search phone {prefix}…", new ComplaintQuery { Search = prefix }, null, newest),
            Sample("sorted by customer", new ComplaintQuery { Sort = ComplaintSort.Customer, Descending = false }, "1", "cu.Name, c.ReceivedAt DESC"),
            Sample("page 50, newest first", new ComplaintQuery { Page = 49 }, "1", newest),
            AsStaff("staff: own + department's, newest first", new ComplaintQuery(), staffScope, newest),
            AsStaff("staff: status 调查中", new ComplaintQuery { Status = ComplaintStatus.Assigned },
                staffScope + " AND c.Status = $p2", newest, nameof(ComplaintStatus.Assigned)),
            AsStaff("staff: search 空调", new ComplaintQuery { Search = "空调" }, null, newest),
        ];
    }
}

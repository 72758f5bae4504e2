using Microsoft.Data.Sqlite;
using ServicePortal.Domain.Common;
using ServicePortal.Domain.Repairs;

namespace ServicePortal.Tests.Benchmarks;

/// <summary>
/// Repair register pages at 1M orders (issue 9: p95 ≤ 100 ms): <see cref="RepairService.SearchAsync(RepairQuery, CancellationToken)"/>
/// with the register's typical questions — none, a number, a phone or name prefix, stage, technician,
/// warranty, repeat, month, deep pages — each against the same page and count as plain SQL.
/// </summary>
[Collection(BenchCollection.Name)]
public sealed class RepairRegisterBenchmark(BenchDatabase bench)
{
    private const double TargetP95 = 100;

    /// <summary>The register row as plain SQL: the order with its customer.</summary>
    private static readonly RegisterBench Raw = new(
        From: "RepairOrders AS o JOIN Customers AS cu ON cu.Id = o.CustomerId",
        Select: """
            o.Number, o.ReceivedAt, cu.Name, cu.Phone, o.ProductModel, o.SerialNumber, o.FaultCategory, o.InWarranty, o.RepeatOfNumber,
            o.Stage, o.ClerkName, o.TechnicianName, o.AppointmentAt, o.CompletedAt, o.FeedbackSlipDue, o.FeedbackSlipAt
            """,
        CountFrom: "RepairOrders AS o");

    [Fact(Explicit = true)]
    [Trait("Category", "Benchmark")]
    public async Task RepairRegisterPages_At1MOrders()
    {
        await bench.OpenAsync();
        await using var connection = await bench.OpenConnectionAsync();
        var samples = await SamplesAsync(connection);
        var rows = await Raw.MeasureAsync(connection, samples, TargetP95);
        BenchReport.Write($"Repair register page ({bench.Repairs:N0} orders, {Raw.PageSize} rows a page with the total)", rows,
        [
            "Subject: `RepairService.SearchAsync` (EF Core, page + total). Baseline: the same page and `count(*)` as plain SQL " +
            "through ADO.NET (join for the customer; a search is the same prefix conditions on number, serial, model and the " +
            "customer's name or phone; `LIMIT`/`OFFSET`), as one would write it by hand, left to SQLite's planner.",
        ]);
    }

    private async Task<List<RegisterSample>> SamplesAsync(SqliteConnection connection)
    {
        var service = bench.Get<RepairService>();
        RegisterSample Sample(string name, RepairQuery query, string where, string orderBy, params object[] args) =>
            new(name, async ct => (await service.SearchAsync(query, ct)).TotalCount, where, orderBy, args, query.Page);

        var technician = await RegisterBench.ScalarAsync<string>(connection,
            "SELECT TechnicianId FROM RepairOrders WHERE TechnicianId IS NOT NULL GROUP BY TechnicianId ORDER BY count(*) DESC LIMIT 1");
        var number = await RegisterBench.ScalarAsync<string>(connection, "SELECT Number FROM RepairOrders WHERE Id = (SELECT MAX(Id) / 2 FROM RepairOrders)");
        var customerId = await RegisterBench.ScalarAsync<long>(connection, "SELECT CustomerId FROM RepairOrders ORDER BY Id DESC LIMIT 1");
        var customer = await RegisterBench.ScalarAsync<string>(connection, $"SELECT Name FROM Customers WHERE Id = {customerId}");
        var phone = await RegisterBench.ScalarAsync<string>(connection, $"SELECT Phone FROM Customers WHERE Id = {customerId}");
        var phonePrefix = phone[..Math.Min(7, phone.Length)];
        var namePrefix = customer[..Math.Min(2, customer.Length)];
        var lastMonth = bench.Get<PortalClock>().LocalNow.AddMonths(-1);
        var month = lastMonth.Year * 100 + lastMonth.Month;
        var newest = "o.ReceivedAt DESC, o.Id DESC";
        // A search: the customers whose name or phone starts with the text, or an order whose number, serial or model does.
        const string search = """
            (o.CustomerId IN (SELECT Id FROM Customers WHERE (Name >= $p0 AND Name < $p1) OR (Phone >= $p0 AND Phone < $p1))
             OR (o.Number >= $p0 AND o.Number < $p1) OR (o.SerialNumber >= $p0 AND o.SerialNumber < $p1)
             OR (o.ProductModel >= $p0 AND o.ProductModel < $p1))
            """;
        static string End(string prefix) => prefix[..^1] + (char)(prefix[^1] + 1);
        return
        [
            Sample("no filter, newest first", new RepairQuery(), "1", newest),
            Sample($"number {number}", new RepairQuery { Search = number }, "o.Number = $p0", newest, number),
            Sample($"search phone {phonePrefix}…", new RepairQuery { Search = phonePrefix }, search, newest, phonePrefix, End(phonePrefix)),
            Sample($"search name {namePrefix}…", new RepairQuery { Search = namePrefix }, search, newest, namePrefix, End(namePrefix)),
            Sample("stage 已完工待交反馈单", new RepairQuery { Stage = RepairStage.Completed }, "o.Stage = $p0", newest, nameof(RepairStage.Completed)),
            Sample("stage 已审核", new RepairQuery { Stage = RepairStage.Reviewed }, "o.Stage = $p0", newest, nameof(RepairStage.Reviewed)),
            Sample("open orders", new RepairQuery { OpenOnly = true }, "o.Stage NOT IN ('Reviewed', 'Declined')", newest),
            Sample("technician (busiest)", new RepairQuery { TechnicianId = technician }, "o.TechnicianId = $p0", newest, technician),
            Sample("in warranty", new RepairQuery { InWarranty = true }, "o.InWarranty = 1", newest),
            Sample("repeat repairs", new RepairQuery { Repeat = true }, "o.RepeatOfId IS NOT NULL", newest),
            Sample($"month {month}", new RepairQuery { Month = month }, "o.ReceivedMonth = $p0", newest, month),
            Sample($"technician + month {month}", new RepairQuery { TechnicianId = technician, Month = month },
                "o.TechnicianId = $p0 AND o.ReceivedMonth = $p1", newest, technician, month),
            Sample("out of warranty + repeat, by number", new RepairQuery { InWarranty = false, Repeat = true, Sort = RepairSort.Number, Descending = false },
                "o.InWarranty = 0 AND o.RepeatOfId IS NOT NULL", "o.Number"),
            Sample("page 50, newest first", new RepairQuery { Page = 49 }, "1", newest),
            Sample("page 500, newest first", new RepairQuery { Page = 499 }, "1", newest),
            Sample("stage 已审核, page 200", new RepairQuery { Stage = RepairStage.Reviewed, Page = 199 }, "o.Stage = $p0", newest, nameof(RepairStage.Reviewed)),
        ];
    }
}

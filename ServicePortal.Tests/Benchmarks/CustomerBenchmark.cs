using System.Diagnostics;
using System.Globalization;
using Microsoft.Data.Sqlite;
using ServicePortal.Domain.Accounts;
using ServicePortal.Domain.Customers;
using ServicePortal.Tests.Infrastructure;

namespace ServicePortal.Tests.Benchmarks;

/// <summary>
/// Customer list searches (issue 11: p95 ≤ 50 ms at 1,000,000 customers): <see cref="CustomerDirectory.SearchAsync"/>
/// (EF Core, page + total) for a name fragment, a phone prefix and last 4 digits, a serial, a contact and a filter,
/// each against the same page and count as plain SQL through ADO.NET (the same indexes: FTS5 trigram, ranges).
/// Builds its own database (CUSTOMER_BENCH_N customers, default 1,000,000, each with a product and a contact) with names
/// made of a city and two of 16 words and a suffix, so that the fragments searched are as common as the benchmark needs (械东 across
/// two words in one name in 250, 东来 and 鑫 in one in eight, 有限 in one in two); the demo generator's customers (<c>generate</c>, 200,000 by default)
/// carry their cases, which <see cref="CustomerPageBenchmark"/> uses.
/// </summary>
[Collection(BenchCollection.Name)]
public sealed class CustomerBenchmark
{
    private const double TargetP95 = 50;
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private static readonly string[] Cities = ["沈阳", "大连", "长春", "哈尔滨", "北京", "天津", "上海", "南京", "杭州", "广州", "深圳", "成都", "西安", "武汉"];
    private static readonly string[] Words = ["华信", "精密", "机械", "东来", "宏达", "恒通", "金桥", "新元", "安泰", "瑞丰", "永盛", "中科", "天成", "联合", "振华", "鑫源"];
    private static readonly string[] Suffixes = ["有限公司", "集团", "科技有限公司", "设备厂", "物业", "商贸有限公司"];
    private static readonly string[] Areas = ["东北", "华北", "华东", "华南", "西南", "西北", "华中"];
    private static readonly string[] Surnames = ["王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴"];

    [Fact(Explicit = true)]
    [Trait("Category", "Benchmark")]
    public async Task CustomerSearches_At1MCustomers()
    {
        var n = int.TryParse(Environment.GetEnvironmentVariable("CUSTOMER_BENCH_N"), out var v) ? v : 1_000_000;
        await using var fixture = await DomainFixture.CreateAsync(accounts: false);
        var fill = Stopwatch.StartNew();
        await using var connection = new SqliteConnection(fixture.ConnectionString);
        await connection.OpenAsync(Ct);
        await FillAsync(connection, n);
        fill.Stop();

        var directory = fixture.Get<CustomerDirectory>();
        var rows = new List<BenchRow>();
        async Task Sample(string name, CustomerQuery query, string where, string? probe = null)
        {
            var (subject, baseline) = await Measure.InterleavedAsync(
                async () => await directory.SearchAsync(query, Roles.Executive, Ct),
                () => RawAsync(connection, where, probe is null ? null : $"{probe} LIMIT {CustomerDirectory.CommonHits(n)}"));
            rows.Add(BenchRow.Timed(name, subject, baseline, maxP95: TargetP95));
        }

        const string active = "c.MergedIntoId IS NULL AND c.DestroyedAt IS NULL";
        await Sample("no filter, newest first", new CustomerQuery(), active);
        // A name fragment: as CustomerDirectory does, its index hits are read when they are few; when they are common
        // (CommonHits(n) or more) names are checked in the list's order and counted up to 1,000 (IsCommonAsync).
        const string serials = " OR c.Id IN (SELECT CustomerId FROM CustomerProducts WHERE SerialNumber >= '{0}' AND SerialNumber < '{1}')";
        async Task NameSample(string text, string how)
        {
            var hitsSql = text.Length switch
            {
                >= 3 => $"SELECT rowid FROM CustomerNameSearch WHERE CustomerNameSearch MATCH '\"{text}\"'",
                2 => $"SELECT CustomerId FROM CustomerNameGrams WHERE Gram = '{text}'",
                _ => $"SELECT CustomerId FROM CustomerNameGrams WHERE Gram >= '{text}' AND Gram <= '{text}' || char(1114111)",
            };
            await using var count = connection.CreateCommand();
            count.CommandText = $"SELECT count(*) FROM ({hitsSql})";
            var hits = (long)(await count.ExecuteScalarAsync(Ct))!;
            var serial = string.Format(CultureInfo.InvariantCulture, serials, text, CustomerDirectory.PrefixEnd(text));
            var query = new CustomerQuery { Search = text };
            if (hits >= CustomerDirectory.CommonHits(n))
            {
                var check = text.Length >= 3 ? $"instr(lower(c.Name), '{text}') > 0" : $"instr(c.Name, '{text}') > 0";
                await Sample($"name fragment {text} ({how}; {hits:N0} hits: names checked, counted to 1,000)", query, $"{active} AND ({check}{serial})", hitsSql);
            }
            else
            {
                await Sample($"name fragment {text} ({how}; {hits:N0} hits read)", query, $"{active} AND (c.Id IN ({hitsSql}){serial})");
            }
        }
        await NameSample("精密机", "trigram");
        await NameSample("宏达精", "trigram");
        await NameSample("械东", "2 chars");
        await NameSample("东来", "2 chars");
        await NameSample("鑫", "1 char");
        await NameSample("有限", "2 chars");
        await NameSample("有限公司", "trigram");
        await Sample("phone prefix 1380012", new CustomerQuery { Search = "1380012" }, active + " AND c.Phone >= '1380012' AND c.Phone < '1380013'");
        await Sample("phone last 4 digits 4321", new CustomerQuery { Search = "4321" }, active + " AND substr(c.Phone, -4) = '4321'");
        await Sample("serial SN0012345", new CustomerQuery { Search = "SN0012345" },
            active + " AND c.Id IN (SELECT CustomerId FROM CustomerProducts WHERE SerialNumber >= 'SN0012345' AND SerialNumber < 'SN0012346')");
        await Sample("contact 王12", new CustomerQuery { Contact = "王12" },
            active + " AND c.Id IN (SELECT CustomerId FROM CustomerContacts WHERE Name >= '王12' AND Name < '王13')");
        await Sample("filter area 华东 + key", new CustomerQuery { Area = "华东", Key = true }, active + " AND c.ServiceArea = '华东' AND c.IsKeyCustomer = 1");
        await Sample("filter credit D", new CustomerQuery { Credit = CreditClass.D }, active + " AND c.CreditClass = 'D'");
        BenchReport.Write($"Customer list ({n:N0} customers, 20 rows a page with the total; filled in {fill.Elapsed.TotalSeconds:0} s)", rows,
        [
            "Subject: `CustomerDirectory.SearchAsync` (EF Core, page + total, as the Executive). Baseline: the same page and `count(*)` " +
            "as plain SQL through ADO.NET with the same conditions and indexes. A name fragment in one name in fifty or more (2,000 … 20,000 index hits; each row says which) " +
            "is checked name by name in the list's order and counted up to 1,000 (the list shows 1,000+); below that, the index's hits are read.",
        ]);
    }

    /// <param name="probe">for a common text, the hits of the index that tell it is common (up to CommonHits); the count then stops at 1001.</param>
    private static async Task RawAsync(SqliteConnection connection, string where, string? probe)
    {
        if (probe is not null)
        {
            await using var common = connection.CreateCommand();
            common.CommandText = $"SELECT max(Id) FROM Customers; SELECT count(*) FROM ({probe})";
            await common.ExecuteScalarAsync(Ct);
        }
        await using var page = connection.CreateCommand();
        page.CommandText = $"SELECT c.Id, c.Kind, c.Name, c.Phone, c.Address, c.ServiceArea, c.IsKeyCustomer, c.CreditClass, c.Industry FROM Customers AS c WHERE {where} ORDER BY c.Id DESC LIMIT 20";
        await using (var reader = await page.ExecuteReaderAsync(Ct))
            while (await reader.ReadAsync(Ct)) { }
        await using var count = connection.CreateCommand();
        count.CommandText = probe is null
            ? $"SELECT count(*) FROM Customers AS c WHERE {where}"
            : $"SELECT count(*) FROM (SELECT 1 FROM Customers AS c WHERE {where} LIMIT {CustomerDirectory.CountLimit + 1})";
        await count.ExecuteScalarAsync(Ct);
    }

    private static async Task FillAsync(SqliteConnection connection, int n)
    {
        var random = new Random(11);
        await using var tx = (SqliteTransaction)await connection.BeginTransactionAsync(Ct);
        await using var customer = connection.CreateCommand();
        customer.Transaction = tx;
        customer.CommandText = """
            INSERT INTO Customers (Id, Kind, Name, Phone, Address, IsForeign, IsKeyCustomer, ServiceArea, CreatedAt, Industry, Scale, Qualifications,
                CreditClass, BusinessNotes, LastVerifiedBy, Version)
            VALUES ($id, 'Organisation', $name, $phone, '某市某区某路 1 号', 0, $key, $area, '2026-01-01 00:00:00', '制造业', '', '', $credit, '', '', 0)
            """;
        var p = new[] { "$id", "$name", "$phone", "$key", "$area", "$credit" }.Select(name => customer.Parameters.Add(new SqliteParameter(name, null))).ToArray();
        await using var product = connection.CreateCommand();
        product.Transaction = tx;
        product.CommandText = "INSERT INTO CustomerProducts (CustomerId, Model, SerialNumber) VALUES ($id, 'KT-200', $serial)";
        var pp = new[] { "$id", "$serial" }.Select(name => product.Parameters.Add(new SqliteParameter(name, null))).ToArray();
        await using var contact = connection.CreateCommand();
        contact.Transaction = tx;
        contact.CommandText = "INSERT INTO CustomerContacts (CustomerId, Name, Role, Phone, Email, Notes, IsKeyPerson) VALUES ($id, $name, '经理', '', '', '', 0)";
        var cp = new[] { "$id", "$name" }.Select(name => contact.Parameters.Add(new SqliteParameter(name, null))).ToArray();
        for (var i = 1; i <= n; i++)
        {
            p[0].Value = i;
            p[1].Value = Cities[random.Next(Cities.Length)] + Words[random.Next(Words.Length)] + Words[random.Next(Words.Length)] + Suffixes[random.Next(Suffixes.Length)];
            p[2].Value = "138" + random.Next(0, 100_000_000).ToString("D8", System.Globalization.CultureInfo.InvariantCulture);
            p[3].Value = random.Next(20) == 0 ? 1 : 0;
            p[4].Value = Areas[random.Next(Areas.Length)];
            p[5].Value = "ABCD"[random.Next(4)].ToString();
            await customer.ExecuteNonQueryAsync(Ct);
            pp[0].Value = i;
            pp[1].Value = "SN" + i.ToString("D7", System.Globalization.CultureInfo.InvariantCulture);
            await product.ExecuteNonQueryAsync(Ct);
            cp[0].Value = i;
            cp[1].Value = Surnames[random.Next(Surnames.Length)] + random.Next(1000).ToString(System.Globalization.CultureInfo.InvariantCulture);
            await contact.ExecuteNonQueryAsync(Ct);
        }
        await tx.CommitAsync(Ct);
        await using var analyze = connection.CreateCommand();
        analyze.CommandText = "ANALYZE; INSERT INTO CustomerNameSearch (CustomerNameSearch) VALUES ('optimize');";
        await analyze.ExecuteNonQueryAsync(Ct);
    }
}

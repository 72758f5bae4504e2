using Microsoft.EntityFrameworkCore;
using ServicePortal.Domain.Complaints;
using ServicePortal.Tests.Infrastructure;

namespace ServicePortal.Tests.Domain;

/// <summary>
/// Thirty complaints over three months, every one with 客户 in its content, some of customers whose name holds the word too,
/// some naming a number TS2610 in the text: the register finds what reading every row finds — same rows, order and total —
/// in both query plans (few hits: start from them; many: walk the page's order, on PostgreSQL checking each row against the
/// search). Run on SQLite and, with SERVICEPORTAL_TEST_DATABASE=PostgreSQL, on PostgreSQL: the same answers on both.
/// </summary>
public sealed class CommonWordDataset : IAsyncLifetime
{
    public DomainFixture Fixture { get; private set; } = null!;

    private static readonly (string Name, string Phone)[] Customers =
    [
        ("王芳", "18600004444"), ("王建国", "13812345678"), ("李娜", "13900001111"), ("客户服务部", "02188880000"),
        ("上海汇通精密模具有限公司", "02123207040"), ("赵敏", "15000003333"),
    ];

    public async ValueTask InitializeAsync()
    {
        Fixture = await DomainFixture.CreateAsync();
        for (var i = 0; i < 30; i++)
        {
            var (name, phone) = Customers[i % Customers.Length];
            var content = (i % 3, i % 5) switch
            {
                (0, 0) => "客户反映型号 TS2610 的空调漏水，楼下天花板发霉。",
                (0, _) => "客户反映空调漏水，维修人员态度很差。",
                (_, 0) => "客户来电说 TS2610 配件缺货，王师傅一直没有上门。",
                _ => "客户表示收费不透明，要求退还多收费用。",
            };
            var input = new ComplaintInputBuilder().WithCustomer(name, phone).WithContent(content)
                .With(c => c.CustomerRequest = "尽快处理").WithSeverity(i % 4 == 0 ? ComplaintSeverity.Major : ComplaintSeverity.Normal)
                .ReceivedAt(DomainFixture.DefaultNow.AddDays(-2 * i).AddMinutes(i)).Build();
            await Fixture.RegisterAsync(input);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (Fixture is not null) await Fixture.DisposeAsync();
    }
}

public sealed class ComplaintSearchCommonWordTests(CommonWordDataset data) : IClassFixture<CommonWordDataset>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("客户")]     // in every complaint, and in a customer's name
    [InlineData("客")]       // one character: a prefix of every complaint's first token
    [InlineData("空调漏水")] // a phrase in a third of them
    public async Task AWordInManyComplaints_FindsWhatReadingEveryRowFinds(string search) => await SameAsReadingEveryRowAsync(search);

    [Theory]
    [InlineData("TS2611")]   // a month's numbers
    [InlineData("TS26")]     // every number
    [InlineData("TS2610")]   // a month's numbers and texts naming it, some of them both
    public async Task ANumberFragment_FindsWhatReadingEveryRowFinds(string search) => await SameAsReadingEveryRowAsync(search);

    [Theory]
    [InlineData("王")]       // two customers' names and a text
    [InlineData("王芳")]
    [InlineData("李娜")]
    public async Task AShortCustomerName_FindsWhatReadingEveryRowFinds(string search) => await SameAsReadingEveryRowAsync(search);

    private async Task SameAsReadingEveryRowAsync(string search)
    {
        var service = data.Fixture.Get<ComplaintService>();
        var found = 0;
        foreach (var query in Queries(search))
        {
            var expected = await ReadingEveryRowAsync(query);
            found += expected.Total;
            foreach (var largeResult in new[] { ComplaintService.LargeResult, 0 })
            {
                var result = await service.SearchAsync(query, largeResult, Ct);
                var because = $"“{search}”, {query.Severity}/{query.Sort}/{(query.Descending ? "desc" : "asc")}/page {query.Page}, plan limit {largeResult}";
                result.TotalCount.ShouldBe(expected.Total, because);
                result.Items.Select(i => i.Number).ShouldBe(expected.Numbers, because);
            }
        }
        found.ShouldBeGreaterThan(0, $"“{search}” found nothing: the comparison proved little");
    }

    private static IEnumerable<ComplaintQuery> Queries(string search)
    {
        yield return new() { Search = search, PageSize = 5 };
        yield return new() { Search = search, PageSize = 5, Page = 2 };
        yield return new() { Search = search, PageSize = 5, Sort = ComplaintSort.Number, Descending = false };
        yield return new() { Search = search, PageSize = 5, Page = 1, Sort = ComplaintSort.Customer, Descending = false };
        yield return new() { Search = search, PageSize = 5, Sort = ComplaintSort.Severity };
        yield return new() { Search = search, PageSize = 5, Page = 1, Severity = ComplaintSeverity.Normal };
    }

    /// <summary>The register's search as a condition read on every row: text or customer name contains it, or the number starts with it.</summary>
    private async Task<(int Total, List<string> Numbers)> ReadingEveryRowAsync(ComplaintQuery f)
    {
        await using var db = data.Fixture.NewDb();
        var s = f.Search!;
        var upper = s.ToUpperInvariant();
        var q = db.Complaints.Where(c => c.Customer.Name.Contains(s) || c.Content.Contains(s) || c.CustomerRequest.Contains(s) || c.Number.StartsWith(upper));
        if (f.Severity is { } severity) q = q.Where(c => c.Severity == severity);
        q = (f.Sort, f.Descending) switch
        {
            (ComplaintSort.Number, false) => q.OrderBy(c => c.Number),
            (ComplaintSort.Customer, false) => q.OrderBy(c => c.Customer.Name).ThenByDescending(c => c.ReceivedAt),
            (ComplaintSort.Severity, true) => q.OrderByDescending(c => c.Severity).ThenByDescending(c => c.ReceivedAt),
            (ComplaintSort.ReceivedAt, true) => q.OrderByDescending(c => c.ReceivedAt).ThenByDescending(c => c.Id),
            _ => throw new NotSupportedException(f.Sort.ToString()),
        };
        var numbers = await q.Skip(f.Page * f.PageSize).Take(f.PageSize).Select(c => c.Number).ToListAsync(Ct);
        return (await q.CountAsync(Ct), numbers);
    }
}

using Microsoft.EntityFrameworkCore;
using ServicePortal.Domain.Complaints;
using ServicePortal.Tests.Infrastructure;

namespace ServicePortal.Tests.Domain;

/// <summary>
/// On the demo data (written by the bulk writer, about 2 400 complaints): the index finds exactly
/// what reading every text finds (the register's search before the index, with LIKE/instr over
/// content, customer request and customer name), with filters, sorting and paging, in both query
/// plans (few hits: start from the hits; many hits: walk the sort order).
/// </summary>
[Collection(DemoDataCollection.Name)]
public class ComplaintSearchEquivalenceTests(SeededDemoDatabase demo)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task BulkWrittenComplaints_AreAllIndexed()
    {
        await using var db = demo.Fixture.NewDb();
        var complaints = await db.Complaints.CountAsync(Ct);
        complaints.ShouldBeGreaterThan(1000);
        (await ComplaintSearchIndexingTests.IndexedAsync(demo.Fixture)).ShouldBe(complaints);
    }

    public static TheoryData<int, int> Lengths() => new()
    {
        { 1, 0 }, { 2, 0 }, { 2, 1 }, { 3, 0 }, { 3, 2 }, { 5, 0 }, { 8, 1 },
    };

    [Theory]
    [MemberData(nameof(Lengths))]
    public async Task Search_FindsTheSameRowsAsReadingEveryText(int length, int sample)
    {
        var term = await ChineseSubstringAsync(length, sample);
        foreach (var query in Queries(term))
        {
            var expected = await ReadingEveryTextAsync(query);
            foreach (var largeResult in new[] { ComplaintService.LargeResult, 0 })
            {
                var found = await demo.Fixture.Get<ComplaintService>().SearchAsync(query, largeResult, Ct);
                var because = $"“{term}”, {query.Severity}/{query.Sort}/page {query.Page}, plan limit {largeResult}";
                found.TotalCount.ShouldBe(expected.Total, because);
                found.Items.Select(i => i.Number).ShouldBe(expected.Numbers, because);
            }
        }
    }

    private static IEnumerable<ComplaintQuery> Queries(string term)
    {
        yield return new ComplaintQuery { Search = term, PageSize = 20 };
        yield return new ComplaintQuery { Search = term, PageSize = 20, Page = 1 };
        yield return new ComplaintQuery { Search = term, PageSize = 20, Severity = ComplaintSeverity.Normal };
        yield return new ComplaintQuery { Search = term, PageSize = 20, Sort = ComplaintSort.Number, Descending = false };
        yield return new ComplaintQuery { Search = term, PageSize = 50, OpenOnly = true };
    }

    /// <summary>The old register query: LIKE (instr) over every row, same filters, order and page.</summary>
    private async Task<(int Total, List<string> Numbers)> ReadingEveryTextAsync(ComplaintQuery f)
    {
        await using var db = demo.Fixture.NewDb();
        var s = f.Search!;
        var q = db.Complaints.Where(c => c.Customer.Name.Contains(s) || c.Content.Contains(s) || c.CustomerRequest.Contains(s));
        if (f.Severity is { } severity) q = q.Where(c => c.Severity == severity);
        if (f.OpenOnly) q = q.Where(c => c.Status != ComplaintStatus.Closed);
        q = f.Sort == ComplaintSort.Number
            ? q.OrderBy(c => c.Number)
            : q.OrderByDescending(c => c.ReceivedAt).ThenByDescending(c => c.Id);
        return (await q.CountAsync(Ct), await q.Skip(f.Page * f.PageSize).Take(f.PageSize).Select(c => c.Number).ToListAsync(Ct));
    }

    /// <summary>A run of Chinese characters from the middle of some complaint's content.</summary>
    private async Task<string> ChineseSubstringAsync(int length, int sample)
    {
        await using var db = demo.Fixture.NewDb();
        var contents = await db.Complaints.OrderBy(c => c.Id).Select(c => c.Content).Take(400).ToListAsync(Ct);
        var found = 0;
        foreach (var content in contents)
        {
            for (var start = content.Length / 2; start + length <= content.Length; start++)
            {
                var candidate = content.Substring(start, length);
                if (!candidate.All(ch => ComplaintSearchIndex.IsCjk(ch))) continue;
                if (found++ == sample * 37) return candidate;
                break;
            }
        }
        throw new InvalidOperationException($"no Chinese run of {length} characters in the demo data");
    }
}

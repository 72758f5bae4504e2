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
        // The bulk load turns FTS5's incremental merging off while it writes, and back on at the end.
        (await db.Database.SqlQuery<int>($"SELECT v AS Value FROM ComplaintSearch_config WHERE k = 'automerge'").SingleAsync(Ct)).ShouldBe(4);
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
                found.Items.Select(i => Key(i, query.Sort)).ShouldBe(expected.Keys, because);
            }
        }
    }

    [Fact]
    public async Task FiltersWithoutSearch_GiveTheSameRowsInBothPlans()
    {
        await using var db = demo.Fixture.NewDb();
        var sample = await db.Complaints.OrderBy(c => c.Id).Skip(100).FirstAsync(Ct);
        var service = demo.Fixture.Get<ComplaintService>();
        ComplaintQuery[] queries =
        [
            new() { Status = ComplaintStatus.Closed, Sort = ComplaintSort.Customer, Page = 2 },
            new() { OpenOnly = true, Sort = ComplaintSort.PromisedReplyAt, Descending = false },
            new() { Severity = ComplaintSeverity.Major, Channel = ComplaintChannel.Phone, Sort = ComplaintSort.Number },
            new() { CategoryId = sample.CategoryId, Month = sample.ReceivedMonth },
            new() { OwnerId = sample.OwnerId, Sort = ComplaintSort.Severity, Descending = false, Page = 1 },
            new() { Sort = ComplaintSort.Status, Descending = true, Page = 3 },
        ];
        foreach (var query in queries)
        {
            var usual = await service.SearchAsync(query, ComplaintService.LargeResult, Ct);
            var walking = await service.SearchAsync(query, 0, Ct);
            usual.TotalCount.ShouldBeGreaterThan(0, query.ToString());
            walking.TotalCount.ShouldBe(usual.TotalCount, query.ToString());
            walking.Items.Select(i => Key(i, query.Sort)).ShouldBe(usual.Items.Select(i => Key(i, query.Sort)), query.ToString());
        }
    }

    private static IEnumerable<ComplaintQuery> Queries(string term)
    {
        yield return new ComplaintQuery { Search = term, PageSize = 20 };
        yield return new ComplaintQuery { Search = term, PageSize = 20, Page = 1 };
        yield return new ComplaintQuery { Search = term, PageSize = 20, Severity = ComplaintSeverity.Normal };
        yield return new ComplaintQuery { Search = term, PageSize = 20, Sort = ComplaintSort.Number, Descending = false };
        yield return new ComplaintQuery { Search = term, PageSize = 50, OpenOnly = true };
        yield return new ComplaintQuery { Search = term, PageSize = 20, Page = 1, Sort = ComplaintSort.Customer, Descending = false };
        yield return new ComplaintQuery { Search = term, PageSize = 20, Sort = ComplaintSort.Status, Severity = ComplaintSeverity.Normal };
        yield return new ComplaintQuery { Search = term, PageSize = 20, Sort = ComplaintSort.Status, Descending = false };
    }

    /// <summary>What a row is ordered by (rows equal in it may come in either order), and its number where that decides.</summary>
    private static string Key(ComplaintListItem i, ComplaintSort sort) => sort switch
    {
        ComplaintSort.Customer => $"{i.CustomerName} {i.ReceivedAt:O}",
        ComplaintSort.Status => $"{i.Status} {i.ReceivedAt:O}",
        ComplaintSort.Severity => $"{i.Severity} {i.ReceivedAt:O}",
        ComplaintSort.PromisedReplyAt => $"{i.PromisedReplyAt:O}",
        _ => i.Number,
    };

    /// <summary>The old register query: LIKE (instr) over every row, same filters, order and page.</summary>
    private async Task<(int Total, List<string> Keys)> ReadingEveryTextAsync(ComplaintQuery f)
    {
        await using var db = demo.Fixture.NewDb();
        var s = f.Search!;
        var q = db.Complaints.Where(c => c.Customer.Name.Contains(s) || c.Content.Contains(s) || c.CustomerRequest.Contains(s));
        if (f.Severity is { } severity) q = q.Where(c => c.Severity == severity);
        if (f.OpenOnly) q = q.Where(c => c.Status != ComplaintStatus.Closed);
        q = (f.Sort, f.Descending) switch
        {
            (ComplaintSort.Number, _) => q.OrderBy(c => c.Number),
            (ComplaintSort.Customer, _) => q.OrderBy(c => c.Customer.Name).ThenByDescending(c => c.ReceivedAt),
            (ComplaintSort.Status, true) => q.OrderByDescending(c => c.Status).ThenByDescending(c => c.ReceivedAt),
            (ComplaintSort.Status, false) => q.OrderBy(c => c.Status).ThenByDescending(c => c.ReceivedAt),
            _ => q.OrderByDescending(c => c.ReceivedAt).ThenByDescending(c => c.Id),
        };
        var page = await q.Skip(f.Page * f.PageSize).Take(f.PageSize)
            .Select(c => new { c.Number, c.Customer.Name, c.Status, c.ReceivedAt }).ToListAsync(Ct);
        return (await q.CountAsync(Ct), page.Select(c => f.Sort switch
        {
            ComplaintSort.Customer => $"{c.Name} {c.ReceivedAt:O}",
            ComplaintSort.Status => $"{c.Status} {c.ReceivedAt:O}",
            _ => c.Number,
        }).ToList());
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

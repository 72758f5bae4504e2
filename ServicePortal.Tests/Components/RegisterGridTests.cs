using Bunit;
using ServicePortal.Components.Shared;
using ServicePortal.Components.Shared.Registers;
using ServicePortal.Domain.Common;

namespace ServicePortal.Tests.Components;

#pragma warning disable BL0006 // counts the grid's render frames

/// <summary>
/// The registers' grid (its own markup since MudDataGrid's per-cell components stayed per circuit, issue 12): it asks for one
/// page at a time, sorts by a header's field, pages, and says when loading failed.
/// </summary>
public sealed class RegisterGridTests : PortalComponentTest
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(5);

    private sealed record Row(string Name);

    private readonly List<RegisterPage> asked = [];
    private readonly List<RegisterSort> told = [];
    private int total = 45;

    private static readonly RegisterColumn<Row>[] Columns =
    [
        new("Received", "受理时间") { InitialDescending = true, Text = r => r.Name },
        new("Number", "编号") { Text = r => r.Name },
        new("Phone", "电话") { Sortable = false, CellClass = "text-nowrap", Text = r => r.Name },
    ];

    private Task<PagedResult<Row>> Search(RegisterPage page, CancellationToken ct)
    {
        asked.Add(page);
        var rows = Enumerable.Range(page.Page * page.PageSize + 1, Math.Max(0, Math.Min(page.PageSize, total - page.Page * page.PageSize)))
            .Select(i => new Row($"第{i}行")).ToList();
        return Task.FromResult(new PagedResult<Row>(rows, total, page.Page, page.PageSize));
    }

    private IRenderedComponent<RegisterGrid<Row>> Open(Func<RegisterPage, CancellationToken, Task<PagedResult<Row>>>? search = null)
    {
        var grid = RenderWithProviders<RegisterGrid<Row>>(p => p
            .Add(x => x.Columns, Columns).Add(x => x.Search, search ?? Search).Add(x => x.EmptyText, "没有符合条件的记录")
            .Add(x => x.SortChanged, (RegisterSort s) => told.Add(s)));
        grid.WaitForAssertion(() => grid.FindAll("[data-testid=register-grid] tbody tr td, [data-testid=register-empty]").ShouldNotBeEmpty(), Wait);
        return grid;
    }

    private static string Info(IRenderedComponent<RegisterGrid<Row>> grid) => grid.FindAll(".mud-table-pagination-caption")[1].TextContent;

    private static List<string> FirstCells(IRenderedComponent<RegisterGrid<Row>> grid) =>
        grid.FindAll("tbody tr td:first-child").Select(td => td.TextContent).ToList();

    [Fact]
    public void OpensOnTheFirstPage_SortedByItsInitialColumn_NewestFirst()
    {
        var grid = Open();

        asked.ShouldBe([new RegisterPage(new RegisterSort("Received", true), 0, 20)]);
        told.ShouldBe([new RegisterSort("Received", true)]);
        FirstCells(grid).Count.ShouldBe(20);
        grid.Find("tbody tr td:nth-child(3)").ClassName.ShouldBe("mud-table-cell text-nowrap");
        grid.FindAll("th")[0].GetAttribute("aria-sort").ShouldBe("descending");
        Info(grid).ShouldBe("第 1-20 条，共 45 条");
    }

    [Fact]
    public void ASortButton_SortsAscendingFirst_ThenFlips_AndTellsThePage()
    {
        var grid = Open();
        var numberHeader = () => grid.FindAll("th")[1];

        numberHeader().QuerySelector("button")!.Click(); // a button: reachable with the keyboard
        grid.WaitForAssertion(() => asked[^1].ShouldBe(new RegisterPage(new RegisterSort("Number", false), 0, 20)), Wait);
        numberHeader().GetAttribute("aria-sort").ShouldBe("ascending");
        grid.FindAll("th")[0].HasAttribute("aria-sort").ShouldBeFalse();
        numberHeader().QuerySelector("button")!.GetAttribute("aria-label").ShouldBe("按编号排序");

        numberHeader().QuerySelector(".sortable-column-header")!.Click(); // the title too
        grid.WaitForAssertion(() => asked[^1].Sort.ShouldBe(new RegisterSort("Number", true)), Wait);
        numberHeader().GetAttribute("aria-sort").ShouldBe("descending");
        told.ShouldBe([new RegisterSort("Received", true), new RegisterSort("Number", false), new RegisterSort("Number", true)]);
        grid.FindAll("th")[2].QuerySelector("button").ShouldBeNull(); // not sortable
    }

    [Fact]
    public void ThePager_TurnsPages_AndStopsAtTheLast()
    {
        var grid = Open();
        var button = (string label) => grid.Find($".mud-table-pagination-actions button[aria-label='{label}']");
        button("上一页").HasAttribute("disabled").ShouldBeTrue();

        button("下一页").Click();
        grid.WaitForAssertion(() => Info(grid).ShouldBe("第 21-40 条，共 45 条"), Wait);
        FirstCells(grid)[0].ShouldBe("第21行");

        button("最后一页").Click();
        grid.WaitForAssertion(() => Info(grid).ShouldBe("第 41-45 条，共 45 条"), Wait);
        FirstCells(grid).Count.ShouldBe(5);
        button("下一页").HasAttribute("disabled").ShouldBeTrue();

        button("第一页").Click();
        grid.WaitForAssertion(() => FirstCells(grid)[0].ShouldBe("第1行"), Wait);
    }

    [Fact]
    public void ChoosingFiftyRowsAPage_AsksForFiftyFromTheFirstPage()
    {
        var grid = Open();
        grid.Find(".mud-table-pagination-actions button[aria-label='下一页']").Click();
        grid.WaitForAssertion(() => asked[^1].Page.ShouldBe(1), Wait);

        grid.Find("div.mud-table-pagination-select").MouseDown();
        Host.WaitForElements(".mud-popover-open .mud-list-item").Single(i => i.TextContent.Trim() == "50").Click();

        grid.WaitForAssertion(() => asked[^1].ShouldBe(new RegisterPage(new RegisterSort("Received", true), 0, 50)), Wait);
        FirstCells(grid).Count.ShouldBe(45);
        Info(grid).ShouldBe("第 1-45 条，共 45 条");
    }

    [Fact]
    public async Task AReloadWithFewerRows_GoesBackToTheFirstPage()
    {
        var grid = Open();
        grid.Find(".mud-table-pagination-actions button[aria-label='最后一页']").Click();
        grid.WaitForAssertion(() => asked[^1].Page.ShouldBe(2), Wait);

        total = 3; // other filters
        await grid.InvokeAsync(() => grid.Instance.ReloadAsync());

        grid.WaitForAssertion(() => FirstCells(grid).ShouldBe(["第1行", "第2行", "第3行"]), Wait);
        asked[^1].Page.ShouldBe(0);
        Info(grid).ShouldBe("第 1-3 条，共 3 条");
    }

    [Fact]
    public void ACappedTotal_IsShownAsALowerBound()
    {
        var grid = Open((page, _) => Task.FromResult(new PagedResult<Row>([new Row("甲")], 1000, page.Page, page.PageSize) { TotalCapped = true }));

        Info(grid).ShouldStartWith("第 1-20 条，共 1,000+ 条");
    }

    [Fact]
    public void AFailedLoad_SaysSo_AndShowsNoRows()
    {
        var grid = Open((_, _) => throw new InvalidOperationException("database gone"));

        grid.Find("[data-testid=register-empty]").TextContent.ShouldBe("没有符合条件的记录");
        SnackbarMessages().ShouldContain("加载失败，请稍后重试");
        Info(grid).ShouldBe("第 0-0 条，共 0 条");
    }

    [Fact]
    public void APageOfRows_IsOneMarkupString_WithItsValuesEncoded()
    {
        total = 20;
        var grid = Open((page, _) => Task.FromResult(new PagedResult<Row>(
            Enumerable.Range(1, 20).Select(i => new Row(i == 1 ? "<b>王\"五\"</b> & 子" : $"第{i}行")).ToList(), 20, 0, page.PageSize)));

        FirstCells(grid)[0].ShouldBe("<b>王\"五\"</b> & 子"); // shown as written, not as markup
        grid.FindAll("tbody b").ShouldBeEmpty();
        grid.FindAll("tbody tr td[data-label=电话].text-nowrap").Count.ShouldBe(20);
        // One frame for the 20 rows × 3 cells, where each cell was ~4 frames (issue 12: the buffer stays per circuit).
        var frames = CurrentFrames(Renderer, grid.ComponentId);
        var all = frames.Array.Take(frames.Count).ToList();
        all.Where(f => f.FrameType == Microsoft.AspNetCore.Components.RenderTree.RenderTreeFrameType.Element).Select(f => f.ElementName).ShouldNotContain("td");
        all.Count(f => f.FrameType == Microsoft.AspNetCore.Components.RenderTree.RenderTreeFrameType.Markup && f.MarkupContent.Contains("<td", StringComparison.Ordinal)).ShouldBe(1);
    }

    [Fact]
    public void RowsSharedBetweenReaders_ShareTheirMarkup_NotAStringPerCircuit()
    {
        // The rows a shared register page hands to every reader (SharedRegisterPages): one list, so one markup string (issue 12).
        var shared = new PagedResult<Row>(Enumerable.Range(1, 20).Select(i => new Row($"第{i}行")).ToList(), 20, 0, 20);
        total = 20;
        var grid = Open((_, _) => Task.FromResult(shared));

        var frames = CurrentFrames(Renderer, grid.ComponentId);
        var rows = frames.Array.Take(frames.Count).Single(f => f.FrameType == Microsoft.AspNetCore.Components.RenderTree.RenderTreeFrameType.Markup
            && f.MarkupContent.Contains("<td", StringComparison.Ordinal)).MarkupContent;
        SharedMarkup.Of(shared.Items, "rows:Received|Number|Phone", () => "made again").Value.ShouldBeSameAs(rows);
    }

    [Fact]
    public void AColumnWithACellFragment_StillRendersItsRows()
    {
        RegisterColumn<Row>[] columns = [Columns[0], new("Link", "链接") { Sortable = false, Cell = r => b => b.AddMarkupContent(0, $"<i>{r.Name}</i>") }];
        var grid = RenderWithProviders<RegisterGrid<Row>>(p => p
            .Add(x => x.Columns, columns).Add(x => x.Search, Search).Add(x => x.EmptyText, "没有符合条件的记录"));
        grid.WaitForAssertion(() => grid.FindAll("tbody tr td i").Count.ShouldBe(20), Wait);

        FirstCells(grid).ShouldAllBe(c => c.StartsWith('第'));
    }

    [System.Runtime.CompilerServices.UnsafeAccessor(System.Runtime.CompilerServices.UnsafeAccessorKind.Method, Name = "GetCurrentRenderTreeFrames")]
    private static extern Microsoft.AspNetCore.Components.RenderTree.ArrayRange<Microsoft.AspNetCore.Components.RenderTree.RenderTreeFrame> CurrentFrames(
        Microsoft.AspNetCore.Components.RenderTree.Renderer renderer, int componentId);
}

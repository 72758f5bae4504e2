using System.Text.RegularExpressions;
using AngleSharp.Dom;
using Bunit;
using Microsoft.AspNetCore.Components;
using MudBlazor;
using ServicePortal.Components.Pages.Dashboard;
using ServicePortal.Domain.Complaints;
using ServicePortal.Domain.Kpis;
using static ServicePortal.Tests.Components.DashboardTestReports;

namespace ServicePortal.Tests.Components;

/// <summary>The KPI tiles: value, numerator / denominator and target of each; red when off target; the definition as tooltip; every figure a link to its cases.</summary>
public sealed class DashboardTilesTests : PortalComponentTest
{
    private IRenderedComponent<KpiTiles> Render(KpiReport report) =>
        RenderWithProviders<KpiTiles>(p => p.Add(x => x.Report, report));

    private static string Text(IRenderedComponent<KpiTiles> tiles, string testId) =>
        tiles.Find($"[data-testid='{testId}']").TextContent.Trim();

    [Fact]
    public void RateTiles_ShowValue_NumeratorOverDenominator_AndTarget()
    {
        var tiles = Render(Sample());

        Text(tiles, "kpi-validComplaintRate").ShouldBe("1.25%");
        Text(tiles, "kpi-validComplaintRate-numerator").ShouldBe("15");
        Text(tiles, "kpi-validComplaintRate-denominator").ShouldBe("1,200");
        Text(tiles, "kpi-validComplaintRate-ratio").ShouldContain("服务单");
        Text(tiles, "tile-validComplaintRate-target").ShouldBe("目标 < 1%");
        Text(tiles, "kpi-replyOnTime").ShouldBe("100%");
        Text(tiles, "kpi-closeOnTime").ShouldBe("90%");
        Text(tiles, "kpi-closeOnTime-numerator").ShouldBe("27");
        Text(tiles, "kpi-closeOnTime-denominator").ShouldBe("30");
        Text(tiles, "tile-closeOnTime-target").ShouldBe("目标 = 100%");
        Text(tiles, "kpi-feedbackSatisfaction").ShouldBe("90%");
        Text(tiles, "kpi-reopenRate").ShouldBe("10%");
        Text(tiles, "kpi-received").ShouldBe("42");
    }

    [Fact]
    public void DurationTile_ShowsMedianAndP90_InWorkingAndCalendarHours_AndADashWhenNothingWasMeasured()
    {
        var tiles = Render(Sample());

        Text(tiles, "kpi-firstResponse-median-working").ShouldBe("3.5 小时");
        Text(tiles, "kpi-firstResponse-p90-working").ShouldBe("12.3 小时"); // 12.25 to one decimal
        Text(tiles, "kpi-firstResponse-median-calendar").ShouldBe("5 小时");
        Text(tiles, "kpi-firstResponse-p90-calendar").ShouldBe("26.5 小时");
        Text(tiles, "kpi-firstResponse-count").ShouldBe("共 38 件");
        Text(tiles, "kpi-resolution-median-working").ShouldBe("—");
        Text(tiles, "kpi-resolution-count").ShouldBe("共 0 件");
    }

    [Fact]
    public void OffTargetKpi_IsRed_AndOnTargetKpi_IsNot()
    {
        var tiles = Render(Sample());

        foreach (var key in new[] { "validComplaintRate", "closeOnTime", "feedbackSatisfaction", "reopenRate" })
        {
            tiles.Find($"[data-testid='tile-{key}']").GetAttribute("data-off-target").ShouldBe("true", key);
            tiles.Find($"[data-testid='kpi-{key}']").ClassList.ShouldContain("mud-error-text", key);
            Text(tiles, $"tile-{key}-off").ShouldBe("未达标");
        }
        tiles.Find("[data-testid='tile-replyOnTime']").GetAttribute("data-off-target").ShouldBe("false");
        tiles.Find("[data-testid='kpi-replyOnTime']").ClassList.ShouldNotContain("mud-error-text");
        tiles.FindAll("[data-testid='tile-replyOnTime-off']").ShouldBeEmpty();
    }

    [Fact]
    public void Backlog_ShowsOpenOverdueAndDueToday_WithOverdueRed()
    {
        var tiles = Render(Sample());

        Text(tiles, "kpi-backlog-open").ShouldBe("12");
        Text(tiles, "kpi-backlog-overdue").ShouldBe("3");
        Text(tiles, "kpi-backlog-due-today").ShouldBe("2");
        tiles.Find("[data-testid='kpi-backlog-overdue']").ClassList.ShouldContain("mud-error-text");
        tiles.Find("[data-testid='kpi-backlog-open']").ClassList.ShouldNotContain("mud-error-text");
    }

    [Fact]
    public void StaffLoad_FlagsMoreThanFiveComplaintsAYear_InRed()
    {
        var tiles = Render(Sample());

        var rows = tiles.FindAll("[data-testid='kpi-staffLoad-row']");
        rows.Select(r => r.GetAttribute("data-person")).ShouldBe(["u-zhang", "u-li"]); // most first
        rows[0].GetAttribute("data-flagged").ShouldBe("true");
        rows[0].QuerySelector("[data-testid='kpi-staffLoad-count']")!.ClassList.ShouldContain("mud-error-text");
        rows[1].GetAttribute("data-flagged").ShouldBe("false");
        Text(tiles, "kpi-staffLoad-flagged").ShouldBe("1 人超过 5 次");
        tiles.Find("[data-testid='tile-staffLoad']").GetAttribute("data-off-target").ShouldBe("true");
    }

    [Theory]
    [InlineData(KpiDefinitions.ValidComplaintRateKey)]
    [InlineData(KpiDefinitions.FirstResponseKey)]
    [InlineData(KpiDefinitions.ResolutionKey)]
    [InlineData(KpiDefinitions.ReplyOnTimeKey)]
    [InlineData(KpiDefinitions.CloseOnTimeKey)]
    [InlineData(KpiDefinitions.FeedbackSatisfactionKey)]
    [InlineData(KpiDefinitions.ReopenRateKey)]
    [InlineData(KpiDefinitions.BacklogKey)]
    [InlineData(KpiDefinitions.StaffLoadKey)]
    public void EveryTile_ExplainsItsKpi_InTheDomainsOneSentenceDefinition(string key)
    {
        var tiles = Render(Sample());

        var info = tiles.Find($"[data-testid='tile-{key}-info']");
        info.GetAttribute("aria-label").ShouldBe(KpiDefinitions.Of(key));
        KpiDefinitions.Of(key).Count(c => c == '。').ShouldBe(1);
    }

    [Fact]
    public void HoveringTheInfoIcon_ShowsTheDefinition()
    {
        var tiles = Render(Sample());

        tiles.Find("[data-testid='tile-validComplaintRate'] .mud-tooltip-root").PointerEnter();

        Host.WaitForAssertion(() => Host.FindAll(".mud-popover-open.mud-tooltip").Select(t => t.TextContent.Trim()).ShouldBe([KpiDefinitions.ValidComplaintRate]));
    }

    [Fact]
    public void EveryFigure_LinksToTheRegisterFilteredToTheCasesBehindIt()
    {
        var report = Sample();
        var tiles = Render(report);

        string Href(string testId) => tiles.Find($"[data-testid='{testId}']").GetAttribute("href")!;
        Href("kpi-validComplaintRate").ShouldBe("/complaints?status=Valid&month=2026-11");
        Href("kpi-validComplaintRate-numerator").ShouldBe(KpiFormat.Href(report.ValidComplaintRate.Cases));
        Href("kpi-closeOnTime").ShouldBe("/complaints?status=Closed&severity=Normal&month=2026-11");
        Href("kpi-closeOnTime-denominator").ShouldBe("/complaints?status=Closed&month=2026-11");
        Href("kpi-firstResponse-median-working").ShouldBe("/complaints?status=Replied&month=2026-11");
        Href("kpi-backlog-overdue").ShouldBe("/complaints?status=Registered&month=2026-11");
        Href("kpi-received").ShouldBe("/complaints?month=2026-11");
        tiles.FindAll("[data-testid='kpi-staffLoad-count']")[0].GetAttribute("href").ShouldBe("/complaints?owner=u-zhang&month=2026-11");
        // The valid rate's base (service orders) is not a list of complaints: no link.
        tiles.Find("[data-testid='kpi-validComplaintRate-denominator']").HasAttribute("href").ShouldBeFalse();
        // Every figure of every tile is a link into the register.
        foreach (var figure in tiles.FindAll("[data-testid^='kpi-'] ").Where(e => e.TagName == "A"))
            figure.GetAttribute("href")!.ShouldStartWith("/complaints");
    }

    [Fact]
    public void TheTiles_AreTheOnlyComponents_TheirFiguresChipsAndRateTilesAreMarkup()
    {
        var tiles = Render(Sample());

        // Each component keeps two render buffers per circuit (issue 12): a figure or a chip has no state or events of its own.
        tiles.FindComponents<IComponent>().Select(c => c.Instance.GetType().Name).Distinct().Order()
            .ShouldBe([nameof(BacklogTile), nameof(DurationTile), nameof(KpiTile), nameof(StaffLoadTile)]);
    }

    [Fact]
    public void TheOffTargetChip_IsMudChipsMarkup()
    {
        var tiles = Render(Sample());
        var chip = Render<MudChip<string>>(p => p
            .Add(x => x.Size, Size.Small).Add(x => x.Color, Color.Error).Add(x => x.Variant, Variant.Text).Add(x => x.Class, "ma-0")
            .AddUnmatched("data-testid", "tile-closeOnTime-off").AddChildContent("未达标"));

        // The same markup but the container's id (MudChip's scripts find it by it).
        tiles.Find("[data-testid='tile-closeOnTime-off']").ParentElement!.MarkupMatches(Regex.Replace(chip.Markup, @" id=""chip-container-[^""]+""", ""));
    }
}

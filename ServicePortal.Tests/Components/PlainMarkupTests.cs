using System.Text.RegularExpressions;
using Bunit;
using MudBlazor;
using ServicePortal.Components.Pages.Dashboard;
using ServicePortal.Components.Shared;
using ServicePortal.Domain.Repairs;

namespace ServicePortal.Tests.Components;

/// <summary>
/// Plain's classes give MudBlazor's look without its components (each component keeps its render buffers per circuit,
/// issue 12): the markup must stay what the component renders.
/// </summary>
public sealed class PlainMarkupTests : PortalComponentTest
{
    [Fact]
    public void GridAndItemClasses_AreMudGridsAndMudItems()
    {
        var grid = Render<MudGrid>(p => p.Add(x => x.Spacing, 2).Add(x => x.Class, "mb-2")
            .AddChildContent<MudItem>(i => i.Add(x => x.xs, 6).Add(x => x.sm, 4).Add(x => x.md, 2).AddChildContent("状态")));

        grid.MarkupMatches($"""<div class="{Plain.GridClass(2, "mb-2")}"><div class="{Plain.ItemClass(xs: 6, sm: 4, md: 2)}">状态</div></div>""");
    }

    [Fact]
    public void TheSameClasses_AreOneString_NotACopyPerRender()
    {
        // A render frame keeps its attribute's string: one shared instance rather than one per link and circuit.
        Plain.LinkClass("body2").ShouldBeSameAs(Plain.LinkClass("body2"));
        Plain.ItemClass(xs: 12, lg: 8).ShouldBeSameAs(Plain.ItemClass(xs: 12, lg: 8));
        Plain.GridClass(3, "mt-1").ShouldBeSameAs(Plain.GridClass(3, "mt-1"));
    }

    [Fact]
    public void Chip_IsMudChipsMarkup()
    {
        var chip = Render<MudChip<string>>(p => p.Add(x => x.Size, Size.Small).Add(x => x.Color, Color.Warning).Add(x => x.Variant, Variant.Outlined)
            .Add(x => x.Class, "ma-0 ml-1").AddUnmatched("data-testid", "key-badge").AddChildContent("重点"));

        // The same markup but the container's id (MudChip's scripts find it by it).
        Render(Plain.Chip("重点", "outlined", "warning", "key-badge", "ma-0 ml-1")).MarkupMatches(WithoutContainerId(chip.Markup));
    }

    [Fact]
    public void RepairStageChip_IsMudChipsMarkup_MarkedWithItsStage()
    {
        var chip = Render<MudChip<string>>(p => p.Add(x => x.Size, Size.Small).Add(x => x.Color, Color.Info).Add(x => x.Variant, Variant.Outlined)
            .Add(x => x.Class, "ma-0").AddUnmatched("data-testid", "repair-stage").AddUnmatched("data-stage", RepairStage.ToDispatch).AddChildContent("待派工"));

        Render<RepairStageChip>(p => p.Add(x => x.Stage, RepairStage.ToDispatch)).MarkupMatches(WithoutContainerId(chip.Markup));
    }

    [Fact]
    public void LiveIcon_IsATooltipOnlyWhileHovered()
    {
        var header = Render<DashboardHeader>();
        header.FindComponents<MudTooltip>().ShouldBeEmpty();
        header.Find("[data-testid=dashboard-live] svg").ClassList.ShouldContain("mud-success-text");

        header.Find("[data-testid=dashboard-live]").PointerEnter();

        header.FindComponent<MudTooltip>().Instance.Text.ShouldBe("实时：任何投诉发生变化，看板会自动刷新");
    }

    private static string WithoutContainerId(string markup) => Regex.Replace(markup, @" id=""chip-container-[^""]+""", "");
}

using System.Text.RegularExpressions;
using Bunit;
using Microsoft.AspNetCore.Components;
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

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void ToggleGroup_IsMudToggleGroupsMarkup(bool disabled)
    {
        var mud = Render(b =>
        {
            b.OpenComponent<MudToggleGroup<int>>(0);
            b.AddComponentParameter(1, "Value", 2); // by name: MudBlazor's analyzer refuses the selector on its parameter state
            b.AddComponentParameter(2, nameof(MudToggleGroup<int>.Color), Color.Primary);
            b.AddComponentParameter(3, nameof(MudToggleGroup<int>.Size), Size.Small);
            b.AddComponentParameter(4, nameof(MudToggleGroup<int>.Outlined), true);
            b.AddComponentParameter(5, nameof(MudToggleGroup<int>.CheckMark), false);
            b.AddComponentParameter(6, nameof(MudToggleGroup<int>.Disabled), disabled);
            b.AddAttribute(7, "data-testid", "period-presets");
            b.AddComponentParameter(8, nameof(MudToggleGroup<int>.ChildContent), (RenderFragment)(c =>
            {
                foreach (var (value, text) in new[] { (1, "本月"), (2, "上月"), (3, "本年") })
                {
                    c.OpenComponent<MudToggleItem<int>>(0);
                    c.AddComponentParameter(1, nameof(MudToggleItem<int>.Value), value);
                    c.AddComponentParameter(2, nameof(MudToggleItem<int>.Text), text);
                    c.AddAttribute(3, "data-testid", $"period-{value}");
                    c.CloseComponent();
                }
            }));
            b.CloseComponent();
        });

        var plain = Render(Plain.ToggleGroup(new Receiver(), 2, _ => Task.CompletedTask,
            [new(1, "本月", "period-1"), new(2, "上月", "period-2"), new(3, "本年", "period-3")], disabled, "period-presets"));

        plain.MarkupMatches(mud.Markup);
    }

    [Fact]
    public void ToggleGroup_ChoosingAnotherRaisesIt_TheChosenOneNothing()
    {
        var chosen = new List<bool>();
        var plain = Render(Plain.ToggleGroup(new Receiver(), false, v => { chosen.Add(v); return Task.CompletedTask; }, [new(false, "按部门", "a"), new(true, "按负责人", "b")]));

        plain.Find("[data-testid=a]").Click();
        plain.Find("[data-testid=b]").Click();

        chosen.ShouldBe([true]);
        plain.Find("[data-testid=a]").GetAttribute("aria-checked").ShouldBe("true");
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

    /// <summary>Stands for the component whose buttons these are (re-renders after a choice).</summary>
    private sealed class Receiver : IHandleEvent
    {
        public Task HandleEventAsync(EventCallbackWorkItem item, object? arg) => item.InvokeAsync(arg);
    }

    private static string WithoutContainerId(string markup) => Regex.Replace(markup, @" id=""chip-container-[^""]+""", "");
}

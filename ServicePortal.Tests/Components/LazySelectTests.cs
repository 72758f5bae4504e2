using System.Text.RegularExpressions;
using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using MudBlazor;
using MudBlazor.Extensions;
using ServicePortal.Components.Shared;

namespace ServicePortal.Tests.Components;

/// <summary>
/// A filter select is its closed markup until the user reaches for it (issue 12: a MudSelect is a component per item and
/// JS calls at every page change): it must look like the closed MudSelect, and open as one.
/// </summary>
public sealed partial class LazySelectTests : PortalComponentTest
{
    private static readonly string[] Choices = ["全部", "甲", "乙"];

    [Theory]
    [InlineData("甲", false, null)]
    [InlineData("甲", true, null)]
    [InlineData("", false, "kpi-department")]
    public void Closed_IsTheClosedMudSelectsMarkup(string value, bool disabled, string? cls)
    {
        var mud = Render<MudSelect<string>>(p => p.Add(x => x.Value, value).Add(x => x.Label, "状态").Add(x => x.Variant, Variant.Outlined)
            .Add(x => x.Margin, Margin.Dense).Add(x => x.Dense, true).Add(x => x.Disabled, disabled).Add(x => x.Class, cls)
            .Add(x => x.ToStringFunc, v => v).AddUnmatched("data-testid", "filter-x").AddChildContent(Items));

        var lazy = Render<LazySelect<string>>(p => p.Add(x => x.Value, value).Add(x => x.Label, "状态").Add(x => x.Dense, true)
            .Add(x => x.Disabled, disabled).Add(x => x.Class, cls).Add(x => x.Text, v => v).Add(x => x.TestId, "filter-x").Add(x => x.ChildContent, Items));

        // Without the random ids, the empty popover anchor and the hidden value presenter: nothing one sees.
        lazy.MarkupMatches(Unseen().Replace(mud.Markup, ""));
    }

    [Fact]
    public void Closed_HasNoSelectItemsNorPopover()
    {
        var lazy = RenderWithProviders<LazySelect<string>>(Parameters("甲"));

        lazy.FindComponents<MudSelect<string>>().ShouldBeEmpty();
        lazy.FindComponents<MudSelectItem<string>>().ShouldBeEmpty();
        Host.FindComponents<MudPopover>().ShouldBeEmpty();
        lazy.Find("input[data-testid=filter-x]").GetAttribute("role").ShouldBe("combobox");
    }

    [Fact]
    public void Pressed_BecomesTheSelect_OpenWithItsItems()
    {
        var lazy = RenderWithProviders<LazySelect<string>>(Parameters("甲"));

        lazy.Find("[data-testid=filter-x]").MouseDown();

        Host.WaitForElements(".mud-popover-open .mud-list-item").Select(i => i.TextContent.Trim()).ShouldBe(Choices);
        lazy.FindComponent<MudSelect<string>>().Instance.GetState(x => x.Open).ShouldBeTrue();
    }

    [Fact]
    public void ChoosingAnItem_RaisesValueChanged()
    {
        string? chosen = null;
        var lazy = RenderWithProviders<LazySelect<string>>(Parameters("甲", onChange: v => chosen = v));

        lazy.Find("[data-testid=filter-x]").MouseDown();
        Host.WaitForElements(".mud-popover-open .mud-list-item").Single(i => i.TextContent.Trim() == "乙").Click();

        chosen.ShouldBe("乙");
    }

    [Theory]
    [InlineData("Enter")]
    [InlineData(" ")]
    [InlineData("ArrowDown")]
    [InlineData("b")]
    public void Keyboard_OpensIt(string key)
    {
        var lazy = RenderWithProviders<LazySelect<string>>(Parameters("甲"));

        lazy.Find("[data-testid=filter-x]").KeyDown(new KeyboardEventArgs { Key = key });

        Host.WaitForElements(".mud-popover-open .mud-list-item").Count.ShouldBe(3);
    }

    [Fact]
    public void Tab_OnlyPassesThrough()
    {
        var lazy = RenderWithProviders<LazySelect<string>>(Parameters("甲"));

        lazy.Find("[data-testid=filter-x]").KeyDown(new KeyboardEventArgs { Key = "Tab" });

        lazy.FindComponents<MudSelect<string>>().ShouldBeEmpty();
    }

    [Fact]
    public void Disabled_DoesNotOpen()
    {
        var lazy = RenderWithProviders<LazySelect<string>>(Parameters("甲", disabled: true));

        lazy.Find("[data-testid=filter-x]").HasAttribute("disabled").ShouldBeTrue();
        lazy.Find(".mud-input-control").MouseDown();

        lazy.FindComponents<MudSelect<string>>().ShouldBeEmpty();
        Host.FindAll(".mud-list-item").ShouldBeEmpty();
    }

    [Fact]
    public void ShownText_FollowsTheValue()
    {
        var lazy = Render<LazySelect<string>>(Parameters("甲"));
        lazy.Find("input").GetAttribute("value").ShouldBe("选甲");

        lazy.Render(p => p.Add(x => x.Value, "乙"));

        lazy.Find("input").GetAttribute("value").ShouldBe("选乙");
        lazy.Find(".mud-input").ClassList.ShouldContain("mud-shrink");
    }

    private static readonly RenderFragment Items = builder =>
    {
        foreach (var choice in Choices)
        {
            builder.OpenComponent<MudSelectItem<string>>(0);
            builder.AddComponentParameter(1, nameof(MudSelectItem<string>.Value), choice);
            builder.AddComponentParameter(2, nameof(MudSelectItem<string>.ChildContent), (RenderFragment)(b => b.AddContent(3, choice)));
            builder.CloseComponent();
        }
    };

    private Action<ComponentParameterCollectionBuilder<LazySelect<string>>> Parameters(string value, bool disabled = false, Action<string>? onChange = null) =>
        p => p.Add(x => x.Value, value).Add(x => x.Label, "状态").Add(x => x.Disabled, disabled).Add(x => x.Text, v => "选" + v)
            .Add(x => x.TestId, "filter-x").Add(x => x.ChildContent, Items)
            .Add(x => x.ValueChanged, EventCallback.Factory.Create<string>(this, v => onChange?.Invoke(v)));

    [GeneratedRegex("""\s(id|for|maxlength)="[^"]*"|<div id="popover-[^"]*" class="mud-popover-cascading-value"></div>|<div class="mud-input-slot[^"]*" style="display:none;?"( tabindex="-1")?[^>]*></div>""")]
    private static partial Regex Unseen();
}

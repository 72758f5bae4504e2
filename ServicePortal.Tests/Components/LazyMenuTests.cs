using System.Text.RegularExpressions;
using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using MudBlazor;
using MudBlazor.Extensions;
using ServicePortal.Components.Shared;

namespace ServicePortal.Tests.Components;

/// <summary>
/// The app bar's menus are their closed markup until first opened (issue 12: a MudMenu is ~7 components and JS calls on
/// every page): they must look like the closed MudMenu, and open as one at the first click.
/// </summary>
public sealed partial class LazyMenuTests : PortalComponentTest
{
    [Fact]
    public void Closed_WithAnIcon_IsTheClosedMudMenusMarkup()
    {
        var mud = Render<MudMenu>(p => p.Add(x => x.Icon, Icons.Material.Filled.Translate).Add(x => x.Color, Color.Inherit)
            .Add(x => x.AriaLabel, "语言").AddUnmatched("data-testid", "menu-x").AddChildContent(Items));

        var lazy = Render<LazyMenu>(p => p.Add(x => x.Icon, Icons.Material.Filled.Translate).Add(x => x.AriaLabel, "语言")
            .Add(x => x.TestId, "menu-x").Add(x => x.ChildContent, Items));

        lazy.MarkupMatches(Unseen().Replace(mud.Markup, ""));
    }

    [Fact]
    public void Closed_WithAnActivator_IsTheClosedMudMenusMarkup()
    {
        var mud = Render<MudMenu>(p => p.Add(x => x.ActivatorContent, context => Button(() => context.ToggleAsync(EventArgs.Empty)))
            .AddUnmatched("data-testid", "menu-x").AddChildContent(Items));

        var lazy = Render<LazyMenu>(p => p.Add(x => x.Activator, Button).Add(x => x.TestId, "menu-x").Add(x => x.ChildContent, Items));

        lazy.MarkupMatches(Unseen().Replace(mud.Markup, ""));
    }

    [Fact]
    public void Closed_IsNoMudMenu_NorPopover()
    {
        var lazy = RenderWithProviders<LazyMenu>(p => p.Add(x => x.Icon, Icons.Material.Filled.Translate).Add(x => x.TestId, "menu-x").Add(x => x.ChildContent, Items));

        lazy.FindComponents<MudMenu>().ShouldBeEmpty();
        Host.FindComponents<MudPopover>().ShouldBeEmpty();
        Host.FindAll(".mud-menu-item").ShouldBeEmpty();
    }

    [Fact]
    public void FirstClick_BecomesTheMenu_OpenWithItsItems()
    {
        var lazy = RenderWithProviders<LazyMenu>(p => p.Add(x => x.Icon, Icons.Material.Filled.Translate).Add(x => x.TestId, "menu-x").Add(x => x.ChildContent, Items));

        lazy.Find("[data-testid=menu-x] button").Click();

        Host.WaitForElements(".mud-popover-open .mud-menu-item").Select(i => i.TextContent.Trim()).ShouldBe(["中文", "English"]);
        lazy.FindComponent<MudMenu>().Instance.GetState(x => x.Open).ShouldBeTrue();
        // The pressed button is gone: the focus goes to the MudMenu's own, as a click leaves it in a MudMenu.
        lazy.WaitForAssertion(() => JSInterop.Invocations["Blazor._internal.domWrapper.focusBySelector"]
            .Single().Arguments.Single().ShouldBe("[data-testid=\"menu-x\"] button"));
    }

    [Fact]
    public void FirstClick_OpensTheMenu_EvenWhenTheFocusCannotBeMoved()
    {
        JSInterop.SetupVoid("Blazor._internal.domWrapper.focusBySelector", _ => true).SetException(new Microsoft.JSInterop.JSException("focusBySelector is not a function"));
        var lazy = RenderWithProviders<LazyMenu>(p => p.Add(x => x.Icon, Icons.Material.Filled.Translate).Add(x => x.TestId, "menu-x").Add(x => x.ChildContent, Items));

        lazy.Find("[data-testid=menu-x] button").Click();

        Host.WaitForElements(".mud-popover-open .mud-menu-item").Count.ShouldBe(2);
        lazy.WaitForAssertion(() => JSInterop.Invocations["Blazor._internal.domWrapper.focusBySelector"].Count.ShouldBe(1));
        lazy.FindComponent<MudMenu>().Instance.GetState(x => x.Open).ShouldBeTrue(); // the failed focus did not fail the page
    }

    [Fact]
    public void ActivatorClick_OpensIt_AndTheSecondClickClosesIt()
    {
        var lazy = RenderWithProviders<LazyMenu>(p => p.Add(x => x.Activator, Button).Add(x => x.TestId, "menu-x").Add(x => x.ChildContent, Items));

        lazy.Find("[data-testid=opener]").Click();
        Host.WaitForElements(".mud-popover-open .mud-menu-item").Count.ShouldBe(2);

        lazy.Find("[data-testid=opener]").Click();
        lazy.WaitForAssertion(() => lazy.FindComponent<MudMenu>().Instance.GetState(x => x.Open).ShouldBeFalse());
    }

    [Theory]
    [InlineData("Enter")]
    [InlineData(" ")]
    public void EnterOrSpace_OnTheActivator_OpensIt(string key)
    {
        var lazy = RenderWithProviders<LazyMenu>(p => p.Add(x => x.Activator, Button).Add(x => x.TestId, "menu-x").Add(x => x.ChildContent, Items));

        lazy.Find(".mud-menu-activator").KeyDown(new KeyboardEventArgs { Key = key });

        Host.WaitForElements(".mud-popover-open .mud-menu-item").Count.ShouldBe(2);
    }

    [Fact]
    public void Tab_OnlyPassesThrough()
    {
        var lazy = RenderWithProviders<LazyMenu>(p => p.Add(x => x.Activator, Button).Add(x => x.TestId, "menu-x").Add(x => x.ChildContent, Items));

        lazy.Find(".mud-menu-activator").KeyDown(new KeyboardEventArgs { Key = "Tab" });

        lazy.FindComponents<MudMenu>().ShouldBeEmpty();
    }

    private static readonly RenderFragment<Func<Task>> Button = toggle => builder =>
    {
        builder.OpenElement(0, "button");
        builder.AddAttribute(1, "type", "button");
        builder.AddAttribute(2, "data-testid", "opener");
        builder.AddAttribute(3, "onclick", toggle);
        builder.AddContent(4, "铃");
        builder.CloseElement();
    };

    private static readonly RenderFragment Items = builder =>
    {
        foreach (var text in new[] { "中文", "English" })
        {
            builder.OpenComponent<MudMenuItem>(0);
            builder.AddComponentParameter(1, nameof(MudMenuItem.ChildContent), (RenderFragment)(b => b.AddContent(2, text)));
            builder.CloseComponent();
        }
    };

    // Without the random id and the empty popover anchor: nothing one sees.
    [GeneratedRegex("""\sid="mudinput[^"]*"|<div id="popover-[^"]*" class="mud-popover-cascading-value"></div>""")]
    private static partial Regex Unseen();
}

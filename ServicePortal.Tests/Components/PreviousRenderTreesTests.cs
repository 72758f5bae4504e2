using System.Runtime.CompilerServices;
using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Rendering;
using ServicePortal.Components;

namespace ServicePortal.Tests.Components;

#pragma warning disable BL0006 // the test's renderer is handed to PreviousRenderTrees.Release

/// <summary>
/// Issue 12: a component's previous render tree is released between renders, so that what it showed before (a page left
/// behind, its data) can be collected. Reaches framework internals: fails when a framework update renames them.
/// </summary>
public sealed class PreviousRenderTreesTests : BunitContext
{
    [Fact]
    public async Task Release_LetsWhatThePreviousTreeShowedBeCollected()
    {
        var seen = new List<WeakReference>();
        var host = Render<Host>(p => p.Add(x => x.Seen, seen));
        host.Render(p => p.Add(x => x.ShowSecond, true));
        Assert.Equal(2, seen.Count); // First, then Second in its place

        // Blazor itself keeps the host's previous tree, and through it the replaced component, until the host renders again.
        Collect();
        Assert.True(seen[0].IsAlive);

        var released = await host.InvokeAsync(() => PreviousRenderTrees.Release(Renderer));

        Assert.True(released >= 1);
        Collect();
        Assert.False(seen[0].IsAlive);
        Assert.True(seen[1].IsAlive);
        Assert.Equal(0, await host.InvokeAsync(() => PreviousRenderTrees.Release(Renderer))); // nothing left to release
    }

    [Fact]
    public async Task AfterRelease_TheNextRenderDiffsAsBefore()
    {
        var seen = new List<WeakReference>();
        var host = Render<Host>(p => p.Add(x => x.Seen, seen));
        host.Render(p => p.Add(x => x.ShowSecond, true));
        await host.InvokeAsync(() => PreviousRenderTrees.Release(Renderer));

        host.Render(p => p.Add(x => x.ShowSecond, false));
        host.Render(p => p.Add(x => x.Label, "再次"));

        host.MarkupMatches("<p>再次</p><span>first</span>");
        Assert.Equal(3, seen.Count); // First again, kept through the last render: no component made twice
    }

    private static void Collect()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
    }

    private sealed class Host : ComponentBase
    {
        [Parameter] public List<WeakReference> Seen { get; set; } = [];
        [Parameter] public bool ShowSecond { get; set; }
        [Parameter] public string Label { get; set; } = "标题";

        protected override void BuildRenderTree(RenderTreeBuilder builder)
        {
            builder.AddMarkupContent(0, $"<p>{Label}</p>");
            builder.OpenComponent(1, ShowSecond ? typeof(Second) : typeof(First));
            builder.AddComponentParameter(2, nameof(First.Seen), Seen);
            builder.CloseComponent();
        }
    }

    private class First : ComponentBase
    {
        [Parameter] public List<WeakReference> Seen { get; set; } = [];

        protected override void OnInitialized() => Remember(Seen, this);

        protected override void BuildRenderTree(RenderTreeBuilder builder) => builder.AddMarkupContent(0, "<span>first</span>");
    }

    private sealed class Second : First
    {
        protected override void BuildRenderTree(RenderTreeBuilder builder) => builder.AddMarkupContent(0, "<span>second</span>");
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void Remember(List<WeakReference> seen, object component) => seen.Add(new WeakReference(component));
}

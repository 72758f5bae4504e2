using System.Reflection;
using System.Runtime.CompilerServices;
using Microsoft.AspNetCore.Components.Rendering;
using Microsoft.AspNetCore.Components.RenderTree;
using Microsoft.AspNetCore.Components.Server.Circuits;

namespace ServicePortal.Components;

// The renderer's internals are reached on purpose (see below); the test fails when they change.
#pragma warning disable BL0006

/// <summary>
/// Issue 12, memory per circuit: Blazor keeps two render trees per component, the one shown and the one it was diffed
/// against, and frees the second only when the component renders again. That second tree is dead weight — at least a
/// 32-frame array per component that ever rendered twice, the dashboard's big ones 512 frames — and it still points at
/// what it showed: the page left behind by a navigation stays reachable, with its data, until the next one.
/// After each inbound activity of a circuit (an event, a JS call's answer, a render's acknowledgement) this handler
/// clears those previous trees on the circuit's dispatcher, between renders, which is where Blazor would clear them
/// itself before the next render. Their arrays go back to the shared pool.
/// The framework does not expose the trees, so they are reached through <see cref="UnsafeAccessorAttribute"/> (the
/// circuit's renderer by reflection, once per circuit): if a framework update renames what is reached, the first attempt
/// fails, is logged, and the handler stops trying (the portal works as before, only heavier); PreviousRenderTreesTests
/// fails on such an update.
/// </summary>
internal sealed class PreviousRenderTrees(ILogger<PreviousRenderTrees> log) : CircuitHandler
{
    private static volatile bool unavailable;
    private Renderer? renderer;
    private int scheduled;

    public override Func<CircuitInboundActivityContext, Task> CreateInboundActivityHandler(Func<CircuitInboundActivityContext, Task> next) =>
        async context =>
        {
            await next(context);
            Schedule(context.Circuit);
        };

    /// <summary>One clearing queued behind whatever the dispatcher has to do; activities arriving meanwhile share it.</summary>
    private void Schedule(Circuit circuit)
    {
        if (unavailable || Interlocked.Exchange(ref scheduled, 1) == 1) return;
        try
        {
            renderer ??= RendererOf(circuit);
            renderer.Dispatcher.InvokeAsync(() =>
            {
                Volatile.Write(ref scheduled, 0);
                Release(renderer);
            }).ContinueWith(static (t, state) => ((PreviousRenderTrees)state!).Failed(t.Exception!.GetBaseException()),
                this, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);
        }
        catch (Exception e)
        {
            Failed(e); // never at the circuit's expense
        }
    }

    private void Failed(Exception e)
    {
        if (e is ObjectDisposedException) return; // the circuit is gone
        unavailable = true;
        log.LogWarning(e, "上一版渲染树无法释放（框架内部已变化？），每个连接的内存会更高。");
    }

    /// <summary>Clears every component's previous render tree; must run on the renderer's dispatcher, between renders.</summary>
    /// <returns>How many components had one.</returns>
    internal static int Release(Renderer renderer)
    {
        var released = 0;
        foreach (var state in States(renderer).Values)
        {
            var previous = PreviousTree(state);
            if (previous.GetFrames().Count == 0) continue;
            previous.Clear();
            released++;
        }
        return released;
    }

    /// <summary>The tree a component was last diffed against (empty once released).</summary>
    internal static RenderTreeBuilder PreviousTree(ComponentState state) => NextRenderTree(state);

    /// <summary>The circuit's renderer: once per circuit, by reflection (the circuit host's type is internal).</summary>
    private static Renderer RendererOf(Circuit circuit)
    {
        var host = CircuitHostField.Value?.GetValue(circuit) ?? throw new MissingFieldException(nameof(Circuit), "_circuitHost");
        return (Renderer)(host.GetType().GetProperty("Renderer")?.GetValue(host) ?? throw new MissingMemberException(host.GetType().Name, "Renderer"));
    }

    private static readonly Lazy<FieldInfo?> CircuitHostField =
        new(() => typeof(Circuit).GetField("_circuitHost", BindingFlags.Instance | BindingFlags.NonPublic));

    [UnsafeAccessor(UnsafeAccessorKind.Field, Name = "_componentStateById")]
    private static extern ref Dictionary<int, ComponentState> States(Renderer renderer);

    [UnsafeAccessor(UnsafeAccessorKind.Field, Name = "_nextRenderTree")]
    private static extern ref RenderTreeBuilder NextRenderTree(ComponentState state);
}

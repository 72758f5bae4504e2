using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using ServicePortal.Components.Shared;
using ServicePortal.Domain.Common;

namespace ServicePortal.Tests.Components;

/// <summary>The live pages' reload on a change: after a burst settles, one reload at a time, the last one after the last change.</summary>
public class LiveFeedTests : BunitContext
{
    [Fact]
    public async Task AChangeDuringAReload_WaitsForIt_ThenReloadsOnceMore()
    {
        var feed = new InProcessChangeFeed<int>();
        Services.AddSingleton<IChangeFeed<int>>(feed);
        SetRendererInfo(new RendererInfo("Server", true));
        var (calls, running, overlapped) = (0, 0, false);
        var seen = new List<int>();
        var firstReload = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Render<LiveFeed<int>>(p => p
            .Add(x => x.Debounce, TimeSpan.FromMilliseconds(20))
            .Add(x => x.OnChange, async (int change) =>
            {
                overlapped |= ++running > 1;
                seen.Add(change);
                if (++calls == 1) await firstReload.Task; // a slow reload (a big board)
                running--;
            }));

        feed.Publish(1);
        await WaitAsync(() => calls == 1);
        feed.Publish(2); // each settles on its own while the first reload is still running
        await Task.Delay(100, TestContext.Current.CancellationToken);
        feed.Publish(3);
        await Task.Delay(100, TestContext.Current.CancellationToken);
        calls.ShouldBe(1, "no second reload while the first runs");

        firstReload.SetResult();
        await WaitAsync(() => calls == 2 && running == 0);
        await Task.Delay(100, TestContext.Current.CancellationToken);
        calls.ShouldBe(2, "the changes during the first reload are answered by one more reload");
        overlapped.ShouldBeFalse();
        seen[0].ShouldBe(1);
    }

    private static async Task WaitAsync(Func<bool> done)
    {
        for (var i = 0; i < 200 && !done(); i++) await Task.Delay(10, TestContext.Current.CancellationToken);
        done().ShouldBeTrue();
    }
}

using System.Diagnostics;
using System.Globalization;
using Microsoft.Playwright;
using ServicePortal.Domain.Demo;
using ServicePortal.Tests.Browser;
using ServicePortal.Tests.Infrastructure;
using ServicePortal.Tests.Postgres;

namespace ServicePortal.Tests.Benchmarks;

/// <summary>
/// Issue 12, load: N Blazor Server circuits on one instance of the portal, each doing about one action a second,
/// at N = 50, 100, 200 (targets: p95 ≤ 200 ms at 200 circuits, ≤ 500 KB of server memory per circuit).
/// The real app in this process (Kestrel on a free localhost port, a new SQLite file with the demo data: two years
/// of complaints and repairs), one headless Chromium with a page per circuit, all signed in as the department
/// head. An action is a click on the menu that the circuit answers: 看板 (the KPI dashboard, its queries) and
/// 投诉台账 (the register's first page) in turn; its latency is measured inside the page, from the click to the
/// page's marker in the DOM (a MutationObserver), so it holds the server's work, the SignalR round trip and the
/// browser's rendering, but not the test's remote control of the browser.
/// Server memory per circuit: the growth of the managed heap after a full collection (and of the process's
/// working set) from before the first page to N open pages, divided by N; it includes the few Playwright
/// objects per page that live in this process too.
/// <see cref="Circuits_OneActionASecondEach_TwoInstancesOnPostgreSQL"/> measures the same through two instances on one
/// PostgreSQL database (<see cref="TwoPortalInstances"/>), the pages alternately on each.
/// Configure: <c>CIRCUIT_BENCH_N</c> (counts, ascending, default "50,100,200"), <c>CIRCUIT_BENCH_SECONDS</c>
/// (measuring time per count, default 30), <c>CIRCUIT_BENCH_HOLD_SECONDS</c> (keeps the last N pages open that long at
/// the end, the process id in <c>$TMPDIR/circuit-bench.pid</c>, for a heap dump).
/// </summary>
[Collection(BenchCollection.Name)]
public sealed class CircuitLoadBenchmark
{
    private const double TargetP95 = 200;
    private const double TargetKbPerCircuit = 500;

    private static readonly (string Click, string Marker)[] Actions =
    [
        ("nav-dashboard", "[data-testid='kpi-backlog-open']"),
        ("nav-register", "[data-testid='register-grid']"),
    ];

    /// <summary>Clicks a menu link and resolves with the milliseconds until the target page's marker is in the DOM.</summary>
    private const string ActionScript = """
        ([click, marker]) => new Promise((resolve, reject) => {
          const start = performance.now();
          const found = () => document.querySelector(marker);
          const observer = new MutationObserver(() => { if (found()) { observer.disconnect(); clearTimeout(timer); resolve(performance.now() - start); } });
          const timer = setTimeout(() => { observer.disconnect(); reject(new Error('timeout: ' + marker)); }, 30000);
          observer.observe(document.body, { childList: true, subtree: true });
          const link = document.querySelector(`[data-testid='${click}']`);
          (link.tagName === 'A' ? link : link.querySelector('a') ?? link).click();
        })
        """;

    private static int[] Counts =>
        (Environment.GetEnvironmentVariable("CIRCUIT_BENCH_N") is { Length: > 0 } text ? text : "50,100,200")
        .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(int.Parse).Order().ToArray();

    private static TimeSpan Duration =>
        TimeSpan.FromSeconds(int.TryParse(Environment.GetEnvironmentVariable("CIRCUIT_BENCH_SECONDS"), out var s) && s > 0 ? s : 30);

    [Fact(Explicit = true)]
    [Trait("Category", "Benchmark")]
    public async Task Circuits_OneActionASecondEach()
    {
        await using var app = new PortalAppFactory { Settings = new Dictionary<string, string> { ["Portal:DemoData"] = "true" } };
        await RunAsync("Blazor Server circuits on one instance", [app.StartOnRealPort()],
            "One instance in the test process (Kestrel, SQLite with the demo data)");
    }

    /// <summary>
    /// The same on two instances of the portal on one PostgreSQL database (the throwaway cluster, the demo data written by the
    /// first instance), the pages spread over both alternately. Both instances live in this process: the memory per circuit is
    /// the process's growth (both servers) divided by N, as for one instance.
    /// </summary>
    [Fact(Explicit = true)]
    [Trait("Category", "Benchmark")]
    public async Task Circuits_OneActionASecondEach_TwoInstancesOnPostgreSQL()
    {
        await using var apps = await TwoPortalInstances.StartAsync(demoData: true, realPorts: true);
        await RunAsync("Blazor Server circuits on two instances (PostgreSQL)", apps.BaseAddresses,
            "Two instances in the test process (Kestrel on a port each, one PostgreSQL database with the demo data; " +
            "pages alternately on each; memory per circuit: the process's growth, both instances, divided by N)");
    }

    /// <summary>Opens the circuits (page i on <paramref name="baseUrls"/>[i mod count]), lets them act and writes the table.</summary>
    private static async Task RunAsync(string title, IReadOnlyList<string> baseUrls, string setup)
    {
        var chromium = BrowserFixture.ChromiumPath;
        if (chromium is null || !File.Exists(chromium))
            throw new InvalidOperationException($"No Chromium ({chromium ?? "none on PATH"}): set {BrowserFixture.ChromiumVariable} or install Debian's chromium.");
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = chromium,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage",
                // Hidden pages keep their timers and rendering: every circuit acts, not only a "visible" one.
                "--disable-background-timer-throttling", "--disable-renderer-backgrounding", "--disable-backgrounding-occluded-windows"],
        });

        // One sign-in; every page gets its cookie (a circuit per page, as per browser tab). The cookie is localhost's, any
        // port: the instances share the data-protection keys (in the database), so each accepts it.
        var signIn = await NewContextAsync(browser, baseUrls[0], null);
        var first = await signIn.NewPageAsync();
        await first.SignInAsync("head", DemoDataGenerator.DemoPassword);
        var state = await signIn.StorageStateAsync();
        await signIn.CloseAsync();
        // Warm-up: both pages once on each instance, so the first circuits do not pay for the JIT and the caches.
        foreach (var baseUrl in baseUrls)
        {
            var warm = await NewContextAsync(browser, baseUrl, state);
            var page = await warm.NewPageAsync();
            await page.GotoAsync("/dashboard");
            await page.WaitForInteractiveAsync();
            foreach (var (click, marker) in Actions.Concat(Actions)) await page.EvaluateAsync<double>(ActionScript, new object[] { click, marker });
            await warm.CloseAsync();
        }

        var (managedBefore, workingSetBefore) = ServerMemory();
        var pages = new List<IPage>();
        var rows = new List<BenchRow>();
        var notes = new List<string>();
        (int N, long Managed, long WorkingSet)? previous = null;
        foreach (var n in Counts)
        {
            var opening = Stopwatch.StartNew();
            while (pages.Count < n)
            {
                // A few at a time: the sign-in cookie is shared, each page opens its own circuit.
                var batch = await Task.WhenAll(Enumerable.Range(pages.Count, Math.Min(10, n - pages.Count)).Select(async i =>
                {
                    var context = await NewContextAsync(browser, baseUrls[i % baseUrls.Count], state);
                    var page = await context.NewPageAsync();
                    await page.GotoAsync("/dashboard");
                    await page.WaitForInteractiveAsync();
                    await page.Locator(Actions[0].Marker).WaitForAsync();
                    return page;
                }));
                pages.AddRange(batch);
            }
            opening.Stop();
            var (managedOpen, workingSetOpen) = ServerMemory();

            var actions = await RunAsync(pages, Duration);
            var timeouts = actions.Count(a => double.IsInfinity(a.Ms));
            var latencies = actions.Select(a => a.Ms).ToList(); // a timeout counts as the slowest
            var byAction = string.Join(" · ", Actions.Select((a, i) => (a.Click, Timing: Timing.Of(actions.Where(x => x.Action == i).Select(x => x.Ms).DefaultIfEmpty(0).ToList())))
                .Select(a => $"{a.Click} {a.Timing}"));
            var (managedAfter, workingSetAfter) = ServerMemory();
            var timing = Timing.Of(latencies);
            var kbOpen = (managedOpen - managedBefore) / 1024.0 / n;
            var kbAfter = (managedAfter - managedBefore) / 1024.0 / n;
            var wsKb = (workingSetAfter - workingSetBefore) / 1024.0 / n;
            rows.Add(BenchRow.Timed($"{n} circuits, ~1 action/s each: action latency ({latencies.Count} actions in {Duration.TotalSeconds:F0} s{(timeouts > 0 ? $", {timeouts} without an answer in 30 s" : "")})",
                timing, null, maxP95: TargetP95));
            // From the previous count on: what one more circuit costs, without the one-time costs of the first pages.
            var marginal = previous is { } p
                ? string.Create(CultureInfo.InvariantCulture, $"; {(managedAfter - p.Managed) / 1024.0 / (n - p.N):F0} KB managed, {(workingSetAfter - p.WorkingSet) / 1024.0 / (n - p.N):F0} KB working set per circuit from {p.N} to {n}")
                : "";
            var kb = previous is { } q ? (managedAfter - q.Managed) / 1024.0 / (n - q.N) : Math.Max(kbOpen, kbAfter);
            previous = (n, managedAfter, workingSetAfter);
            rows.Add(new BenchRow($"{n} circuits: server memory per circuit (managed: open · after the actions; working set{(marginal.Length > 0 ? "; the step from the previous N" : "")})",
                string.Create(CultureInfo.InvariantCulture, $"{kbOpen:F0} KB · {kbAfter:F0} KB; {wsKb:F0} KB{marginal}"), "—", "—",
                $"≤ {TargetKbPerCircuit} KB", kb <= TargetKbPerCircuit));
            notes.Add(string.Create(CultureInfo.InvariantCulture,
                $"N = {n}: pages opened in {opening.Elapsed.TotalSeconds:F0} s; managed heap {Mb(managedBefore)} → {Mb(managedOpen)} open → {Mb(managedAfter)} after; " +
                $"working set {Mb(workingSetBefore)} → {Mb(workingSetOpen)} → {Mb(workingSetAfter)}; mean {latencies.Where(double.IsFinite).DefaultIfEmpty(0).Average():F0} ms, max {latencies.Max():F0} ms, by action (p50 / p95) {byAction}; load {BenchReport.LoadAverage()}"));
        }
        // What a circuit holds depends on the page it shows: every page to the same page, then the heap.
        var byPage = new List<string>();
        foreach (var (click, marker, name) in new[]
                 {
                     ("nav-new-complaint", "[data-testid='save-complaint']", "登记投诉 (form)"),
                     (Actions[1].Click, Actions[1].Marker, "投诉台账 (register, 20 rows)"),
                     (Actions[0].Click, Actions[0].Marker, "看板 (dashboard)"),
                 })
        {
            await Task.WhenAll(pages.Select(async page =>
            {
                try
                {
                    await page.EvaluateAsync<double>(ActionScript, new object[] { click, marker });
                }
                catch (PlaywrightException)
                {
                    // counted below as it is: the page may still show the one before
                }
            }));
            var (managed, workingSet) = ServerMemory();
            byPage.Add(string.Create(CultureInfo.InvariantCulture,
                $"{name} {(managed - managedBefore) / 1024.0 / pages.Count:F0} KB managed, {(workingSet - workingSetBefore) / 1024.0 / pages.Count:F0} KB working set"));
        }
        notes.Add($"Per circuit by the page all {pages.Count} show (from before the first page): " + string.Join(" · ", byPage));
        if (int.TryParse(Environment.GetEnvironmentVariable("CIRCUIT_BENCH_HOLD_SECONDS"), out var hold) && hold > 0)
        {
            // Time to look at the server with the pages open, e.g. dotnet-gcdump collect -p <pid>.
            await File.WriteAllTextAsync(Path.Combine(Path.GetTempPath(), "circuit-bench.pid"), Environment.ProcessId.ToString(CultureInfo.InvariantCulture), TestContext.Current.CancellationToken);
            await Task.Delay(TimeSpan.FromSeconds(hold), TestContext.Current.CancellationToken);
        }
        notes.Add($"{setup}, one headless Chromium ({Path.GetFileName(chromium)}) on the same " +
                  $"{Environment.ProcessorCount} cores: the browser's rendering of N pages competes with the server for the CPU, so the latencies are an upper bound.");
        BenchReport.Write(title, rows, notes);
        await browser.CloseAsync();
    }

    private static async Task<IBrowserContext> NewContextAsync(IBrowser browser, string baseUrl, string? storageState)
    {
        var context = await browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = baseUrl,
            Locale = "zh-CN",
            TimezoneId = "Asia/Shanghai",
            ViewportSize = new ViewportSize { Width = 1280, Height = 800 },
            StorageState = storageState,
        });
        context.SetDefaultTimeout(60_000);
        return context;
    }

    /// <summary>Each page acts about once a second (its start spread over the first second) until <paramref name="duration"/> is over.</summary>
    private static async Task<List<(int Action, double Ms)>> RunAsync(List<IPage> pages, TimeSpan duration)
    {
        var all = new List<(int, double)>();
        var end = Stopwatch.GetTimestamp() + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        var results = await Task.WhenAll(pages.Select(async (page, i) =>
        {
            var mine = new List<(int, double)>();
            await Task.Delay(TimeSpan.FromMilliseconds(1000.0 * i / pages.Count));
            for (var k = 0; Stopwatch.GetTimestamp() < end; k++)
            {
                var start = Stopwatch.GetTimestamp();
                var action = (k + 1) % Actions.Length; // every page starts on the dashboard: first to the register
                var (click, marker) = Actions[action];
                try
                {
                    mine.Add((action, await page.EvaluateAsync<double>(ActionScript, new object[] { click, marker })));
                }
                catch (PlaywrightException)
                {
                    // No answer in 30 s: counted, and the page starts again from the dashboard.
                    mine.Add((action, double.PositiveInfinity));
                    await page.GotoAsync("/dashboard");
                    await page.WaitForInteractiveAsync();
                    await page.Locator(Actions[0].Marker).WaitForAsync();
                    k = -1; // next (k = 0): the register
                    continue;
                }
                var rest = TimeSpan.FromSeconds(1) - Stopwatch.GetElapsedTime(start);
                if (rest > TimeSpan.Zero) await Task.Delay(rest);
            }
            return mine;
        }));
        foreach (var r in results) all.AddRange(r);
        return all;
    }

    /// <summary>The managed heap after a full collection, and the working set, of this process (the server's).</summary>
    private static (long Managed, long WorkingSet) ServerMemory()
    {
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        var managed = GC.GetTotalMemory(forceFullCollection: true);
        using var process = Process.GetCurrentProcess();
        return (managed, process.WorkingSet64);
    }

    private static string Mb(long bytes) => BenchReport.Megabytes(bytes);
}

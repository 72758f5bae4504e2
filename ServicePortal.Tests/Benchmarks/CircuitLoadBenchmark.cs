using System.Diagnostics;
using System.Globalization;
using ServicePortal.Tests.Infrastructure;
using ServicePortal.Tests.Postgres;

namespace ServicePortal.Tests.Benchmarks;

/// <summary>
/// Issue 12, load: N Blazor Server circuits on one instance of the portal, each doing about one action a second,
/// at N = 50, 100, 200 (targets: p95 ≤ 200 ms at 200 circuits, ≤ 500 KB of server memory per circuit).
/// The real app in this process (Kestrel on a free localhost port, a new SQLite file with the demo data: two years
/// of complaints and repairs), every circuit signed in as the department head. An action is a menu link the circuit
/// answers: 看板 (the KPI dashboard, its queries) and 投诉台账 (the register's first page of 20 rows) in turn; it is
/// timed until the page's data is shown (<see cref="CircuitPage.Marker"/>).
/// The circuits are driven by <see cref="HubDriver"/> (default, <c>CIRCUIT_BENCH_CLIENT=hub</c>): SignalR clients speaking
/// Blazor's hub protocol in this process, no browser, so the latency is the portal's own (hub, renderer, queries, the
/// loopback); or by <see cref="BrowserDriver"/> (<c>CIRCUIT_BENCH_CLIENT=browser</c>): a headless Chromium page per
/// circuit, the latency measured inside the page (click to DOM), which at 100 and more circuits is the machine's.
/// Server memory per circuit: the growth of the managed heap after a full collection (and of the process's
/// working set) from before the first circuit to N open ones, divided by N; it includes what the clients hold in this
/// process. With the hub clients, the client's end of a connection is measured on its own before the circuits (connections
/// to the portal started in a child process, <see cref="ChildPortal"/>) and the rows "server alone" take it off.
/// <see cref="Circuits_OneActionASecondEach_TwoInstancesOnPostgreSQL"/> measures the same through two instances on one
/// PostgreSQL database (<see cref="TwoPortalInstances"/>), the circuits alternately on each.
/// Configure: <c>CIRCUIT_BENCH_N</c> (counts, ascending, default "50,100,200"), <c>CIRCUIT_BENCH_SECONDS</c>
/// (measuring time per count, default 30), <c>CIRCUIT_BENCH_HOLD_SECONDS</c> (keeps the last N circuits open that long on
/// each page at the end, for a heap dump: <see cref="HoldAsync"/>).
/// </summary>
[Collection(BenchCollection.Name)]
public sealed class CircuitLoadBenchmark
{
    private const double TargetP95 = 200;
    private const double TargetKbPerCircuit = 500;

    private static readonly CircuitPage Dashboard = new("看板 (dashboard)", "/dashboard", "nav-dashboard", "kpi-backlog-open");
    private static readonly CircuitPage Register = new("投诉台账 (register, 20 rows)", "/complaints", "nav-register", "complaint-link");
    private static readonly CircuitPage Form = new("登记投诉 (form)", "/complaints/new", "nav-new-complaint", "save-complaint");
    /// <summary>The layout with one alert: the floor of a page (no menu link leads there, so the hub client only).</summary>
    private static readonly CircuitPage LayoutAlone = new("页面不存在 (the layout alone)", "/not-found", "", "not-found");

    /// <summary>What every circuit does in turn: from the page it shows to the next one here (from the dashboard, where it opens, to the register).</summary>
    private static readonly CircuitPage[] Actions = [Dashboard, Register];

    private static int[] Counts =>
        (Environment.GetEnvironmentVariable("CIRCUIT_BENCH_N") is { Length: > 0 } text ? text : "50,100,200")
        .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(int.Parse).Order().ToArray();

    private static TimeSpan Duration =>
        TimeSpan.FromSeconds(int.TryParse(Environment.GetEnvironmentVariable("CIRCUIT_BENCH_SECONDS"), out var s) && s > 0 ? s : 30);

    private static bool InBrowser => string.Equals(Environment.GetEnvironmentVariable("CIRCUIT_BENCH_CLIENT"), "browser", StringComparison.OrdinalIgnoreCase);

    [Fact(Explicit = true)]
    [Trait("Category", "Benchmark")]
    public async Task Circuits_OneActionASecondEach()
    {
        using var idle = new IdleBlockProbe(); // before the server, which it counts from its start
        await using var app = new PortalAppFactory { Settings = new Dictionary<string, string> { ["Portal:DemoData"] = "true" } };
        await RunAsync("Blazor Server circuits on one instance", [app.StartOnRealPort()],
            "One instance in the test process (Kestrel, SQLite with the demo data)", idle);
    }

    /// <summary>
    /// The same on two instances of the portal on one PostgreSQL database (the throwaway cluster, the demo data written by the
    /// first instance), the circuits spread over both alternately. Both instances live in this process: the memory per circuit is
    /// the process's growth (both servers) divided by N, as for one instance.
    /// </summary>
    [Fact(Explicit = true)]
    [Trait("Category", "Benchmark")]
    public async Task Circuits_OneActionASecondEach_TwoInstancesOnPostgreSQL()
    {
        using var idle = new IdleBlockProbe(); // before the servers, which it counts from their start
        await using var apps = await TwoPortalInstances.StartAsync(demoData: true, realPorts: true);
        await RunAsync("Blazor Server circuits on two instances (PostgreSQL)", apps.BaseAddresses,
            "Two instances in the test process (Kestrel on a port each, one PostgreSQL database with the demo data; " +
            "circuits alternately on each; memory per circuit: the process's growth, both instances, divided by N)", idle);
    }

    /// <summary>Opens the circuits (circuit i on <paramref name="baseUrls"/>[i mod count]), lets them act and writes the table.</summary>
    /// <param name="idle">Kestrel's idle blocks, reported beside the memory (they are in the managed heap's figures).</param>
    private static async Task RunAsync(string title, IReadOnlyList<string> baseUrls, string setup, IdleBlockProbe idle)
    {
        using var probe = new ServerTimeProbe();
        await using ICircuitDriver driver = InBrowser ? await BrowserDriver.CreateAsync(baseUrls[0]) : await HubDriver.CreateAsync(baseUrls[0]);
        // Warm-up: both pages twice on each instance, so the first circuits do not pay for the JIT and the caches.
        foreach (var baseUrl in baseUrls)
        {
            await using var warm = await driver.OpenAsync(baseUrl, Dashboard);
            foreach (var page in Actions.Skip(1).Concat(Actions).Concat(Actions)) await warm.GoAsync(page);
        }

        var rows = new List<BenchRow>();
        var notes = new List<string>();
        // What of each circuit's figure is the client's (the hub clients live in this process; a browser's do not).
        var clientKb = 0.0;
        if (driver is HubDriver hub)
        {
            // Before any circuit, while the server is quiet: what a client's connection costs in this process, both ends;
            // then the client's end alone, connected to the portal in a child process.
            var bare = Math.Min(50, Counts.Max());
            var kb = await hub.BareConnectionKbAsync(baseUrls[0], bare, () => ServerMemory().Managed);
            await using (var child = await ChildPortal.StartAsync(TestContext.Current.CancellationToken))
                clientKb = Math.Max(0, await hub.BareConnectionKbAsync(child.BaseUrl, bare, () => ServerMemory().Managed));
            notes.Add(string.Create(CultureInfo.InvariantCulture,
                $"A hub connection without a circuit ({bare} of them), managed: {kb:F0} KB both ends (the server's connection and this client); " +
                $"{clientKb:F0} KB the client's end alone (connected to the portal in a child process), which the rows \"server alone\" take off each circuit's figure; " +
                $"{kb - clientKb:F0} KB the server's end."));
        }
        var (managedBefore, workingSetBefore) = ServerMemory();
        var idleBefore = idle.Bytes;
        // Kestrel's idle blocks from before the first circuit to now, per circuit: part of the managed figures, not held by any circuit.
        string IdleBlocks(int n) => idle.Bytes is { } now && idleBefore is { } then
            ? string.Create(CultureInfo.InvariantCulture, $"; idle in Kestrel's block pools {Mb(then)} → {Mb(now)} ({(now - then) / 1024.0 / n:F0} KB per circuit)")
            : "";
        var circuits = new List<IBenchCircuit>();
        (int N, long Managed, long WorkingSet)? previous = null;
        try
        {
            foreach (var n in Counts)
            {
                var opening = Stopwatch.StartNew();
                while (circuits.Count < n)
                {
                    // A few at a time: the sign-in cookie is shared, each opens its own circuit on the dashboard.
                    circuits.AddRange(await Task.WhenAll(Enumerable.Range(circuits.Count, Math.Min(10, n - circuits.Count))
                        .Select(i => driver.OpenAsync(baseUrls[i % baseUrls.Count], Dashboard))));
                }
                opening.Stop();
                var (managedOpen, workingSetOpen) = ServerMemory();

                probe.Start();
                var actions = await ActAsync(driver, circuits, baseUrls, Duration);
                var time = probe.Report(actions.Count);
                var unanswered = actions.Count(a => double.IsInfinity(a.Ms));
                var latencies = actions.Select(a => a.Ms).ToList(); // an unanswered action counts as the slowest
                var byAction = string.Join(" · ", Actions.Select(page => (page.Name, Timing: Timing.Of(actions.Where(a => a.Page == page).Select(a => a.Ms).DefaultIfEmpty(0).ToList())))
                    .Select(a => $"{a.Name} {a.Timing}"));
                var firstRenders = actions.Select(a => a.FirstRenderMs).Where(double.IsFinite).ToList();
                var (managedAfter, workingSetAfter) = ServerMemory();
                var idleAfter = IdleBlocks(n);
                var timing = Timing.Of(latencies);
                var kbOpen = (managedOpen - managedBefore) / 1024.0 / n;
                var kbAfter = (managedAfter - managedBefore) / 1024.0 / n;
                var wsKb = (workingSetAfter - workingSetBefore) / 1024.0 / n;
                rows.Add(BenchRow.Timed($"{n} circuits, ~1 action/s each: action latency ({latencies.Count} actions in {Duration.TotalSeconds:F0} s{(unanswered > 0 ? $", {unanswered} without an answer in 30 s" : "")})",
                    timing, null, maxP95: TargetP95));
                // From the previous count on: what one more circuit costs, without the one-time costs of the first circuits.
                var marginal = previous is { } p
                    ? string.Create(CultureInfo.InvariantCulture, $"; {(managedAfter - p.Managed) / 1024.0 / (n - p.N):F0} KB managed, {(workingSetAfter - p.WorkingSet) / 1024.0 / (n - p.N):F0} KB working set per circuit from {p.N} to {n}")
                    : "";
                var kb = previous is { } q ? (managedAfter - q.Managed) / 1024.0 / (n - q.N) : Math.Max(kbOpen, kbAfter);
                previous = (n, managedAfter, workingSetAfter);
                rows.Add(new BenchRow($"{n} circuits: memory per circuit in this process, the clients' too (managed: open · after the actions; working set{(marginal.Length > 0 ? "; the step from the previous N" : "")})",
                    string.Create(CultureInfo.InvariantCulture, $"{kbOpen:F0} KB · {kbAfter:F0} KB; {wsKb:F0} KB{marginal}"), "—", "—",
                    clientKb > 0 ? "—" : $"≤ {TargetKbPerCircuit} KB", clientKb > 0 ? null : kb <= TargetKbPerCircuit));
                if (clientKb > 0)
                {
                    rows.Add(new BenchRow($"{n} circuits: server memory per circuit, server alone (managed, less the client's end of {clientKb:F0} KB: open · after the actions{(marginal.Length > 0 ? " · the step from the previous N" : "")})",
                        string.Create(CultureInfo.InvariantCulture, $"{kbOpen - clientKb:F0} KB · {kbAfter - clientKb:F0} KB{(marginal.Length > 0 ? $" · {kb - clientKb:F0} KB" : "")}"), "—", "—",
                        $"≤ {TargetKbPerCircuit} KB", kb - clientKb <= TargetKbPerCircuit));
                }
                var why = unanswered > 0 ? "; unanswered: " + string.Join(" · ", actions.Select(a => a.Failure).OfType<string>().Distinct().Take(3)) : "";
                notes.Add(string.Create(CultureInfo.InvariantCulture,
                    $"N = {n}: circuits opened in {opening.Elapsed.TotalSeconds:F0} s; managed heap {Mb(managedBefore)} → {Mb(managedOpen)} open → {Mb(managedAfter)} after; " +
                    $"working set {Mb(workingSetBefore)} → {Mb(workingSetOpen)} → {Mb(workingSetAfter)}{idleAfter}; mean {latencies.Where(double.IsFinite).DefaultIfEmpty(0).Average():F0} ms, max {latencies.Max():F0} ms, " +
                    $"by action (p50 / p95) {byAction}{(firstRenders.Count > 0 ? $"; first render after the link {Timing.Of(firstRenders)}" : "")}; while acting {time}; load {BenchReport.LoadAverage()}{why}"));
            }
            // What a circuit holds depends on the page it shows: every circuit to the same page, then the heap.
            var byPage = new List<string>();
            foreach (var page in InBrowser ? [Form, Register, Dashboard] : new[] { LayoutAlone, Form, Register, Dashboard })
            {
                await Task.WhenAll(circuits.Select(async circuit =>
                {
                    try
                    {
                        await circuit.GoAsync(page);
                    }
                    catch (Exception e) when (e is TimeoutException or InvalidOperationException)
                    {
                        // counted below as it is: the circuit may still show the page before
                    }
                }));
                var (managed, workingSet) = ServerMemory();
                byPage.Add(string.Create(CultureInfo.InvariantCulture,
                    $"{page.Name} {(managed - managedBefore) / 1024.0 / circuits.Count:F0} KB managed, {(workingSet - workingSetBefore) / 1024.0 / circuits.Count:F0} KB working set{IdleBlocks(circuits.Count)}"));
                await HoldAsync(page);
            }
            notes.Add($"Per circuit by the page all {circuits.Count} show (from before the first circuit): " + string.Join(" · ", byPage));
        }
        finally
        {
            foreach (var circuit in circuits) await circuit.DisposeAsync();
        }
        notes.Add($"{setup}; {driver.Description}.");
        BenchReport.Write(title + (InBrowser ? ", headless Chromium" : ", hub clients"), rows, notes);
    }

    /// <summary>
    /// Time to look at the server with every circuit on <paramref name="page"/> (e.g. <c>dotnet-dump collect -p &lt;pid&gt;</c>):
    /// with <c>CIRCUIT_BENCH_HOLD_SECONDS</c> set, the process id is in <c>$TMPDIR/circuit-bench.pid</c> and the page's path in
    /// <c>$TMPDIR/circuit-bench.page</c> while it waits.
    /// </summary>
    private static async Task HoldAsync(CircuitPage page)
    {
        if (!int.TryParse(Environment.GetEnvironmentVariable("CIRCUIT_BENCH_HOLD_SECONDS"), out var hold) || hold <= 0) return;
        await File.WriteAllTextAsync(Path.Combine(Path.GetTempPath(), "circuit-bench.pid"), Environment.ProcessId.ToString(CultureInfo.InvariantCulture), TestContext.Current.CancellationToken);
        await File.WriteAllTextAsync(Path.Combine(Path.GetTempPath(), "circuit-bench.page"), page.Path, TestContext.Current.CancellationToken);
        await Task.Delay(TimeSpan.FromSeconds(hold), TestContext.Current.CancellationToken);
    }

    /// <summary>
    /// Each circuit acts about once a second (the starts spread over the first second) until <paramref name="duration"/> is over.
    /// A circuit that does not answer in 30 s (or fails) is counted and replaced by a new one on the dashboard. Each goes on from the
    /// page it shows (<see cref="IBenchCircuit.Shown"/>): the circuits of the previous count may have ended on either page, and a
    /// link to the page shown would never show its marker anew.
    /// </summary>
    private static async Task<List<(CircuitPage Page, double FirstRenderMs, double Ms, string? Failure)>> ActAsync(ICircuitDriver driver, List<IBenchCircuit> circuits,
        IReadOnlyList<string> baseUrls, TimeSpan duration)
    {
        var end = Stopwatch.GetTimestamp() + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        var results = await Task.WhenAll(circuits.Select(async (_, i) =>
        {
            var mine = new List<(CircuitPage, double, double, string?)>();
            await Task.Delay(TimeSpan.FromMilliseconds(1000.0 * i / circuits.Count));
            while (Stopwatch.GetTimestamp() < end)
            {
                var start = Stopwatch.GetTimestamp();
                var page = Actions[(Array.IndexOf(Actions, circuits[i].Shown) + 1) % Actions.Length];
                try
                {
                    var (first, ms) = await circuits[i].GoAsync(page);
                    mine.Add((page, first, ms, null));
                }
                catch (Exception e) when (e is TimeoutException or InvalidOperationException)
                {
                    mine.Add((page, double.NaN, double.PositiveInfinity, e.Message));
                    await circuits[i].DisposeAsync();
                    circuits[i] = await driver.OpenAsync(baseUrls[i % baseUrls.Count], Dashboard);
                    continue;
                }
                var rest = TimeSpan.FromSeconds(1) - Stopwatch.GetElapsedTime(start);
                if (rest > TimeSpan.Zero) await Task.Delay(rest);
            }
            return mine;
        }));
        return results.SelectMany(r => r).ToList();
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

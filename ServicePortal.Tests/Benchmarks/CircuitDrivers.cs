using System.Net;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Playwright;
using ServicePortal.Domain.Demo;
using ServicePortal.Tests.Api;
using ServicePortal.Tests.Browser;

namespace ServicePortal.Tests.Benchmarks;

/// <summary>A page of the circuit benchmark: where it is, the menu link to it, and a <c>data-testid</c> that only it renders, once its data is in.</summary>
internal sealed record CircuitPage(string Name, string Path, string Link, string Marker);

/// <summary>One open circuit the benchmark acts in.</summary>
internal interface IBenchCircuit : IAsyncDisposable
{
    /// <summary>
    /// The page the circuit shows: the one it was opened on or last went to. A link to it renders nothing new (the router
    /// keeps the page, whose data is already there), so its marker would never come: an action goes elsewhere.
    /// </summary>
    CircuitPage Shown { get; }

    /// <summary>
    /// Goes to <paramref name="page"/> by its menu link: milliseconds until the first render after it (NaN where the
    /// driver cannot tell) and until the page's marker; throws when no answer came in 30 s or the circuit failed.
    /// </summary>
    Task<(double FirstRenderMs, double Ms)> GoAsync(CircuitPage page);
}

/// <summary>How the benchmark's circuits are opened and driven, all signed in as the department head.</summary>
internal interface ICircuitDriver : IAsyncDisposable
{
    /// <summary>For the notes: what drives the circuits and what that means for the figures.</summary>
    string Description { get; }

    Task<IBenchCircuit> OpenAsync(string baseUrl, CircuitPage page);
}

/// <summary>
/// The default: <see cref="BlazorCircuitClient"/>, a circuit per hub connection with one sign-in cookie, in this process;
/// the latency is the portal's (hub, renderer, queries) plus the loopback, without any browser's work.
/// </summary>
internal sealed class HubDriver : ICircuitDriver
{
    private readonly CookieContainer _cookies = new();
    private readonly HttpClient _http;

    private HubDriver() =>
        _http = new HttpClient(new SocketsHttpHandler { CookieContainer = _cookies, AllowAutoRedirect = false }) { Timeout = TimeSpan.FromSeconds(60) };

    /// <summary>What the server sent all circuits and what they answered.</summary>
    public CircuitTraffic Traffic { get; } = new();

    public string Description => "SignalR clients in the test process (no browser: render batches acknowledged unread, " +
                                 "JS calls answered at once): " + Traffic;

    /// <summary>Signs in through the login form as the department head (the cookie is localhost's: every instance takes it).</summary>
    public static async Task<HubDriver> CreateAsync(string baseUrl)
    {
        var driver = new HubDriver();
        driver._http.BaseAddress = new Uri(baseUrl);
        using var response = await LoginForm.SignInAsync(driver._http, "head", password: DemoDataGenerator.DemoPassword);
        if (response.StatusCode != HttpStatusCode.Redirect)
            throw new InvalidOperationException($"sign-in as head failed: {(int)response.StatusCode}");
        return driver;
    }

    public async Task<IBenchCircuit> OpenAsync(string baseUrl, CircuitPage page) =>
        new Circuit(await BlazorCircuitClient.OpenAsync(_http, _cookies, baseUrl, page.Path, page.Marker, Traffic, TestContext.Current.CancellationToken), page);

    /// <summary>
    /// Managed memory per hub connection that starts no circuit (both ends: this process holds the server and the clients),
    /// <paramref name="count"/> of them: an upper bound of what the benchmark's own clients add to "server memory per circuit".
    /// </summary>
    public async Task<double> BareConnectionKbAsync(string baseUrl, int count, Func<long> managedHeap)
    {
        var before = managedHeap();
        var connections = new List<HubConnection>();
        try
        {
            for (var i = 0; i < count; i++)
            {
                var connection = BlazorCircuitClient.Connection(baseUrl, _cookies);
                await connection.StartAsync(TestContext.Current.CancellationToken);
                connections.Add(connection);
            }
            return (managedHeap() - before) / 1024.0 / count;
        }
        finally
        {
            foreach (var connection in connections) await connection.DisposeAsync();
        }
    }

    public ValueTask DisposeAsync()
    {
        _http.Dispose();
        return ValueTask.CompletedTask;
    }

    private sealed class Circuit(BlazorCircuitClient client, CircuitPage opened) : IBenchCircuit
    {
        public CircuitPage Shown { get; private set; } = opened;

        public async Task<(double FirstRenderMs, double Ms)> GoAsync(CircuitPage page)
        {
            var timing = await client.NavigateAsync(page.Path, page.Marker, TestContext.Current.CancellationToken);
            Shown = page;
            return timing;
        }

        public ValueTask DisposeAsync() => client.DisposeAsync();
    }
}

/// <summary>
/// The first form of the benchmark: a headless Chromium page per circuit (a browser context each, one sign-in), an action
/// timed inside the page from the click on the menu link to the marker in the DOM. Every page is a renderer process on the
/// same cores: at 100 and more circuits the latency is the machine's rather than the portal's.
/// </summary>
internal sealed class BrowserDriver : ICircuitDriver
{
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

    private readonly IPlaywright _playwright;
    private readonly IBrowser _browser;
    private readonly string _chromium;
    private string? _state;

    private BrowserDriver(IPlaywright playwright, IBrowser browser, string chromium)
    {
        _playwright = playwright;
        _browser = browser;
        _chromium = chromium;
    }

    public string Description => $"one headless Chromium ({Path.GetFileName(_chromium)}) on the same {Environment.ProcessorCount} cores: " +
                                 "the browser's rendering of N pages competes with the server for the CPU, so the latencies are an upper bound";

    public static async Task<BrowserDriver> CreateAsync(string baseUrl)
    {
        var chromium = BrowserFixture.ChromiumPath;
        if (chromium is null || !File.Exists(chromium))
            throw new InvalidOperationException($"No Chromium ({chromium ?? "none on PATH"}): set {BrowserFixture.ChromiumVariable} or install Debian's chromium.");
        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = chromium,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage",
                // Hidden pages keep their timers and rendering: every circuit acts, not only a "visible" one.
                "--disable-background-timer-throttling", "--disable-renderer-backgrounding", "--disable-backgrounding-occluded-windows"],
        });
        var driver = new BrowserDriver(playwright, browser, chromium);
        // One sign-in; every page gets its cookie (a circuit per page, as per browser tab). The cookie is localhost's, any
        // port: the instances share the data-protection keys (in the database), so each accepts it.
        var signIn = await driver.NewContextAsync(baseUrl);
        var first = await signIn.NewPageAsync();
        await first.SignInAsync("head", DemoDataGenerator.DemoPassword);
        driver._state = await signIn.StorageStateAsync();
        await signIn.CloseAsync();
        return driver;
    }

    public async Task<IBenchCircuit> OpenAsync(string baseUrl, CircuitPage page)
    {
        var context = await NewContextAsync(baseUrl);
        var tab = await context.NewPageAsync();
        await tab.GotoAsync(page.Path);
        await tab.WaitForInteractiveAsync();
        await tab.TestId(page.Marker).First.WaitForAsync();
        return new Circuit(context, tab, page);
    }

    private async Task<IBrowserContext> NewContextAsync(string baseUrl)
    {
        var context = await _browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = baseUrl,
            Locale = "zh-CN",
            TimezoneId = "Asia/Shanghai",
            ViewportSize = new ViewportSize { Width = 1280, Height = 800 },
            StorageState = _state,
        });
        context.SetDefaultTimeout(60_000);
        return context;
    }

    public async ValueTask DisposeAsync()
    {
        await _browser.CloseAsync();
        _playwright.Dispose();
    }

    private sealed class Circuit(IBrowserContext context, IPage tab, CircuitPage opened) : IBenchCircuit
    {
        public CircuitPage Shown { get; private set; } = opened;

        public async Task<(double FirstRenderMs, double Ms)> GoAsync(CircuitPage page)
        {
            try
            {
                var ms = await tab.EvaluateAsync<double>(ActionScript, new object[] { page.Link, $"[data-testid='{page.Marker}']" });
                Shown = page;
                return (double.NaN, ms);
            }
            catch (PlaywrightException e)
            {
                throw new TimeoutException(e.Message, e);
            }
        }

        public ValueTask DisposeAsync() => new(context.CloseAsync());
    }
}

using Microsoft.Playwright;
using ServicePortal.Domain.Data;
using ServicePortal.Tests.Infrastructure;

[assembly: AssemblyFixture(typeof(ServicePortal.Tests.Browser.BrowserFixture))]

namespace ServicePortal.Tests.Browser;

/// <summary>
/// One real app on a real localhost port (temporary SQLite file, the six test accounts) and one
/// headless Debian Chromium, shared by the browser tests. Each test gets its own browser context.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    /// <summary>The variable that names another Chromium (or Chrome) for the browser tests.</summary>
    public const string ChromiumVariable = "SERVICEPORTAL_CHROMIUM";

    /// <summary>
    /// The browser the tests drive: <see cref="ChromiumVariable"/> when set, else the first of chromium,
    /// chromium-browser or google-chrome found on PATH (test.sh installs Debian's chromium when none is).
    /// </summary>
    public static string? ChromiumPath { get; } = FindChromium();

    private PortalAppFactory? _app;
    private IPlaywright? _playwright;

    public string BaseUrl { get; private set; } = "";
    public IBrowser Browser { get; private set; } = null!;
    public PortalAppFactory App => _app ?? throw new InvalidOperationException("not started");

    /// <summary>Where screenshots go (git-ignored), so a person can look at every page.</summary>
    public static string ScreenshotFolder { get; } = FindScreenshotFolder();

    public async ValueTask InitializeAsync()
    {
        // bench.sh runs only the benchmarks: no app and no browser idling beside the measurements.
        if (Environment.GetEnvironmentVariable("SERVICEPORTAL_BENCH") == "1") return;
        if (ChromiumPath is null || !File.Exists(ChromiumPath))
            throw new InvalidOperationException($"No Chromium for the browser tests ({ChromiumPath ?? "none on PATH"}): run the tests with ./test.sh, "
                + $"which installs Debian's chromium, or set {ChromiumVariable} to a Chromium or Chrome executable.");
        // SQLite whatever SERVICEPORTAL_TEST_DATABASE says: this fixture starts in every run, the PostgreSQL pass of test.sh too.
        _app = new PortalAppFactory { Database = PortalDatabase.Sqlite };
        BaseUrl = _app.StartOnRealPort();
        await _app.SeedAccountsAsync();
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage"],
        });
    }

    public async Task<IPage> NewPageAsync()
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseUrl,
            Locale = "zh-CN",
            TimezoneId = "Asia/Shanghai",
            ViewportSize = new ViewportSize { Width = 1440, Height = 900 },
        });
        context.SetDefaultTimeout(15_000);
        return await context.NewPageAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (Browser is not null) await Browser.CloseAsync();
        _playwright?.Dispose();
        if (_app is not null) await _app.DisposeAsync();
    }

    private static string? FindChromium()
    {
        if (Environment.GetEnvironmentVariable(ChromiumVariable) is { Length: > 0 } configured) return configured;
        var folders = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries);
        return new[] { "chromium", "chromium-browser", "google-chrome" }
            .SelectMany(name => folders.Select(folder => Path.Combine(folder, name)))
            .FirstOrDefault(File.Exists);
    }

    private static string FindScreenshotFolder()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "ServicePortal.sln")))
            dir = dir.Parent;
        var folder = Path.Combine(dir?.FullName ?? Path.GetTempPath(), "screenshots");
        Directory.CreateDirectory(folder);
        return folder;
    }
}

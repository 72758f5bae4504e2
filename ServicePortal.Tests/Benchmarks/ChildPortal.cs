using System.Diagnostics;
using System.Net;
using ServicePortal.Tests.Infrastructure;

namespace ServicePortal.Tests.Benchmarks;

/// <summary>
/// The portal in a process of its own (this build's ServicePortal.dll, a new empty SQLite file in a temp folder, no demo
/// data, no scheduled jobs), for measuring what lives in the benchmark's process alone: hub clients connected to it hold
/// their end here and the server's end there. Killed with its folder on dispose.
/// </summary>
internal sealed class ChildPortal : IAsyncDisposable
{
    private readonly Process _process;
    private readonly string _folder;

    private ChildPortal(Process process, string folder, string baseUrl)
    {
        _process = process;
        _folder = folder;
        BaseUrl = baseUrl;
    }

    public string BaseUrl { get; }

    public static async Task<ChildPortal> StartAsync(CancellationToken ct)
    {
        var folder = Path.Combine(Path.GetTempPath(), "sp-child-portal", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var baseUrl = $"http://localhost:{PostgresCluster.FreePort()}";
        var start = new ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, "ServicePortal.dll")])
        {
            // Its own folder for everything: the content root, the data folder (no App_Data of a checkout is moved), the database.
            WorkingDirectory = folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        var settings = new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Development",
            ["ASPNETCORE_URLS"] = baseUrl,
            ["ConnectionStrings__Portal"] = $"Data Source={Path.Combine(folder, "portal.db")}",
            ["Portal__DataFolder"] = folder,
            ["Logging__LogLevel__Default"] = "Warning",
        };
        foreach (var (key, value) in PortalAppFactory.QuietSettings) settings[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        foreach (var (key, value) in settings) start.Environment[key] = value;
        var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet ServicePortal.dll did not start");
        var output = new System.Collections.Concurrent.ConcurrentQueue<string>();
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) output.Enqueue(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) output.Enqueue(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var child = new ChildPortal(process, folder, baseUrl);
        using var http = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false }) { Timeout = TimeSpan.FromSeconds(5) };
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            if (process.HasExited || deadline.Elapsed > TimeSpan.FromSeconds(90))
            {
                await child.DisposeAsync();
                throw new InvalidOperationException($"the portal in a child process did not answer ({baseUrl}): " + string.Join(Environment.NewLine, output.TakeLast(20)));
            }
            try
            {
                using var response = await http.GetAsync(baseUrl + "/Account/Login", ct);
                if (response.StatusCode is HttpStatusCode.OK or HttpStatusCode.Redirect) return child;
            }
            catch (HttpRequestException)
            {
                // not listening yet
            }
            catch (TaskCanceledException) when (!ct.IsCancellationRequested)
            {
                // still starting
            }
            await Task.Delay(250, ct);
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (!_process.HasExited) _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        finally
        {
            _process.Dispose();
            try { Directory.Delete(_folder, recursive: true); } catch (IOException) { }
        }
    }
}

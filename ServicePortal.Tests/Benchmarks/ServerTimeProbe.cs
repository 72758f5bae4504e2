using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Globalization;

namespace ServicePortal.Tests.Benchmarks;

/// <summary>
/// Where this process's time went during a measuring window: its CPU time (the server's, and the benchmark's own clients),
/// the garbage collector's pauses, and Blazor's render batches (<c>aspnetcore.components.render_diff.duration</c>: from
/// rendering the changed components to the client's acknowledgement of the batch — a round trip, so batches in flight at
/// the same time add up to more than the wall time).
/// </summary>
internal sealed class ServerTimeProbe : IDisposable
{
    private readonly MeterListener _listener = new();
    private long _renders;
    private double _renderSeconds;
    private double _slowestRender;
    private readonly Lock _lock = new();
    private (TimeSpan Cpu, TimeSpan GcPauses, long Start) _from;

    public ServerTimeProbe()
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Name == "aspnetcore.components.render_diff.duration") listener.EnableMeasurementEvents(instrument);
        };
        _listener.SetMeasurementEventCallback<double>((_, seconds, _, _) =>
        {
            lock (_lock)
            {
                _renders++;
                _renderSeconds += seconds;
                _slowestRender = Math.Max(_slowestRender, seconds);
            }
        });
        _listener.Start();
    }

    /// <summary>Starts a window.</summary>
    public void Start()
    {
        lock (_lock) (_renders, _renderSeconds, _slowestRender) = (0, 0, 0);
        using var process = Process.GetCurrentProcess();
        _from = (process.TotalProcessorTime, GC.GetTotalPauseDuration(), Stopwatch.GetTimestamp());
    }

    /// <summary>The window since <see cref="Start"/>, in words.</summary>
    public string Report(int actions)
    {
        using var process = Process.GetCurrentProcess();
        var wall = Stopwatch.GetElapsedTime(_from.Start).TotalSeconds;
        var cpu = (process.TotalProcessorTime - _from.Cpu).TotalSeconds;
        var gc = (GC.GetTotalPauseDuration() - _from.GcPauses).TotalSeconds;
        lock (_lock)
        {
            return string.Create(CultureInfo.InvariantCulture,
                $"this process used {cpu:F1} CPU-s in {wall:F1} s ({cpu / wall / Environment.ProcessorCount:P0} of {Environment.ProcessorCount} cores); " +
                $"GC pauses {gc:F2} s; {_renders} render batches ({(double)_renders / Math.Max(1, actions):F0} per action), render to acknowledgement " +
                $"mean {1000 * _renderSeconds / Math.Max(1, _renders):F0} ms, slowest {1000 * _slowestRender:F0} ms; {1000 * cpu / Math.Max(1, actions):F0} CPU-ms per action");
        }
    }

    public void Dispose() => _listener.Dispose();
}

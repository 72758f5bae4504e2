using System.Diagnostics.Metrics;

namespace ServicePortal.Tests.Benchmarks;

/// <summary>
/// Bytes idle in Kestrel's block pools of this process: its up-down counter of pooled bytes (a block given back adds,
/// a block rented or evicted takes away), summed from this probe's start — so start it before the servers. Kestrel gives
/// idle blocks back to the garbage collector only slowly (5 % every 10 s), so after a burst of renders they count in the
/// managed heap a while without belonging to any circuit.
/// </summary>
internal sealed class IdleBlockProbe : IDisposable
{
    private readonly MeterListener _listener = new();
    private long _bytes;
    private int _instruments;

    public IdleBlockProbe()
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            // .NET 10's name (Microsoft.AspNetCore.MemoryPool), and the proposal's.
            if (instrument.Name is "aspnetcore.memory_pool.pooled" or "aspnetcore.memorypool.pooled")
            {
                Interlocked.Increment(ref _instruments);
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((_, bytes, _, _) => Interlocked.Add(ref _bytes, bytes));
        _listener.Start();
    }

    /// <summary>The pools' idle bytes now; null when the servers publish no such counter (another framework version).</summary>
    public long? Bytes => Volatile.Read(ref _instruments) == 0 ? null : Interlocked.Read(ref _bytes);

    public void Dispose() => _listener.Dispose();
}

using ServicePortal.Domain.Common;
using ServicePortal.Domain.Complaints;
using ServicePortal.Domain.Repairs;
using ServicePortal.Domain.Revisits;
using ServicePortal.Domain.Surveys;

namespace ServicePortal.Domain.Kpis;

/// <summary>How long a dashboard report may be handed to the next viewer of the same period and department (zero: never).</summary>
public sealed record KpiReportSharing(TimeSpan Lifetime)
{
    /// <summary>Every load computes its own report: the domain's default (tests see their own writes at once).</summary>
    public static readonly KpiReportSharing Off = new(TimeSpan.Zero);
}

/// <summary>
/// The dashboard's report shared by everyone who opens the same period and department within
/// <see cref="KpiReportSharing.Lifetime"/>: fifty heads opening 看板 make one report, not fifty (a report is ~10 queries
/// and a fifth of a circuit's work per visit). Viewers asking while it is computed wait for the same computation.
/// A change published on any feed the dashboard listens to (complaints, repairs, revisits, questionnaires — on
/// PostgreSQL also those of the other instances) forgets every report as it arrives, so a dashboard reloading after a
/// change computes anew; the lifetime only bounds what no feed announces (settings such as KPI bases or the calendar,
/// and the passing of time for overdue figures). A computation that began before a change is never kept after it.
/// </summary>
public sealed class KpiReportCache : IDisposable
{
    private sealed record Entry(Task<KpiReport> Report, long Started);

    private readonly KpiService _kpis;
    private readonly TimeProvider _time;
    private readonly TimeSpan _lifetime;
    private readonly Dictionary<KpiRequest, Entry> _entries = [];
    private readonly Lock _gate = new();
    private readonly IDisposable[] _subscriptions;

    public KpiReportCache(KpiService kpis, TimeProvider time, KpiReportSharing sharing, IChangeFeed<ComplaintChanged> complaints,
        IChangeFeed<RepairChanged> repairs, IChangeFeed<RevisitChanged> revisits, IChangeFeed<SurveyEntered> surveys)
    {
        _kpis = kpis;
        _time = time;
        _lifetime = sharing.Lifetime;
        _subscriptions = _lifetime > TimeSpan.Zero
            ? [complaints.Subscribe(_ => Forget()), repairs.Subscribe(_ => Forget()), revisits.Subscribe(_ => Forget()), surveys.Subscribe(_ => Forget())]
            : [];
    }

    /// <summary>How many reports were computed (for tests).</summary>
    public int Computed => _computed;

    private int _computed;

    /// <summary>How many reports are kept (for tests).</summary>
    public int Kept
    {
        get
        {
            lock (_gate) return _entries.Count;
        }
    }

    /// <summary>The report of <paramref name="request"/>: a recent one if there is, else computed (once for everyone asking meanwhile).</summary>
    public Task<KpiReport> ReportAsync(KpiRequest request, CancellationToken ct = default)
    {
        if (_lifetime <= TimeSpan.Zero) return Compute(request, ct);
        Task<KpiReport> report;
        lock (_gate)
        {
            var now = _time.GetTimestamp();
            if (!_entries.TryGetValue(request, out var entry) || entry.Report.IsFaulted || entry.Report.IsCanceled
                || _time.GetElapsedTime(entry.Started, now) >= _lifetime)
            {
                // Reports of other periods nobody asked for within the lifetime go too (custom periods would pile up between changes).
                foreach (var (key, old) in _entries)
                    if (_time.GetElapsedTime(old.Started, now) >= _lifetime) _entries.Remove(key);
                // Not cancelled by the first viewer leaving: the others wait for the same computation.
                entry = new Entry(Compute(request, CancellationToken.None), now);
                _entries[request] = entry;
            }
            report = entry.Report;
        }
        return report.WaitAsync(ct);
    }

    /// <summary>Forgets every report (a change was published).</summary>
    public void Clear()
    {
        lock (_gate) _entries.Clear();
    }

    private Task Forget()
    {
        Clear();
        return Task.CompletedTask;
    }

    private Task<KpiReport> Compute(KpiRequest request, CancellationToken ct)
    {
        Interlocked.Increment(ref _computed);
        return _kpis.ReportAsync(request, ct);
    }

    public void Dispose()
    {
        foreach (var s in _subscriptions) s.Dispose();
    }
}

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
/// and a fifth of a circuit's work per visit). Viewers asking while it is computed wait for the same computation (<see cref="SharedResults{TKey, TValue}"/>).
/// A change published on any feed the dashboard listens to (complaints, repairs, revisits, questionnaires — on
/// PostgreSQL also those of the other instances) forgets every report as it arrives, so a dashboard reloading after a
/// change computes anew; the lifetime only bounds what no feed announces (settings such as KPI bases or the calendar,
/// and the passing of time for overdue figures). A computation that began before a change is never kept after it.
/// </summary>
public sealed class KpiReportCache : IDisposable
{
    private readonly KpiService _kpis;
    private readonly SharedResults<KpiRequest, KpiReport> _reports;
    private readonly IDisposable[] _subscriptions;

    public KpiReportCache(KpiService kpis, TimeProvider time, KpiReportSharing sharing, IChangeFeed<ComplaintChanged> complaints,
        IChangeFeed<RepairChanged> repairs, IChangeFeed<RevisitChanged> revisits, IChangeFeed<SurveyEntered> surveys)
    {
        _kpis = kpis;
        _reports = new SharedResults<KpiRequest, KpiReport>(time, sharing.Lifetime);
        _subscriptions = [_reports.ForgetOn(complaints), _reports.ForgetOn(repairs), _reports.ForgetOn(revisits), _reports.ForgetOn(surveys)];
    }

    /// <summary>How many reports were computed (for tests).</summary>
    public int Computed => _reports.Computed;

    /// <summary>How many reports are kept (for tests).</summary>
    public int Kept => _reports.Kept;

    /// <summary>The report of <paramref name="request"/>: a recent one if there is, else computed (once for everyone asking meanwhile).</summary>
    public Task<KpiReport> ReportAsync(KpiRequest request, CancellationToken ct = default) =>
        _reports.GetAsync(request, c => _kpis.ReportAsync(request, c), ct);

    /// <summary>Forgets every report (a change was published).</summary>
    public void Clear() => _reports.Clear();

    public void Dispose()
    {
        foreach (var s in _subscriptions) s.Dispose();
    }
}

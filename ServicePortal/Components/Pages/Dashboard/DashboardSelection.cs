using ServicePortal.Domain.Kpis;

namespace ServicePortal.Components.Pages.Dashboard;

/// <summary>What the dashboard shows: a period of Beijing calendar dates (inclusive) and an optional responsible department.</summary>
public sealed record DashboardSelection(KpiPeriodKind Preset, DateOnly From, DateOnly To, int? DepartmentId)
{
    /// <summary>The preset's dates as of <paramref name="today"/> (Beijing date).</summary>
    public static DashboardSelection For(KpiPeriodKind preset, DateOnly today, int? departmentId = null)
    {
        var period = KpiPeriod.Of(preset, today);
        return new(preset, period.From, period.To, departmentId);
    }

    public KpiRequest ToRequest() => new(From, To, DepartmentId);
}

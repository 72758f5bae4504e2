using ServicePortal.Domain.Kpis;

namespace ServicePortal.Components.Pages.Dashboard;

/// <summary>What the monthly trend chart plots.</summary>
public enum TrendMetric
{
    Received, ValidComplaintRate, ReplyOnTime, CloseOnTime, FeedbackSatisfaction, ReopenRate, MedianFirstResponse, MedianResolution,
}

public static class TrendMetrics
{
    /// <summary>The resource key of the metric's name.</summary>
    public static string TextKey(this TrendMetric metric) => metric switch
    {
        TrendMetric.Received => "Dashboard.Tile.received",
        TrendMetric.ValidComplaintRate => "Dashboard.Tile." + KpiDefinitions.ValidComplaintRateKey,
        TrendMetric.ReplyOnTime => "Dashboard.Tile." + KpiDefinitions.ReplyOnTimeKey,
        TrendMetric.CloseOnTime => "Dashboard.Tile." + KpiDefinitions.CloseOnTimeKey,
        TrendMetric.FeedbackSatisfaction => "Dashboard.Tile." + KpiDefinitions.FeedbackSatisfactionKey,
        TrendMetric.ReopenRate => "Dashboard.Tile." + KpiDefinitions.ReopenRateKey,
        TrendMetric.MedianFirstResponse => "Dashboard.MedianFirstResponse",
        _ => "Dashboard.MedianResolution",
    };

    public static bool IsRate(this TrendMetric metric) => metric is not (TrendMetric.Received or TrendMetric.MedianFirstResponse or TrendMetric.MedianResolution);

    /// <summary>The target drawn as a line, as the chart's number (percent for rates).</summary>
    public static double? Target(this TrendMetric metric) => metric switch
    {
        TrendMetric.ValidComplaintRate => KpiTargets.ValidComplaintRate.Value * 100,
        TrendMetric.ReplyOnTime => KpiTargets.ReplyOnTime.Value * 100,
        TrendMetric.CloseOnTime => KpiTargets.CloseOnTime.Value * 100,
        TrendMetric.FeedbackSatisfaction => KpiTargets.FeedbackSatisfaction.Value * 100,
        TrendMetric.ReopenRate => KpiTargets.ReopenRate.Value * 100,
        _ => null,
    };

    /// <summary>The month's figure as the chart's number (percent for rates), null when there is nothing to measure.</summary>
    public static double? ValueOf(this TrendMetric metric, TrendPoint p) => metric switch
    {
        TrendMetric.Received => p.Received.Count,
        TrendMetric.ValidComplaintRate => p.ValidComplaintRate.Value * 100,
        TrendMetric.ReplyOnTime => p.ReplyOnTime.Value * 100,
        TrendMetric.CloseOnTime => p.CloseOnTime.Value * 100,
        TrendMetric.FeedbackSatisfaction => p.FeedbackSatisfaction.Value * 100,
        TrendMetric.ReopenRate => p.ReopenRate.Value * 100,
        TrendMetric.MedianFirstResponse => p.MedianFirstResponseWorkingHours,
        _ => p.MedianResolutionWorkingHours,
    };

    /// <summary>The figure as text for the table under the chart.</summary>
    public static string Text(this TrendMetric metric, TrendPoint p) => metric.ValueOf(p) is not { } v ? KpiFormat.None
        : metric.IsRate() ? KpiFormat.Percent(v / 100)
        : metric == TrendMetric.Received ? KpiFormat.Count((int)v) : KpiFormat.Hours(v);
}

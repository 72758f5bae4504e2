namespace ServicePortal.Domain.Common;

/// <summary>
/// The portal's local time (Beijing time unless configured). Timestamps are stored in UTC;
/// this converts them for display, for month-based numbering and for working-day rules.
/// </summary>
public sealed class PortalClock(TimeProvider time, TimeZoneInfo zone)
{
    public const string DisplayFormat = "yyyy-MM-dd HH:mm";

    public static readonly TimeZoneInfo Beijing = FindZone("Asia/Shanghai");

    public PortalClock(TimeProvider time) : this(time, Beijing) { }

    public TimeProvider Time { get; } = time;
    public TimeZoneInfo Zone { get; } = zone;

    public DateTime UtcNow => Time.GetUtcNow().UtcDateTime;

    /// <summary>Now in portal-local time (kind Unspecified).</summary>
    public DateTime LocalNow => ToLocal(UtcNow);

    public DateTime ToLocal(DateTime utc) =>
        TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), Zone);

    public DateTime ToUtc(DateTime local) =>
        TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind(local, DateTimeKind.Unspecified), Zone);

    public DateTimeOffset ToOffset(DateTime utc)
    {
        var local = ToLocal(utc);
        return new DateTimeOffset(local, Zone.GetUtcOffset(local));
    }

    public string Format(DateTime utc) => ToLocal(utc).ToString(DisplayFormat, System.Globalization.CultureInfo.InvariantCulture);

    public string Format(DateTime? utc) => utc is null ? "" : Format(utc.Value);

    private static TimeZoneInfo FindZone(string id)
    {
        try { return TimeZoneInfo.FindSystemTimeZoneById(id); }
        catch (TimeZoneNotFoundException) { return TimeZoneInfo.CreateCustomTimeZone(id, TimeSpan.FromHours(8), "北京时间", "北京时间"); }
    }
}

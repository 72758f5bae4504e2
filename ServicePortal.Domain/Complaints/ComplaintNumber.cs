using System.Globalization;

namespace ServicePortal.Domain.Complaints;

/// <summary>
/// Complaint number (SPEC C-2): "TS" + yy + MM + a serial restarting each month, at least three
/// digits (TS2611001; the 1000th of a month is TS26111000).
/// </summary>
public static class ComplaintNumber
{
    public const string Prefix = "TS";

    /// <summary>The month key yyyyMM under which serials are counted.</summary>
    public static int MonthKey(DateTime local) => local.Year * 100 + local.Month;

    public static string Format(int monthKey, int serial)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(serial, 1);
        var yy = monthKey / 100 % 100;
        var mm = monthKey % 100;
        return string.Create(CultureInfo.InvariantCulture, $"{Prefix}{yy:D2}{mm:D2}{serial:D3}");
    }

    public static bool IsWellFormed(string? number) =>
        number is { Length: >= 9 } && number.StartsWith(Prefix, StringComparison.Ordinal)
        && number.AsSpan(2).IndexOfAnyExceptInRange('0', '9') < 0
        && int.Parse(number.AsSpan(4, 2), CultureInfo.InvariantCulture) is >= 1 and <= 12;
}

namespace ServicePortal.Domain.Common;

/// <summary>
/// Times a user states for something that already happened (a reply, a completion, a call): not in the
/// future beyond a little clock skew, and not before the step before it. The history records the
/// server's time of the action regardless, so a stated time never reorders what the portal saw.
/// </summary>
public static class ClientTimes
{
    /// <summary>Clock skew allowed between the user's device and the server before a time counts as "in the future".</summary>
    public static readonly TimeSpan FutureTolerance = TimeSpan.FromMinutes(1);

    /// <summary>
    /// Refuses <paramref name="at"/> (UTC) with a message keyed by <paramref name="field"/> when it is later than
    /// <paramref name="now"/> or earlier than <paramref name="previous"/>, the time of <paramref name="previousLabel"/>
    /// (compared to the minute: forms give times to the minute).
    /// </summary>
    public static void Check(string field, string label, DateTime at, DateTime previous, string previousLabel, DateTime now)
    {
        if (at > now + FutureTolerance)
            throw InputInvalidException.Field(field, $"{label}不能晚于当前时间");
        if (at < ToMinute(previous))
            throw InputInvalidException.Field(field, $"{label}不能早于{previousLabel}的时间（{StepRules.Beijing(previous)}）");
    }

    /// <summary>Whether a stated time is noticeably different from the server's time of the action (worth noting in the history).</summary>
    public static bool Differs(DateTime stated, DateTime now) => (now - stated).Duration() > FutureTolerance;

    private static DateTime ToMinute(DateTime t) => t.AddTicks(-(t.Ticks % TimeSpan.TicksPerMinute));
}

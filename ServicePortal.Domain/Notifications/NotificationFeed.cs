namespace ServicePortal.Domain.Notifications;

/// <summary>New notifications were written for these users (their bells reload): published on <see cref="Common.IChangeFeed{TChange}"/>.</summary>
public sealed record NotificationsPosted(IReadOnlyCollection<string> UserIds) : Common.ISplittableChange<NotificationsPosted>
{
    /// <summary>The users in two halves (an escalation may notify a whole company: too many for one message between instances).</summary>
    public IReadOnlyList<NotificationsPosted> Split() =>
        UserIds.Count < 2 ? [] : [new([.. UserIds.Take(UserIds.Count / 2)]), new([.. UserIds.Skip(UserIds.Count / 2)])];
}

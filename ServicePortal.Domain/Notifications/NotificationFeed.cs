namespace ServicePortal.Domain.Notifications;

/// <summary>New notifications were written for these users (their bells reload): published on <see cref="Common.IChangeFeed{TChange}"/>.</summary>
public sealed record NotificationsPosted(IReadOnlyCollection<string> UserIds);

namespace ServicePortal.Domain.Revisits;

/// <summary>
/// A revisit task changed (created, taken, moved, handed over, attempted, recorded …), published on
/// <see cref="Common.IChangeFeed{TChange}"/> after the change is saved, so queues and the dashboard
/// update live. <paramref name="Id"/> is 0 when a routine run created several tasks at once.
/// </summary>
public sealed record RevisitChanged(int Id, string Action, DateTime At);

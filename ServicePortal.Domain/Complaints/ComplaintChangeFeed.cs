namespace ServicePortal.Domain.Complaints;

/// <summary>A complaint changed (registered, moved a step, escalated): published on <see cref="Common.IChangeFeed{TChange}"/>.</summary>
public sealed record ComplaintChanged(string Number, ComplaintStatus Status, string Action, DateTime At);

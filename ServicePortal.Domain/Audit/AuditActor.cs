namespace ServicePortal.Domain.Audit;

/// <summary>
/// Who the changes of the current flow are made by, for the audit log: set by the web app for each request and each
/// Blazor circuit event from the signed-in user (and by services that already know their actor); nobody set means
/// the system (background jobs, commands). <see cref="DemoData"/> and <see cref="StartUp"/> turn the audit off: generated demo data
/// and the defaults written when the database is created or upgraded are nobody's change.
/// </summary>
public sealed record AuditActor(string UserId, string UserName)
{
    public static readonly AuditActor System = new("", "系统");
    public static readonly AuditActor DemoData = new("", "演示数据") { Recorded = false };
    public static readonly AuditActor StartUp = new("", "初始设置") { Recorded = false };

    private static readonly AsyncLocal<AuditActor?> current = new();

    /// <summary>False: changes made under this actor are not written to the audit log.</summary>
    public bool Recorded { get; private init; } = true;

    public static AuditActor Current => current.Value ?? System;

    /// <summary>Makes <paramref name="actor"/> the current actor until the result is disposed (call it synchronously, in the flow that saves).</summary>
    public static IDisposable Use(AuditActor actor)
    {
        var previous = current.Value;
        current.Value = actor;
        return new Restore(previous);
    }

    public static IDisposable Use(string userId, string? userName) => Use(new AuditActor(userId, userName ?? userId));

    private sealed class Restore(AuditActor? previous) : IDisposable
    {
        public void Dispose() => current.Value = previous;
    }
}

using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Migrations;

namespace ServicePortal.Domain.Common;

/// <summary>
/// A log whose entries are only ever added (the customer access log, the audit log): the context refuses to save a
/// changed or deleted entry with <see cref="Refusal"/>, and <see cref="AppendOnlyTriggers"/> make the database refuse it too.
/// </summary>
public interface IAppendOnly
{
    long Id { get; }
    DateTime At { get; }
    string Refusal { get; }
}

/// <summary>How the logs are read: newest first, in 1-based pages of at most <see cref="MaxPageSize"/> with the total.</summary>
public static class AppendOnlyLogs
{
    public const int MaxPageSize = 200;

    public static IQueryable<T> NewestFirst<T>(this IQueryable<T> entries) where T : class, IAppendOnly =>
        entries.OrderByDescending(e => e.At).ThenByDescending(e => e.Id);

    /// <summary>A page of <paramref name="entries"/> (filtered, not yet ordered) newest first, read through <paramref name="rows"/>.</summary>
    public static async Task<PagedResult<TRow>> PageAsync<T, TRow>(IQueryable<T> entries, Func<IQueryable<T>, IQueryable<TRow>> rows,
        int page, int pageSize, CancellationToken ct) where T : class, IAppendOnly
    {
        var size = Math.Clamp(pageSize, 1, MaxPageSize);
        var number = Math.Max(1, page);
        var total = await entries.CountAsync(ct);
        var items = await rows(entries.NewestFirst().Skip((number - 1) * size).Take(size)).ToListAsync(ct);
        return new PagedResult<TRow>(items, total, number, size);
    }
}

public static class AppendOnlyTriggers
{
    /// <summary>SQLite triggers that abort any UPDATE or DELETE on <paramref name="table"/> (<paramref name="what"/> names the log in the message).</summary>
    public static void Create(MigrationBuilder migrationBuilder, string table, string what)
    {
        if (!migrationBuilder.IsSqlite()) return;
        migrationBuilder.Sql($"CREATE TRIGGER {table}_NoUpdate BEFORE UPDATE ON {table} BEGIN SELECT RAISE(ABORT, '{what}只能追加，不能修改'); END;");
        migrationBuilder.Sql($"CREATE TRIGGER {table}_NoDelete BEFORE DELETE ON {table} BEGIN SELECT RAISE(ABORT, '{what}只能追加，不能删除'); END;");
    }

    public static void Drop(MigrationBuilder migrationBuilder, string table)
    {
        if (!migrationBuilder.IsSqlite()) return;
        migrationBuilder.Sql($"DROP TRIGGER IF EXISTS {table}_NoUpdate;");
        migrationBuilder.Sql($"DROP TRIGGER IF EXISTS {table}_NoDelete;");
    }
}

using Microsoft.EntityFrameworkCore.Migrations;

namespace ServicePortal.Domain.Common;

/// <summary>
/// A log whose entries are only ever added (the customer access log, the audit log): the context refuses to save a
/// changed or deleted entry with <see cref="Refusal"/>, and <see cref="AppendOnlyTriggers"/> make the database refuse it too.
/// </summary>
public interface IAppendOnly
{
    string Refusal { get; }
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

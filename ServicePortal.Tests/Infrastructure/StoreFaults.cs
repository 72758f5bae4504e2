using Microsoft.EntityFrameworkCore;
using ServicePortal.Domain.Data;

namespace ServicePortal.Tests.Infrastructure;

/// <summary>Faults planted in a test database, on SQLite or PostgreSQL, to show that a save of many steps rolls back whole.</summary>
public static class StoreFaults
{
    /// <summary>
    /// From now on every UPDATE of <paramref name="table"/> (of <paramref name="column"/> when given) fails with
    /// <paramref name="message"/>: a trigger, as a full disk or a lost connection would fail a statement half-way.
    /// </summary>
    public static async Task RefuseUpdatesAsync(this DomainFixture f, string table, string? column, string message)
    {
        var name = $"test_refuse_{table}".ToLowerInvariant();
        var sql = f.Database == PortalDatabase.PostgreSQL
            ? $"""
                CREATE FUNCTION {name}() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION '{message}'; END $$;
                CREATE TRIGGER {name} BEFORE UPDATE{(column is null ? "" : $" OF \"{column}\"")} ON "{table}" FOR EACH ROW EXECUTE FUNCTION {name}();
                """
            : $"CREATE TRIGGER {name} BEFORE UPDATE{(column is null ? "" : $" OF {column}")} ON {table} BEGIN SELECT RAISE(ABORT, '{message}'); END;";
        await using var db = f.NewDb();
        await db.Database.ExecuteSqlRawAsync(sql, TestContext.Current.CancellationToken);
    }
}

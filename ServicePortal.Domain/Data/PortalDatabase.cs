using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace ServicePortal.Domain.Data;

/// <summary>
/// Which database engine holds the portal's store (<c>Portal:Database</c>): SQLite, the default (one file, one machine), or
/// PostgreSQL (several app instances on one database). The one place that turns the choice into EF Core options.
/// </summary>
public enum PortalDatabase
{
    Sqlite,
    PostgreSQL,
}

public static class PortalDatabaseOptions
{
    /// <summary>Reads <c>Portal:Database</c> (<c>Sqlite</c> when unset; case-insensitive), refusing anything else in Chinese.</summary>
    public static PortalDatabase Parse(string? value) =>
        string.IsNullOrWhiteSpace(value) ? PortalDatabase.Sqlite
        : Enum.TryParse<PortalDatabase>(value.Trim(), ignoreCase: true, out var database) && Enum.IsDefined(database) ? database
        : value.Trim().Equals("Postgres", StringComparison.OrdinalIgnoreCase) ? PortalDatabase.PostgreSQL
        : throw new InvalidOperationException($"Portal:Database 只能是 Sqlite 或 PostgreSQL，而不是“{value}”。");

    /// <summary>UseSqlite or UseNpgsql on <paramref name="connectionString"/>, with the portal's command timeout.</summary>
    public static DbContextOptionsBuilder Use(this DbContextOptionsBuilder options, PortalDatabase database, string connectionString) =>
        database switch
        {
            PortalDatabase.PostgreSQL => options.UseNpgsql(PostgresConnectionString(connectionString),
                s => s.CommandTimeout(60))
                .ReplaceService<Microsoft.EntityFrameworkCore.Query.IQuerySqlGeneratorFactory, SqliteNullOrderSqlGeneratorFactory>(),
            _ => options.UseSqlite(connectionString, s => s.CommandTimeout(60)),
        };

    /// <summary>
    /// The connection string with the session time zone UTC unless it names one: the portal's times are UTC wall-clock values
    /// (timestamp without time zone), and a UTC parameter in hand-written SQL is then compared without a shift.
    /// </summary>
    public static string PostgresConnectionString(string connectionString)
    {
        var builder = new Npgsql.NpgsqlConnectionStringBuilder(connectionString);
        if (string.IsNullOrEmpty(builder.Timezone)) builder.Timezone = "UTC";
        return builder.ConnectionString;
    }

    /// <summary>A context of the store on <paramref name="database"/> (<see cref="PostgresPortalDbContext"/> on PostgreSQL, for its migrations).</summary>
    public static PortalDbContext NewContext(PortalDatabase database, DbContextOptions<PortalDbContext> options) =>
        database == PortalDatabase.PostgreSQL ? new PostgresPortalDbContext(options) : new PortalDbContext(options);

    /// <summary>Whether the context runs on SQLite (PRAGMAs, FTS5, SQLite's own SQL).</summary>
    public static bool IsSqliteStore(this DbContext db) => db.Database.IsSqlite();

    public static bool IsPostgresStore(this DbContext db) => db.Database.IsNpgsql();
}

/// <summary>
/// The store on PostgreSQL: the same model as <see cref="PortalDbContext"/>, with its own migrations (Data/PostgresMigrations,
/// attributed to this type; the SQLite ones in Data/Migrations are attributed to <see cref="PortalDbContext"/>): EF Core's
/// "one context type per provider" layout, in the one domain project. Services still ask for
/// <c>IDbContextFactory&lt;PortalDbContext&gt;</c> (<see cref="PortalDbContextFactory"/>).
/// </summary>
public sealed class PostgresPortalDbContext(DbContextOptions<PortalDbContext> options) : PortalDbContext(options);

/// <summary>Makes the store's contexts: <see cref="PostgresPortalDbContext"/> on PostgreSQL, <see cref="PortalDbContext"/> on SQLite.</summary>
internal sealed class PortalDbContextFactory(DbContextOptions<PortalDbContext> options, PortalDatabaseChoice choice) : IDbContextFactory<PortalDbContext>
{
    public PortalDbContext CreateDbContext() => PortalDatabaseOptions.NewContext(choice.Database, options);
}

/// <summary>The engine the app was configured with (<c>Portal:Database</c>), for the context factory.</summary>
internal sealed record PortalDatabaseChoice(PortalDatabase Database);

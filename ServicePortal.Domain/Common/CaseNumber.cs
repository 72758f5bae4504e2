using System.Globalization;
using Microsoft.EntityFrameworkCore;
using ServicePortal.Domain.Data;

namespace ServicePortal.Domain.Common;

/// <summary>
/// A case number: a prefix + yy + MM + a serial restarting each month, at least three digits
/// (complaints TS2611001, SPEC C-2; repair orders WX2611001, SPEC R-1; the 1000th of a month is
/// TS26111000). Serials come from a per-month counter row of the kind's own table, taken inside
/// the saving transaction, so numbers are unique and gap-free under parallel saves: the upsert
/// write-locks the month's row until commit (SQLite: the database's write lock; PostgreSQL: the
/// row lock, so a second transaction waits there and then reads the first one's committed value).
/// </summary>
public sealed class CaseNumber
{
    public static readonly CaseNumber Complaint = new("TS", "ComplaintSerials");
    public static readonly CaseNumber Repair = new("WX", "RepairSerials");

    private readonly string _nextSerialSql;
    private readonly string _nextSerialPostgresSql;
    private readonly string _raiseLastSql;
    private readonly string _raiseLastPostgresSql;

    private CaseNumber(string prefix, string table)
    {
        Prefix = prefix;
        // The table name is one of this class's constants, never input.
        _nextSerialSql = $$"""
            INSERT INTO {{table}} (Month, Last) VALUES ({0}, 1)
            ON CONFLICT (Month) DO UPDATE SET Last = Last + 1
            RETURNING Last AS Value
            """;
        _nextSerialPostgresSql = $$"""
            INSERT INTO "{{table}}" ("Month", "Last") VALUES ({0}, 1)
            ON CONFLICT ("Month") DO UPDATE SET "Last" = "{{table}}"."Last" + 1
            RETURNING "Last" AS "Value"
            """;
        _raiseLastSql = $$"""
            INSERT INTO {{table}} (Month, Last) VALUES ({0}, {1})
            ON CONFLICT (Month) DO UPDATE SET Last = max(Last, excluded.Last)
            """;
        _raiseLastPostgresSql = $$"""
            INSERT INTO "{{table}}" ("Month", "Last") VALUES ({0}, {1})
            ON CONFLICT ("Month") DO UPDATE SET "Last" = GREATEST("{{table}}"."Last", excluded."Last")
            """;
    }

    public string Prefix { get; }

    /// <summary>The month key yyyyMM under which serials are counted.</summary>
    public static int MonthKey(DateTime local) => local.Year * 100 + local.Month;

    public string Format(int monthKey, int serial)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(serial, 1);
        var yy = monthKey / 100 % 100;
        var mm = monthKey % 100;
        return string.Create(CultureInfo.InvariantCulture, $"{Prefix}{yy:D2}{mm:D2}{serial:D3}");
    }

    public bool IsWellFormed(string? number) =>
        number is { Length: >= 9 } && number.StartsWith(Prefix, StringComparison.Ordinal)
        && number.AsSpan(Prefix.Length).IndexOfAnyExceptInRange('0', '9') < 0
        && int.Parse(number.AsSpan(Prefix.Length + 2, 2), CultureInfo.InvariantCulture) is >= 1 and <= 12;

    /// <summary>Takes the next serial of a month; must run inside the saving transaction.</summary>
    internal async Task<int> NextSerialAsync(PortalDbContext db, int monthKey, CancellationToken ct)
    {
        var sql = db.IsSqliteStore() ? _nextSerialSql : _nextSerialPostgresSql;
        var values = await db.Database.SqlQueryRaw<int>(sql, monthKey).ToListAsync(ct);
        return values.Single();
    }

    /// <summary>Makes the month's last serial at least <paramref name="last"/> (imported numbers); inside the saving transaction.</summary>
    internal Task RaiseLastAsync(PortalDbContext db, int monthKey, int last, CancellationToken ct) =>
        db.Database.ExecuteSqlRawAsync(db.IsSqliteStore() ? _raiseLastSql : _raiseLastPostgresSql, [monthKey, last], ct);
}

/// <summary>The last serial used in a month (yyyyMM) for one kind of number (see <see cref="CaseNumber"/>).</summary>
public abstract class MonthlySerial
{
    public int Month { get; set; }
    public int Last { get; set; }
}

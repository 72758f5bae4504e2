using System.Data.Common;
using System.Globalization;
using System.Linq.Expressions;
using System.Runtime.CompilerServices;
using System.Text;
using Microsoft.EntityFrameworkCore;
using ServicePortal.Domain.Data;

namespace ServicePortal.Domain.Complaints;

/// <summary>
/// Full-text index of the complaint register: the FTS5 table <c>ComplaintSearch</c> (rowid =
/// Complaints.Id, one column <c>Text</c>, contentless) holds each complaint's content and customer
/// request as tokens made here, because SQLite's own tokenizers do not segment Chinese:
/// <list type="bullet">
/// <item>a run of CJK characters becomes its overlapping bigrams plus its last character alone
/// ("空调漏水" → 空调 调漏 漏水 水), so every character of the run starts exactly one token;</item>
/// <item>a run of other letters and digits becomes one lower-case word (full-width forms folded
/// by NFKC: "ＡＢＣ" → abc);</item>
/// <item>everything else separates tokens.</item>
/// </list>
/// SQLite's unicode61 tokenizer then indexes those space-separated tokens as they are.
/// <para>
/// A search text is cut the same way, and every part must occur ("contains"): a CJK part of two
/// or more characters is the phrase of its bigrams (the exact substring: "漏水严重" → "漏水 水严
/// 严重"), a single CJK character is a prefix query ("王"* matches 王五 and the 王 at the end of a
/// run), a word is a prefix query ("petr"* matches Petrov).
/// </para>
/// <para>
/// On PostgreSQL the same tokens are a row of the table <c>ComplaintSearch</c> ("Id", "Text": a space, then each token
/// followed by a space) and the same parts are LIKE patterns on it (<see cref="LikePatterns"/>: a phrase " 漏水 水严 严重 ",
/// a prefix " 王" or " petr"), answered through a pg_trgm GIN index (PostgresStoreSql.ComplaintSearch).
/// </para>
/// </summary>
internal static class ComplaintSearchIndex
{
    // The table (migration ComplaintSearch) is contentless: the tokens are not stored a second time
    // (about 300 MB less at 1M complaints); contentless_delete=1 still allows DELETE and INSERT OR
    // REPLACE (SQLite 3.43+; Microsoft.Data.Sqlite bundles 3.53). Its columns are only "Text".

    public const string InsertSql = "INSERT INTO ComplaintSearch (rowid, Text) VALUES ($id, $text)";

    /// <summary>Ids at or below which every complaint is indexed (FTS5 answers this from its index, without a scan).</summary>
    private const string LastIndexedSql = "SELECT IFNULL((SELECT rowid FROM ComplaintSearch ORDER BY rowid DESC LIMIT 1), 0)";

    /// <summary>The indexed text of a complaint.</summary>
    public static string Document(string content, string customerRequest)
    {
        var sb = new StringBuilder((content.Length + customerRequest.Length) * 3);
        AppendTokens(sb, content);
        AppendTokens(sb, customerRequest);
        return sb.ToString();
    }

    /// <summary>The tokens of a text, separated by spaces.</summary>
    public static string Tokens(string text)
    {
        var sb = new StringBuilder(text.Length * 3);
        AppendTokens(sb, text);
        return sb.ToString().TrimEnd();
    }

    private static void AppendTokens(StringBuilder sb, string text)
    {
        var s = Normalize(text);
        foreach (var (kind, start, end) in Segments(s))
        {
            if (kind == SegmentKind.Word)
            {
                sb.Append(s, start, end - start).Append(' ');
                continue;
            }
            // CJK run: bigrams, then the last character alone.
            var i = start;
            while (true)
            {
                var first = RuneLength(s, i);
                if (i + first >= end)
                {
                    sb.Append(s, i, first).Append(' ');
                    break;
                }
                var second = RuneLength(s, i + first);
                sb.Append(s, i, first + second).Append(' ');
                i += first;
            }
        }
    }

    /// <summary>
    /// The FTS5 MATCH expression for a search text (every part must occur), or null when the text
    /// has no letter, digit or CJK character. Tokens are always quoted: no FTS5 syntax from the user.
    /// </summary>
    public static string? MatchExpression(string search)
    {
        var s = Normalize(search);
        var parts = new List<string>();
        foreach (var (kind, start, end) in Segments(s))
        {
            if (kind == SegmentKind.Word)
            {
                parts.Add($"\"{s[start..end]}\"*");
                continue;
            }
            var first = RuneLength(s, start);
            if (start + first >= end)
            {
                parts.Add($"\"{s.Substring(start, first)}\"*");
                continue;
            }
            var bigrams = new List<string>();
            for (var i = start; ;)
            {
                var a = RuneLength(s, i);
                if (i + a >= end) break;
                bigrams.Add(s.Substring(i, a + RuneLength(s, i + a)));
                i += a;
            }
            parts.Add($"\"{string.Join(' ', bigrams)}\"");
        }
        return parts.Count == 0 ? null : string.Join(" AND ", parts.Distinct());
    }

    /// <summary>
    /// The PostgreSQL form of <see cref="MatchExpression"/>: one LIKE pattern per part, all of which must match the stored
    /// text (" " + <see cref="Document"/>). Tokens hold only letters, digits and CJK characters: nothing to escape.
    /// </summary>
    public static List<string> LikePatterns(string search)
    {
        var s = Normalize(search);
        var patterns = new List<string>();
        foreach (var (kind, start, end) in Segments(s))
        {
            if (kind == SegmentKind.Word || start + RuneLength(s, start) >= end)
            {
                patterns.Add($"% {s[start..end]}%");
                continue;
            }
            var phrase = new StringBuilder("% ");
            for (var i = start; ;)
            {
                var a = RuneLength(s, i);
                if (i + a >= end) break;
                phrase.Append(s, i, a + RuneLength(s, i + a)).Append(' ');
                i += a;
            }
            patterns.Add(phrase.Append('%').ToString());
        }
        return patterns.Distinct().ToList();
    }

    private static string Normalize(string text) => text.Normalize(NormalizationForm.FormKC).ToLowerInvariant();

    private enum SegmentKind { Cjk, Word }

    private static List<(SegmentKind Kind, int Start, int End)> Segments(string s)
    {
        var segments = new List<(SegmentKind, int, int)>();
        var i = 0;
        while (i < s.Length)
        {
            var kind = Classify(s, i, out var length);
            if (kind is null)
            {
                i += length;
                continue;
            }
            var start = i;
            i += length;
            while (i < s.Length && Classify(s, i, out length) == kind) i += length;
            segments.Add((kind.Value, start, i));
        }
        return segments;
    }

    private static SegmentKind? Classify(string s, int index, out int length)
    {
        if (!Rune.TryGetRuneAt(s, index, out var rune))
        {
            length = 1; // a lone surrogate separates
            return null;
        }
        length = rune.Utf16SequenceLength;
        if (IsCjk(rune.Value)) return SegmentKind.Cjk;
        return Rune.IsLetterOrDigit(rune) ? SegmentKind.Word : null;
    }

    private static int RuneLength(string s, int index) => char.IsHighSurrogate(s[index]) && index + 1 < s.Length ? 2 : 1;

    /// <summary>Han ideographs (with extensions and compatibility forms), kana and Hangul: written without spaces.</summary>
    internal static bool IsCjk(int c) =>
        c is (>= 0x4E00 and <= 0x9FFF) or (>= 0x3400 and <= 0x4DBF) or (>= 0xF900 and <= 0xFAFF)
            or (>= 0x20000 and <= 0x3FFFF) or (>= 0x3040 and <= 0x30FF) or (>= 0x31F0 and <= 0x31FF)
            or (>= 0xAC00 and <= 0xD7AF) or 0x3005 or 0x3007;

    /// <summary>The smallest string greater than every string that starts with <paramref name="prefix"/> (for index range scans).</summary>
    internal static string PrefixEnd(string prefix) =>
        string.Concat(prefix.AsSpan(0, prefix.Length - 1), ((char)(prefix[^1] + 1)).ToString());

    // ------------------------------------------------------------------ queries

    /// <summary>
    /// Ids of the complaints that contain every part of <paramref name="search"/> in their content
    /// or customer request, or whose customer's name contains it, or — for "TS…" — whose number
    /// starts with it. Unordered, without duplicates.
    /// </summary>
    public static async Task<SearchHits> TextHitsAsync(PortalDbContext db, string search, CancellationToken ct)
    {
        var parts = new List<string>();
        var args = new List<object>();
        string Arg(object value)
        {
            args.Add(value);
            return "{" + (args.Count - 1).ToString(CultureInfo.InvariantCulture) + "}";
        }

        if (!db.IsSqliteStore()) return await PostgresTextHitsAsync(db, search, ct);

        var match = MatchExpression(search);
        if (match is not null)
            parts.Add($"SELECT rowid AS Value FROM ComplaintSearch WHERE ComplaintSearch MATCH {Arg(match)}");
        else // only punctuation or symbols: nothing of it is indexed, so read the texts
            parts.Add($"SELECT Id AS Value FROM Complaints WHERE instr(Content, {Arg(search)}) > 0 OR instr(CustomerRequest, {Arg(search)}) > 0");

        // Customer names: a scan of the (small) customer table, joined only when a name matches.
        var namePattern = "%" + EscapeLike(search) + "%";
        if (await db.Customers.AnyAsync(c => EF.Functions.Like(c.Name, namePattern, "\\"), ct))
            parts.Add($"SELECT Id FROM Complaints WHERE CustomerId IN (SELECT Id FROM Customers WHERE Name LIKE {Arg(namePattern)} ESCAPE '\\')");

        var upper = search.ToUpperInvariant();
        if (upper.Length > ComplaintNumber.Prefix.Length && upper.StartsWith(ComplaintNumber.Prefix, StringComparison.Ordinal)
            && upper.AsSpan(ComplaintNumber.Prefix.Length).IndexOfAnyExceptInRange('0', '9') < 0)
            parts.Add($"SELECT Id FROM Complaints WHERE Number >= {Arg(upper)} AND Number < {Arg(PrefixEnd(upper))}");

        var sql = FormattableStringFactory.Create(string.Join("\nUNION ", parts), [.. args]);
        var probe = parts.Count == 1 && match is not null && !match.Contains('*', StringComparison.Ordinal) ? match : null;
        return new SearchHits(db, sql, probe is null ? null : () => db.Complaints.Where(Matches(db, probe)));
    }

    /// <summary>
    /// <see cref="TextHitsAsync"/> on PostgreSQL: the same parts — the search table's row LIKE the patterns, the customer's name
    /// ILIKE the text (as SQLite's LIKE, case-insensitive), the number by prefix — each written once as a <see cref="PostgresPart"/>,
    /// which gives it three ways:
    /// <list type="bullet">
    /// <item>its complaints' ids through its index (pg_trgm, the names' trigrams, the number);</item>
    /// <item>"not this part" as an anti-join on a complaint <c>c</c>: the hits are the parts UNION ALL, each without the
    /// complaints of the parts before it — no duplicates to remove, so reading the first 20,001 hits stops there (a UNION of
    /// 200,000 hits read and sorted them all, for 客 twice: the count and the page);</item>
    /// <item>the condition on one complaint <c>c</c> (<see cref="SearchHits.Probed"/>: for the search table a scalar subquery,
    /// which the planner evaluates row by row), for every search — a LIKE on one row costs the same for a prefix, unlike FTS5:
    /// a word in every complaint (客, 客户) reads 20 rows for the first page instead of all its hits.</item>
    /// </list>
    /// </summary>
    private static async Task<SearchHits> PostgresTextHitsAsync(PortalDbContext db, string search, CancellationToken ct)
    {
        var args = new List<object>();
        string Arg(object value)
        {
            args.Add(value);
            return "{" + (args.Count - 1).ToString(CultureInfo.InvariantCulture) + "}";
        }

        var parts = new List<PostgresPart>();
        var patterns = LikePatterns(search);
        if (patterns.Count > 0)
        {
            var likes = string.Join(" AND ", patterns.Select(p => $"s.\"Text\" LIKE {Arg(p)}"));
            parts.Add(PostgresPart.OnRow($"SELECT s.\"Id\" AS \"Value\" FROM \"ComplaintSearch\" AS s WHERE {likes}",
                "\"ComplaintSearch\" AS s WHERE s.\"Id\" = c.\"Id\"", likes, rowByRow: true));
        }
        else // only punctuation or symbols: nothing of it is indexed, so read the texts
        {
            var text = Arg(search);
            parts.Add(PostgresPart.OnComplaint($"(strpos(c.\"Content\", {text}) > 0 OR strpos(c.\"CustomerRequest\", {text}) > 0)"));
        }
        var namePattern = "%" + EscapeLike(search) + "%";
        if (await db.Customers.AnyAsync(c => EF.Functions.ILike(c.Name, namePattern, "\\"), ct))
        {
            var named = $"cu.\"Name\" ILIKE {Arg(namePattern)} ESCAPE '\\'";
            parts.Add(PostgresPart.OnRow(
                $"SELECT c.\"Id\" AS \"Value\" FROM \"Complaints\" AS c WHERE c.\"CustomerId\" IN (SELECT cu.\"Id\" FROM \"Customers\" AS cu WHERE {named})",
                "\"Customers\" AS cu WHERE cu.\"Id\" = c.\"CustomerId\"", named));
        }
        var upper = search.ToUpperInvariant();
        if (upper.Length > ComplaintNumber.Prefix.Length && upper.StartsWith(ComplaintNumber.Prefix, StringComparison.Ordinal)
            && upper.AsSpan(ComplaintNumber.Prefix.Length).IndexOfAnyExceptInRange('0', '9') < 0)
            parts.Add(PostgresPart.OnComplaint($"(c.\"Number\" >= {Arg(upper)} AND c.\"Number\" < {Arg(PrefixEnd(upper))})"));

        // The parts' SQL ends in a WHERE clause: the anti-joins of the parts before it are added to it.
        var ids = parts.Select((p, i) => p.Ids + string.Concat(parts.Take(i).Select(before => " AND " + before.Not)));
        var sql = FormattableStringFactory.Create(string.Join("\nUNION ALL ", ids), [.. args]);
        var probe = FormattableStringFactory.Create(
            $"SELECT c.* FROM \"Complaints\" AS c WHERE {string.Join(" OR ", parts.Select(p => p.Condition))}", [.. args]);
        return new SearchHits(db, sql, () => db.Complaints.FromSql(probe));
    }

    /// <summary>
    /// One part of a PostgreSQL search (<see cref="PostgresTextHitsAsync"/>): <see cref="Ids"/>, its complaints' ids through its
    /// index (SQL ending in a WHERE clause); <see cref="Condition"/>, whether the complaint <c>c</c> is among them; and
    /// <see cref="Not"/>, whether it is not, derived from the same condition (an anti-join when it is on another table's row).
    /// </summary>
    private sealed record PostgresPart(string Ids, string Condition, string Not)
    {
        /// <summary>A condition on the complaint's own columns (<c>c</c>), in parentheses.</summary>
        public static PostgresPart OnComplaint(string condition) =>
            new($"SELECT c.\"Id\" AS \"Value\" FROM \"Complaints\" AS c WHERE {condition}", condition, $"NOT {condition}");

        /// <summary>
        /// A condition on the one row of another table a complaint may have: <paramref name="row"/> names the table with its
        /// alias and, after WHERE, how its row joins <c>c</c>. The condition is EXISTS, or with <paramref name="rowByRow"/> a
        /// scalar subquery (false without a row), which the planner evaluates row by row instead of reading all the hits.
        /// </summary>
        public static PostgresPart OnRow(string ids, string row, string condition, bool rowByRow = false) =>
            new(ids,
                rowByRow ? $"COALESCE((SELECT {condition} FROM {row}), false)" : $"EXISTS (SELECT 1 FROM {row} AND {condition})",
                $"NOT EXISTS (SELECT 1 FROM {row} AND {condition})");
    }

    /// <summary>
    /// Whether the complaint's own entry matches <paramref name="match"/> (an FTS5 MATCH expression), checked
    /// row by row: <c>EXISTS (SELECT 1 FROM ComplaintSearch WHERE rowid = c.Id AND match(…))</c>, which
    /// FTS5 answers from the entry alone.
    /// </summary>
    public static Expression<Func<Complaint, bool>> Matches(PortalDbContext db, string match) =>
        c => db.Set<ComplaintSearchEntry>().Any(e => e.Id == c.Id && StoreFunctions.Matches(e.Index, match));

    /// <summary>Ids of the complaints of customers whose phone number starts with <paramref name="prefix"/> (a range on the phone index).</summary>
    public static SearchHits PhoneHits(PortalDbContext db, string prefix)
    {
        var end = PrefixEnd(prefix);
        if (!db.IsSqliteStore())
            return new SearchHits(db, $"""
                SELECT "Id" AS "Value" FROM "Complaints"
                WHERE "CustomerId" IN (SELECT "Id" FROM "Customers" WHERE "Phone" >= {prefix} AND "Phone" < {end})
                """, null);
        return new SearchHits(db, $"""
            SELECT Id AS Value FROM Complaints
            WHERE CustomerId IN (SELECT Id FROM Customers WHERE Phone >= {prefix} AND Phone < {end})
            """, null);
    }

    /// <summary>
    /// The complaints a search finds, as SQL returning their ids (unordered, no duplicates).
    /// <see cref="Probed"/> is, when each complaint can also be checked on its own, the complaints with that check
    /// (SQLite: rowid = … AND MATCH …, only a plain full-text search without prefix queries — "王"*, "petr"*: cheap over the
    /// whole index, slow row by row; PostgreSQL: every search, see PostgresTextHitsAsync).
    /// </summary>
    internal sealed class SearchHits(PortalDbContext db, FormattableString sql, Func<IQueryable<Complaint>>? probed)
    {
        public IQueryable<int> Ids { get; } = db.Database.SqlQuery<int>(sql);

        /// <summary>The complaints the search finds, checked one by one as a query walks them; null when that is slow.</summary>
        public IQueryable<Complaint>? Probed => probed?.Invoke();

        /// <summary>How many hits, counting no further than <paramref name="limit"/> (FTS5 stops there).</summary>
        public Task<int> CountAsync(int? limit, CancellationToken ct)
        {
            if (limit is null) return Ids.CountAsync(ct);
            var args = sql.GetArguments();
            var bounded = FormattableStringFactory.Create(db.IsSqliteStore()
                ? $"SELECT count(*) AS Value FROM ({sql.Format} LIMIT {{{args.Length}}})"
                : $"SELECT CAST(count(*) AS integer) AS \"Value\" FROM ({sql.Format} LIMIT {{{args.Length}}}) AS hits", [.. args, limit.Value]);
            return db.Database.SqlQuery<int>(bounded).SingleAsync(ct);
        }
    }

    private static string EscapeLike(string s) =>
        s.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal);

    // ------------------------------------------------------------------ writing

    /// <summary>
    /// Indexes a complaint saved through <paramref name="db"/>, inside the saving transaction; call it
    /// again whenever its content or customer request changes (the entry is replaced). Complaints
    /// are never deleted: the register counts hits of the index without joining the complaints.
    /// </summary>
    public static Task IndexAsync(PortalDbContext db, int complaintId, string content, string customerRequest, CancellationToken ct) =>
        db.IsSqliteStore()
            ? db.Database.ExecuteSqlAsync($"INSERT OR REPLACE INTO ComplaintSearch (rowid, Text) VALUES ({complaintId}, {Document(content, customerRequest)})", ct)
            : db.Database.ExecuteSqlAsync($"""
                INSERT INTO "ComplaintSearch" ("Id", "Text") VALUES ({complaintId}, {" " + Document(content, customerRequest)})
                ON CONFLICT ("Id") DO UPDATE SET "Text" = excluded."Text"
                """, ct);

    /// <summary>Removes a complaint's entry (an import undone: the only deletion of complaints).</summary>
    public static Task RemoveAsync(PortalDbContext db, int complaintId, CancellationToken ct) =>
        db.IsSqliteStore()
            ? db.Database.ExecuteSqlAsync($"DELETE FROM ComplaintSearch WHERE rowid = {complaintId}", ct)
            : db.Database.ExecuteSqlAsync($"""DELETE FROM "ComplaintSearch" WHERE "Id" = {complaintId}""", ct);

    /// <summary>Whether some complaint has a higher id than the highest indexed one.</summary>
    public static async Task<bool> HasUnindexedAsync(DbConnection connection, CancellationToken ct) =>
        await ScalarAsync(connection, null, $"SELECT EXISTS (SELECT 1 FROM Complaints WHERE Id > ({LastIndexedSql}))", ct) != 0;

    /// <summary>
    /// Indexes the complaints above the highest indexed id, in batches of one transaction each (an
    /// interrupted run resumes where it stopped), then merges the index into one segment.
    /// Returns how many complaints were indexed.
    /// </summary>
    public static async Task<int> BackfillAsync(DbConnection connection, Action<int>? progress, CancellationToken ct, int batchSize = 20_000)
    {
        var last = await ScalarAsync(connection, null, LastIndexedSql, ct);
        var total = 0;
        while (true)
        {
            await using var tx = await connection.BeginTransactionAsync(ct);
            await using var read = connection.CreateCommand();
            read.Transaction = tx;
            read.CommandText = "SELECT Id, Content, CustomerRequest FROM Complaints WHERE Id > $last ORDER BY Id LIMIT $batch";
            AddParameter(read, "$last", last);
            AddParameter(read, "$batch", batchSize);
            var rows = new List<(long Id, string Text)>(batchSize);
            await using (var reader = await read.ExecuteReaderAsync(ct))
            {
                while (await reader.ReadAsync(ct))
                    rows.Add((reader.GetInt64(0), Document(reader.GetString(1), reader.GetString(2))));
            }
            if (rows.Count == 0) break;

            await using var insert = connection.CreateCommand();
            insert.Transaction = tx;
            insert.CommandText = InsertSql;
            var id = AddParameter(insert, "$id", 0L);
            var text = AddParameter(insert, "$text", "");
            foreach (var row in rows)
            {
                id.Value = row.Id;
                text.Value = row.Text;
                await insert.ExecuteNonQueryAsync(ct);
            }
            await tx.CommitAsync(ct);
            last = rows[^1].Id;
            total += rows.Count;
            progress?.Invoke(total);
        }
        if (total > 0) await OptimizeAsync(connection, ct);
        return total;
    }

    /// <summary>Merges the index segments into one (a few seconds at 1M complaints); queries read fewer pages afterwards.</summary>
    public static async Task OptimizeAsync(DbConnection connection, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = "INSERT INTO ComplaintSearch (ComplaintSearch) VALUES ('optimize')";
        await command.ExecuteNonQueryAsync(ct);
    }

    private static async Task<long> ScalarAsync(DbConnection connection, DbTransaction? tx, string sql, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = tx;
        command.CommandText = sql;
        return Convert.ToInt64(await command.ExecuteScalarAsync(ct), CultureInfo.InvariantCulture);
    }

    private static DbParameter AddParameter(DbCommand command, string name, object value)
    {
        var p = command.CreateParameter();
        p.ParameterName = name;
        p.Value = value;
        command.Parameters.Add(p);
        return p;
    }
}

/// <summary>
/// An entry of the full-text index as EF Core sees it, to check one complaint's entry inside a query
/// (<see cref="ComplaintSearchIndex.Matches"/>): the FTS5 table's rowid (the complaint's id) and its hidden
/// column named after the table, the left side of MATCH. The table is made by its migration, not by EF.
/// </summary>
internal sealed class ComplaintSearchEntry
{
    public int Id { get; private set; }
    public string Index { get; private set; } = "";
}

using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using ServicePortal.Domain.Common;
using ServicePortal.Domain.Complaints;
using ServicePortal.Domain.Customers;
using ServicePortal.Domain.Repairs;

namespace ServicePortal.Domain.Demo;

/// <summary>The rows of a complaint and its search document, ready to be written (see <see cref="DemoDataWriter.Rows"/>).</summary>
internal sealed record ComplaintRows(AggregateRows Rows, string SearchDocument);

/// <summary>The rows of a month of repair orders (each with every record it holds) and of the revisit tasks their completions created.</summary>
internal sealed record RepairRows(List<AggregateRows> Orders, List<AggregateRows> Revisits);

/// <summary>
/// Writes generated customers, complaints and repair orders with plain ADO.NET: prepared INSERTs reused for every
/// row, one transaction per ~50 000 complaints, no durability wait during the load. Tables, columns
/// and formats come from the EF Core model (<see cref="EntityInsert"/>): a complaint is written with
/// every child the entity holds. Each complaint is indexed for the register's search in the same
/// transaction (<see cref="ComplaintSearchIndex"/>). On SQLite and on PostgreSQL (the same SQL with quoted names;
/// on PostgreSQL the identity sequences are moved past the ids the writer gave, <see cref="Commit"/>; no SQLite pragmas or FTS5 merges).
/// </summary>
internal sealed class DemoDataWriter : IAsyncDisposable
{
    private const int ComplaintsPerTransaction = 50_000;

    private readonly DbConnection _connection;
    private readonly IModel _model;
    private readonly bool _sqlite;
    private readonly RowBatch? _batch;
    private DbTransaction? _transaction;
    private int _inTransaction;
    private bool _idsGiven;
    private AggregateInsert? _complaint;
    private DbCommand? _search;
    private AggregateInsert? _repair;
    private AggregateInsert? _revisit;
    private AggregateInsert? _survey;
    private bool _automergeOff;

    private DemoDataWriter(DbConnection connection, IModel model)
    {
        _connection = connection;
        _model = model;
        _sqlite = connection is SqliteConnection;
        _batch = _sqlite ? null : new RowBatch(connection);
    }

    public int Complaints { get; private set; }

    public int HistoryEntries => _complaint?.RowsOf(typeof(ComplaintHistory)) ?? 0;

    public int Repairs { get; private set; }

    public int RepairHistoryEntries => _repair?.RowsOf(typeof(RepairHistory)) ?? 0;

    public int RevisitTasks { get; private set; }

    /// <summary>Opens its own unpooled connection, so the relaxed pragmas never reach the app's connections.</summary>
    /// <param name="sqlite">whether the store is SQLite (else PostgreSQL).</param>
    /// <param name="model">the EF Core model the rows are written by.</param>
    public static async Task<DemoDataWriter> OpenAsync(string connectionString, bool sqlite, IModel model, CancellationToken ct)
    {
        DbConnection connection = sqlite
            ? new SqliteConnection(new SqliteConnectionStringBuilder(connectionString) { Pooling = false }.ConnectionString)
            : new Npgsql.NpgsqlConnection(new Npgsql.NpgsqlConnectionStringBuilder(Data.PortalDatabaseOptions.PostgresConnectionString(connectionString)) { Pooling = false }.ConnectionString);
        await connection.OpenAsync(ct);
        var writer = new DemoDataWriter(connection, model);
        if (sqlite) await writer.ExecuteAsync("PRAGMA synchronous=OFF; PRAGMA cache_size=-262144; PRAGMA temp_store=MEMORY;", ct);
        return writer;
    }

    /// <summary>The id after the largest of <paramref name="type"/>'s table (1 when it is empty).</summary>
    public async Task<int> NextIdAsync(Type type, CancellationToken ct)
    {
        var entity = EntityType(type);
        var key = entity.FindPrimaryKey()!.Properties.Single().GetColumnName();
        return (int)await ScalarAsync($"SELECT COALESCE(MAX(\"{key}\"), 0) + 1 FROM \"{entity.GetTableName()}\"", ct);
    }

    public async Task<long> ScalarAsync(string sql, CancellationToken ct)
    {
        _batch?.Flush(); // the rows queued so far are read too
        await using var command = _connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = _transaction;
        return Convert.ToInt64(await command.ExecuteScalarAsync(ct) ?? 0L, System.Globalization.CultureInfo.InvariantCulture);
    }

    private async Task ExecuteAsync(string sql, CancellationToken ct)
    {
        _batch?.Flush();
        await using var command = _connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = _transaction;
        await command.ExecuteNonQueryAsync(ct);
    }

    /// <summary>
    /// Writes the customers with their own ids and their files' contacts, products and cooperation records, in
    /// transactions of <see cref="ComplaintsPerTransaction"/>; the name search index is kept by its triggers.
    /// </summary>
    public void WriteCustomers(IEnumerable<Customer> customers)
    {
        using var insert = AggregateInsert.Prepare(_connection, EntityType(typeof(Customer))).With(_batch);
        foreach (var chunk in customers.Chunk(ComplaintsPerTransaction))
        {
            using var tx = _connection.BeginTransaction();
            insert.Transaction = tx;
            if (_batch is not null) _batch.Transaction = tx;
            foreach (var customer in chunk) insert.Write(insert.Read(customer));
            _batch?.Flush();
            tx.Commit();
        }
        _idsGiven = true;
        Commit();
    }

    /// <summary>
    /// Prepares the complaints' INSERTs (reads the next ids) and starts the first transaction: before
    /// <see cref="Rows"/> is called, which may run on another thread while this one writes.
    /// </summary>
    public void PrepareComplaints()
    {
        if (_complaint is not null) return;
        Commit(); // preparing reads the next ids outside any transaction
        _complaint = AggregateInsert.Prepare(_connection, EntityType(typeof(Complaint))).With(_batch);
        // The register's full-text index, in the same transaction as the rows it indexes.
        _search = _connection.CreateCommand();
        _search.CommandText = _sqlite ? ComplaintSearchIndex.InsertSql : """INSERT INTO "ComplaintSearch" ("Id", "Text") VALUES (@id, @text)""";
        Parameter(_search, _sqlite ? "$id" : "id");
        Parameter(_search, _sqlite ? "$text" : "text");
        Begin();
        if (_sqlite)
        {
            _search.Prepare();
            SetAutomerge(0);
            _automergeOff = true;
        }
    }

    /// <summary>
    /// A complaint's rows — it and every record it holds (history, the cycle's records) — and its
    /// search document, as they will be written. Reads the entity only: the generating core makes
    /// them while this one writes the month before.
    /// </summary>
    public ComplaintRows Rows(Complaint complaint) =>
        new(_complaint!.Read(complaint), ComplaintSearchIndex.Document(complaint.Content, complaint.CustomerRequest));

    /// <summary>Writes the complaints' rows, ids given in list order.</summary>
    public void WriteComplaints(IReadOnlyList<ComplaintRows> complaints)
    {
        var search = _search!.Parameters;
        foreach (var c in complaints)
        {
            if (_transaction is null) Begin();
            var id = _complaint!.Write(c.Rows)!.Value;
            search[0].Value = _sqlite ? id : checked((int)id); // PostgreSQL's "Id" is an integer column
            search[1].Value = _sqlite ? c.SearchDocument : " " + c.SearchDocument; // PostgreSQL's entries start with a space (ComplaintSearchIndex.IndexAsync)
            if (_batch is not null) _batch.Add(_search);
            else _search.ExecuteNonQuery();
            Complaints++;
            if (++_inTransaction >= ComplaintsPerTransaction) Commit();
        }
    }

    /// <summary>Writes the complaints with every record they hold, ids given in list order.</summary>
    public void WriteComplaints(IReadOnlyList<Complaint> complaints)
    {
        PrepareComplaints();
        WriteComplaints(complaints.Select(Rows).ToList());
    }

    /// <summary>
    /// Prepares the repair orders' and revisit tasks' INSERTs (reads the next ids) and starts a
    /// transaction: before <see cref="Rows(Demo.DemoRepairMonth)"/> is called, which may run on another thread.
    /// </summary>
    public void PrepareRepairs()
    {
        if (_repair is not null) return;
        Commit();
        _repair = AggregateInsert.Prepare(_connection, EntityType(typeof(RepairOrder))).With(_batch);
        _revisit ??= AggregateInsert.Prepare(_connection, EntityType(typeof(Revisits.RevisitTask))).With(_batch);
        Begin();
    }

    /// <summary>A month's repair orders with every record they hold, and its revisit tasks, as they will be written (reads the entities only).</summary>
    public RepairRows Rows(DemoRepairMonth month) =>
        new(month.Orders.ConvertAll(_repair!.Read), month.Revisits.ConvertAll(_revisit!.Read));

    /// <summary>Writes the orders (each with the id it was given) and the revisit tasks.</summary>
    public void WriteRepairs(RepairRows rows)
    {
        foreach (var order in rows.Orders)
        {
            if (_transaction is null) Begin();
            _repair!.Write(order);
            Repairs++;
            if (++_inTransaction >= ComplaintsPerTransaction) Commit();
        }
        if (_transaction is null) Begin();
        foreach (var revisit in rows.Revisits) _revisit!.Write(revisit);
        RevisitTasks += rows.Revisits.Count;
    }

    /// <summary>Writes revisit tasks with their attempts, answers, issues and log, in one transaction.</summary>
    public void WriteRevisits(IReadOnlyList<Revisits.RevisitTask> tasks)
    {
        Commit();
        _revisit ??= AggregateInsert.Prepare(_connection, EntityType(typeof(Revisits.RevisitTask))).With(_batch);
        Begin();
        foreach (var task in tasks) _revisit.Write(_revisit.Read(task));
        RevisitTasks += tasks.Count;
        Commit();
    }

    public int Surveys { get; private set; }

    /// <summary>Writes questionnaires with their scores, in one transaction.</summary>
    public void WriteSurveys(IReadOnlyList<Surveys.Survey> surveys)
    {
        Commit();
        _survey ??= AggregateInsert.Prepare(_connection, EntityType(typeof(Surveys.Survey))).With(_batch);
        Begin();
        foreach (var survey in surveys) _survey.Write(_survey.Read(survey));
        Surveys += surveys.Count;
        Commit();
    }

    private IEntityType EntityType(Type type) =>
        _model.FindEntityType(type) ?? throw new InvalidOperationException($"{type.Name} is not in the EF Core model");

    /// <summary>The monthly bases of the valid-complaint rate (KPI), replacing those of the same months.</summary>
    public void WriteMonthlyBases(IEnumerable<(int Month, int ActiveCustomers, int ServiceOrders)> bases, DateTime nowUtc)
    {
        Commit();
        using var tx = _connection.BeginTransaction();
        using var command = _connection.CreateCommand();
        command.Transaction = tx;
        command.CommandText = """
            INSERT INTO "KpiMonthlyBases" ("Month", "ActiveCustomers", "ServiceOrders", "UpdatedAt", "UpdatedBy") VALUES (@month, @customers, @orders, @at, '演示数据')
            ON CONFLICT ("Month") DO UPDATE SET "ActiveCustomers" = excluded."ActiveCustomers", "ServiceOrders" = excluded."ServiceOrders"
            """;
        var month = Parameter(command, "month");
        var customers = Parameter(command, "customers");
        var orders = Parameter(command, "orders");
        Parameter(command, "at").Value = DateTime.SpecifyKind(nowUtc, DateTimeKind.Unspecified); // a UTC wall-clock value, as EF Core stores it
        foreach (var (m, c, o) in bases)
        {
            month.Value = m;
            customers.Value = c;
            orders.Value = o;
            command.ExecuteNonQuery();
        }
        tx.Commit();
    }

    /// <summary>
    /// Sets the last serial of each month of a kind of number (<typeparamref name="TSerial"/>: the
    /// complaints' or the repair orders' counter table), so the next real registration continues without a gap.
    /// </summary>
    public void WriteSerials<TSerial>(IEnumerable<(int Month, int Last)> serials) where TSerial : MonthlySerial
    {
        Commit();
        var table = EntityType(typeof(TSerial)).GetTableName();
        using var tx = _connection.BeginTransaction();
        using var command = _connection.CreateCommand();
        command.Transaction = tx;
        command.CommandText = $"INSERT INTO \"{table}\" (\"Month\", \"Last\") VALUES (@month, @last) ON CONFLICT (\"Month\") DO UPDATE SET \"Last\" = excluded.\"Last\"";
        var month = Parameter(command, "month");
        var last = Parameter(command, "last");
        foreach (var (m, l) in serials)
        {
            month.Value = m;
            last.Value = l;
            command.ExecuteNonQuery();
        }
        tx.Commit();
    }

    /// <summary>
    /// Ends the load: merges the full-text index into one segment (2 s at 1M complaints; a page of a
    /// search for a common word checks rows one by one, and each check reads every segment).
    /// </summary>
    public void Finish()
    {
        Commit();
        if (_search is null || !_sqlite) return;
        RestoreAutomerge();
        using var optimize = _connection.CreateCommand();
        optimize.CommandText = "INSERT INTO ComplaintSearch (ComplaintSearch) VALUES ('optimize')";
        optimize.ExecuteNonQuery();
    }

    /// <summary>
    /// FTS5 merges index segments a little on every insert by default ("automerge" 4); during a bulk
    /// load that is wasted work before the final merge (a 1M load spends 27 s on the index with it,
    /// 13 s without), so the load turns it off and turns it back on at the end, or on disposal.
    /// </summary>
    private void SetAutomerge(int level)
    {
        using var command = _connection.CreateCommand();
        command.Transaction = _transaction;
        command.CommandText = $"INSERT INTO ComplaintSearch (ComplaintSearch, rank) VALUES ('automerge', {level})";
        command.ExecuteNonQuery();
    }

    private void RestoreAutomerge()
    {
        if (!_automergeOff) return;
        SetAutomerge(4);
        _automergeOff = false;
    }

    public void Commit()
    {
        _idsGiven |= _transaction is not null;
        _batch?.Flush();
        _transaction?.Commit();
        _transaction?.Dispose();
        _transaction = null;
        _inTransaction = 0;
        if (_idsGiven && !_sqlite) MoveSequencesPastGivenIds();
        _idsGiven = false;
    }

    /// <summary>
    /// PostgreSQL: the writer gives ids itself, which an identity column's sequence does not see; each sequence is set to
    /// its table's largest id, so the next row EF Core (or the writer's generated keys) saves gets a free one. SQLite takes
    /// the largest id + 1 by itself.
    /// </summary>
    private void MoveSequencesPastGivenIds()
    {
        var tables = _model.GetEntityTypes()
            .Where(t => t.GetTableName() is not null && t.GetViewName() is null && t.FindPrimaryKey()?.Properties is [{ ValueGenerated: ValueGenerated.OnAdd } key]
                && (key.ClrType == typeof(int) || key.ClrType == typeof(long)))
            .Select(t => (Table: t.GetTableName()!, Key: t.FindPrimaryKey()!.Properties[0].GetColumnName()))
            .Distinct();
        using var command = _connection.CreateCommand();
        command.CommandText = string.Concat(tables.Select(t =>
            $"SELECT setval(pg_get_serial_sequence('\"{t.Table}\"', '{t.Key}'), COALESCE(MAX(\"{t.Key}\"), 0) + 1, false) FROM \"{t.Table}\";\n"));
        command.ExecuteNonQuery();
    }

    private void Begin()
    {
        _transaction = _connection.BeginTransaction();
        if (_batch is not null) _batch.Transaction = _transaction;
        if (_complaint is not null) _complaint.Transaction = _transaction;
        if (_search is not null) _search.Transaction = _transaction;
        if (_repair is not null) _repair.Transaction = _transaction;
        if (_revisit is not null) _revisit.Transaction = _transaction;
        if (_survey is not null) _survey.Transaction = _transaction;
    }

    private static DbParameter Parameter(DbCommand command, string name)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        command.Parameters.Add(parameter);
        return parameter;
    }

    /// <summary>Rolls back what was not committed (a failed load leaves no half month behind).</summary>
    public async ValueTask DisposeAsync()
    {
        _transaction?.Dispose();
        _transaction = null;
        try
        {
            RestoreAutomerge(); // after a failed load; a successful one restored it in WriteSerials
        }
        catch (DbException)
        {
            // The load already failed; its own exception is the one to report.
        }
        _complaint?.Dispose();
        _search?.Dispose();
        _repair?.Dispose();
        _revisit?.Dispose();
        _survey?.Dispose();
        _batch?.Dispose();
        await _connection.DisposeAsync();
    }
}

using Microsoft.Data.Sqlite;
using ServicePortal.Domain.Complaints;

namespace ServicePortal.Domain.Demo;

/// <summary>
/// Writes generated customers and complaints with plain ADO.NET: prepared INSERTs reused for every
/// row, one transaction per ~50 000 complaints, no durability wait during the load. Columns and
/// formats are those EF Core writes (enums as their names, DateTime as "yyyy-MM-dd HH:mm:ss.FFFFFFF").
/// Each complaint is indexed for the register's search in the same transaction
/// (<see cref="ComplaintSearchIndex"/>).
/// </summary>
internal sealed class DemoDataWriter : IAsyncDisposable
{
    private const int ComplaintsPerTransaction = 50_000;

    private readonly SqliteConnection _connection;
    private SqliteTransaction? _transaction;
    private int _inTransaction;
    private SqliteCommand? _complaint;
    private SqliteCommand? _history;
    private SqliteCommand? _search;
    private bool _automergeOff;
    private DemoCycleWriter? _cycle;

    private DemoDataWriter(SqliteConnection connection) => _connection = connection;

    public int Complaints { get; private set; }

    /// <summary>The working calendar the KPI durations are counted on (set before writing complaints).</summary>
    public ServicePortal.Domain.Calendar.WorkingCalendar WorkingCalendar { get; set; } = ServicePortal.Domain.Calendar.WorkingCalendar.WeekendsOnly;
    public int HistoryEntries { get; private set; }

    /// <summary>Opens its own unpooled connection, so the relaxed pragmas never reach the app's connections.</summary>
    public static async Task<DemoDataWriter> OpenAsync(string connectionString, CancellationToken ct)
    {
        var builder = new SqliteConnectionStringBuilder(connectionString) { Pooling = false };
        var connection = new SqliteConnection(builder.ConnectionString);
        await connection.OpenAsync(ct);
        var writer = new DemoDataWriter(connection);
        await writer.ExecuteAsync("PRAGMA synchronous=OFF; PRAGMA cache_size=-262144; PRAGMA temp_store=MEMORY;", ct);
        return writer;
    }

    public async Task<long> ScalarAsync(string sql, CancellationToken ct)
    {
        await using var command = _connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = _transaction;
        return Convert.ToInt64(await command.ExecuteScalarAsync(ct) ?? 0L, System.Globalization.CultureInfo.InvariantCulture);
    }

    private async Task ExecuteAsync(string sql, CancellationToken ct)
    {
        await using var command = _connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = _transaction;
        await command.ExecuteNonQueryAsync(ct);
    }

    public void WriteCustomers(IEnumerable<DemoCustomer> customers)
    {
        using var tx = _connection.BeginTransaction();
        using var command = _connection.CreateCommand();
        command.Transaction = tx;
        command.CommandText = "INSERT INTO Customers (Id, Name, Phone, Address, IsForeign, CreatedAt) VALUES ($id, $name, $phone, $address, $foreign, $created)";
        var id = Parameter(command, "$id");
        var name = Parameter(command, "$name");
        var phone = Parameter(command, "$phone");
        var address = Parameter(command, "$address");
        var foreign = Parameter(command, "$foreign");
        var created = Parameter(command, "$created");
        command.Prepare();
        foreach (var c in customers)
        {
            id.Value = c.Id;
            name.Value = c.Name;
            phone.Value = c.Phone;
            address.Value = c.Address;
            foreign.Value = c.IsForeign;
            created.Value = c.CreatedAtUtc;
            command.ExecuteNonQuery();
        }
        tx.Commit();
    }

    /// <summary>Writes the cases (their <see cref="DemoComplaint.Id"/> already set) and their history.</summary>
    public void WriteComplaints(IReadOnlyList<DemoComplaint> complaints)
    {
        if (_complaint is null) Prepare();
        var p = _complaint!.Parameters;
        var h = _history!.Parameters;
        foreach (var c in complaints)
        {
            if (_transaction is null) Begin();
            p[0].Value = c.Id;
            p[1].Value = c.Number;
            p[2].Value = c.Month;
            p[3].Value = c.CustomerId;
            p[4].Value = ChannelNames[(int)c.Channel];
            p[5].Value = c.Content;
            p[6].Value = c.CustomerRequest;
            p[7].Value = c.CategoryId;
            p[8].Value = SeverityNames[(int)c.Severity];
            p[9].Value = c.ReceivedUtc;
            p[10].Value = c.PromisedUtc;
            p[11].Value = c.Owner.Id;
            p[12].Value = StatusNames[(int)c.Status];
            p[13].Value = c.ResponsibleDepartmentId is { } d ? d : DBNull.Value;
            p[14].Value = c.CreatedUtc;
            p[15].Value = c.UpdatedUtc;
            p[16].Value = c.Steps.Count - 1;
            DemoCycleWriter.SetComplaintColumns(p, 17, c, WorkingCalendar);
            _complaint.ExecuteNonQuery();
            _search!.Parameters[0].Value = c.Id;
            _search.Parameters[1].Value = ComplaintSearchIndex.Document(c.Content, c.CustomerRequest);
            _search.ExecuteNonQuery();
            foreach (var step in c.Steps)
            {
                h[0].Value = c.Id;
                h[1].Value = step.AtUtc;
                h[2].Value = step.Actor.Id;
                h[3].Value = step.Actor.DisplayName;
                h[4].Value = step.Action;
                h[5].Value = step.Note;
                _history.ExecuteNonQuery();
            }
            _cycle!.Write(c);
            Complaints++;
            HistoryEntries += c.Steps.Count;
            if (++_inTransaction >= ComplaintsPerTransaction) Commit();
        }
    }

    /// <summary>
    /// Ends the load: sets the last serial of each month, so the next real registration continues
    /// without a gap, and merges the full-text index into one segment (2 s at 1M complaints; a
    /// page of a search for a common word checks rows one by one, and each check reads every segment).
    /// </summary>
    /// <summary>The monthly bases of the valid-complaint rate (KPI), replacing those of the same months.</summary>
    public void WriteMonthlyBases(IEnumerable<(int Month, int ActiveCustomers, int ServiceOrders)> bases, DateTime nowUtc)
    {
        Commit();
        using var tx = _connection.BeginTransaction();
        using var command = _connection.CreateCommand();
        command.Transaction = tx;
        command.CommandText = """
            INSERT INTO KpiMonthlyBases (Month, ActiveCustomers, ServiceOrders, UpdatedAt, UpdatedBy) VALUES ($month, $customers, $orders, $at, '演示数据')
            ON CONFLICT (Month) DO UPDATE SET ActiveCustomers = excluded.ActiveCustomers, ServiceOrders = excluded.ServiceOrders
            """;
        var month = Parameter(command, "$month");
        var customers = Parameter(command, "$customers");
        var orders = Parameter(command, "$orders");
        Parameter(command, "$at").Value = nowUtc;
        foreach (var (m, c, o) in bases)
        {
            month.Value = m;
            customers.Value = c;
            orders.Value = o;
            command.ExecuteNonQuery();
        }
        tx.Commit();
    }

    public void WriteSerials(IEnumerable<(int Month, int Last)> serials)
    {
        Commit();
        using var tx = _connection.BeginTransaction();
        using var command = _connection.CreateCommand();
        command.Transaction = tx;
        command.CommandText = "INSERT INTO ComplaintSerials (Month, Last) VALUES ($month, $last) ON CONFLICT (Month) DO UPDATE SET Last = excluded.Last";
        var month = Parameter(command, "$month");
        var last = Parameter(command, "$last");
        foreach (var (m, l) in serials)
        {
            month.Value = m;
            last.Value = l;
            command.ExecuteNonQuery();
        }
        tx.Commit();
        if (_search is null) return;
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
        _transaction?.Commit();
        _transaction?.Dispose();
        _transaction = null;
        _inTransaction = 0;
    }

    private void Begin()
    {
        _transaction = _connection.BeginTransaction();
        _complaint!.Transaction = _transaction;
        _history!.Transaction = _transaction;
        _search!.Transaction = _transaction;
        _cycle!.Transaction = _transaction;
    }

    private void Prepare()
    {
        _complaint = _connection.CreateCommand();
        _complaint.CommandText = $"""
            INSERT INTO Complaints (Id, Number, ReceivedMonth, CustomerId, Channel, Content, CustomerRequest, CategoryId, Severity,
                ReceivedAt, PromisedReplyAt, OwnerId, Status, ResponsibleDepartmentId, CreatedAt, UpdatedAt, Version,
                {string.Join(", ", DemoCycleWriter.ComplaintColumns)})
            VALUES ({string.Join(", ", Enumerable.Range(0, 17 + DemoCycleWriter.ComplaintColumns.Length).Select(i => $"$p{i}"))})
            """;
        for (var i = 0; i < 17 + DemoCycleWriter.ComplaintColumns.Length; i++) Parameter(_complaint, $"$p{i}");
        _cycle = new DemoCycleWriter(_connection);
        _cycle.Prepare();
        _history = _connection.CreateCommand();
        _history.CommandText = "INSERT INTO ComplaintHistory (ComplaintId, At, ActorId, ActorName, Action, Note) VALUES ($h0, $h1, $h2, $h3, $h4, $h5)";
        for (var i = 0; i <= 5; i++) Parameter(_history, $"$h{i}");
        // The register's full-text index, in the same transaction as the rows it indexes.
        _search = _connection.CreateCommand();
        _search.CommandText = ComplaintSearchIndex.InsertSql;
        Parameter(_search, "$id");
        Parameter(_search, "$text");
        Begin();
        _complaint.Prepare();
        _history.Prepare();
        _search.Prepare();
        SetAutomerge(0);
        _automergeOff = true;
    }

    private static SqliteParameter Parameter(SqliteCommand command, string name)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        command.Parameters.Add(parameter);
        return parameter;
    }

    private static readonly string[] ChannelNames = Enum.GetNames<Complaints.ComplaintChannel>();
    private static readonly string[] SeverityNames = Enum.GetNames<Complaints.ComplaintSeverity>();
    private static readonly string[] StatusNames = Enum.GetNames<Complaints.ComplaintStatus>();

    /// <summary>Rolls back what was not committed (a failed load leaves no half month behind).</summary>
    public async ValueTask DisposeAsync()
    {
        _transaction?.Dispose();
        _transaction = null;
        try
        {
            RestoreAutomerge(); // after a failed load; a successful one restored it in WriteSerials
        }
        catch (SqliteException)
        {
            // The load already failed; its own exception is the one to report.
        }
        _complaint?.Dispose();
        _history?.Dispose();
        _search?.Dispose();
        _cycle?.Dispose();
        await _connection.DisposeAsync();
    }
}

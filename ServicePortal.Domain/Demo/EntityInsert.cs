using System.Collections;
using System.Globalization;
using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace ServicePortal.Domain.Demo;

/// <summary>Where the key of a written row comes from.</summary>
internal enum RowKey
{
    /// <summary>The entity's own key (set by whoever created it).</summary>
    FromEntity,
    /// <summary>Given to <see cref="EntityInsert.Execute"/> by the writer.</summary>
    Given,
    /// <summary>Left out: the database generates it.</summary>
    Generated,
}

/// <summary>
/// A prepared INSERT of one entity type, everything taken from the EF Core model, so a new column
/// cannot be forgotten: the table, every mapped column, and each value as EF Core would bind it —
/// read with the property's getter (private setters included), converted by its value converter
/// (enums as text), in a parameter set up by its type mapping. A foreign key whose navigation is set
/// takes the key of the entity it points to (EF Core's fix-up); the foreign key to the parent row
/// and a given key come with each row.
/// </summary>
internal sealed class EntityInsert : IDisposable
{
    private readonly DbCommand _command;
    private readonly Column[] _columns;
    private readonly DbParameter? _key;
    private readonly DbParameter? _parent;

    /// <summary>One column's parameter and how to read its value from an entity (null for the key or parent given with the row).</summary>
    private sealed record Column(DbParameter Parameter, Func<object, object?>? Read, ValueConverter? Converter);

    private EntityInsert(IEntityType type, DbCommand command, Column[] columns, DbParameter? key, DbParameter? parent)
    {
        EntityType = type;
        _command = command;
        _columns = columns;
        _key = key;
        _parent = parent;
    }

    public IEntityType EntityType { get; }

    /// <summary>The table's single key property (an integer for <see cref="RowKey.Given"/> and <see cref="RowKey.Generated"/> keys).</summary>
    public IProperty KeyProperty => EntityType.FindPrimaryKey()!.Properties.Single();

    public DbTransaction? Transaction
    {
        set => _command.Transaction = value;
    }

    /// <summary>Where the rows go instead of one round trip each (PostgreSQL), or null.</summary>
    public RowBatch? Batch { get; set; }

    /// <param name="parent">the foreign key to the parent row, whose value comes with each row; null for a root.</param>
    public static EntityInsert Prepare(DbConnection connection, IEntityType type, RowKey keys, IForeignKey? parent)
    {
        var table = type.GetTableName() ?? throw new InvalidOperationException($"{type.DisplayName()} is not mapped to a table");
        var store = StoreObjectIdentifier.Table(table, type.GetSchema());
        var key = type.FindPrimaryKey()!.Properties;
        if (keys != RowKey.FromEntity && (key.Count != 1 || key[0].ClrType != typeof(int) && key[0].ClrType != typeof(long)))
            throw new InvalidOperationException($"{type.DisplayName()}: only a single integer key can be given or generated");

        var command = connection.CreateCommand();
        var columns = new List<Column>();
        var names = new List<string>();
        DbParameter? keyParameter = null, parentParameter = null;
        foreach (var property in type.GetProperties())
        {
            if (property.GetColumnName(store) is not { } name || property.GetComputedColumnSql(store) is not null) continue;
            var isKey = key.Contains(property);
            if (isKey && keys == RowKey.Generated) continue;

            var mapping = (RelationalTypeMapping)property.GetRelationalTypeMapping();
            var converter = mapping.Converter ?? property.GetValueConverter();
            var parameter = mapping.CreateParameter(command, "@p" + columns.Count.ToString(CultureInfo.InvariantCulture), null, property.IsNullable);
            command.Parameters.Add(parameter);
            names.Add(Quote(name));
            Func<object, object?>? read;
            if (isKey && keys == RowKey.Given)
            {
                keyParameter = parameter;
                read = null;
            }
            else if (parent is not null && parent.Properties.Contains(property))
            {
                if (parent.Properties.Count != 1) throw new InvalidOperationException($"{type.DisplayName()}: composite parent key");
                parentParameter = parameter;
                read = null;
            }
            else
            {
                read = Reader(property);
            }
            columns.Add(new Column(parameter, read, converter));
        }
        if (parent is not null && parentParameter is null)
            throw new InvalidOperationException($"{type.DisplayName()}: the foreign key to its parent is not a column");
        command.CommandText = $"INSERT INTO {Quote(table)} ({string.Join(", ", names)}) VALUES ({string.Join(", ", columns.Select(c => c.Parameter.ParameterName))})";
        command.Prepare();
        return new EntityInsert(type, command, [.. columns], keyParameter, parentParameter);
    }

    /// <summary>
    /// How a property is read: with its getter; a foreign key whose navigation is set, from the key of
    /// the entity the navigation points to (an entity built in memory has the navigation, not the id).
    /// </summary>
    private static Func<object, object?> Reader(IProperty property)
    {
        if (property.IsShadowProperty())
            throw new InvalidOperationException($"{property.DeclaringType.DisplayName()}.{property.Name} is a shadow property: the bulk writer cannot read it");
        var own = property.GetGetter();
        var viaNavigation = property.GetContainingForeignKeys()
            .Where(fk => fk.DependentToPrincipal is not null && fk.Properties.Count == 1)
            .Select(fk => (Navigation: fk.DependentToPrincipal!.GetGetter(), PrincipalKey: fk.PrincipalKey.Properties[0].GetGetter()))
            .FirstOrDefault();
        if (viaNavigation.Navigation is null) return own.GetClrValue;
        return entity => viaNavigation.Navigation.GetClrValue(entity) is { } principal
            ? viaNavigation.PrincipalKey.GetClrValue(principal)
            : own.GetClrValue(entity);
    }

    /// <summary>
    /// The values of <paramref name="entity"/>'s row as they are bound (null for the key and parent
    /// given with the row). Reads the entity only, so it runs on any thread while another writes.
    /// </summary>
    public object?[] Values(object entity)
    {
        var values = new object?[_columns.Length];
        for (var i = 0; i < values.Length; i++)
        {
            var column = _columns[i];
            if (column.Read is null) continue;
            var value = column.Read(entity);
            if (value is not null && column.Converter is { } converter) value = converter.ConvertToProvider(value);
            values[i] = value;
        }
        return values;
    }

    /// <summary>Inserts a row of <see cref="Values"/>.</summary>
    /// <param name="key">the row's key when the keys are <see cref="RowKey.Given"/>.</param>
    /// <param name="parentKey">the key of the parent row, for the foreign key to it.</param>
    public void Execute(object?[] values, object? key = null, object? parentKey = null)
    {
        for (var i = 0; i < values.Length; i++) _columns[i].Parameter.Value = values[i] ?? DBNull.Value;
        if (_key is not null) _key.Value = key ?? throw new ArgumentNullException(nameof(key), $"{EntityType.DisplayName()}: its key is given by the writer");
        if (_parent is not null) _parent.Value = parentKey ?? throw new ArgumentNullException(nameof(parentKey), $"{EntityType.DisplayName()}: its parent's key is missing");
        if (Batch is { } batch) batch.Add(_command);
        else _command.ExecuteNonQuery();
    }

    private static string Quote(string identifier) => "\"" + identifier.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    public void Dispose() => _command.Dispose();
}

/// <summary>The rows of one aggregate, read from its entities in the order they are inserted (see <see cref="AggregateInsert.Read"/>).</summary>
internal sealed class AggregateRows
{
    /// <summary>Each row: the INSERT it is written by, the index of its parent row (-1 for the root), its values, the key the entity already has (else null).</summary>
    internal List<(AggregateInsert Insert, int Parent, object?[] Values, object? Key)> Rows { get; } = new(16);
}

/// <summary>
/// The INSERTs of an aggregate — a root entity and, through its collection navigations in the EF Core
/// model, every child and grandchild (a complaint's history, investigations, proposals with their
/// items and approvals, replies, feedback, extensions). An entity type with children gets its ids from
/// the writer (the next after the table's largest), so its children's foreign keys can be set — or
/// keeps the key the entity already has (a generator that links entities by id sets them); the
/// others' keys are generated by the database. Rows are read (<see cref="Read"/>, on any thread) and
/// then written (<see cref="Write"/>, on the writing one).
/// </summary>
internal sealed class AggregateInsert : IDisposable
{
    private readonly EntityInsert _insert;
    private readonly (Func<object, object?> Get, AggregateInsert Child)[] _children;
    /// <summary>The next id the writer gives, for a type with children; null when the database generates them.</summary>
    private long? _nextId;
    private readonly bool _intKey;
    private readonly Func<object, object?>? _ownKey;
    private object?[] _keys = new object?[16];

    private AggregateInsert(EntityInsert insert, (Func<object, object?>, AggregateInsert)[] children, long? nextId)
    {
        _insert = insert;
        _children = children;
        _nextId = nextId;
        _intKey = insert.KeyProperty.ClrType == typeof(int);
        if (nextId is not null) _ownKey = insert.KeyProperty.GetGetter().GetClrValue;
    }

    /// <summary>Rows of this entity type written so far.</summary>
    public int Rows { get; private set; }

    /// <summary>Prepares the INSERTs of <paramref name="root"/> and its children; reads the next ids, so call it before writing.</summary>
    public static AggregateInsert Prepare(DbConnection connection, IEntityType root) => Prepare(connection, root, null);

    private static AggregateInsert Prepare(DbConnection connection, IEntityType type, IForeignKey? parent)
    {
        var children = type.GetNavigations().Where(n => n.IsCollection)
            .Select(n => ((Func<object, object?>)n.GetGetter().GetClrValue, Prepare(connection, n.TargetEntityType, n.ForeignKey)))
            .ToArray();
        var insert = EntityInsert.Prepare(connection, type, children.Length > 0 ? RowKey.Given : RowKey.Generated, parent);
        long? nextId = null;
        if (children.Length > 0)
        {
            using var max = connection.CreateCommand();
            max.CommandText = $"SELECT COALESCE(MAX(\"{insert.KeyProperty.GetColumnName()}\"), 0) + 1 FROM \"{type.GetTableName()}\"";
            nextId = Convert.ToInt64(max.ExecuteScalar(), CultureInfo.InvariantCulture);
        }
        return new AggregateInsert(insert, children, nextId);
    }

    /// <summary>The rows of <paramref name="type"/> written so far, in this aggregate.</summary>
    public int RowsOf(Type type) =>
        _insert.EntityType.ClrType == type ? Rows : _children.Sum(c => c.Child.RowsOf(type));

    public DbTransaction? Transaction
    {
        set
        {
            _insert.Transaction = value;
            foreach (var (_, child) in _children) child.Transaction = value;
        }
    }

    /// <summary>Sends this aggregate's rows through <paramref name="batch"/> (null: one round trip each).</summary>
    public AggregateInsert With(RowBatch? batch)
    {
        _insert.Batch = batch;
        foreach (var (_, child) in _children) child.With(batch);
        return this;
    }

    /// <summary>The rows of <paramref name="root"/> and of its children (reads the entities only: any thread).</summary>
    public AggregateRows Read(object root)
    {
        var rows = new AggregateRows();
        Read(root, -1, rows);
        return rows;
    }

    private void Read(object entity, int parent, AggregateRows rows)
    {
        var index = rows.Rows.Count;
        var own = _ownKey?.Invoke(entity) is { } key && Convert.ToInt64(key, CultureInfo.InvariantCulture) != 0 ? key : null;
        rows.Rows.Add((this, parent, _insert.Values(entity), own));
        foreach (var (get, child) in _children)
        {
            if (get(entity) is not IEnumerable items) continue;
            foreach (var item in items) child.Read(item, index, rows);
        }
    }

    /// <summary>Writes the rows of an aggregate read by this root's <see cref="Read"/>; returns the root's id when the writer gave it.</summary>
    public long? Write(AggregateRows rows)
    {
        if (_keys.Length < rows.Rows.Count) _keys = new object?[Math.Max(rows.Rows.Count, _keys.Length * 2)];
        for (var i = 0; i < rows.Rows.Count; i++)
        {
            var (insert, parent, values, own) = rows.Rows[i];
            var key = own is null ? insert.NextKey() : insert.Keep(own);
            insert._insert.Execute(values, key, parent < 0 ? null : _keys[parent]);
            insert.Rows++;
            _keys[i] = key;
        }
        return _keys[0] switch { int id => id, long id => id, _ => null };
    }

    /// <summary>An entity's own key: used as it is, and the keys given later come after it.</summary>
    private object Keep(object key)
    {
        var id = Convert.ToInt64(key, CultureInfo.InvariantCulture);
        if (_nextId is { } next && id >= next) _nextId = id + 1;
        return key;
    }

    private object? NextKey()
    {
        if (_nextId is not { } id) return null;
        _nextId = id + 1;
        return _intKey ? checked((int)id) : id;
    }

    public void Dispose()
    {
        _insert.Dispose();
        foreach (var (_, child) in _children) child.Dispose();
    }
}

/// <summary>
/// PostgreSQL: rows of prepared INSERTs queued with their values and sent <see cref="Size"/> statements per round trip
/// (a <see cref="DbBatch"/>), instead of one round trip per row — on a busy machine each round trip waits for the server
/// process to be scheduled. Sent when full and by <see cref="Flush"/>, which the writer calls before it commits or reads.
/// </summary>
internal sealed class RowBatch(DbConnection connection) : IDisposable
{
    public const int Size = 1000;

    private readonly DbBatch _batch = connection.CreateBatch();

    public DbTransaction? Transaction
    {
        set => _batch.Transaction = value;
    }

    /// <summary>Queues <paramref name="command"/> with the values its parameters hold now.</summary>
    public void Add(DbCommand command)
    {
        var queued = _batch.CreateBatchCommand();
        queued.CommandText = command.CommandText;
        foreach (DbParameter parameter in command.Parameters)
            queued.Parameters.Add(((ICloneable)parameter).Clone()); // Npgsql's parameters clone with their type
        _batch.BatchCommands.Add(queued);
        if (_batch.BatchCommands.Count >= Size) Flush();
    }

    public void Flush()
    {
        if (_batch.BatchCommands.Count == 0) return;
        _batch.ExecuteNonQuery();
        _batch.BatchCommands.Clear();
    }

    public void Dispose() => _batch.Dispose();
}

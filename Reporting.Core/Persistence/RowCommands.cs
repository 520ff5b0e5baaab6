using System.Data;
using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace Reporting.Core.Persistence;

/// <summary>
/// Prepared row writes, counter increments and bit setting for one entity type, built from the EF
/// model so table and column names, quoting and value conversions have one source. EF change
/// tracking costs tens of microseconds a row; bulk ingest cannot afford it.
/// <see cref="Write"/>, <see cref="AddCounters"/> and <see cref="OrBits"/> use a native upsert bound by
/// position on SQLite (docs/decisions/003), a bulk copy into a staging table and one MERGE per batch on
/// SQL Server (docs/decisions/016), and plain single-row SQL, valid on any provider, elsewhere.
/// </summary>
internal sealed class RowCommands<T> where T : class
{
    private readonly DbConnection _connection;
    private readonly DbTransaction _transaction;
    private readonly string _table;
    private readonly IProperty[] _all;
    private readonly IProperty[] _keys;
    private readonly ISqlGenerationHelper _sql;
    private DbCommand? _insert;
    private DbCommand? _delete;
    private readonly Dictionary<string, (DbCommand Command, IProperty[] Bound)> _merges = [];
    private readonly bool _sqlite;
    private readonly bool _sqlServer;
    private readonly string _stage;
    private readonly int _timeoutSeconds;
    private readonly IEntityType _entity;

    public RowCommands(ReportingDbContext db, DbTransaction transaction)
    {
        var entity = db.Model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not mapped.");
        _entity = entity;
        _sql = db.GetService<ISqlGenerationHelper>();
        _connection = db.Database.GetDbConnection();
        _transaction = transaction;
        _table = _sql.DelimitIdentifier(entity.GetTableName()!, entity.GetSchema());
        _all = entity.GetProperties().Where(p => p.ValueGenerated == ValueGenerated.Never || !p.IsKey()).ToArray();
        _keys = entity.FindPrimaryKey()!.Properties.ToArray();
        _sqlite = db.Database.IsSqlite();
        _sqlServer = db.Database.IsSqlServer();
        _stage = "#stage_" + new string(entity.GetTableName()!.Where(char.IsAsciiLetterOrDigit).ToArray());
        _timeoutSeconds = db.Database.GetCommandTimeout() ?? 30;
    }

    /// <summary>
    /// Stores every row, replacing the stored row of the same key where <paramref name="replaces"/> says
    /// there is one. On SQLite: one prepared <c>INSERT … ON CONFLICT DO UPDATE</c> bound by position (a
    /// replacement overwrites every column, as delete + insert would); elsewhere a delete
    /// (replacements only) and an insert per row.
    /// </summary>
    public void Write(IEnumerable<T> rows, Func<T, bool> replaces)
    {
        if (_sqlServer)
        {
            Bulk(rows, _all.Except(_keys).Select(p => p.Name).ToArray(), SqlServerBulkRows.Combine.Replace);
            return;
        }

        if (!_sqlite)
        {
            foreach (var row in rows)
            {
                if (replaces(row))
                {
                    Delete(row);
                }

                Insert(row);
            }

            return;
        }

        var others = _all.Except(_keys).ToArray();
        ExecuteEach(Upsert(others.Length == 0 ? "NOTHING" : "UPDATE SET " + string.Join(", ", others.Select(c => $"{Column(c)} = excluded.{Column(c)}"))), rows);
    }

    /// <summary>
    /// Adds each row's counter values to the stored row of its key, inserting the row when absent. On SQLite
    /// one prepared <c>ON CONFLICT DO UPDATE SET c = c + excluded.c</c> bound by position; elsewhere an update,
    /// then an insert when it touched nothing.
    /// </summary>
    public void AddCounters(IEnumerable<T> rows, IReadOnlyCollection<string> counterNames) => Merge(rows, counterNames, "+");

    /// <summary>Sets each row's bits in the stored row of its key (bitwise or), inserting the row when absent; as <see cref="AddCounters"/>.</summary>
    public void OrBits(IEnumerable<T> rows, IReadOnlyCollection<string> maskNames) => Merge(rows, maskNames, "|");

    private void Merge(IEnumerable<T> rows, IReadOnlyCollection<string> columnNames, string op)
    {
        if (_sqlServer)
        {
            Bulk(rows, columnNames, op == "|" ? SqlServerBulkRows.Combine.Or : SqlServerBulkRows.Combine.Add);
            return;
        }

        if (!_sqlite)
        {
            foreach (var row in rows)
            {
                MergeOne(row, columnNames, op);
            }

            return;
        }

        var columns = _all.Where(p => columnNames.Contains(p.Name));
        ExecuteEach(Upsert("UPDATE SET " + string.Join(", ", columns.Select(c => $"{Column(c)} = {Column(c)} {op} excluded.{Column(c)}"))), rows);
    }

    /// <summary>The two statements of the SQL Server bulk path for this entity: stage, then merge (docs/decisions/016).</summary>
    internal (string Stage, string Merge) SqlServerStatements(IReadOnlyCollection<string> updatedNames, SqlServerBulkRows.Combine combine)
    {
        var columns = _all.Select(Column).ToArray();
        var updated = _all.Where(p => updatedNames.Contains(p.Name)).Select(Column).ToArray();
        return (SqlServerBulkRows.StageSql(_table, _stage, columns),
            SqlServerBulkRows.MergeSql(_table, _stage, columns, _keys.Select(Column).ToArray(), updated, combine));
    }

    private void Bulk(IEnumerable<T> rows, IReadOnlyCollection<string> updatedNames, SqlServerBulkRows.Combine combine)
    {
        var (stage, merge) = SqlServerStatements(updatedNames, combine);
        var types = _all.Select(p => p.GetTypeMapping().Converter?.ProviderClrType ?? p.ClrType).ToArray();
        SqlServerBulkRows.Apply((Microsoft.Data.SqlClient.SqlConnection)_connection, (Microsoft.Data.SqlClient.SqlTransaction)_transaction,
            stage, _stage, merge, _all.Select(Column).ToArray(), types,
            rows.Select(row => Array.ConvertAll(_all, p => ProviderValue(p, row))), _timeoutSeconds);
    }

    private int Insert(T row)
    {
        _insert ??= Build($"INSERT INTO {_table} ({string.Join(", ", _all.Select(Column))}) VALUES ({string.Join(", ", _all.Select((_, i) => $"@p{i}"))})", _all);
        return Execute(_insert, row, _all);
    }

    private int Delete(T keyRow)
    {
        _delete ??= Build($"DELETE FROM {_table} WHERE {string.Join(" AND ", _keys.Select((k, i) => $"{Column(k)} = @p{i}"))}", _keys);
        return Execute(_delete, keyRow, _keys);
    }

    /// <summary>Plain SQL for any provider: an update of the named columns (<c>c = c op value</c>), an insert when it touched nothing.</summary>
    private void MergeOne(T row, IReadOnlyCollection<string> columnNames, string op)
    {
        if (!_merges.TryGetValue(op, out var merge))
        {
            var columns = _all.Where(p => columnNames.Contains(p.Name)).ToArray();
            var set = string.Join(", ", columns.Select((c, i) => $"{Column(c)} = {Column(c)} {op} @p{i}"));
            var where = string.Join(" AND ", _keys.Select((k, i) => $"{Column(k)} = @p{columns.Length + i}"));
            IProperty[] bound = [.. columns, .. _keys];
            merge = (Build($"UPDATE {_table} SET {set} WHERE {where}", bound), bound);
            _merges[op] = merge;
        }

        if (Execute(merge.Command, row, merge.Bound) == 0)
        {
            Insert(row);
        }
    }

    private string Column(IProperty p) => _sql.DelimitIdentifier(p.GetColumnName());

    private string Upsert(string onConflict)
    {
        if (_keys.Except(_all).Any())
        {
            throw new InvalidOperationException($"{typeof(T).Name} has a generated key; upserts need the key in the row.");
        }

        return $"INSERT INTO {_table} ({string.Join(", ", _all.Select(Column))}) VALUES ({string.Join(", ", _all.Select((_, i) => $"?{i + 1}"))}) " +
               $"ON CONFLICT ({string.Join(", ", _keys.Select(Column))}) DO {onConflict}";
    }

    private void ExecuteEach(string sql, IEnumerable<T> rows)
    {
        using var statement = new SqliteRowStatement(_connection, sql);
        var bind = SqliteRowBinder<T>.For(_entity, _all);
        foreach (var row in rows)
        {
            bind(row, statement);
            statement.Execute();
        }
    }

    private object? ProviderValue(IProperty property, T row)
    {
        var (getter, converter) = Accessor(property);
        var value = getter.GetClrValue(row);
        return value is not null && converter is not null ? converter(value) : value;
    }

    private DbCommand Build(string text, IProperty[] properties)
    {
        var command = _connection.CreateCommand();
        command.Transaction = _transaction;
        command.CommandText = text;
        for (var i = 0; i < properties.Length; i++)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = $"@p{i}";
            var mapping = properties[i].GetRelationalTypeMapping();
            if (mapping.DbType is { } dbType)
            {
                parameter.DbType = dbType;
            }

            command.Parameters.Add(parameter);
        }

        return command;
    }

    private int Execute(DbCommand command, T row, IProperty[] properties)
    {
        var parameters = command.Parameters;
        for (var i = 0; i < properties.Length; i++)
        {
            parameters[i].Value = ProviderValue(properties[i], row) ?? DBNull.Value;
        }

        return command.ExecuteNonQuery();
    }

    private readonly Dictionary<IProperty, (IClrPropertyGetter Getter, Func<object, object?>? Converter)> _accessors = [];

    private (IClrPropertyGetter Getter, Func<object, object?>? Converter) Accessor(IProperty property)
    {
        if (!_accessors.TryGetValue(property, out var accessor))
        {
            accessor = (property.GetGetter(), property.GetTypeMapping().Converter is { } c ? c.ConvertToProvider : null);
            _accessors[property] = accessor;
        }

        return accessor;
    }
}

internal static class RowCommandsExtensions
{
    public static IReadOnlyCollection<string> CounterNames { get; } = typeof(Aggregates.BucketCounts)
        .GetProperties().Where(p => p.PropertyType == typeof(int) || p.PropertyType == typeof(long))
        .Select(p => p.Name).ToHashSet();
}

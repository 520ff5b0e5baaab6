using System.Data;
using Microsoft.Data.SqlClient;

namespace Reporting.Core.Persistence;

/// <summary>
/// The SQL Server side of <see cref="RowCommands{T}"/> (docs/decisions/016): a batch of rows goes into a session
/// temporary table by <see cref="SqlBulkCopy"/> (one bulk stream instead of a statement per row), then one
/// <c>MERGE</c> applies the whole batch: replace every column, add counters, or set bits. The SQL is built
/// here from delimited names only, so it can be checked without a server.
/// </summary>
internal static class SqlServerBulkRows
{
    /// <summary>How the stored row of a key takes the staged row: overwrite, add, or bitwise or.</summary>
    public enum Combine
    {
        Replace,
        Add,
        Or,
    }

    /// <summary>An empty temporary table with the target's column types (no keys, no constraints), emptied if it exists.</summary>
    public static string StageSql(string table, string stage, IReadOnlyList<string> columns) =>
        $"IF OBJECT_ID('tempdb..{stage}') IS NOT NULL TRUNCATE TABLE {stage} " +
        $"ELSE SELECT TOP (0) {string.Join(", ", columns)} INTO {stage} FROM {table};";

    /// <summary>
    /// One MERGE of the staged rows into <paramref name="table"/> on <paramref name="keys"/>. <paramref name="updated"/>
    /// are the columns a matched row takes (every non-key column to replace; the counters or masks to combine);
    /// an unmatched row is inserted whole. HOLDLOCK makes the match and the insert one atomic step.
    /// </summary>
    public static string MergeSql(string table, string stage, IReadOnlyList<string> columns, IReadOnlyList<string> keys,
        IReadOnlyList<string> updated, Combine combine)
    {
        var on = string.Join(" AND ", keys.Select(k => $"t.{k} = s.{k}"));
        var set = string.Join(", ", updated.Select(c => combine switch
        {
            Combine.Add => $"t.{c} = t.{c} + s.{c}",
            Combine.Or => $"t.{c} = t.{c} | s.{c}",
            _ => $"t.{c} = s.{c}",
        }));
        var matched = updated.Count == 0 ? "" : $"WHEN MATCHED THEN UPDATE SET {set} ";
        return $"MERGE INTO {table} WITH (HOLDLOCK) AS t USING {stage} AS s ON {on} " +
               matched +
               $"WHEN NOT MATCHED BY TARGET THEN INSERT ({string.Join(", ", columns)}) VALUES ({string.Join(", ", columns.Select(c => "s." + c))});";
    }

    /// <summary>Stages <paramref name="rows"/> (provider values, in <paramref name="columns"/> order) and runs <paramref name="merge"/>.</summary>
    public static int Apply(SqlConnection connection, SqlTransaction transaction, string stageSql, string stage, string merge,
        IReadOnlyList<string> columns, IReadOnlyList<Type> types, IEnumerable<object?[]> rows, int timeoutSeconds)
    {
        using (var command = new SqlCommand(stageSql, connection, transaction) { CommandTimeout = timeoutSeconds })
        {
            command.ExecuteNonQuery();
        }

        using var table = new DataTable();
        for (var i = 0; i < columns.Count; i++)
        {
            table.Columns.Add($"c{i}", Nullable.GetUnderlyingType(types[i]) ?? types[i]);
        }

        foreach (var row in rows)
        {
            table.Rows.Add(Array.ConvertAll(row, v => v ?? DBNull.Value));
        }

        if (table.Rows.Count == 0)
        {
            return 0;
        }

        using (var bulk = new SqlBulkCopy(connection, SqlBulkCopyOptions.Default, transaction) { DestinationTableName = stage, BulkCopyTimeout = timeoutSeconds })
        {
            for (var i = 0; i < columns.Count; i++)
            {
                bulk.ColumnMappings.Add($"c{i}", Unquote(columns[i]));
            }

            bulk.WriteToServer(table);
        }

        using var apply = new SqlCommand(merge, connection, transaction) { CommandTimeout = timeoutSeconds };
        return apply.ExecuteNonQuery();
    }

    /// <summary>A delimited SQL Server name (<c>[Name]</c>, <c>]]</c> for <c>]</c>) as SqlBulkCopy's column mapping wants it.</summary>
    public static string Unquote(string delimited) =>
        delimited.StartsWith('[') && delimited.EndsWith(']') ? delimited[1..^1].Replace("]]", "]", StringComparison.Ordinal) : delimited;
}

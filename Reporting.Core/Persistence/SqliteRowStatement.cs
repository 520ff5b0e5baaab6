using System.Buffers;
using System.Data.Common;
using System.Globalization;
using System.Text;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace Reporting.Core.Persistence;

/// <summary>
/// One prepared SQLite statement with positional parameters (<c>?1</c>, <c>?2</c>, …), bound by index
/// straight through SQLitePCLRaw on the connection of the open transaction. Microsoft.Data.Sqlite binds
/// by name: each execution looks every name up and encodes it, about half of a 50-column row write.
/// Values are bound exactly as Microsoft.Data.Sqlite binds them (dates and decimals as the same text,
/// booleans as 0/1), so a row stored here equals the row a parameterised command stores.
/// </summary>
internal sealed class SqliteRowStatement : IDisposable
{
    private readonly sqlite3 _db;
    private readonly sqlite3_stmt _statement;

    public SqliteRowStatement(DbConnection connection, string sql)
    {
        _db = ((SqliteConnection)connection).Handle ?? throw new InvalidOperationException("The SQLite connection is not open.");
        var rc = raw.sqlite3_prepare_v2(_db, sql, out _statement);
        SqliteException.ThrowExceptionForRC(rc, _db);
    }

    /// <summary>Binds one provider value (after the EF value converter) to parameter <c>?index</c> (1-based).</summary>
    public void Bind(int index, object? value)
    {
        switch (value)
        {
            case null: BindNull(index); break;
            case string s: BindText(index, s); break;
            case int i: BindInt64(index, i); break;
            case long l: BindInt64(index, l); break;
            case bool b: BindBool(index, b); break;
            case DateTime d: BindDate(index, d); break;
            case decimal m: BindDecimal(index, m); break;
            case double f: BindDouble(index, f); break;
            default: throw new NotSupportedException($"Row statements do not bind values of type {value.GetType().Name}.");
        }
    }

    // Typed binds: what SqliteRowBinder<T> compiles calls to, so a row is bound without boxing its values. Each binds
    // as the object overload above does (and as Microsoft.Data.Sqlite does).
    public void BindNull(int index) => Check(raw.sqlite3_bind_null(_statement, index));

    /// <summary>
    /// Text encoded to UTF-8 on the stack (or in a pooled buffer when long) and bound from there, which SQLite copies:
    /// SQLitePCLRaw's string overload allocates a new array for every value (≈ 15 texts a dossier, the lists' JSON among
    /// them). The same encoder (<see cref="Encoding.UTF8"/>) as that overload, so the stored bytes are the same. An empty
    /// text keeps the string overload: an empty span would reach SQLite as a null pointer, that is NULL.
    /// </summary>
    public void BindText(int index, string? value)
    {
        if (value is null)
        {
            BindNull(index);
            return;
        }

        if (value.Length == 0)
        {
            Check(raw.sqlite3_bind_text(_statement, index, value));
            return;
        }

        var most = Encoding.UTF8.GetMaxByteCount(value.Length);
        if (most <= StackText)
        {
            Span<byte> text = stackalloc byte[StackText];
            var written = Encoding.UTF8.GetBytes(value, text);
            Check(raw.sqlite3_bind_text(_statement, index, text[..written]));
            return;
        }

        var rented = ArrayPool<byte>.Shared.Rent(most);
        try
        {
            var written = Encoding.UTF8.GetBytes(value, rented);
            Check(raw.sqlite3_bind_text(_statement, index, rented.AsSpan(0, written)));
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(rented);
        }
    }

    private const int StackText = 1024;

    public void BindInt64(int index, long value) => Check(raw.sqlite3_bind_int64(_statement, index, value));

    public void BindBool(int index, bool value) => Check(raw.sqlite3_bind_int64(_statement, index, value ? 1 : 0));

    public void BindDouble(int index, double value) => Check(raw.sqlite3_bind_double(_statement, index, value));

    public void BindDecimal(int index, decimal value) =>
        Check(raw.sqlite3_bind_text(_statement, index, value.ToString("0.0###########################", CultureInfo.InvariantCulture)));

    public void BindDate(int index, DateTime value)
    {
        Span<byte> text = stackalloc byte[32];
        value.TryFormat(text, out var written, @"yyyy\-MM\-dd HH\:mm\:ss.FFFFFFF", CultureInfo.InvariantCulture);
        Check(raw.sqlite3_bind_text(_statement, index, text[..written]));
    }

    /// <summary>Runs the statement with the bound values and readies it for the next row; returns the rows changed.</summary>
    public int Execute()
    {
        var rc = raw.sqlite3_step(_statement);
        var changes = raw.sqlite3_changes(_db);
        raw.sqlite3_reset(_statement);
        if (rc != raw.SQLITE_DONE)
        {
            SqliteException.ThrowExceptionForRC(rc, _db);
        }

        return changes;
    }

    public void Dispose() => _statement.Dispose();

    private void Check(int rc)
    {
        if (rc != raw.SQLITE_OK)
        {
            SqliteException.ThrowExceptionForRC(rc, _db);
        }
    }
}

using System.Buffers;
using System.Data.Common;
using System.Globalization;
using System.Runtime.InteropServices;
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
/// The hot calls (bind, step, reset: ≈ 60 a row) go straight to SQLite on the raw statement pointer, not through
/// SQLitePCLRaw's <see cref="SafeHandle"/> overloads, which add and release a reference around every call (docs/decisions/027):
/// the statement's and the connection's handles are referenced once here, for the statement's life, so neither pointer
/// can be freed while it is used. A parameter bound NULL stays NULL across <c>sqlite3_reset</c>, so a NULL is bound only
/// when the parameter holds something else (a fresh statement's parameters are all NULL).
/// </summary>
internal sealed class SqliteRowStatement : IDisposable
{
    private readonly sqlite3 _db;
    private readonly sqlite3_stmt _statement;
    private readonly IntPtr _pointer;
    private readonly bool[] _boundNull;
    private bool _dbReferenced;
    private bool _referenced;

    public SqliteRowStatement(DbConnection connection, string sql)
    {
        _db = ((SqliteConnection)connection).Handle ?? throw new InvalidOperationException("The SQLite connection is not open.");
        var rc = raw.sqlite3_prepare_v2(_db, sql, out _statement);
        SqliteException.ThrowExceptionForRC(rc, _db);
        try
        {
            _db.DangerousAddRef(ref _dbReferenced);
            _statement.DangerousAddRef(ref _referenced);
        }
        catch
        {
            Dispose();
            throw;
        }

        _pointer = _statement.DangerousGetHandle();
        _boundNull = new bool[raw.sqlite3_bind_parameter_count(_statement) + 1];
        Array.Fill(_boundNull, true);
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
    public void BindNull(int index)
    {
        if (_boundNull[index])
        {
            return;
        }

        Check(Native.sqlite3_bind_null(_pointer, index));
        _boundNull[index] = true;
    }

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
            // A pointer to a real byte with length 0: SQLite binds an empty text (a null pointer would bind NULL).
            Text(index, EmptyText.AsSpan(0, 0), EmptyText);
            return;
        }

        var most = Encoding.UTF8.GetMaxByteCount(value.Length);
        if (most <= StackText)
        {
            // Sized to the text, not the limit: a stack buffer is zeroed first (a 20-character code needs 63 bytes, not 1 KiB).
            Span<byte> text = stackalloc byte[most];
            var written = Encoding.UTF8.GetBytes(value, text);
            Text(index, text[..written]);
            return;
        }

        var rented = ArrayPool<byte>.Shared.Rent(most);
        try
        {
            var written = Encoding.UTF8.GetBytes(value, rented);
            Text(index, rented.AsSpan(0, written));
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(rented);
        }
    }

    private const int StackText = 1024;

    private static readonly byte[] EmptyText = [0];

    public void BindInt64(int index, long value)
    {
        Check(Native.sqlite3_bind_int64(_pointer, index, value));
        _boundNull[index] = false;
    }

    public void BindBool(int index, bool value) => BindInt64(index, value ? 1 : 0);

    public void BindDouble(int index, double value)
    {
        Check(Native.sqlite3_bind_double(_pointer, index, value));
        _boundNull[index] = false;
    }

    public void BindDecimal(int index, decimal value)
    {
        Span<byte> text = stackalloc byte[64];
        if (!value.TryFormat(text, out var written, "0.0###########################", CultureInfo.InvariantCulture))
        {
            throw new InvalidOperationException($"The decimal {value} did not fit its text buffer.");
        }

        Text(index, text[..written]);
    }

    public void BindDate(int index, DateTime value)
    {
        Span<byte> text = stackalloc byte[DateLength];
        Text(index, text[..FormatDate(value, text)]);
    }

    private const int DateLength = 27;

    /// <summary>
    /// <paramref name="value"/> as Microsoft.Data.Sqlite stores a date, <c>yyyy-MM-dd HH:mm:ss.FFFFFFF</c> (the fraction's
    /// trailing zeros dropped, and its point when nothing is left), written digit by digit: the custom-format parser of
    /// <see cref="DateTime.TryFormat(Span{byte}, out int, ReadOnlySpan{char}, IFormatProvider?)"/> was ≈ 1 % of an ingest's
    /// samples (five dates a dossier). <c>RowDatesTests</c> holds it equal to that format.
    /// </summary>
    internal static int FormatDate(DateTime value, Span<byte> text)
    {
        value.Deconstruct(out var date, out var time);
        Digits(text[..4], date.Year);
        text[4] = (byte)'-';
        Digits(text.Slice(5, 2), date.Month);
        text[7] = (byte)'-';
        Digits(text.Slice(8, 2), date.Day);
        text[10] = (byte)' ';
        Digits(text.Slice(11, 2), time.Hour);
        text[13] = (byte)':';
        Digits(text.Slice(14, 2), time.Minute);
        text[16] = (byte)':';
        Digits(text.Slice(17, 2), time.Second);
        var fraction = (int)(value.Ticks % TimeSpan.TicksPerSecond);
        if (fraction == 0)
        {
            return 19;
        }

        var length = 7;
        while (fraction % 10 == 0)
        {
            fraction /= 10;
            length--;
        }

        text[19] = (byte)'.';
        Digits(text.Slice(20, length), fraction);
        return 20 + length;
    }

    private static void Digits(Span<byte> into, int value)
    {
        for (var i = into.Length - 1; i >= 0; i--)
        {
            into[i] = (byte)('0' + value % 10);
            value /= 10;
        }
    }

    /// <summary>Binds UTF-8 text that SQLite copies (<c>SQLITE_TRANSIENT</c>), so the span may be reused at once.</summary>
    private void Text(int index, ReadOnlySpan<byte> utf8, byte[]? nonEmpty = null)
    {
        ref var first = ref nonEmpty is null ? ref MemoryMarshal.GetReference(utf8) : ref nonEmpty[0];
        Check(Native.sqlite3_bind_text(_pointer, index, ref first, utf8.Length, Native.Transient));
        _boundNull[index] = false;
    }

    /// <summary>Runs the statement with the bound values and readies it for the next row (its bindings stay).</summary>
    public void Execute()
    {
        var rc = Native.sqlite3_step(_pointer);
        Native.sqlite3_reset(_pointer);
        if (rc != raw.SQLITE_DONE)
        {
            SqliteException.ThrowExceptionForRC(rc, _db);
        }
    }

    public void Dispose()
    {
        if (_referenced)
        {
            _statement.DangerousRelease();
            _referenced = false;
        }

        _statement.Dispose();
        if (_dbReferenced)
        {
            _db.DangerousRelease();
            _dbReferenced = false;
        }
    }

    private void Check(int rc)
    {
        if (rc != raw.SQLITE_OK)
        {
            SqliteException.ThrowExceptionForRC(rc, _db);
        }
    }

    /// <summary>
    /// The SQLite functions the row writes call per value, on raw pointers. The library name is the one SQLitePCLRaw's
    /// e_sqlite3 provider imports, so the runtime resolves it to the library already loaded for the connection: the same
    /// SQLite, the same statement and connection structures. Only blittable arguments, so no marshalling stub work.
    /// </summary>
    private static class Native
    {
        private const string Library = "e_sqlite3";

        /// <summary><c>SQLITE_TRANSIENT</c>: SQLite copies the value before the bind returns.</summary>
        public static readonly IntPtr Transient = new(-1);

        [DllImport(Library, CallingConvention = CallingConvention.Cdecl, ExactSpelling = true)]
        public static extern int sqlite3_bind_null(IntPtr statement, int index);

        [DllImport(Library, CallingConvention = CallingConvention.Cdecl, ExactSpelling = true)]
        public static extern int sqlite3_bind_int64(IntPtr statement, int index, long value);

        [DllImport(Library, CallingConvention = CallingConvention.Cdecl, ExactSpelling = true)]
        public static extern int sqlite3_bind_double(IntPtr statement, int index, double value);

        [DllImport(Library, CallingConvention = CallingConvention.Cdecl, ExactSpelling = true)]
        public static extern int sqlite3_bind_text(IntPtr statement, int index, ref byte text, int length, IntPtr destructor);

        [DllImport(Library, CallingConvention = CallingConvention.Cdecl, ExactSpelling = true)]
        public static extern int sqlite3_step(IntPtr statement);

        [DllImport(Library, CallingConvention = CallingConvention.Cdecl, ExactSpelling = true)]
        public static extern int sqlite3_reset(IntPtr statement);
    }
}

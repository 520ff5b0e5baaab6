using System.Data.Common;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Reporting.Core.Dossiers;
using Reporting.Core.Persistence;

namespace Reporting.Core.Aggregates;

/// <summary>
/// The counting half of a full rebuild on SQLite (ADR 024): the dossiers split into disjoint rowid ranges, each
/// counted on its own connection into its own delta, the deltas added together before the one write. Counters
/// add, so the sum equals one pass over the whole table. Every range reads the same committed dossiers because
/// the caller holds the write lock (the ingest gate and SQLite's <c>BEGIN IMMEDIATE</c>, with the state row
/// locked first as every writer does): nothing can commit between the first range's read and the last.
/// </summary>
internal static class RebuildCounting
{
    /// <summary>Below this many rowids one range is enough: a second connection costs more than it saves.</summary>
    internal const long RowidsPerExtraRange = 200_000;

    /// <summary>One range per core (at most four), one for small tables.</summary>
    public static int DefaultRanges(long rowids) =>
        (int)Math.Clamp(Math.Min(Environment.ProcessorCount, 1 + rowids / RowidsPerExtraRange), 1, 4);

    /// <summary>
    /// Counts every dossier in <paramref name="ranges"/> disjoint rowid ranges (0: <see cref="DefaultRanges"/>); the
    /// first range on <paramref name="db"/>'s connection inside <paramref name="tx"/>, the others on new connections.
    /// </summary>
    public static async Task<(AggregateDelta Delta, int Count)> CountSqliteAsync(
        ReportingDbContext db, DbTransaction tx, IDbContextFactory<ReportingDbContext> dbFactory, int ranges, int horizonBucket, CancellationToken ct)
    {
        var sql = SelectSql(db);
        var connection = db.Database.GetDbConnection();
        long min, max;
        await using (var bounds = connection.CreateCommand())
        {
            bounds.Transaction = tx;
            bounds.CommandText = $"SELECT min(rowid), max(rowid) FROM {sql.Table}";
            await using var reader = await bounds.ExecuteReaderAsync(ct);
            await reader.ReadAsync(ct);
            if (reader.IsDBNull(0))
            {
                return (new AggregateDelta(), 0);
            }

            (min, max) = (reader.GetInt64(0), reader.GetInt64(1));
        }

        var span = max - min + 1;
        var n = (int)Math.Min(ranges > 0 ? ranges : DefaultRanges(span), span);
        var step = span / n;
        var bounds2 = Enumerable.Range(0, n).Select(i => (From: min + i * step, To: i == n - 1 ? max : min + (i + 1) * step - 1)).ToList();

        using var failed = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var others = bounds2.Skip(1).Select(range => Task.Run(async () =>
        {
            try
            {
                await using var other = await dbFactory.CreateDbContextAsync(failed.Token);
                await other.Database.OpenConnectionAsync(failed.Token);
                return Count(other.Database.GetDbConnection(), null, sql.Select, range.From, range.To, horizonBucket, failed.Token);
            }
            catch
            {
                await failed.CancelAsync();
                throw;
            }
        }, failed.Token)).ToList();

        (AggregateDelta Delta, int Count) total;
        try
        {
            total = Count(connection, tx, sql.Select, bounds2[0].From, bounds2[0].To, horizonBucket, failed.Token);
        }
        catch
        {
            await failed.CancelAsync();
            await Task.WhenAll(others).ContinueWith(_ => { }, TaskScheduler.Default);
            throw;
        }

        foreach (var part in await Task.WhenAll(others))
        {
            total.Delta.Add(part.Delta);
            total.Count += part.Count;
        }

        return total;
    }

    /// <summary>
    /// One forward pass over a rowid range, each row read with typed getters into one reused <see cref="Dossier"/> (only
    /// the columns <see cref="DossierContribution.Columns"/> lists) and counted.
    /// </summary>
    private static (AggregateDelta Delta, int Count) Count(DbConnection connection, DbTransaction? tx, string select, long from, long to, int horizonBucket, CancellationToken ct)
    {
        var delta = new AggregateDelta();
        var count = 0;
        using var command = connection.CreateCommand();
        command.Transaction = tx;
        command.CommandTimeout = 0;
        command.CommandText = select;
        AddParameter(command, "$from", from);
        AddParameter(command, "$to", to);
        using var reader = command.ExecuteReader();
        var d = new Dossier { Source = "", Code = "", AgencyCode = "", ProcedureCode = "" };
        while (reader.Read())
        {
            Read(reader, d);
            DossierContribution.Apply(d, 1, horizonBucket, delta);
            if ((++count & 0xFFFF) == 0)
            {
                ct.ThrowIfCancellationRequested();
            }
        }

        return (delta, count);
    }

    private static void AddParameter(DbCommand command, string name, long value)
    {
        var p = command.CreateParameter();
        p.ParameterName = name;
        p.Value = value;
        command.Parameters.Add(p);
    }

    /// <summary>The columns of <see cref="DossierContribution.Columns"/>, in the order <see cref="Read"/> reads them.</summary>
    private static readonly string[] Columns =
    [
        nameof(Dossier.ProcedureCode), nameof(Dossier.AgencyId), nameof(Dossier.Channel), nameof(Dossier.Status),
        nameof(Dossier.ReceivedAt), nameof(Dossier.HandlingEndedAt), nameof(Dossier.ReturnedAt), nameof(Dossier.VneIdVerified),
        nameof(Dossier.SyncedToDvcqg), nameof(Dossier.Satisfaction), nameof(Dossier.Complaint), nameof(Dossier.Counted),
        nameof(Dossier.ReceivedDay), nameof(Dossier.EndDay), nameof(Dossier.PromisedDay), nameof(Dossier.OriginalPromisedDay),
        nameof(Dossier.SupplementCount), nameof(Dossier.SupplementRequestedDay), nameof(Dossier.SupplementSuppliedDay), nameof(Dossier.RefusedDay),
        nameof(Dossier.Handling), nameof(Dossier.OnTime766), nameof(Dossier.ElectronicResult), nameof(Dossier.ResultExpected),
        nameof(Dossier.Digitised), nameof(Dossier.Reused), nameof(Dossier.FromNationalStore), nameof(Dossier.FeeLine),
        nameof(Dossier.FeeBearing), nameof(Dossier.PaidOnline), nameof(Dossier.ProcedureKnown), nameof(Dossier.PromisedUnknown),
    ];

    /// <summary>The column names as the model maps them (<c>ContributionColumnsTests</c> holds the list equal to the projection).</summary>
    internal static IReadOnlyList<string> ColumnProperties => Columns;

    private static (string Table, string Select) SelectSql(ReportingDbContext db)
    {
        var entity = db.Model.FindEntityType(typeof(Dossier))!;
        var table = Quote(entity.GetTableName()!);
        var columns = string.Join(", ", Columns.Select(c => Quote(entity.FindProperty(c)!.GetColumnName())));
        return (table, $"SELECT {columns} FROM {table} WHERE rowid BETWEEN $from AND $to");
    }

    private static string Quote(string name) => "\"" + name.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    private static void Read(DbDataReader r, Dossier d)
    {
        d.ProcedureCode = r.GetString(0);
        d.AgencyId = r.GetInt32(1);
        d.Channel = r.GetInt32(2);
        d.Status = r.GetInt32(3);
        d.VneIdVerified = r.GetInt64(7) != 0;
        d.SyncedToDvcqg = NullableInt(r, 8);
        d.Satisfaction = NullableInt(r, 9);
        d.Complaint = r.GetInt64(10) != 0;
        d.Counted = r.GetInt64(11) != 0;
        d.ReceivedDay = NullableInt(r, 12);
        d.EndDay = NullableInt(r, 13);
        d.PromisedDay = NullableInt(r, 14);
        d.OriginalPromisedDay = NullableInt(r, 15);
        d.SupplementCount = r.GetInt32(16);
        d.SupplementRequestedDay = NullableInt(r, 17);
        d.SupplementSuppliedDay = NullableInt(r, 18);
        d.RefusedDay = NullableInt(r, 19);
        d.Handling = (HandlingClass)r.GetInt32(20);
        d.OnTime766 = r.GetInt64(21) != 0;
        d.ElectronicResult = r.GetInt64(22) != 0;
        d.ResultExpected = r.GetInt64(23) != 0;
        d.Digitised = r.GetInt64(24) != 0;
        d.Reused = r.GetInt64(25) != 0;
        d.FromNationalStore = r.GetInt64(26) != 0;
        d.FeeLine = r.GetInt64(27) != 0;
        d.FeeBearing = r.GetInt64(28) != 0;
        d.PaidOnline = r.GetInt64(29) != 0;
        d.ProcedureKnown = r.GetInt64(30) != 0;
        d.PromisedUnknown = r.GetInt64(31) != 0;
        // The three timestamps count only the processing time of a counted, processed dossier
        // (DossierContribution.AddReceived); parsing them for every other row would be wasted.
        if (d.Counted && d.ReceivedDay is not null && DossierStatus.IsProcessed(d.Status))
        {
            d.ReceivedAt = NullableDate(r, 4);
            d.HandlingEndedAt = NullableDate(r, 5);
            d.ReturnedAt = d.HandlingEndedAt is null ? NullableDate(r, 6) : null;
        }
        else
        {
            d.ReceivedAt = d.HandlingEndedAt = d.ReturnedAt = null;
        }
    }

    private static int? NullableInt(DbDataReader r, int i) => r.IsDBNull(i) ? null : r.GetInt32(i);

    private static DateTime? NullableDate(DbDataReader r, int i)
    {
        if (r.IsDBNull(i))
        {
            return null;
        }

        var text = r.GetString(i);
        return StoredDate.TryParse(text, out var value) ? value : DateTime.Parse(text, CultureInfo.InvariantCulture);
    }
}

/// <summary>
/// The text SQLite holds for a <see cref="DateTime"/> (<c>yyyy-MM-dd HH:mm:ss</c> and up to seven fraction digits, as
/// EF Core and <c>SqliteRowStatement.BindDate</c> write it) parsed by position; anything else is left to
/// <see cref="DateTime.Parse(string, IFormatProvider)"/>, which is what the provider's reader does.
/// </summary>
internal static class StoredDate
{
    public static bool TryParse(ReadOnlySpan<char> s, out DateTime value)
    {
        value = default;
        if (s.Length < 19 || s.Length == 20 || s.Length > 27 || s[4] != '-' || s[7] != '-' || s[10] != ' ' || s[13] != ':' || s[16] != ':'
            || (s.Length > 19 && s[19] != '.'))
        {
            return false;
        }

        if (!Digits(s[..4], out var year) || !Digits(s.Slice(5, 2), out var month) || !Digits(s.Slice(8, 2), out var day)
            || !Digits(s.Slice(11, 2), out var hour) || !Digits(s.Slice(14, 2), out var minute) || !Digits(s.Slice(17, 2), out var second))
        {
            return false;
        }

        var ticks = 0;
        if (s.Length > 19)
        {
            if (!Digits(s[20..], out ticks))
            {
                return false;
            }

            for (var i = s.Length - 20; i < 7; i++)
            {
                ticks *= 10;
            }
        }

        if (year < 1 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month) || hour > 23 || minute > 59 || second > 59)
        {
            return false;
        }

        value = new DateTime(year, month, day, hour, minute, second).AddTicks(ticks);
        return true;
    }

    private static bool Digits(ReadOnlySpan<char> s, out int value)
    {
        value = 0;
        foreach (var c in s)
        {
            if (c is < '0' or > '9')
            {
                return false;
            }

            value = value * 10 + (c - '0');
        }

        return true;
    }
}

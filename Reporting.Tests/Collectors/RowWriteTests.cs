using System.Data.Common;
using System.Reflection;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.DependencyInjection;
using Reporting.Core.Aggregates;
using Reporting.Core.Dossiers;
using Reporting.Core.Ingest;
using Reporting.Core.Persistence;

namespace Reporting.Tests.Collectors;

/// <summary>
/// The fast row writes of ingest (<see cref="RowCommands{T}"/>: positional upserts on SQLite) store exactly what
/// EF Core's own insert stores, column by column and storage class by storage class, for new rows and for
/// replaced versions; and aggregates kept by ingest over mixed batches equal a rebuild.
/// </summary>
public sealed class RowWriteTests
{
    [Fact]
    public async Task New_and_replaced_dossier_rows_equal_EF_inserts_and_read_back_equal_to_the_input()
    {
        await using var fast = await CollectorDatabase.CreateAsync(CollectorProvince.Province, null);
        await using var ef = await CollectorDatabase.CreateAsync(CollectorProvince.Province, null);
        var agencies = await AgencyIdsAsync(fast);
        var first = Enumerable.Range(0, 40).Select(i => Dossier(i, agencies, version: 1)).ToList();
        var second = first.Take(25).Select((d, i) => Dossier(i, agencies, version: 2)).ToList();

        await WriteAsync(fast, first, replaces: false);
        await WriteAsync(fast, second, replaces: true);
        var expected = second.Concat(first.Skip(25)).ToList();
        await using (var db = ef.CreateDbContext())
        {
            db.Dossiers.AddRange(expected);
            await db.SaveChangesAsync();
        }

        Assert.Equal(await RawRowsAsync(ef, "Dossiers"), await RawRowsAsync(fast, "Dossiers"));
        await using var read = fast.CreateDbContext();
        var stored = await read.Dossiers.AsNoTracking().ToDictionaryAsync(d => d.Code);
        Assert.Equal(expected.Count, stored.Count);
        foreach (var d in expected)
        {
            AssertAllPropertiesEqual(d, stored[d.Code]);
        }
    }

    [Fact]
    public async Task Rows_whose_columns_turn_null_and_back_within_one_statement_equal_EF_inserts()
    {
        // One prepared statement binds every row of a write, and a NULL bound for one row is not bound again for the next
        // (docs/decisions/027): rows of versions 1, 1, 2, 2, 1, 1, … take each nullable column from NULL to NULL, to a
        // value, to a value and back to NULL, so a parameter left holding the previous row's value would show here.
        await using var fast = await CollectorDatabase.CreateAsync(CollectorProvince.Province, null);
        await using var ef = await CollectorDatabase.CreateAsync(CollectorProvince.Province, null);
        var agencies = await AgencyIdsAsync(fast);
        var rows = Enumerable.Range(0, 40).Select(i => Dossier(i, agencies, version: i / 2 % 2 == 0 ? 1 : 2)).ToList();

        await WriteAsync(fast, rows, replaces: false);
        await using (var db = ef.CreateDbContext())
        {
            db.Dossiers.AddRange(rows);
            await db.SaveChangesAsync();
        }

        Assert.Equal(await RawRowsAsync(ef, "Dossiers"), await RawRowsAsync(fast, "Dossiers"));
    }

    [Fact]
    public async Task New_and_replaced_payment_rows_equal_EF_inserts()
    {
        await using var fast = await CollectorDatabase.CreateAsync(CollectorProvince.Province, null);
        await using var ef = await CollectorDatabase.CreateAsync(CollectorProvince.Province, null);
        Payment P(int i, int v) => new()
        {
            TransactionCode = $"GD-{i:000}", Source = "thanhtoan", DossierCode = $"HS-{i % 7}", Amount = 15000m * v + i,
            Channel = v == 1 ? null : 2, State = v == 1 ? Payment.Failed : Payment.Succeeded,
            PaidAt = v == 1 ? null : new DateTime(2026, 3, 4, 5, 6, 7).AddTicks(1234567 * i), UpdatedAt = new DateTime(2026, 3, v, 10, 0, 0), StoredAt = new DateTime(2026, 11, 23, 8, 0, 0, 500),
        };
        var first = Enumerable.Range(0, 20).Select(i => P(i, 1)).ToList();
        var second = Enumerable.Range(0, 12).Select(i => P(i, 2)).ToList();

        await WriteAsync(fast, first, replaces: false);
        await WriteAsync(fast, second, replaces: true);
        await using (var db = ef.CreateDbContext())
        {
            db.Payments.AddRange(second.Concat(first.Skip(12)));
            await db.SaveChangesAsync();
        }

        Assert.Equal(await RawRowsAsync(ef, "Payments"), await RawRowsAsync(fast, "Payments"));
    }

    [Fact]
    public async Task Counter_upserts_insert_new_cells_and_add_to_stored_ones()
    {
        await using var fast = await CollectorDatabase.CreateAsync(CollectorProvince.Province, null);
        var agency = (await AgencyIdsAsync(fast))[0];
        var delta = new AggregateDelta();
        delta.Cell(agency, "1.0001", 100).Received = 3;
        delta.Cell(agency, "1.0001", 100).ProcessedSeconds = 5_000_000_000;
        delta.Cell(agency, "1.0002", 100).Open = 2;
        delta.AddGap(agency, 100, 101, 1, 0);
        await FlushAsync(fast, delta);

        var more = new AggregateDelta();
        more.Cell(agency, "1.0001", 100).Received = -1;
        more.Cell(agency, "1.0001", 100).ProcessedSeconds = 1;
        more.Cell(agency, "1.0003", 101).Handled = 4;
        more.AddGap(agency, 100, 101, 2, 1);
        await FlushAsync(fast, more);

        await using var db = fast.CreateDbContext();
        var cells = await db.ProcedureBucketStats.AsNoTracking().ToDictionaryAsync(c => (c.ProcedureCode, c.Bucket));
        Assert.Equal(3, cells.Count);
        Assert.Equal((2, 5_000_000_001L), (cells[("1.0001", 100)].Received, cells[("1.0001", 100)].ProcessedSeconds));
        Assert.Equal(2, cells[("1.0002", 100)].Open);
        Assert.Equal(4, cells[("1.0003", 101)].Handled);
        var byAgency = await db.AgencyBucketStats.AsNoTracking().ToDictionaryAsync(c => c.Bucket);
        Assert.Equal((2, 2, 5_000_000_001L), (byAgency[100].Received, byAgency[100].Open, byAgency[100].ProcessedSeconds));
        Assert.Equal(4, byAgency[101].Handled);
        var gap = await db.ResultGapStats.AsNoTracking().SingleAsync();
        Assert.Equal((3, 1), (gap.OnlineWithoutResult, gap.DigitisedWithoutResult));
    }

    [Fact]
    public async Task Aggregates_kept_over_mixed_batches_equal_a_rebuild()
    {
        var province = CollectorProvince.Province;
        await using var database = await CollectorDatabase.CreateAsync(province, null);
        var dossiers = database.Services.GetRequiredService<DossierIngestor>();
        var payments = database.Services.GetRequiredService<PaymentIngestor>();
        static List<IngestRecord> Records<T>(IEnumerable<T> items) => items.Select(i => new IngestRecord(JsonSerializer.SerializeToElement(i))).ToList();

        // Older versions first, in batches; then payments (some before, some after their dossiers); then
        // newer versions with bad records mixed in; then the older versions again (stale and unchanged).
        var earlier = province.EndOfHistory.AddDays(-20);
        var later = province.EndOfHistory.AddDays(4);
        foreach (var batch in province.Dossiers(earlier).Chunk(1500))
        {
            await dossiers.IngestAsync(CollectorDatabase.Dossiers, Records(batch));
        }

        await payments.IngestAsync(CollectorDatabase.Payments, Records(province.Payments(later)));
        var newer = Records(province.Dossiers(later).Cast<object>().Concat(province.BadDossiers().Select(b => b.Item)));
        var report = await dossiers.IngestAsync(CollectorDatabase.Dossiers, newer);
        Assert.True(report.Count(RecordOutcome.Stored) > 0);
        Assert.True(report.Count(RecordOutcome.Unchanged) > 0);
        Assert.True(report.Count(RecordOutcome.Quarantined) > 0);
        var again = await dossiers.IngestAsync(CollectorDatabase.Dossiers, Records(province.Dossiers(earlier)));
        Assert.True(again.Count(RecordOutcome.Stale) > 0);

        var kept = await NonZeroAggregatesAsync(database);
        await database.Services.GetRequiredService<AggregateMaintenance>().RebuildAsync();
        var rebuilt = await NonZeroAggregatesAsync(database);
        Assert.True(rebuilt.Count > 1000);
        Assert.Equal(rebuilt, kept);
    }

    /// <summary>Cells that cancelled out to zero stay as zero rows after incremental updates; a rebuild has none.</summary>
    private static async Task<List<string>> NonZeroAggregatesAsync(CollectorDatabase database)
    {
        await using var db = database.CreateDbContext();
        var rows = new List<string>();
        rows.AddRange((await db.AgencyBucketStats.AsNoTracking().ToListAsync()).Where(r => !r.IsZero).Select(r => "A" + JsonSerializer.Serialize(r)));
        rows.AddRange((await db.ProcedureBucketStats.AsNoTracking().ToListAsync()).Where(r => !r.IsZero).Select(r => "P" + JsonSerializer.Serialize(r)));
        rows.AddRange((await db.ResultGapStats.AsNoTracking().ToListAsync()).Where(r => r.OnlineWithoutResult != 0 || r.DigitisedWithoutResult != 0)
            .Select(r => "R" + JsonSerializer.Serialize(r)));
        rows.Sort(StringComparer.Ordinal);
        return rows;
    }

    private static async Task<List<int>> AgencyIdsAsync(CollectorDatabase database)
    {
        await using var db = database.CreateDbContext();
        return await db.Agencies.OrderBy(a => a.Id).Select(a => a.Id).Take(3).ToListAsync();
    }

    private static async Task WriteAsync<T>(CollectorDatabase database, List<T> rows, bool replaces) where T : class
    {
        await using var db = database.CreateDbContext();
        await using var tx = await db.Database.BeginTransactionAsync();
        new RowCommands<T>(db, tx.GetDbTransaction()).Write(rows, _ => replaces);
        await tx.CommitAsync();
    }

    private static async Task FlushAsync(CollectorDatabase database, AggregateDelta delta)
    {
        await using var db = database.CreateDbContext();
        await using var tx = await db.Database.BeginTransactionAsync();
        AggregateWriter.Flush(db, tx.GetDbTransaction(), delta);
        await tx.CommitAsync();
    }

    /// <summary>Every row as "column=storage class:value" text, ordered by rowid-independent content.</summary>
    private static async Task<List<string>> RawRowsAsync(CollectorDatabase database, string table)
    {
        await using var db = database.CreateDbContext();
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT * FROM \"{table}\"";
        var rows = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            rows.Add(string.Join("|", Enumerable.Range(0, reader.FieldCount).Select(i => $"{reader.GetName(i)}={Typed(reader, i)}")));
        }

        rows.Sort(StringComparer.Ordinal);
        return rows;
    }

    private static string Typed(DbDataReader reader, int i) => reader.IsDBNull(i) ? "null" : reader.GetFieldType(i).Name + ":" + Convert.ToString(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture);

    private static void AssertAllPropertiesEqual(Dossier expected, Dossier actual)
    {
        foreach (var property in typeof(Dossier).GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            Assert.True(Equals(property.GetValue(expected), property.GetValue(actual)),
                $"{expected.Code}.{property.Name}: expected {property.GetValue(expected)}, stored {property.GetValue(actual)}");
        }
    }

    /// <summary>A dossier with every column set (nulls, text that needs escaping, fractional seconds); version 2 changes every non-key column.</summary>
    private static Dossier Dossier(int i, List<int> agencies, int version)
    {
        var v1 = version == 1;
        var at = new DateTime(2026, 1 + i % 12, 1 + i % 28, 7, 30, 15).AddTicks(v1 ? 0 : 1_234_567 + i);
        return new Dossier
        {
            Source = "motcua",
            Code = $"HS-{i:000}",
            ProcedureCode = v1 ? "1.0001" : "2.0002",
            ProcedureName = v1 ? "Đăng ký khai sinh \"có dấu\" \\ và dòng\nmới 😀" : null,
            FieldCode = v1 ? null : i % 3 == 0 ? "" : "HT", // empty text stays text, not NULL
            FieldName = v1 ? "Hộ tịch" : "Lý lịch tư pháp\t",
            AgencyCode = v1 ? "000.00.01.H98" : "000.00.02.H98",
            AgencyId = agencies[(i + version) % agencies.Count],
            Channel = v1 ? 1 : 2,
            Status = v1 ? 2 : 10,
            SubmittedAt = v1 ? null : at.AddDays(-1),
            ReceivedAt = at,
            PromisedAt = v1 ? at.AddDays(10) : null,
            HandlingEndedAt = v1 ? null : at.AddDays(3),
            ReturnedAt = v1 ? null : at.AddDays(4),
            RefusedAt = v1 ? at.AddHours(1) : null,
            UpdatedAt = at.AddDays(version),
            OnlinePayment = version,
            VneIdVerified = !v1,
            SyncedToDvcqg = v1 ? null : 1,
            Satisfaction = v1 ? 2 : null,
            Complaint = v1,
            // Longer than the binder's stack buffer (a pooled one then) on every other row.
            ListsJson = v1 ? "{}" : i % 2 == 0 ? "{\"fees\":[" + string.Join(",", Enumerable.Repeat("{\"name\":\"Lệ phí hộ tịch\",\"amount\":50000}", 60)) + "]}"
                : "{\"fees\":[{\"name\":\"Lệ phí\",\"amount\":50000}]}",
            Counted = !v1,
            ReceivedDay = v1 ? null : DateOnly.FromDateTime(at).DayNumber,
            EndDay = v1 ? 739_000 + i : null,
            PromisedDay = v1 ? null : 739_010,
            OriginalPromisedDay = v1 ? 739_011 : null,
            SupplementCount = version * 2,
            SupplementRequestedDay = v1 ? null : 739_005,
            SupplementSuppliedDay = v1 ? 739_006 : null,
            RefusedDay = v1 ? null : 739_001,
            Handling = v1 ? HandlingClass.NotFinished : HandlingClass.Late,
            OnTime766 = !v1,
            ElectronicResult = v1,
            ResultExpected = !v1,
            Digitised = v1,
            Reused = !v1,
            FromNationalStore = v1,
            FeeLine = !v1,
            FeeBearing = v1,
            PaidOnline = !v1,
            PaidByPaymentFeed = v1,
            ProcedureKnown = !v1,
            PromisedEstimated = v1,
            PromisedUnknown = !v1,
            StoredAt = new DateTime(2026, 11, 23, 8, 0, 0).AddMilliseconds(version),
        };
    }
}

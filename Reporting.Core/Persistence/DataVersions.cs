using Microsoft.EntityFrameworkCore;
using Reporting.Core.Aggregates;

namespace Reporting.Core.Persistence;

/// <summary>The versions of the state row: <see cref="Data"/> for every figure, <see cref="Reference"/> for tree, catalogue and calendar.</summary>
public readonly record struct DataStamp(long Data, long Reference)
{
    public override string ToString() => $"{Data}.{Reference}";
}

/// <summary>
/// The data versions every cache is keyed by (ADR 006), read from the database's state row at most
/// once per <see cref="MaxAge"/> per process, so a change committed by another node is seen within
/// that time. A writer of this process calls <see cref="Expire"/> after it commits, so this node
/// sees its own changes at once.
/// </summary>
public sealed class DataVersions(IDbContextFactory<ReportingDbContext> dbFactory, TimeProvider clock)
{
    /// <summary>How long a reading of the state row is trusted.</summary>
    public static readonly TimeSpan MaxAge = TimeSpan.FromSeconds(1);

    private sealed record Reading(Task<DataStamp> Stamp, DateTimeOffset StartedAt, int Generation);

    private Reading? _reading;
    private int _generation;

    public async Task<DataStamp> GetAsync(CancellationToken ct = default)
    {
        var generation = Volatile.Read(ref _generation);
        var reading = Volatile.Read(ref _reading);
        var now = clock.GetUtcNow();
        var age = reading is null ? MaxAge : now - reading.StartedAt;
        if (reading is null || reading.Generation != generation || reading.Stamp.IsFaulted || reading.Stamp.IsCanceled
            || age >= MaxAge || age < TimeSpan.Zero)
        {
            // Shared by concurrent callers and not cancelled by one of them leaving. A reading started
            // before an Expire is never reused after it: its generation is older.
            var fresh = new Reading(Task.Run(() => ReadFreshAsync(CancellationToken.None), CancellationToken.None), now, generation);
            Interlocked.CompareExchange(ref _reading, fresh, reading);
            reading = fresh;
        }

        return await reading.Stamp.WaitAsync(ct);
    }

    /// <summary>This process committed a change: the next <see cref="GetAsync"/> reads the row again.</summary>
    public void Expire() => Interlocked.Increment(ref _generation);

    /// <summary>
    /// For a writer outside ingest and the imports (seeding, manual values, targets): bumps the versions
    /// in <paramref name="db"/>'s current transaction, which should hold the change; the caller calls
    /// <see cref="Expire"/> after committing. Does nothing before the state row exists.
    /// </summary>
    public static Task BumpAsync(ReportingDbContext db, bool reference, CancellationToken ct) =>
        db.AggregateStates.Where(s => s.Id == 1).ExecuteUpdateAsync(s => s
            .SetProperty(x => x.DataVersion, x => x.DataVersion + 1)
            .SetProperty(x => x.ReferenceVersion, x => reference ? x.ReferenceVersion + 1 : x.ReferenceVersion), ct);

    /// <summary>The versions as <paramref name="db"/> sees them (inside its transaction, when it has one).</summary>
    public static async Task<DataStamp> ReadAsync(ReportingDbContext db, CancellationToken ct)
    {
        var row = await db.AggregateStates.AsNoTracking().Where(s => s.Id == 1)
            .Select(s => new { s.DataVersion, s.ReferenceVersion }).FirstOrDefaultAsync(ct);
        return row is null ? default : new DataStamp(row.DataVersion, row.ReferenceVersion);
    }

    private async Task<DataStamp> ReadFreshAsync(CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await ReadAsync(db, ct);
    }
}

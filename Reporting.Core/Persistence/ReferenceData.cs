using Microsoft.EntityFrameworkCore;
using Reporting.Core.Agencies;
using Reporting.Core.Calendar;
using Reporting.Core.Procedures;

namespace Reporting.Core.Persistence;

/// <summary>
/// The small, rarely changing data every rule needs: tree, catalogue, working calendar, as they were
/// at <see cref="Version"/> (the state row's reference version).
/// </summary>
public sealed record ReferenceSnapshot(
    AgencyTree Tree,
    IReadOnlyDictionary<string, Procedure> Procedures,
    WorkingCalendar Calendar)
{
    public long Version { get; init; }
}

/// <summary>
/// The reference snapshot for the whole process, keyed by the reference version of the state row
/// (ADR 006). Writers of agencies, procedures or the calendar bump that version in their own
/// transaction, so there is nothing to invalidate: a snapshot is replaced only by one of a newer
/// version, and a load that started before a change can never publish over it. Writers that derive
/// facts (ingest, re-derivation) take the snapshot of their own transaction with
/// <see cref="GetAsync(ReportingDbContext, CancellationToken)"/>.
/// </summary>
public sealed class ReferenceData(IDbContextFactory<ReportingDbContext> dbFactory, DataVersions versions)
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private ReferenceSnapshot? _snapshot;

    /// <summary>The snapshot of the current reference version (as read at most a second ago, ADR 006).</summary>
    public async Task<ReferenceSnapshot> GetAsync(CancellationToken ct = default)
    {
        var wanted = (await versions.GetAsync(ct)).Reference;
        if (Volatile.Read(ref _snapshot) is { } snapshot && snapshot.Version >= wanted)
        {
            return snapshot;
        }

        await _gate.WaitAsync(ct);
        try
        {
            if (Volatile.Read(ref _snapshot) is { } loaded && loaded.Version >= wanted)
            {
                return loaded;
            }

            await using var db = await dbFactory.CreateDbContextAsync(ct);
            return Publish(await LoadConsistentAsync(db, ct));
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>
    /// The snapshot <paramref name="db"/> sees inside its write transaction, which holds the state
    /// row's lock (see <c>AggregateWriter.EnsureStateAsync</c>): facts derived from it are derived
    /// from the reference data of the transaction that stores them.
    /// </summary>
    public async Task<ReferenceSnapshot> GetAsync(ReportingDbContext db, CancellationToken ct)
    {
        var version = (await DataVersions.ReadAsync(db, ct)).Reference;
        if (Volatile.Read(ref _snapshot) is { } snapshot && snapshot.Version == version)
        {
            return snapshot;
        }

        var loaded = await LoadAsync(db, version, ct);
        Publish(loaded);
        return loaded;
    }

    /// <summary>
    /// The reference data <paramref name="db"/> sees, not published: for a writer whose own
    /// uncommitted transaction changed it.
    /// </summary>
    public static async Task<ReferenceSnapshot> ReadAsync(ReportingDbContext db, CancellationToken ct) =>
        await LoadAsync(db, (await DataVersions.ReadAsync(db, ct)).Reference, ct);

    /// <summary>This process changed reference data: the next read checks the version at once.</summary>
    public void Invalidate() => versions.Expire();

    /// <summary>
    /// Outside a write transaction, the tables are read between two reads of the version and kept only
    /// when both agree: every writer bumps the version in the transaction of its change, so an equal
    /// version means no change committed in between (a sequence lock; works under read committed).
    /// </summary>
    private static async Task<ReferenceSnapshot> LoadConsistentAsync(ReportingDbContext db, CancellationToken ct)
    {
        while (true)
        {
            var before = (await DataVersions.ReadAsync(db, ct)).Reference;
            var snapshot = await LoadAsync(db, before, ct);
            if ((await DataVersions.ReadAsync(db, ct)).Reference == before)
            {
                return snapshot;
            }
        }
    }

    private static async Task<ReferenceSnapshot> LoadAsync(ReportingDbContext db, long version, CancellationToken ct)
    {
        var agencies = await db.Agencies.AsNoTracking().ToListAsync(ct);
        var successions = await db.AgencySuccessions.AsNoTracking().ToListAsync(ct);
        var procedures = await db.Procedures.AsNoTracking().ToDictionaryAsync(p => p.Code, StringComparer.OrdinalIgnoreCase, ct);
        var days = await db.CalendarDays.AsNoTracking().ToListAsync(ct);
        return new ReferenceSnapshot(new AgencyTree(agencies, successions), procedures, new WorkingCalendar(days)) { Version = version };
    }

    /// <summary>Keeps the newer of the published snapshot and <paramref name="loaded"/>; returns <paramref name="loaded"/>.</summary>
    private ReferenceSnapshot Publish(ReferenceSnapshot loaded)
    {
        while (true)
        {
            var current = Volatile.Read(ref _snapshot);
            if (current is not null && current.Version >= loaded.Version)
            {
                return current.Version == loaded.Version ? current : loaded;
            }

            if (Interlocked.CompareExchange(ref _snapshot, loaded, current) == current)
            {
                return loaded;
            }
        }
    }
}

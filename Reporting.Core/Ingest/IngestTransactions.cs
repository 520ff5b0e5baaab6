using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Reporting.Core.Aggregates;
using Reporting.Core.Periods;
using Reporting.Core.Persistence;

namespace Reporting.Core.Ingest;

/// <summary>One ingest's open write transaction: its context, the state row it locked, and the local time of the batch.</summary>
internal sealed record IngestUnit(ReportingDbContext Db, DbTransaction Transaction, AggregateState State, DateTime Now);

/// <summary>
/// The write transaction of every ingest (dossiers and payments), written once: the writer gate, BEGIN,
/// the aggregate state row locked first and its horizon kept (ADR 006), the body, the data version bumped
/// when something was stored, commit; after the commit the caches expired and the change published.
/// </summary>
public sealed class IngestTransactions(
    IDbContextFactory<ReportingDbContext> dbFactory,
    IngestGate gate,
    DataVersions versions,
    DataChangeNotifier notifier,
    TimeProvider clock)
{
    /// <summary>The local (Asia/Ho_Chi_Minh) time a batch is stamped with.</summary>
    public DateTime LocalNow() => VietnamTime.ToLocal(clock.GetUtcNow());

    /// <summary>Runs <paramref name="body"/> (which returns how many records it stored) in one transaction and publishes what it stored.</summary>
    internal async Task<int> RunAsync(string source, string kind, DateTime now, Func<IngestUnit, CancellationToken, Task<int>> body, CancellationToken ct)
    {
        int stored;
        long version;
        await gate.Lock.WaitAsync(ct);
        try
        {
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            var dbTx = tx.GetDbTransaction();
            var state = await AggregateWriter.EnsureStateAsync(db, dbTx, DateOnly.FromDateTime(now), ct);
            stored = await body(new IngestUnit(db, dbTx, state, now), ct);
            if (stored > 0)
            {
                AggregateWriter.Bump(state, now);
            }

            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
            version = state.DataVersion;
        }
        finally
        {
            gate.Lock.Release();
        }

        if (stored > 0)
        {
            versions.Expire();
            notifier.Publish(new DataChange(source, kind, stored, version, clock.GetUtcNow()));
        }

        return stored;
    }
}

/// <summary>Rules every ingest shares: which version wins, and how many keys one look-up sends.</summary>
public static class IngestRules
{
    /// <summary>Keys per <c>IN (…)</c> look-up of stored versions, payments and quarantined records.</summary>
    public const int KeyChunk = 5000;

    /// <summary>The newest version by NgayCapNhat wins; an equal one is unchanged, an older one stale (feeds.md).</summary>
    public static RecordOutcome Compare(DateTime incoming, DateTime stored) =>
        incoming < stored ? RecordOutcome.Stale
        : incoming == stored ? RecordOutcome.Unchanged
        : RecordOutcome.Stored;
}

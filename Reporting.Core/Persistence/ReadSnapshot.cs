using System.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Reporting.Core.Persistence;

/// <summary>
/// A read transaction whose statements all see one committed state of the database, without taking a
/// lock that writers or other readers wait for (docs/decisions/029). Used where one answer
/// is read with several statements (flows, open counts, activity), so that a commit landing between
/// them cannot mix two versions of the figures in one answer.
/// </summary>
public sealed class ReadSnapshot : IAsyncDisposable
{
    private readonly IDbContextTransaction _transaction;
    private readonly SqliteTransaction? _owned;

    /// <param name="owned">A transaction handed to EF Core with UseTransaction stays ours to dispose.</param>
    private ReadSnapshot(IDbContextTransaction transaction, SqliteTransaction? owned)
    {
        _transaction = transaction;
        _owned = owned;
    }

    public static async Task<ReadSnapshot> BeginAsync(ReportingDbContext db, CancellationToken ct)
    {
        if (db.Database.IsSqlServer())
        {
            // READ COMMITTED (the default) takes each statement's own view; SNAPSHOT gives the transaction one
            // view from row versions and takes no shared locks. Needs ALLOW_SNAPSHOT_ISOLATION (migration ReadSnapshots).
            return new ReadSnapshot(await db.Database.BeginTransactionAsync(IsolationLevel.Snapshot, ct), null);
        }

        // Microsoft.Data.Sqlite begins IMMEDIATE unless told otherwise: that is the write lock, so a reader would
        // wait behind an ingest or a rebuild (up to the 30 s busy timeout, then fail) and readers would queue behind
        // each other. A deferred transaction takes no lock; in WAL mode its snapshot is fixed by its first read.
        await db.Database.OpenConnectionAsync(ct);
        var transaction = ((SqliteConnection)db.Database.GetDbConnection()).BeginTransaction(deferred: true);
        var used = await db.Database.UseTransactionAsync(transaction, ct)
            ?? throw new InvalidOperationException("EF Core did not take the read transaction.");
        return new ReadSnapshot(used, transaction);
    }

    public async ValueTask DisposeAsync()
    {
        // Read only: ending it is a rollback, which releases the snapshot.
        await _transaction.DisposeAsync();
        if (_owned is not null)
        {
            await _owned.DisposeAsync();
        }
    }
}

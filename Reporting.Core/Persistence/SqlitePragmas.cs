using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Reporting.Core.Persistence;

/// <summary>
/// WAL lets dashboards read while a collector writes; synchronous=NORMAL is durable across process
/// crashes in WAL mode and keeps bulk ingest fast; a 64 MiB page cache keeps random-key index
/// inserts from re-reading pages (the default is 2 MiB). The WAL is checkpointed when it passes 16,384 pages
/// (64 MiB) instead of SQLite's 1,000: a batch of 5,000 dossiers writes 1,400–2,900 pages, so with the default every
/// commit copied its pages into the database file, and the index leaves that the next batches rewrite were copied
/// again each time; now a checkpoint copies each page once for several batches (docs/decisions/023).
/// </summary>
internal sealed class SqlitePragmas : DbConnectionInterceptor
{
    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Apply(connection);

    public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Apply(connection);
        return Task.CompletedTask;
    }

    private static void Apply(DbConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA busy_timeout=30000; PRAGMA cache_size=-65536; PRAGMA temp_store=MEMORY; PRAGMA wal_autocheckpoint=16384;";
        command.ExecuteNonQuery();
    }
}

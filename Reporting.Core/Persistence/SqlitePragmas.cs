using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Reporting.Core.Persistence;

/// <summary>
/// WAL lets dashboards read while a collector writes; synchronous=NORMAL is durable across process
/// crashes in WAL mode and keeps bulk ingest fast; a 64 MiB page cache keeps random-key index
/// inserts from re-reading pages (the default is 2 MiB).
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
        command.CommandText = "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA busy_timeout=30000; PRAGMA cache_size=-65536; PRAGMA temp_store=MEMORY;";
        command.ExecuteNonQuery();
    }
}

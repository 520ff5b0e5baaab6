using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Reporting.Core.Persistence;

namespace Reporting.Tests.Imports;

/// <summary>A real SQLite file with the schema of the model (no migrations yet), deleted on dispose.</summary>
public sealed class ImportTestDatabase : IDbContextFactory<ReportingDbContext>, IDisposable
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), $"reporting-imports-{Guid.NewGuid():N}.db");
    private readonly DbContextOptions<SqliteReportingDbContext> _options;

    public ImportTestDatabase()
    {
        _options = new DbContextOptionsBuilder<SqliteReportingDbContext>().UseSqlite($"Data Source={_path}").Options;
        using var db = new SqliteReportingDbContext(_options);
        db.Database.EnsureCreated();
        Versions = new DataVersions(this, TimeProvider.System);
        ReferenceData = new ReferenceData(this, Versions);
    }

    public DataVersions Versions { get; }

    public ReferenceData ReferenceData { get; }

    public Reporting.Core.Ingest.IngestGate Gate { get; } = new();

    public ReportingDbContext CreateDbContext() => new SqliteReportingDbContext(_options);

    /// <summary>The quarantine re-processing a tree import runs after its commit, on this database.</summary>
    public Reporting.Core.Ingest.QuarantineReprocessor Reprocessor(TimeProvider clock)
    {
        var transactions = new Reporting.Core.Ingest.IngestTransactions(this, Gate, Versions, new Reporting.Core.Ingest.DataChangeNotifier(), clock);
        var dossiers = new Reporting.Core.Ingest.DossierIngestor(transactions, ReferenceData,
            Microsoft.Extensions.Logging.Abstractions.NullLogger<Reporting.Core.Ingest.DossierIngestor>.Instance);
        var payments = new Reporting.Core.Ingest.PaymentIngestor(transactions,
            Microsoft.Extensions.Logging.Abstractions.NullLogger<Reporting.Core.Ingest.PaymentIngestor>.Instance);
        return new Reporting.Core.Ingest.QuarantineReprocessor(this, dossiers, payments, ReferenceData, clock,
            Microsoft.Extensions.Logging.Abstractions.NullLogger<Reporting.Core.Ingest.QuarantineReprocessor>.Instance);
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        File.Delete(_path);
    }
}

/// <summary>A clock stopped at a local Asia/Ho_Chi_Minh time.</summary>
public sealed class FixedClock(DateTime local) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => new DateTimeOffset(local, TimeSpan.FromHours(7)).ToUniversalTime();
}

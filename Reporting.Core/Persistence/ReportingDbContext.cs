using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Reporting.Core.Access;
using Reporting.Core.Agencies;
using Reporting.Core.Aggregates;
using Reporting.Core.Audit;
using Reporting.Core.Calendar;
using Reporting.Core.Collectors;
using Reporting.Core.Dossiers;
using Reporting.Core.Indicators;
using Reporting.Core.Ingest;
using Reporting.Core.Procedures;
using Reporting.Core.Reports.Workflow;

namespace Reporting.Core.Persistence;

/// <summary>
/// The reporting database. Each provider has a thin subclass carrying its own migration set
/// (docs/decisions/001-two-migration-sets.md); services depend on this base type. The accounts of
/// ASP.NET Core Identity live here too (docs/decisions/007-accounts-on-the-reporting-database.md), and so does the
/// Data Protection key ring (docs/decisions/009-collector-source-keys-encrypted.md), so every node shares both.
/// </summary>
public abstract class ReportingDbContext(DbContextOptions options) : IdentityDbContext<AppUser, IdentityRole, string>(options), IDataProtectionKeyContext
{
    public DbSet<Agency> Agencies => Set<Agency>();
    public DbSet<AgencySuccession> AgencySuccessions => Set<AgencySuccession>();
    public DbSet<Procedure> Procedures => Set<Procedure>();
    public DbSet<Dossier> Dossiers => Set<Dossier>();
    public DbSet<Payment> Payments => Set<Payment>();
    public DbSet<QuarantinedRecord> Quarantine => Set<QuarantinedRecord>();
    public DbSet<AgencyBucketStat> AgencyBucketStats => Set<AgencyBucketStat>();
    public DbSet<ProcedureBucketStat> ProcedureBucketStats => Set<ProcedureBucketStat>();
    public DbSet<ResultGapStat> ResultGapStats => Set<ResultGapStat>();
    public DbSet<ProcedureYearActivity> ProcedureYearActivities => Set<ProcedureYearActivity>();
    public DbSet<AggregateState> AggregateStates => Set<AggregateState>();
    public DbSet<Target> Targets => Set<Target>();
    public DbSet<RatingBand> RatingBands => Set<RatingBand>();
    public DbSet<ManualIndicatorValue> ManualIndicatorValues => Set<ManualIndicatorValue>();
    public DbSet<CalendarDay> CalendarDays => Set<CalendarDay>();
    public DbSet<Setting> Settings => Set<Setting>();
    public DbSet<CollectorSource> CollectorSources => Set<CollectorSource>();
    public DbSet<CollectorWatermark> CollectorWatermarks => Set<CollectorWatermark>();
    public DbSet<CollectorRun> CollectorRuns => Set<CollectorRun>();
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();
    public DbSet<ReportRegime> ReportRegimes => Set<ReportRegime>();
    public DbSet<ReportInstance> ReportInstances => Set<ReportInstance>();
    public DbSet<ReportVersion> ReportVersions => Set<ReportVersion>();
    public DbSet<ReportTransition> ReportTransitions => Set<ReportTransition>();
    public DbSet<StoredApiKey> ApiKeys => Set<StoredApiKey>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<National.NationalSubmission> NationalSubmissions => Set<National.NationalSubmission>();
    public DbSet<National.NationalSubmissionAttempt> NationalSubmissionAttempts => Set<National.NationalSubmissionAttempt>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(ReportingDbContext).Assembly);

        // Only the dossiers derived while their procedure was unknown: an ingest of known procedures writes no entry into
        // this index (docs/decisions/023). Each provider's filter in its own words: SQLite uses a partial index only for a
        // query whose filter contains the index's term as written (EF writes NOT "ProcedureKnown"), and a SQL Server
        // filtered index takes only a column compared with a constant.
        modelBuilder.Entity<Dossier>().HasIndex(d => new { d.ProcedureKnown, d.ProcedureCode })
            .HasFilter(Database.IsSqlServer() ? "[ProcedureKnown] = 0" : "NOT \"ProcedureKnown\"");
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        GuardAuditLog();
        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        GuardAuditLog();
        return base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }

    /// <summary>The audit log is append-only: no code path may change or remove a line.</summary>
    private void GuardAuditLog()
    {
        if (ChangeTracker.Entries<AuditEntry>().Any(e => e.State is EntityState.Modified or EntityState.Deleted))
        {
            throw new InvalidOperationException("Nhật ký kiểm toán chỉ được ghi thêm, không được sửa hay xóa.");
        }
    }
}

public sealed class SqliteReportingDbContext(DbContextOptions<SqliteReportingDbContext> options) : ReportingDbContext(options);

public sealed class SqlServerReportingDbContext(DbContextOptions<SqlServerReportingDbContext> options) : ReportingDbContext(options);

using System.Collections.Concurrent;
using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Storage;
using Reporting.Core.Agencies;
using Reporting.Core.Aggregates;
using Reporting.Core.Calendar;
using Reporting.Core.Dossiers;
using Reporting.Core.Indicators;
using Reporting.Core.Persistence;
using Reporting.Core.Procedures;
using Reporting.Core.Reports;
using Reporting.Core.Reports.Bieu06;

namespace Reporting.Tests.Reports;

/// <summary>
/// A SQLite file with the schema created by EnsureCreated (tests only), an agency tree, a procedure
/// catalogue and dossiers run through DossierFacts, DossierContribution and AggregateWriter, so the
/// aggregate tables hold what ingest would have written.
/// </summary>
internal sealed class Bieu06Database : IDbContextFactory<ReportingDbContext>, IDisposable
{
    public static readonly DateTimeOffset Now = new(2026, 1, 10, 9, 0, 0, TimeSpan.FromHours(7));

    private readonly string _path = Path.Combine(Path.GetTempPath(), $"bieu06-{Guid.NewGuid():N}.db");
    private readonly DbContextOptions<SqliteReportingDbContext> _options;

    public Bieu06Database()
    {
        _options = new DbContextOptionsBuilder<SqliteReportingDbContext>()
            .UseSqlite($"Data Source={_path}")
            .AddInterceptors(Commands)
            .Options;
        using var db = CreateDbContext();
        db.Database.EnsureCreated();
    }

    public CommandLog Commands { get; } = new();

    public List<Dossier> Dossiers { get; } = [];

    public Dictionary<string, Procedure> Catalogue { get; } = new(StringComparer.OrdinalIgnoreCase);

    public ReportingDbContext CreateDbContext() => new SqliteReportingDbContext(_options);

    public Bieu06Calculator Calculator() => new(this, new ReferenceData(this, new DataVersions(this, TimeProvider.System)), new FixedClock(Now));

    public void AddTree(IEnumerable<Agency> agencies, IEnumerable<AgencySuccession> successions)
    {
        using var db = CreateDbContext();
        db.Agencies.AddRange(agencies);
        db.SaveChanges();
        db.AgencySuccessions.AddRange(successions);
        db.SaveChanges();
    }

    public void AddProcedures(IEnumerable<Procedure> procedures)
    {
        using var db = CreateDbContext();
        foreach (var p in procedures)
        {
            Catalogue[p.Code] = p;
            db.Procedures.Add(p);
        }

        db.SaveChanges();
    }

    public void SetSetting(string key, string value)
    {
        using var db = CreateDbContext();
        db.Settings.Add(new Setting { Key = key, Value = value });
        db.SaveChanges();
    }

    /// <summary>Derives the dossiers' facts, stores them and writes their aggregate contribution.</summary>
    public void AddDossiers(IEnumerable<Dossier> dossiers)
    {
        var list = dossiers.ToList();
        var horizon = AggregateWriter.RequiredHorizon(DateOnly.FromDateTime(Now.DateTime));
        var delta = new AggregateDelta();
        foreach (var d in list)
        {
            DossierFacts.Apply(d, new DossierLists(), Catalogue.GetValueOrDefault(d.ProcedureCode), WorkingCalendar.Empty);
            DossierContribution.Apply(d, 1, horizon, delta);
        }

        using var db = CreateDbContext();
        db.Dossiers.AddRange(list);
        db.SaveChanges();
        using var tx = db.Database.BeginTransaction();
        AggregateWriter.Flush(db, tx.GetDbTransaction(), delta);
        tx.Commit();
        Dossiers.AddRange(list);
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        foreach (var suffix in new[] { "", "-wal", "-shm" })
        {
            File.Delete(_path + suffix);
        }
    }

    /// <summary>The SQL the calculator sends, to check it reads only the aggregate and reference tables.</summary>
    internal sealed class CommandLog : DbCommandInterceptor
    {
        public ConcurrentQueue<string> Texts { get; } = new();

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
            DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            Texts.Enqueue(command.CommandText);
            return base.ReaderExecutingAsync(command, eventData, result, cancellationToken);
        }

        public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
        {
            Texts.Enqueue(command.CommandText);
            return base.ReaderExecuting(command, eventData, result);
        }
    }
}

internal sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now.ToUniversalTime();
}

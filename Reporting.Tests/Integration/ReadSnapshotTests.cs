using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Reporting.Core.Aggregates;
using Reporting.Core.Indicators;
using Reporting.Core.Periods;
using Reporting.Core.Persistence;

namespace Reporting.Tests.Integration;

/// <summary>
/// An indicator answer is read with several statements on two connections; every part of it must be of one
/// data version, and reading must not wait for writers (ADR 029).
/// </summary>
public sealed class ReadSnapshotTests
{
    private static readonly DateWindow Year2026 = PeriodKey.OfYear(2026).Window(WindowKind.Calendar);

    [Fact]
    public async Task AReaderDoesNotWaitForAWriteInProgressAndSeesTheLastCommittedFigures()
    {
        await using var factory = await DemoAsync();
        var indicators = factory.Services.GetRequiredService<IndicatorService>();
        async Task<int> Received() => (await indicators.GetAsync(new IndicatorQuery(null, PeriodKey.OfYear(2026)))).Figures.InWindow.Received;
        var before = await Received();

        // A writer holds the write lock (EF begins IMMEDIATE on SQLite) with an uncommitted change. A reader that
        // took the write lock itself would wait out the busy timeout and fail with "database is locked".
        await using var writer = factory.CreateDbContext();
        await using var write = await writer.Database.BeginTransactionAsync();
        await writer.Database.ExecuteSqlRawAsync("UPDATE AgencyBucketStats SET Received = Received + 1");
        await writer.Database.ExecuteSqlRawAsync("UPDATE AggregateState SET DataVersion = DataVersion + 1");

        Assert.Equal(before, await Received());

        await write.CommitAsync();
        Assert.True(await Received() > before, "After the commit the reader sees the change.");
    }

    [Fact]
    public async Task ActivityCommittedBetweenTheTwoReadsIsNotMixedIntoTheAnswer()
    {
        await using var factory = await DemoAsync();
        var connectionString = factory.CreateDbContext().Database.GetConnectionString()!;
        static int Online(IReadOnlyList<Dictionary<int, WindowFigures>> figures) => figures[0].Values.Sum(f => f.ProceduresWithOnline.Count);

        var plain = new Contexts(connectionString, interceptSecond: null);
        var before = Online(await AggregateReader.ReadByAgencyAsync(plain, [Year2026], new ActivityCache(), CancellationToken.None));
        Assert.True(before > 0, "The demo has procedures with online dossiers.");

        // The activity is read on a second connection; just before its first statement, another writer commits a new
        // data version in which no procedure has online dossiers. The answer's flows were read at the old version, so
        // its activity must be the old version's too.
        var cache = new ActivityCache();
        var racing = new Contexts(connectionString, interceptSecond: new CommitFirst(connectionString,
            "UPDATE ProcedureYearActivity SET OnlineBuckets = 0; UPDATE AggregateState SET DataVersion = DataVersion + 1;"));
        var answer = await AggregateReader.ReadByAgencyAsync(racing, [Year2026], cache, CancellationToken.None);
        Assert.Equal(2, racing.Created);
        Assert.Equal(before, Online(answer));

        // What the cache kept is keyed by the version it was read at: the next answer is the new version's, whole.
        Assert.Equal(0, Online(await AggregateReader.ReadByAgencyAsync(plain, [Year2026], cache, CancellationToken.None)));
    }

    private static async Task<DemoFactory> DemoAsync()
    {
        var factory = new DemoFactory();
        _ = factory.Server;
        await factory.Services.GetRequiredService<Reporting.Demo.Seeding.DemoSeedingState>().Completion.WaitAsync(TimeSpan.FromMinutes(2));
        return factory;
    }

    /// <summary>Contexts on the test's database; the second one created gets <c>interceptSecond</c>.</summary>
    private sealed class Contexts(string connectionString, IInterceptor? interceptSecond) : IDbContextFactory<ReportingDbContext>
    {
        private int _created;

        public int Created => _created;

        public ReportingDbContext CreateDbContext()
        {
            var options = new DbContextOptionsBuilder<SqliteReportingDbContext>().UseSqlite(connectionString);
            if (Interlocked.Increment(ref _created) == 2 && interceptSecond is not null)
            {
                options.AddInterceptors(interceptSecond);
            }

            return new SqliteReportingDbContext(options.Options);
        }
    }

    /// <summary>Commits <c>sql</c> on its own connection before the first command it sees runs.</summary>
    private sealed class CommitFirst(string connectionString, string sql) : DbCommandInterceptor
    {
        private int _done;

        public override async ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
            DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            if (Interlocked.Exchange(ref _done, 1) == 0)
            {
                await using var connection = new Microsoft.Data.Sqlite.SqliteConnection(connectionString);
                await connection.OpenAsync(cancellationToken);
                await using var change = connection.CreateCommand();
                change.CommandText = sql;
                await change.ExecuteNonQueryAsync(cancellationToken);
            }

            return result;
        }
    }

    private sealed class DemoFactory : ReportingAppFactory
    {
        protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
        {
            ["Demo:Enabled"] = "true",
            ["Demo:DossierCount"] = "5000",
            ["Demo:EndDate"] = "2026-11-20",
        };
    }
}

using System.Text.Json;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Reporting.Collectors;
using Reporting.Core;
using Reporting.Core.Agencies;
using Reporting.Core.Collectors;
using Reporting.Core.Persistence;
using Reporting.Core.Procedures;
using Reporting.Demo.Province;

namespace Reporting.Tests.Collectors;

/// <summary>
/// A fresh SQLite database with the real services of Core and Collectors (no scheduler started): the demo
/// province's tree and catalogue are imported; sources point at a simulator.
/// </summary>
public sealed class CollectorDatabase : IAsyncDisposable
{
    public const string Dossiers = "motcua";
    public const string Payments = "thanhtoan";
    public const string Catalogue = "danhmuc";

    private readonly IHost _host;

    private CollectorDatabase(IHost host) => _host = host;

    public IServiceProvider Services => _host.Services;

    public CollectorRunner Runner => Services.GetRequiredService<CollectorRunner>();

    /// <param name="importReference">false: the tree and the catalogue are left for the test to import.</param>
    /// <param name="configure">More services (a test's database hook, for instance).</param>
    /// <param name="settings">More settings; the simulators on 127.0.0.1 are allowed (<c>Collectors:AllowedNetworks</c>) unless these say otherwise.</param>
    public static async Task<CollectorDatabase> CreateAsync(DemoProvince province, string? simulatorUrl, int pageSize = 500,
        bool importReference = true, Action<IServiceCollection>? configure = null, IDictionary<string, string?>? settings = null)
    {
        var path = Path.Combine(Path.GetTempPath(), "reporting-tests", $"collectors-{Guid.NewGuid():N}.db");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { EnvironmentName = "Testing", DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:Reporting"] = $"Data Source={path}",
            ["Database:Provider"] = "Sqlite",
            ["Collectors:Enabled"] = "false",
            // Generous: a page of 5,000 from the in-process simulator can take seconds on a loaded CI machine (a run
            // failed once at load 29 with 1 s); tests of a source that fails use a refused port, not a slow one.
            ["Collectors:Http:AttemptTimeoutSeconds"] = "20",
            ["Collectors:Http:TotalTimeoutSeconds"] = "60",
            ["Collectors:Http:Retries"] = "1",
            ["Collectors:Http:BackoffMilliseconds"] = "50",
            ["Collectors:AllowedNetworks:0"] = "127.0.0.0/8",
        });
        if (settings is not null)
        {
            builder.Configuration.AddInMemoryCollection(settings);
        }

        builder.Logging.ClearProviders();
        builder.ConfigureContainer(new DefaultServiceProviderFactory(new ServiceProviderOptions { ValidateScopes = true, ValidateOnBuild = true }));
        builder.AddReportingCore();
        builder.AddCollectors();
        configure?.Invoke(builder.Services);
        var host = builder.Build();
        var db = new CollectorDatabase(host);
        await host.Services.InitializeDatabaseAsync();
        if (importReference)
        {
            await using var scope = host.Services.CreateAsyncScope();
            var tree = await scope.ServiceProvider.GetRequiredService<AgencyTreeImport>().ReplaceAsync(province.Tree.Items);
            Assert.True(tree.Succeeded);
            var catalogue = await scope.ServiceProvider.GetRequiredService<ProcedureCatalogImport>().ReplaceAsync(province.Procedures);
            Assert.True(catalogue.Succeeded);
        }

        if (simulatorUrl is not null)
        {
            await using var context = db.CreateDbContext();
            context.CollectorSources.AddRange(
                new CollectorSource { Name = Dossiers, Kind = CollectorKind.DossierFeed, BaseUrl = simulatorUrl + "/simulators/motcua", Cron = "0 0 * * * ?", PageSize = pageSize, ApiKey = "k" },
                new CollectorSource { Name = Payments, Kind = CollectorKind.PaymentFeed, BaseUrl = simulatorUrl + "/simulators/thanhtoan", Cron = "0 0 * * * ?", PageSize = pageSize },
                new CollectorSource { Name = Catalogue, Kind = CollectorKind.ProcedureCatalog, BaseUrl = simulatorUrl + "/simulators/danhmuc", Cron = "0 0 2 * * ?" });
            await context.SaveChangesAsync();
        }

        return db;
    }

    public ReportingDbContext CreateDbContext() => Services.GetRequiredService<IDbContextFactory<ReportingDbContext>>().CreateDbContext();

    /// <summary>Every aggregate row, as sorted JSON lines: two databases with equal snapshots give equal figures.</summary>
    public async Task<List<string>> AggregateSnapshotAsync()
    {
        await using var db = CreateDbContext();
        var rows = new List<string>();
        rows.AddRange((await db.AgencyBucketStats.AsNoTracking().ToListAsync()).Select(r => "A" + JsonSerializer.Serialize(r)));
        rows.AddRange((await db.ProcedureBucketStats.AsNoTracking().ToListAsync()).Select(r => "P" + JsonSerializer.Serialize(r)));
        rows.AddRange((await db.ResultGapStats.AsNoTracking().ToListAsync()).Select(r => "R" + JsonSerializer.Serialize(r)));
        rows.Sort(StringComparer.Ordinal);
        return rows;
    }

    public async ValueTask DisposeAsync()
    {
        _host.Dispose();
        await Task.Yield();
        SqliteConnection.ClearAllPools();
    }
}

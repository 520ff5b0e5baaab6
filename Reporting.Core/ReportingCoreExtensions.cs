using Reporting.Core.Imports;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Reporting.Core.Agencies;
using Reporting.Core.Aggregates;
using Reporting.Core.Indicators;
using Reporting.Core.Ingest;
using Reporting.Core.Ingest.Files;
using Reporting.Core.National;
using Reporting.Core.Persistence;
using Reporting.Core.Reports;

namespace Reporting.Core;

public static class ReportingCoreExtensions
{
    /// <summary>
    /// Database (SQLite by default, SQL Server when <c>Database:Provider</c> says so), reference data,
    /// ingest, aggregates and the indicator engine.
    /// </summary>
    public static IHostApplicationBuilder AddReportingCore(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<DatabaseOptions>().BindConfiguration(DatabaseOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        var options = builder.Configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new DatabaseOptions();
        var connection = builder.Configuration.GetConnectionString(DatabaseOptions.ConnectionStringName);

        if (options.Provider == DatabaseProvider.SqlServer)
        {
            if (string.IsNullOrWhiteSpace(connection))
            {
                throw new InvalidOperationException(
                    "Database:Provider = SqlServer cần chuỗi kết nối ConnectionStrings:Reporting (biến môi trường ConnectionStrings__Reporting).");
            }

            services.AddDbContextFactory<SqlServerReportingDbContext>(o => o.UseSqlServer(connection, sql => sql.CommandTimeout(120)));
            services.AddSingleton<IDbContextFactory<ReportingDbContext>, ReportingDbContextFactory<SqlServerReportingDbContext>>();
        }
        else
        {
            var sqlite = ResolveSqlite(connection ?? DatabaseOptions.DefaultSqliteConnection, builder.Environment.ContentRootPath);
            services.AddDbContextFactory<SqliteReportingDbContext>(o => o.UseSqlite(sqlite).AddInterceptors(new SqlitePragmas()));
            services.AddSingleton<IDbContextFactory<ReportingDbContext>, ReportingDbContextFactory<SqliteReportingDbContext>>();
        }

        // The Data Protection key ring lives in the reporting database, so a restart and every other node can decrypt
        // (collector source keys, and the framework's own uses). The key store resolves a scoped context.
        services.AddScoped<ReportingDbContext>(sp => sp.GetRequiredService<IDbContextFactory<ReportingDbContext>>().CreateDbContext());
        services.AddDataProtection().SetApplicationName("Reporting System").PersistKeysToDbContext<ReportingDbContext>();
        services.AddSingleton<Collectors.SourceKeyProtection>();

        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<DataVersions>();
        services.AddSingleton<ReferenceData>();
        services.AddSingleton<IngestGate>();
        services.AddSingleton<IngestTransactions>();
        services.AddSingleton<DataChangeNotifier>();
        services.AddSingleton<DossierIngestor>();
        services.AddSingleton<PaymentIngestor>();
        services.AddSingleton<QuarantineReprocessor>();
        services.AddOptions<IngestUploadOptions>().BindConfiguration(IngestUploadOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<DossierFileImporter>();
        services.AddSingleton<AggregateMaintenance>();
        services.AddHostedService<AggregateHorizonService>();
        services.AddSingleton<ActivityCache>();
        services.AddSingleton<IndicatorService>();
        services.AddSingleton<IndicatorDossierService>();
        services.AddImports();
        services.AddReports();
        services.AddNational();
        return builder;
    }

    /// <summary>Applies migrations (unless turned off), seeds reference data, encrypts collector keys still stored plain and extends the open-dossier horizon.</summary>
    public static async Task InitializeDatabaseAsync(this IServiceProvider services, CancellationToken ct = default)
    {
        var options = services.GetRequiredService<Microsoft.Extensions.Options.IOptions<DatabaseOptions>>().Value;
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger("Reporting.Database");
        await using (var db = await services.GetRequiredService<IDbContextFactory<ReportingDbContext>>().CreateDbContextAsync(ct))
        {
            if (options.MigrateOnStartup)
            {
                var pending = (await db.Database.GetPendingMigrationsAsync(ct)).ToList();
                if (pending.Count > 0)
                {
                    logger.LogInformation("Applying {Count} migrations ({Provider})", pending.Count, options.Provider);
                    await db.Database.MigrateAsync(ct);
                }
            }

        }

        // The state row first: seeding bumps its versions (ADR 006).
        await services.GetRequiredService<AggregateMaintenance>().EnsureHorizonAsync(ct);
        await using (var db = await services.GetRequiredService<IDbContextFactory<ReportingDbContext>>().CreateDbContextAsync(ct))
        {
            await ReferenceDataSeeder.SeedAsync(db, ct);
            await services.GetRequiredService<Collectors.SourceKeyProtection>().ProtectPlainKeysAsync(db, ct);
        }

        services.GetRequiredService<DataVersions>().Expire();
    }

    private static string ResolveSqlite(string connectionString, string contentRoot)
    {
        var csb = new SqliteConnectionStringBuilder(connectionString);
        if (csb.DataSource is { Length: > 0 } path && path != ":memory:" && !path.StartsWith("file:", StringComparison.Ordinal))
        {
            var full = Path.IsPathRooted(path) ? path : Path.GetFullPath(Path.Combine(contentRoot, path));
            Directory.CreateDirectory(Path.GetDirectoryName(full)!);
            csb.DataSource = full;
        }

        return csb.ToString();
    }
}

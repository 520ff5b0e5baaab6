using Reporting.Core.Imports;
using System.Diagnostics;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Reporting.Core.Agencies;
using Reporting.Core.Indicators;
using Reporting.Core.Ingest;
using Reporting.Core.Periods;
using Reporting.Core.Persistence;
using Reporting.Core.Procedures;
using Reporting.Demo.Province;

namespace Reporting.Demo.Seeding;

/// <summary>Whether the demo province is still being loaded (the ready check waits for it).</summary>
public sealed class DemoSeedingState
{
    private readonly TaskCompletionSource _done = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public bool Running { get; set; }

    public string? Error { get; set; }

    public Task Completion => _done.Task;

    internal void Finish() => _done.TrySetResult();
}

/// <summary>
/// Loads the generated demo province into an empty database through the same paths as real data:
/// the agency-tree and catalogue imports, then payment and dossier ingest (with its bad records,
/// which land in the quarantine). A database that already holds agencies is left alone.
/// </summary>
public sealed class DemoSeedingService(
    IServiceScopeFactory scopes,
    IOptions<DemoSettings> settings,
    DemoSeedingState state,
    TimeProvider clock,
    ILogger<DemoSeedingService> logger) : BackgroundService
{
    public const string DossierSource = "demo-motcua";
    public const string PaymentSource = "demo-thanhtoan";
    private const int BatchSize = 5000;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        state.Running = true;
        try
        {
            await SeedAsync(stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        catch (Exception e)
        {
            state.Error = e.Message;
            logger.LogError(e, "Loading the demo province failed");
        }
        finally
        {
            state.Running = false;
            state.Finish();
        }
    }

    private async Task SeedAsync(CancellationToken ct)
    {
        using var scope = scopes.CreateScope();
        var services = scope.ServiceProvider;
        await using (var db = await services.GetRequiredService<IDbContextFactory<ReportingDbContext>>().CreateDbContextAsync(ct))
        {
            if (await db.Agencies.AnyAsync(ct))
            {
                logger.LogInformation("Database already holds agencies: demo province not loaded");
                await Reporting.Demo.Seeding.DemoUsers.EnsureAsync(services, ct);
                return;
            }
        }

        var watch = Stopwatch.StartNew();
        var province = DemoProvince.Build(settings.Value.ToOptions(clock));

        var tree = await services.GetRequiredService<AgencyTreeImport>().ReplaceAsync(province.Tree.Items, ct);
        EnsureApplied(tree, "cây đơn vị");
        await Reporting.Demo.Seeding.DemoUsers.EnsureAsync(services, ct);
        var catalogue = await services.GetRequiredService<ProcedureCatalogImport>().ReplaceAsync(province.Procedures, ct);
        EnsureApplied(catalogue, "danh mục TTHC");

        var payments = services.GetRequiredService<PaymentIngestor>();
        foreach (var batch in province.Payments().Chunk(BatchSize))
        {
            await payments.IngestAsync(PaymentSource, batch.Select(p => new IngestRecord(JsonSerializer.SerializeToElement(p))).ToList(), null, ct);
        }

        var dossiers = services.GetRequiredService<DossierIngestor>();
        var count = 0;
        foreach (var batch in province.Dossiers().Chunk(BatchSize))
        {
            await dossiers.IngestAsync(DossierSource, batch.Select(d => new IngestRecord(JsonSerializer.SerializeToElement(d))).ToList(), Reporting.Core.Access.AgencyScope.Everything, ct);
            count += batch.Length;
        }

        var bad = province.BadDossiers().Select(b => new IngestRecord(JsonSerializer.SerializeToElement(b.Item))).ToList();
        await dossiers.IngestAsync(DossierSource, bad, Reporting.Core.Access.AgencyScope.Everything, ct);
        await SeedManualValuesAsync(services, province, ct);
        var reports = await DemoReportHistory.FileAsync(services, province.Options.Seed, province.Options.EndDate, logger, ct);
        logger.LogInformation("Demo report history: {Reports} quarterly reports filed", reports);

        logger.LogInformation("Demo province loaded: {Dossiers} dossiers, {Bad} bad records in quarantine, in {Elapsed} s",
            count, bad.Count, watch.Elapsed.TotalSeconds.ToString("0.0", System.Globalization.CultureInfo.InvariantCulture));
    }

    /// <summary>The items no feed can compute, entered for the province as an office would, marked as simulated.</summary>
    private static async Task SeedManualValuesAsync(IServiceProvider services, DemoProvince province, CancellationToken ct)
    {
        await using var db = await services.GetRequiredService<IDbContextFactory<ReportingDbContext>>().CreateDbContextAsync(ct);
        var root = await db.Agencies.Where(a => a.ParentId == null).OrderByDescending(a => a.ValidFrom).FirstAsync(ct);
        var manualCodes = IndicatorCatalog.All.Where(d => d.Kind == IndicatorKind.Manual).Select(d => d.Code).ToList();
        var random = new Random(province.Options.Seed);
        var end = province.Options.EndDate;
        for (var month = new DateOnly(end.Year, end.Month, 1).AddMonths(-12); month <= end; month = month.AddMonths(1))
        {
            var keys = new List<PeriodKey> { PeriodKey.Month(month.Year, month.Month) };
            if (month.Month % 3 == 0) keys.Add(PeriodKey.Quarter(month.Year, month.Month / 3));
            if (month.Month is 6 or 12) keys.Add(PeriodKey.Half(month.Year, month.Month / 6));
            if (month.Month == 9) keys.Add(PeriodKey.NineMonths(month.Year));
            if (month.Month == 12 || month == new DateOnly(end.Year, end.Month, 1)) keys.Add(PeriodKey.OfYear(month.Year));
            foreach (var key in keys.Distinct())
            {
                foreach (var code in manualCodes)
                {
                    db.ManualIndicatorValues.Add(new ManualIndicatorValue
                    {
                        IndicatorCode = code,
                        AgencyId = root.Id,
                        PeriodKey = key.ToString(),
                        Value = Math.Round(75m + (decimal)random.NextDouble() * 25m, 2),
                        Source = "Số liệu mô phỏng của tỉnh demo (không phải số liệu thật)",
                        EnteredBy = "demo",
                        EnteredAt = DateTime.SpecifyKind(new DateTime(end, TimeOnly.MinValue), DateTimeKind.Unspecified),
                    });
                }
            }
        }

        // Dashboards cache by data version (ADR 006): the values and the bump commit together.
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await DataVersions.BumpAsync(db, reference: false, ct);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        services.GetRequiredService<DataVersions>().Expire();
    }

    private static void EnsureApplied(ImportResult result, string what)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException($"Dữ liệu demo: {what} bị từ chối: " + string.Join("; ", result.Reasons.Take(5).Select(r => r.Message)));
        }
    }
}

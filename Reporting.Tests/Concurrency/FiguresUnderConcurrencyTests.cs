using Reporting.Core.Imports;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Reporting.Core.Agencies;
using Reporting.Core.Collectors;
using Reporting.Core.Feeds;
using Reporting.Core.Indicators;
using Reporting.Core.Ingest;
using Reporting.Core.Periods;
using Reporting.Core.Persistence;
using Reporting.Core.Procedures;
using Reporting.Demo.Province;
using Reporting.Tests.Collectors;

namespace Reporting.Tests.Concurrency;

/// <summary>
/// Issue 11: figures stay right while data moves. Catalogue and tree imports, collector pages, pushes
/// and reads are interleaved at chosen points (barriers inside the real services' database access,
/// no sleeps), then every stored fact and figure is compared with the records as sent.
/// </summary>
public sealed class FiguresUnderConcurrencyTests
{
    [Fact]
    public async Task Imports_collector_pages_pushes_and_reads_interleaved_give_the_figures_of_the_records_as_sent()
    {
        var province = CollectorProvince.Province;
        var hook = new PauseHook();
        await using var sim = await SimulatorHost.StartAsync(province);
        await using var host = await CollectorDatabase.CreateAsync(province, sim.BaseUrl, pageSize: 1000, importReference: false,
            configure: s => s.ConfigureDbContext<SqliteReportingDbContext>(o => o.AddInterceptors(hook)));
        var services = host.Services;
        var ingestor = services.GetRequiredService<DossierIngestor>();
        var reference = services.GetRequiredService<ReferenceData>();
        var sent = new List<FigureCheck.Sent>();
        Task<IndicatorAnswer> Read() => Task.Run(() => services.GetRequiredService<IndicatorService>().GetAsync(new IndicatorQuery(null, PeriodKey.OfYear(2026))));

        // Pushed before the tree exists: quarantined as unknown agencies, re-processed after the import.
        var early = province.Dossiers(province.EndOfHistory.AddDays(-45)).Take(600).Select(Json).ToList();
        await ingestor.IngestAsync(CollectorDatabase.Dossiers, early.Select(j => new IngestRecord(j)).ToList());
        sent.AddRange(early.Select(j => new FigureCheck.Sent(CollectorDatabase.Dossiers, j)));
        Assert.Equal(0, await CountAsync(services, db => db.Dossiers));

        // 1. The tree import commits and re-processes the quarantine itself: the early dossiers are stored.
        //    Imported again (nothing left to re-process, so nothing reloads it), a reader starts loading
        //    the new reference data and is stopped half-way while the catalogue collector imports the
        //    catalogue; then it finishes.
        await using (var scope = services.CreateAsyncScope())
        {
            var treeImport = scope.ServiceProvider.GetRequiredService<AgencyTreeImport>();
            var first = await treeImport.ReplaceAsync(province.Tree.Items);
            Assert.True(first.Succeeded);
            Assert.Equal(early.Count, first.QuarantineAccepted);
            Assert.True((await treeImport.ReplaceAsync(province.Tree.Items)).Succeeded);
        }

        Assert.Equal(early.Count, await CountAsync(services, db => db.Dossiers));
        var treeLoad = hook.Arm("FROM \"Agencies\"");
        var reader = Read();
        await treeLoad.ReachedAsync("reader loading the tree");
        Assert.Equal(CollectorRunStatus.Succeeded, (await host.Runner.RunAsync(CollectorDatabase.Catalogue)).Status);
        treeLoad.Release();
        await ReadQuietlyAsync(reader);
        Assert.NotEmpty((await reference.GetAsync()).Procedures);

        // 2. The lost invalidation of the issue: a reader loads catalogue A and is stopped before it
        //    publishes; catalogue B commits; the reader publishes A. Every later read must see B.
        var changed = ChangedCatalogue(province.Procedures);
        var probe = changed.First(p => p.CoKetQua == false).MaTTHC!;
        Assert.True((await ImportAsync(services, changed)).Succeeded);
        var catalogueLoad = hook.Arm("FROM \"Procedures\"");
        reader = Read();
        await catalogueLoad.ReachedAsync("reader loading the catalogue");
        Assert.True((await ImportAsync(services, province.Procedures)).Succeeded);
        catalogueLoad.Release();
        await ReadQuietlyAsync(reader);
        Assert.True((await reference.GetAsync()).Procedures[probe].IssuesResult, "a load that started before an import published over it");

        // 3. The dossier collector stops inside the transaction of its first page; a catalogue import
        //    that changes results, fees and statutory times starts then and waits; reads go on.
        var page = hook.Arm("UPDATE \"AggregateState\"");
        var collector = Task.Run(() => host.Runner.RunAsync(CollectorDatabase.Dossiers));
        await page.ReachedAsync("first page of the dossier collector");
        var import = Task.Run(() => ImportAsync(services, changed));
        var readers = Enumerable.Range(0, 4).Select(_ => Read()).ToList();
        page.Release();
        Assert.Equal(CollectorRunStatus.Succeeded, (await collector).Status);
        Assert.True((await import).Succeeded);
        foreach (var r in readers)
        {
            await ReadQuietlyAsync(r);
        }

        sent.AddRange(province.Dossiers().Select(d => new FigureCheck.Sent(CollectorDatabase.Dossiers, Json(d))));

        // 4. The payment collector stops inside its first page's transaction while a push of newer
        //    dossier versions waits for it.
        var payments = province.Payments().Select(Json).ToList();
        var paymentPage = hook.Arm("UPDATE \"AggregateState\"");
        var paymentRun = Task.Run(() => host.Runner.RunAsync(CollectorDatabase.Payments));
        await paymentPage.ReachedAsync("first page of the payment collector");
        var later = province.Dossiers(province.EndOfHistory.AddDays(3), province.EndOfHistory).Select(Json).ToList();
        var push = Task.Run(() => ingestor.IngestAsync(CollectorDatabase.Dossiers, later.Select(j => new IngestRecord(j)).ToList()));
        paymentPage.Release();
        Assert.Equal(CollectorRunStatus.Succeeded, (await paymentRun).Status);
        await push;
        sent.AddRange(later.Select(j => new FigureCheck.Sent(CollectorDatabase.Dossiers, j)));

        var end = DateOnly.FromDateTime(province.EndOfHistory);
        await FigureCheck.AssertRightAsync(services, sent, payments,
            [PeriodKey.OfYear(end.Year), PeriodKey.Quarter(end.Year, (end.Month + 2) / 3), PeriodKey.Month(end.Year, end.Month), PeriodKey.Month(end.AddMonths(-2).Year, end.AddMonths(-2).Month)]);
    }

    /// <summary>The catalogue with other results, fees and statutory times for some of its procedures.</summary>
    public static List<ProcedureFeedItem> ChangedCatalogue(IReadOnlyList<ProcedureFeedItem> items)
    {
        var copy = items.Select(i => JsonSerializer.Deserialize<ProcedureFeedItem>(JsonSerializer.Serialize(i))!).ToList();
        for (var i = 0; i < copy.Count; i += 3)
        {
            copy[i].CoKetQua = !(copy[i].CoKetQua ?? true);
            copy[i].CoPhiLePhi = !(copy[i].CoPhiLePhi ?? false);
            copy[i].ThoiHanGiaiQuyet = copy[i].ThoiHanGiaiQuyet is { } days ? days + 2 : 5;
        }

        return copy;
    }

    private static async Task<ImportResult> ImportAsync(IServiceProvider services, IReadOnlyList<ProcedureFeedItem> items)
    {
        await using var scope = services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ProcedureCatalogImport>().ReplaceAsync(items);
    }

    private static JsonElement Json<T>(T item) => JsonSerializer.SerializeToElement(item);

    /// <summary>A read during the interleaving may see any committed state; it must just not fail.</summary>
    private static async Task ReadQuietlyAsync(Task<IndicatorAnswer> read)
    {
        try
        {
            Assert.NotNull(await read);
        }
        catch (QueryException e) when (e.Type == "agency-not-found")
        {
            // Read before the tree was there.
        }
    }

    private static async Task<int> CountAsync<T>(IServiceProvider services, Func<ReportingDbContext, IQueryable<T>> set)
    {
        await using var db = await services.GetRequiredService<IDbContextFactory<ReportingDbContext>>().CreateDbContextAsync();
        return await set(db).CountAsync();
    }
}

using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Reporting.Core.Aggregates;
using Reporting.Core.Collectors;
using Reporting.Core.Feeds;
using Reporting.Core.Ingest;
using Reporting.Core.Periods;
using Reporting.Core.Persistence;
using Reporting.Core.Procedures;

namespace Reporting.Collectors;

/// <summary>
/// One run of one source: reads the pages changed since the watermark and stores each through the same
/// ingest path as the push API, one transaction per page; the watermark moves only after its page is
/// committed. Every run is recorded as a <see cref="CollectorRun"/>.
/// </summary>
public sealed class CollectorRunner(
    IDbContextFactory<ReportingDbContext> dbFactory,
    DossierIngestor dossiers,
    PaymentIngestor payments,
    IServiceScopeFactory scopes,
    CollectorSourceEvents events,
    SourceKeyProtection keys,
    TimeProvider clock,
    ILogger<CollectorRunner> logger)
{
    public async Task<CollectorRun> RunAsync(string sourceName, CancellationToken ct = default)
    {
        CollectorSource source;
        CollectorRun run;
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            source = await db.CollectorSources.AsNoTracking().SingleOrDefaultAsync(s => s.Name == sourceName, ct)
                ?? throw new InvalidOperationException($"Không có nguồn thu thập '{sourceName}'.");
            run = new CollectorRun { Source = source.Name, StartedAt = Now(), Status = CollectorRunStatus.Running };
            db.CollectorRuns.Add(run);
            await db.SaveChangesAsync(ct);
        }

        using var scope = logger.BeginScope(new Dictionary<string, object> { ["Source"] = source.Name });
        logger.LogInformation("Collector run of {Source} ({Kind}) started", source.Name, source.Kind);
        var state = CollectorSourceState.Ok;
        try
        {
            // Decrypted for this run only: the entity is not tracked, nothing writes it back.
            source.ApiKey = RevealKey(source);

            // Typed clients (fresh handlers from the factory) and the scoped imports live for one run.
            await using var services = scopes.CreateAsyncScope();
            var provider = services.ServiceProvider;
            switch (source.Kind)
            {
                case CollectorKind.DossierFeed:
                    var dossierClient = provider.GetRequiredService<DossierFeedClient>();
                    await ReadFeedAsync(source, run, (since, cursor, c) => dossierClient.GetAsync(source, since, cursor, c),
                        (records, c) => dossiers.IngestAsync(source.Name, records, Reporting.Core.Access.AgencyScope.Everything, c), ct);
                    break;
                case CollectorKind.PaymentFeed:
                    var paymentClient = provider.GetRequiredService<PaymentFeedClient>();
                    await ReadFeedAsync(source, run, (since, cursor, c) => paymentClient.GetAsync(source, since, cursor, c),
                        (records, c) => payments.IngestAsync(source.Name, records, null, c), ct);
                    break;
                case CollectorKind.ProcedureCatalog:
                    await ReadCatalogueAsync(source, run, provider.GetRequiredService<ProcedureCatalogClient>(), provider.GetRequiredService<ProcedureCatalogImport>(), ct);
                    break;
            }

            run.Status = CollectorRunStatus.Succeeded;
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            run.Status = CollectorRunStatus.Cancelled;
            run.Error = "Lần chạy bị dừng giữa chừng (máy chủ tắt hoặc bị hủy); các trang đã lưu được giữ, lần sau đọc tiếp từ mốc đã lưu.";
            logger.LogWarning("Collector run of {Source} cancelled after {Pages} pages", source.Name, run.Pages);
        }
        catch (SourceMisconfiguredException e)
        {
            run.Status = CollectorRunStatus.Misconfigured;
            run.Error = e.Message;
            state = CollectorSourceState.Misconfigured;
            logger.LogWarning("Collector source {Source} is misconfigured: {Detail}", source.Name, e.Detail);
        }
        catch (SourceFailedException e)
        {
            run.Status = CollectorRunStatus.Failed;
            run.Error = e.Message;
            state = CollectorSourceState.Failing;
            logger.LogWarning(e.InnerException, "Collector run of {Source} failed: {Detail}", source.Name, e.Detail);
        }
        catch (Exception e)
        {
            run.Status = CollectorRunStatus.Failed;
            // The exception's text may name addresses and ports: it goes to the log, not to the page.
            run.Error = "Lỗi không mong đợi khi thu thập dữ liệu; chi tiết trong nhật ký máy chủ.";
            state = CollectorSourceState.Failing;
            logger.LogError(e, "Collector run of {Source} failed unexpectedly", source.Name);
        }

        run.EndedAt = Now();
        await using (var db = await dbFactory.CreateDbContextAsync(CancellationToken.None))
        {
            db.CollectorRuns.Update(run);
            if (run.Status != CollectorRunStatus.Cancelled && await db.CollectorSources.SingleOrDefaultAsync(s => s.Name == source.Name, CancellationToken.None) is { } row)
            {
                row.State = state;
                row.LastError = run.Error;
                if (run.Status == CollectorRunStatus.Succeeded)
                {
                    row.LastSuccessAt = run.EndedAt;
                }
            }

            await db.SaveChangesAsync(CancellationToken.None);
        }

        logger.LogInformation(
            "Collector run of {Source} ended {Status}: {Pages} pages, {Read} read, {Stored} stored, {Unchanged} unchanged, {Stale} stale, {Quarantined} quarantined",
            source.Name, run.Status, run.Pages, run.Read, run.Stored, run.Unchanged, run.Stale, run.Quarantined);
        events.Publish(source.Name);
        return run;
    }

    /// <summary>The watermark of a source (local time), or null before its first committed page.</summary>
    public async Task<DateTime?> GetWatermarkAsync(string sourceName, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.CollectorWatermarks.AsNoTracking().Where(w => w.Source == sourceName).Select(w => (DateTime?)w.UpdatedSince).SingleOrDefaultAsync(ct);
    }

    /// <summary>Sets the watermark (demo start, or an administrator re-reading from a date).</summary>
    public async Task SetWatermarkAsync(string sourceName, DateTime updatedSinceLocal, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var mark = await db.CollectorWatermarks.SingleOrDefaultAsync(w => w.Source == sourceName, ct);
        if (mark is null)
        {
            db.CollectorWatermarks.Add(new CollectorWatermark { Source = sourceName, UpdatedSince = updatedSinceLocal, ChangedAt = Now() });
        }
        else
        {
            mark.UpdatedSince = updatedSinceLocal;
            mark.ChangedAt = Now();
        }

        await db.SaveChangesAsync(ct);
    }

    private async Task ReadFeedAsync(
        CollectorSource source, CollectorRun run,
        Func<DateTime, string?, CancellationToken, Task<RawFeedPage>> fetch,
        Func<IReadOnlyList<IngestRecord>, CancellationToken, Task<IngestReport>> ingest,
        CancellationToken ct)
    {
        var since = await GetWatermarkAsync(source.Name, ct) ?? DateTime.MinValue;
        var watermark = since;
        var pending = fetch(since, null, ct);
        while (pending is not null)
        {
            using var page = await pending;

            // The next page downloads while this one is stored (one page ahead, never more); it is only ever stored after
            // this one is committed and its watermark written.
            pending = page.NextCursor is { } next ? fetch(since, next, ct) : null;
            IngestReport report;
            var records = new List<IngestRecord>(page.Items.Count);
            foreach (var item in page.Items)
            {
                records.Add(new IngestRecord(item));
            }

            try
            {
                report = records.Count == 0 ? new IngestReport([]) : await ingest(records, ct);
            }
            catch
            {
                Abandon(pending);
                throw;
            }

            // The page is committed: from here on, nothing may stop the watermark from following it.
            run.Pages++;
            run.Read += records.Count;
            run.Stored += report.Count(RecordOutcome.Stored);
            run.Unchanged += report.Count(RecordOutcome.Unchanged);
            run.Stale += report.Count(RecordOutcome.Stale);
            run.Quarantined += report.Count(RecordOutcome.Quarantined);
            var pageMax = page.MaxUpdatedAt();
            if (pageMax > watermark)
            {
                watermark = pageMax.Value;
                await SetWatermarkAsync(source.Name, watermark, CancellationToken.None);
                await SaveProgressAsync(run);
            }

            if (ct.IsCancellationRequested)
            {
                Abandon(pending);
                ct.ThrowIfCancellationRequested();
            }
        }
    }

    /// <summary>A prefetched page that will not be used: its buffer goes back to the pool, its failure is observed (not reported as unobserved).</summary>
    private static void Abandon(Task<RawFeedPage>? pending) =>
        pending?.ContinueWith(
            t =>
            {
                if (t.IsCompletedSuccessfully)
                {
                    t.Result.Dispose();
                }
                else
                {
                    _ = t.Exception;
                }
            },
            CancellationToken.None, TaskContinuationOptions.None, TaskScheduler.Default);

    private async Task ReadCatalogueAsync(CollectorSource source, CollectorRun run, ProcedureCatalogClient catalogueClient, ProcedureCatalogImport catalogue, CancellationToken ct)
    {
        var items = await catalogueClient.GetAsync(source, ct);
        run.Pages = 1;
        run.Read = items.Count;
        var result = await catalogue.ReplaceAsync(items, ct);
        if (!result.Succeeded)
        {
            run.Quarantined = items.Count;
            throw new SourceFailedException("Danh mục TTHC bị từ chối: " + string.Join("; ", result.Reasons.Take(5).Select(r => r.Message)));
        }

        // The import re-derived the facts of the dossiers of changed procedures in its own transaction.
        run.Stored = result.ChangedProcedureCodes.Count;
        run.Unchanged = items.Count - result.ChangedProcedureCodes.Count;
    }

    /// <summary>Keeps the counters of a long run visible while it goes on.</summary>
    private async Task SaveProgressAsync(CollectorRun run)
    {
        await using var db = await dbFactory.CreateDbContextAsync(CancellationToken.None);
        db.CollectorRuns.Update(run);
        await db.SaveChangesAsync(CancellationToken.None);
    }

    private string? RevealKey(CollectorSource source)
    {
        try
        {
            return keys.Reveal(source.ApiKey);
        }
        catch (System.Security.Cryptography.CryptographicException e)
        {
            throw new SourceMisconfiguredException(
                "Không giải mã được khóa truy cập đã lưu của nguồn (khóa mã hóa của máy chủ đã mất): quản trị viên cần nhập lại khóa.",
                $"the stored key cannot be decrypted: {e.Message}");
        }
    }

    private DateTime Now() => VietnamTime.ToLocal(clock.GetUtcNow());
}

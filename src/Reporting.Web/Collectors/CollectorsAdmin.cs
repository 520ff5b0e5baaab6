using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Reporting.Collectors;
using Reporting.Core.Ingest;
using Reporting.Core.Persistence;
using static Reporting.Web.Collectors.CollectorsApi;

namespace Reporting.Web.Collectors;

/// <summary>A filter of the quarantine browser; null fields do not filter.</summary>
public sealed record QuarantineFilter(string? Source, string? ReasonCode, QuarantineState? State);

/// <summary>One page of quarantined records and the number of records matching the filter.</summary>
public sealed record QuarantinePage(IReadOnlyList<QuarantinedRecord> Items, int Total);

/// <summary>What the collectors page and the admin API read and do: sources, run now / pause / resume, quarantine.</summary>
public interface ICollectorsAdmin
{
    Task<IReadOnlyList<SourceDto>> ListSourcesAsync(CancellationToken ct = default);

    /// <summary>False when no source has this name.</summary>
    Task<bool> SourceExistsAsync(string name, CancellationToken ct = default);

    Task RunNowAsync(string name, CancellationToken ct = default);

    Task PauseAsync(string name, CancellationToken ct = default);

    Task ResumeAsync(string name, CancellationToken ct = default);

    Task<QuarantinePage> QuarantineAsync(QuarantineFilter filter, int skip, int take, CancellationToken ct = default);

    Task<(int Tried, int Stored)> ReprocessAsync(string? source, string? reasonCode, CancellationToken ct = default);
}

/// <summary>The real <see cref="ICollectorsAdmin"/>: a DbContext per operation, the Quartz scheduler and the quarantine re-processor.</summary>
public sealed class CollectorsAdmin(
    IDbContextFactory<ReportingDbContext> dbFactory, CollectorScheduler scheduler, QuarantineReprocessor reprocessor,
    IOptions<CollectorOptions> options, TimeProvider clock) : ICollectorsAdmin
{
    public async Task<IReadOnlyList<SourceDto>> ListSourcesAsync(CancellationToken ct = default)
    {
        var staleBefore = Reporting.Core.Periods.VietnamTime.ToLocal(clock.GetUtcNow()).AddMinutes(-options.Value.StaleAfterMinutes);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var sources = await db.CollectorSources.AsNoTracking().OrderBy(s => s.Name).ToListAsync(ct);
        var marks = await db.CollectorWatermarks.AsNoTracking().ToDictionaryAsync(w => w.Source, w => w.UpdatedSince, ct);
        var result = new List<SourceDto>();
        foreach (var s in sources)
        {
            var runs = await db.CollectorRuns.AsNoTracking().Where(r => r.Source == s.Name).OrderByDescending(r => r.Id).Take(10)
                .Select(r => new RunDto(r.Id, r.StartedAt, r.EndedAt, r.Status.ToString(), r.Pages, r.Read, r.Stored, r.Unchanged, r.Stale, r.Quarantined, r.Error))
                .ToListAsync(ct);
            result.Add(new SourceDto(s.Name, s.Kind.ToString(), s.BaseUrl, !string.IsNullOrEmpty(s.ApiKey), s.Cron, s.PageSize, s.Paused, s.State.ToString(),
                s.LastError, s.LastSuccessAt, !s.Paused && (s.LastSuccessAt is null || s.LastSuccessAt < staleBefore), marks.TryGetValue(s.Name, out var m) ? m : null,
                s.Paused ? null : await scheduler.NextRunAsync(s.Name, ct), runs));
        }

        return result;
    }

    public async Task<bool> SourceExistsAsync(string name, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.CollectorSources.AnyAsync(s => s.Name == name, ct);
    }

    public Task RunNowAsync(string name, CancellationToken ct = default) => scheduler.RunNowAsync(name, ct);

    public Task PauseAsync(string name, CancellationToken ct = default) => scheduler.PauseAsync(name, ct);

    public Task ResumeAsync(string name, CancellationToken ct = default) => scheduler.ResumeAsync(name, ct);

    public async Task<QuarantinePage> QuarantineAsync(QuarantineFilter filter, int skip, int take, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var query = db.Quarantine.AsNoTracking().Filter(filter.Source, filter.ReasonCode, filter.State);

        var total = await query.CountAsync(ct);
        var items = await query.OrderByDescending(q => q.Id).Skip(Math.Max(0, skip)).Take(Math.Clamp(take, 1, 500)).ToListAsync(ct);
        return new QuarantinePage(items, total);
    }

    public Task<(int Tried, int Stored)> ReprocessAsync(string? source, string? reasonCode, CancellationToken ct = default) =>
        reprocessor.ReprocessAsync(string.IsNullOrWhiteSpace(reasonCode) ? null : reasonCode.Trim(), string.IsNullOrWhiteSpace(source) ? null : source, null, ct);
}

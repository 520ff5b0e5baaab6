using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Reporting.Collectors;
using Reporting.Core.Audit;
using Reporting.Core.Collectors;
using Reporting.Web.Access;
using Reporting.Core.Ingest;
using Reporting.Core.Periods;
using Reporting.Core.Persistence;
using static Reporting.Web.Collectors.CollectorsApi;

namespace Reporting.Web.Collectors;

/// <summary>One page of quarantined records and the number of records matching the filter.</summary>
public sealed record QuarantinePage(IReadOnlyList<QuarantinedRecord> Items, int Total);

/// <summary>What the collectors page and the admin API read and do: sources, run now / pause / resume, quarantine, unmatched payments.</summary>
public interface ICollectorsAdmin
{
    Task<IReadOnlyList<SourceDto>> ListSourcesAsync(CancellationToken ct = default);

    /// <summary>False when no source has this name.</summary>
    Task<bool> SourceExistsAsync(string name, CancellationToken ct = default);

    /// <summary>
    /// Adds (<paramref name="mustBeNew"/>: refused when the name is taken) or edits a source after checking it
    /// with <see cref="CollectorSourceRules"/>, then schedules it again. The key is write-only.
    /// </summary>
    Task<SourceSaveResult> SaveSourceAsync(string name, SourceInput input, bool mustBeNew, CancellationToken ct = default);

    Task RunNowAsync(string name, CancellationToken ct = default);

    Task PauseAsync(string name, CancellationToken ct = default);

    Task ResumeAsync(string name, CancellationToken ct = default);

    Task<QuarantinePage> QuarantineAsync(QuarantineFilter filter, int skip, int take, CancellationToken ct = default);

    Task<(int Tried, int Stored)> ReprocessAsync(string? source, string? reasonCode, CancellationToken ct = default);

    /// <summary>Payments still without their dossier after <c>Collectors:UnmatchedPaymentDays</c>, oldest first.</summary>
    Task<UnmatchedPaymentPage> UnmatchedPaymentsAsync(int skip, int take, CancellationToken ct = default);
}

/// <summary>The real <see cref="ICollectorsAdmin"/>: a DbContext per operation, the Quartz scheduler and the quarantine re-processor.</summary>
public sealed class CollectorsAdmin(
    IDbContextFactory<ReportingDbContext> dbFactory, CollectorScheduler scheduler, QuarantineReprocessor reprocessor,
    IOptions<CollectorOptions> options, CollectorNetworkPolicy network, SourceKeyProtection keys, TimeProvider clock, ILogger<CollectorsAdmin> logger, CurrentUser currentUser) : ICollectorsAdmin
{
    public async Task<IReadOnlyList<SourceDto>> ListSourcesAsync(CancellationToken ct = default)
    {
        await currentUser.DemandAdminAsync();
        // The same rule as the dashboards' warnings, so the API and the pages never disagree on "stale".
        var now = VietnamTime.ToLocal(clock.GetUtcNow());
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
                s.LastError, s.LastSuccessAt, await db.IsOverdueAsync(options.Value, s, now, ct), marks.TryGetValue(s.Name, out var m) ? m : null,
                s.Paused ? null : await scheduler.NextRunAsync(s.Name, ct), runs));
        }

        return result;
    }

    public async Task<bool> SourceExistsAsync(string name, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.CollectorSources.AnyAsync(s => s.Name == name, ct);
    }

    public async Task<SourceSaveResult> SaveSourceAsync(string name, SourceInput input, bool mustBeNew, CancellationToken ct = default)
    {
        await currentUser.DemandAdminAsync();
        var actor = await currentUser.ActorAsync();
        var errors = (await CollectorSourceRules.CheckAsync(new CollectorSourceInput(name, input.Kind, input.BaseUrl, input.ApiKey, input.Cron, input.PageSize), network, ct)).ToList();
        if (input.ClearApiKey && !string.IsNullOrEmpty(input.ApiKey))
        {
            errors.Add(new("ApiKey", "Chọn một trong hai: nhập khóa mới hoặc xóa khóa đã lưu."));
        }

        if (errors.Count > 0)
        {
            return new SourceSaveResult(errors, Created: false);
        }

        bool created;
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            var source = mustBeNew ? null : await db.CollectorSources.SingleOrDefaultAsync(s => s.Name == name, ct);
            if (source is null)
            {
                // Names are unique whatever their case (SQL Server compares without case, and so does the configuration).
                var lower = name.ToLowerInvariant();
                if (await db.CollectorSources.AnyAsync(s => s.Name.ToLower() == lower, ct))
                {
                    return new SourceSaveResult([new("Name", $"Đã có nguồn thu thập tên '{name}' (không phân biệt chữ hoa, chữ thường).")], Created: false);
                }

                source = new CollectorSource { Name = name, BaseUrl = input.BaseUrl!, Cron = input.Cron! };
                db.CollectorSources.Add(source);
            }

            created = source.Id == 0;

            // The saved key must never follow the source to another server: a new server needs its key typed again.
            if (!created && !string.IsNullOrEmpty(source.ApiKey) && string.IsNullOrEmpty(input.ApiKey) && !input.ClearApiKey
                && CollectorSourceRules.Authority(source.BaseUrl) != CollectorSourceRules.Authority(input.BaseUrl))
            {
                return new SourceSaveResult([new("ApiKey",
                    "Địa chỉ máy chủ của nguồn đã đổi: nhập lại khóa truy cập cho máy chủ mới (hoặc chọn xóa khóa); khóa đã lưu không được gửi sang máy chủ khác.")], Created: false);
            }
            var reached = source.BaseUrl != input.BaseUrl || !string.IsNullOrEmpty(input.ApiKey) || input.ClearApiKey;
            var kind = Enum.Parse<CollectorKind>(input.Kind!, ignoreCase: true);
            if (!created && source.Kind != kind)
            {
                // Another feed's watermark would skip its records older than it: read the new feed from the start
                // (versions make records read again harmless).
                db.CollectorWatermarks.RemoveRange(await db.CollectorWatermarks.Where(w => w.Source == name).ToListAsync(ct));
            }

            source.Kind = kind;
            source.BaseUrl = input.BaseUrl!;
            source.Cron = input.Cron!;
            source.PageSize = input.PageSize ?? source.PageSize;
            if (!string.IsNullOrEmpty(input.ApiKey))
            {
                source.ApiKey = keys.Protect(input.ApiKey);
            }
            else if (input.ClearApiKey)
            {
                source.ApiKey = null;
            }

            // A new address or key may fix a refused one: the next run tells.
            if (reached && source.State == CollectorSourceState.Misconfigured)
            {
                source.State = CollectorSourceState.Ok;
            }

            // The key is never written to the audit log, only whether it changed.
            AuditLog.Add(db, clock, actor, AuditActions.SourceSaved, name, before: null,
                after: $"loại={source.Kind}; địa chỉ={source.BaseUrl}; lịch={source.Cron}; cỡ trang={source.PageSize}; khóa={(string.IsNullOrEmpty(input.ApiKey) ? (input.ClearApiKey ? "xóa" : "giữ nguyên") : "đổi")}");
            await db.SaveChangesAsync(ct);
        }

        await scheduler.ScheduleAsync(name, ct);
        logger.LogInformation("Collector source {Source} ({Kind}) {Action} by an administrator; key changed: {KeyChanged}",
            name, input.Kind, created ? "added" : "edited", !string.IsNullOrEmpty(input.ApiKey) || input.ClearApiKey);
        return new SourceSaveResult([], created);
    }

    public async Task RunNowAsync(string name, CancellationToken ct = default)
    {
        await AuditedAsync(AuditActions.RunStarted, name, ct);
        await scheduler.RunNowAsync(name, ct);
    }

    public async Task PauseAsync(string name, CancellationToken ct = default)
    {
        await AuditedAsync(AuditActions.SourcePaused, name, ct);
        await scheduler.PauseAsync(name, ct);
    }

    public async Task ResumeAsync(string name, CancellationToken ct = default)
    {
        await AuditedAsync(AuditActions.SourceResumed, name, ct);
        await scheduler.ResumeAsync(name, ct);
    }

    /// <summary>Checks the role and writes the audit line of an action on the scheduler (which keeps no row of ours).</summary>
    private async Task AuditedAsync(string action, string target, CancellationToken ct, string? after = null)
    {
        await currentUser.DemandAdminAsync();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        AuditLog.Add(db, clock, await currentUser.ActorAsync(), action, target, after: after);
        await db.SaveChangesAsync(ct);
    }

    public async Task<QuarantinePage> QuarantineAsync(QuarantineFilter filter, int skip, int take, CancellationToken ct = default)
    {
        await currentUser.DemandAdminAsync();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var query = db.Quarantine.AsNoTracking().Filter(filter);

        var total = await query.CountAsync(ct);
        var items = await query.OrderByDescending(q => q.Id).Skip(Math.Max(0, skip)).Take(Math.Clamp(take, 1, 500)).ToListAsync(ct);
        return new QuarantinePage(items, total);
    }

    public async Task<(int Tried, int Stored)> ReprocessAsync(string? source, string? reasonCode, CancellationToken ct = default)
    {
        await AuditedAsync(AuditActions.QuarantineReprocessed, source ?? "(mọi nguồn)", ct, after: reasonCode is null ? null : $"lý do={reasonCode}");
        return await ReprocessCoreAsync(source, reasonCode, ct);
    }

    private Task<(int Tried, int Stored)> ReprocessCoreAsync(string? source, string? reasonCode, CancellationToken ct) =>
        reprocessor.ReprocessAsync(string.IsNullOrWhiteSpace(reasonCode) ? null : reasonCode.Trim(), string.IsNullOrWhiteSpace(source) ? null : source, null, ct);

    public async Task<UnmatchedPaymentPage> UnmatchedPaymentsAsync(int skip, int take, CancellationToken ct = default)
    {
        await currentUser.DemandAdminAsync();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.UnmatchedPaymentPageAsync(VietnamTime.ToLocal(clock.GetUtcNow()), options.Value.UnmatchedPaymentDays, skip, take, ct);
    }
}

using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Reporting.Collectors;
using Reporting.Core.Access;
using Reporting.Core.Ingest;
using Reporting.Core.Persistence;
using Reporting.Web.Api;
using Reporting.Web.Indicators;

namespace Reporting.Web.Collectors;

/// <summary>Administration of the collectors (scope <c>admin</c>): sources with their state and last runs, run now, pause, resume; quarantine re-processing.</summary>
public static class CollectorsApi
{
    private const string Tag = "Thu thập dữ liệu";

    public static IEndpointRouteBuilder MapCollectorsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/collectors").RequireAuthorization(ApiScopes.Admin).WithTags(Tag);
        group.MapGet("", List).WithName("GetCollectors");
        group.MapPut("/{name}", Save).WithName("PutCollector");
        group.MapPost("/{name}/run", RunNow).WithName("RunCollector");
        group.MapPost("/{name}/pause", Pause).WithName("PauseCollector");
        group.MapPost("/{name}/resume", Resume).WithName("ResumeCollector");
        app.MapGet("/api/v1/payments/unmatched", Unmatched).RequireAuthorization(ApiScopes.Admin).WithTags("Thanh toán").WithName("GetUnmatchedPayments");
        app.MapPost("/api/v1/quarantine/reprocess", Reprocess).RequireAuthorization(ApiScopes.Admin).WithTags("Cách ly").WithName("ReprocessQuarantine");
        return app;
    }

    public sealed record RunDto(long Id, DateTime StartedAt, DateTime? EndedAt, string Status, int Pages, int Read, int Stored, int Unchanged, int Stale, int Quarantined, string? Error);

    /// <summary>A source as administrators see it; the API key is never returned, only whether one is set.</summary>
    public sealed record SourceDto(
        string Name, string Kind, string BaseUrl, bool HasApiKey, string Cron, int PageSize, bool Paused, string State,
        string? LastError, DateTime? LastSuccessAt, bool Stale, DateTime? Watermark, DateTimeOffset? NextRunAt, IReadOnlyList<RunDto> LastRuns);

    private static async Task<IResult> List(ICollectorsAdmin admin, CancellationToken ct) =>
        Results.Ok(new { items = await admin.ListSourcesAsync(ct) });

    /// <summary>
    /// The body of <c>PUT /api/v1/collectors/{name}</c>. A null or empty <see cref="ApiKey"/> keeps the saved key;
    /// <see cref="ClearApiKey"/> removes it; a null <see cref="PageSize"/> keeps the saved one (500 for a new source).
    /// </summary>
    public sealed record SourceInput(string? Kind, string? BaseUrl, string? ApiKey, string? Cron, int? PageSize, bool ClearApiKey = false);

    /// <summary>The outcome of saving a source: the refused fields (none when it was saved).</summary>
    public sealed record SourceSaveResult(IReadOnlyList<SourceFieldError> Errors, bool Created)
    {
        public bool Saved => Errors.Count == 0;
    }

    /// <summary>Adds or edits a source and reschedules it; the key is stored and never returned.</summary>
    private static async Task<IResult> Save(string name, SourceInput input, ICollectorsAdmin admin, CancellationToken ct)
    {
        var result = await admin.SaveSourceAsync(name, input, mustBeNew: false, ct);
        if (!result.Saved)
        {
            return Problems.Validation(result.Errors.GroupBy(e => JsonNamingPolicy.CamelCase.ConvertName(e.Field))
                .ToDictionary(g => g.Key, g => g.Select(e => e.Message).ToArray()));
        }

        return Results.Ok(new { source = name, saved = true, created = result.Created });
    }

    private static Task<IResult> RunNow(string name, IDbContextFactory<ReportingDbContext> dbFactory, CollectorScheduler scheduler, CancellationToken ct) =>
        WithSource(name, dbFactory, ct, async () =>
        {
            await scheduler.RunNowAsync(name, ct);
            return Results.Accepted(value: new { source = name, message = "Đã yêu cầu chạy thu thập ngay." });
        });

    private static Task<IResult> Pause(string name, IDbContextFactory<ReportingDbContext> dbFactory, CollectorScheduler scheduler, CancellationToken ct) =>
        WithSource(name, dbFactory, ct, async () =>
        {
            await scheduler.PauseAsync(name, ct);
            return Results.Ok(new { source = name, paused = true });
        });

    private static Task<IResult> Resume(string name, IDbContextFactory<ReportingDbContext> dbFactory, CollectorScheduler scheduler, CancellationToken ct) =>
        WithSource(name, dbFactory, ct, async () =>
        {
            await scheduler.ResumeAsync(name, ct);
            return Results.Ok(new { source = name, paused = false });
        });

    private static async Task<IResult> Reprocess(string? source, string? reason, QuarantineReprocessor reprocessor, CancellationToken ct)
    {
        var (tried, stored) = await reprocessor.ReprocessAsync(reason, source, null, ct);
        return Results.Ok(new { tried, stored });
    }

    /// <summary>Payments whose dossier has not arrived after <c>Collectors:UnmatchedPaymentDays</c>, oldest first, paged.</summary>
    private static async Task<IResult> Unmatched(int? page, int? pageSize, ICollectorsAdmin admin, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        var (number, size) = ApiPaging.Read(page, pageSize, 100, errors);
        if (errors.Count > 0)
        {
            return Problems.Validation(errors);
        }

        var result = await admin.UnmatchedPaymentsAsync(ApiPaging.Skip(number, size), size, ct);
        return Results.Ok(new
        {
            olderThanDays = result.OlderThanDays,
            storedBefore = IndicatorsApi.Offset(result.StoredBefore),
            total = result.Total,
            page = number,
            pageSize = size,
            items = result.Items.Select(p => new
            {
                transactionCode = p.TransactionCode,
                dossierCode = p.DossierCode,
                source = p.Source,
                amount = p.Amount,
                channel = p.Channel,
                state = p.State,
                paidAt = IndicatorsApi.Offset(p.PaidAt),
                storedAt = IndicatorsApi.Offset(p.StoredAt),
                ageDays = p.AgeDays,
            }),
        });
    }

    private static async Task<IResult> WithSource(string name, IDbContextFactory<ReportingDbContext> dbFactory, CancellationToken ct, Func<Task<IResult>> action)
    {
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            if (!await db.CollectorSources.AnyAsync(s => s.Name == name, ct))
            {
                return Problems.Result(StatusCodes.Status404NotFound, "urn:reporting-system:problem:collector-not-found",
                    "Không tìm thấy nguồn thu thập", $"Không có nguồn thu thập tên '{name}'.");
            }
        }

        return await action();
    }
}

using Microsoft.EntityFrameworkCore;
using Reporting.Collectors;
using Reporting.Core.Collectors;
using Reporting.Core.Ingest;
using Reporting.Core.Persistence;
using Reporting.Web.Api;

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

    /// <summary>The body of <c>PUT /api/v1/collectors/{name}</c>; a null or empty <see cref="ApiKey"/> keeps the saved key.</summary>
    public sealed record SourceInput(string? Kind, string? BaseUrl, string? ApiKey, string? Cron, int? PageSize);

    /// <summary>Adds or edits a source and reschedules it; the key is stored and never returned.</summary>
    private static async Task<IResult> Save(string name, SourceInput input, IDbContextFactory<ReportingDbContext> dbFactory, CollectorScheduler scheduler, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        if (name.Length is 0 or > 64)
        {
            errors["name"] = ["Tên nguồn phải từ 1 đến 64 ký tự."];
        }

        if (!Enum.TryParse<CollectorKind>(input.Kind, ignoreCase: true, out var kind) || !Enum.IsDefined(kind))
        {
            errors["kind"] = ["Loại nguồn phải là DossierFeed, PaymentFeed hoặc ProcedureCatalog."];
        }

        if (!Uri.TryCreate(input.BaseUrl, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            errors["baseUrl"] = ["Địa chỉ phải là URL http(s) đầy đủ."];
        }

        if (CollectorOptions.CronProblem(input.Cron) is { } problem)
        {
            errors["cron"] = [$"Biểu thức cron không hợp lệ ({problem})."];
        }

        if (input.PageSize is < 1 or > 100_000)
        {
            errors["pageSize"] = ["Kích thước trang phải từ 1 đến 100000."];
        }

        if (errors.Count > 0)
        {
            return Problems.Validation(errors);
        }

        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            var source = await db.CollectorSources.SingleOrDefaultAsync(s => s.Name == name, ct);
            if (source is null)
            {
                source = new CollectorSource { Name = name, BaseUrl = input.BaseUrl!, Cron = input.Cron! };
                db.CollectorSources.Add(source);
            }

            source.Kind = kind;
            source.BaseUrl = input.BaseUrl!;
            source.Cron = input.Cron!;
            source.PageSize = input.PageSize ?? source.PageSize;
            if (!string.IsNullOrEmpty(input.ApiKey))
            {
                source.ApiKey = input.ApiKey;
                // A new key may fix a refused one: the next run tells.
                if (source.State == CollectorSourceState.Misconfigured)
                {
                    source.State = CollectorSourceState.Ok;
                }
            }

            await db.SaveChangesAsync(ct);
        }

        await scheduler.SyncAsync(ct);
        return Results.Ok(new { source = name, saved = true });
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

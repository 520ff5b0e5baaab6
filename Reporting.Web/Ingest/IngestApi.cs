using System.Security.Claims;
using System.Text.Json;
using Reporting.Core.Ingest;
using Reporting.Core.Persistence;
using Reporting.Web.Access;
using Reporting.Web.Api;

namespace Reporting.Web.Ingest;

/// <summary>Push ingest (spec feeds.md): the source is the API key's name.</summary>
public static class IngestApi
{
    public static IEndpointRouteBuilder MapIngestApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/ingest").RequireAuthorization(ApiScopes.Ingest).WithTags("Tiếp nhận dữ liệu");
        group.MapPost("/dossiers", IngestDossiers).WithName("IngestDossiers");
        group.MapPost("/payments", IngestPayments).WithName("IngestPayments");
        app.MapDossierTemplate();
        return app;
    }

    private static async Task<IResult> IngestDossiers(HttpRequest request, DossierIngestor ingestor, CallerScope callers, CancellationToken ct)
    {
        var (records, problem) = await ReadEnvelopeAsync(request, ct);
        if (problem is not null)
        {
            return problem;
        }

        var scope = await callers.ForAsync(request.HttpContext.User, ct);
        if (!scope.IsEverything && scope.Root is null)
        {
            return ScopeProblems.Forbidden(scope.RootCode);
        }

        var report = await ingestor.IngestAsync(SourceOf(request.HttpContext.User), records!, scope, ct);
        return Results.Ok(ReportJson(report));
    }

    private static async Task<IResult> IngestPayments(HttpRequest request, PaymentIngestor ingestor, CallerScope callers, CancellationToken ct)
    {
        var (records, problem) = await ReadEnvelopeAsync(request, ct);
        if (problem is not null)
        {
            return problem;
        }

        var scope = await callers.ForAsync(request.HttpContext.User, ct);
        if (!scope.IsEverything && scope.Root is null)
        {
            return ScopeProblems.Forbidden(scope.RootCode);
        }

        var report = await ingestor.IngestAsync(SourceOf(request.HttpContext.User), records!, scope, ct);
        return Results.Ok(ReportJson(report));
    }

    private static string SourceOf(ClaimsPrincipal user) => user.Identity?.Name ?? "push";

    /// <summary>Reads <c>{ "service": …, "isUpdating": …, "data": [ … ] }</c>; payments may also send <c>items</c>.</summary>
    private static async Task<(List<IngestRecord>? Records, IResult? Problem)> ReadEnvelopeAsync(HttpRequest request, CancellationToken ct)
    {
        JsonDocument document;
        try
        {
            document = await JsonDocument.ParseAsync(request.Body, default, ct);
        }
        catch (JsonException e)
        {
            return (null, Problems.Result(StatusCodes.Status400BadRequest, "invalid-json", "JSON không hợp lệ",
                $"Nội dung gửi lên không phải JSON hợp lệ: {e.Message}"));
        }

        var root = document.RootElement;
        if (root.ValueKind != JsonValueKind.Object
            || !(root.TryGetProperty("data", out var data) || root.TryGetProperty("items", out data))
            || data.ValueKind != JsonValueKind.Array)
        {
            return (null, Problems.Validation(new Dictionary<string, string[]>
            {
                ["data"] = ["Cần đối tượng { \"service\": \"DongBoHoSoMC\", \"isUpdating\": true, \"data\": [ … ] } với data là mảng bản ghi."],
            }));
        }

        // Elements stay valid while the document lives; the document is owned by the request.
        request.HttpContext.Response.RegisterForDispose(document);
        return (data.EnumerateArray().Select(e => new IngestRecord(e)).ToList(), null);
    }

    private static object ReportJson(IngestReport report) => new
    {
        received = report.Records.Count,
        stored = report.Count(RecordOutcome.Stored),
        unchanged = report.Count(RecordOutcome.Unchanged),
        stale = report.Count(RecordOutcome.Stale),
        quarantined = report.Count(RecordOutcome.Quarantined),
        records = report.Records.Select(r => new
        {
            index = r.Index,
            key = r.Key,
            outcome = r.Outcome.ToString().ToLowerInvariant(),
            reasons = r.Reasons.Select(x => new { code = x.Code, field = x.Field, message = x.Message }),
        }),
    };
}

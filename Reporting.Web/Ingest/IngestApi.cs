using System.Security.Claims;
using System.Text.Json;
using Microsoft.Extensions.Options;
using Reporting.Core.Access;
using Reporting.Core.Ingest;
using Reporting.Core.Ingest.Files;
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

    private static Task<IResult> IngestDossiers(
        HttpRequest request, DossierIngestor ingestor, CallerScope callers, IOptions<IngestUploadOptions> limits, CancellationToken ct) =>
        IngestAsync(request, callers, limits, ingestor.IngestAsync, ct);

    private static Task<IResult> IngestPayments(
        HttpRequest request, PaymentIngestor ingestor, CallerScope callers, IOptions<IngestUploadOptions> limits, CancellationToken ct) =>
        IngestAsync(request, callers, limits, ingestor.IngestAsync, ct);

    /// <summary>Both pushes: the envelope read and bounded, the caller's scope applied, the records stored.</summary>
    private static async Task<IResult> IngestAsync(HttpRequest request, CallerScope callers, IOptions<IngestUploadOptions> limits,
        Func<string, IReadOnlyList<IngestRecord>, AgencyScope?, CancellationToken, Task<IngestReport>> ingest, CancellationToken ct)
    {
        // The records are slices of the envelope's pooled buffer: it is returned once the ingest is done.
        using var envelope = await IngestEnvelope.ReadAsync(request.Body, request.ContentLength, ct);
        var (records, problem) = ReadEnvelope(envelope, limits.Value.MaxRecordsPerCall);
        if (problem is not null)
        {
            return problem;
        }

        var scope = await callers.ForAsync(request.HttpContext.User, ct);
        if (!scope.IsEverything && scope.Root is null)
        {
            return ScopeProblems.Forbidden(scope.RootCode);
        }

        var report = await ingest(SourceOf(request.HttpContext.User), records!, scope, ct);
        return Results.Ok(ReportJson(report));
    }

    private static string SourceOf(ClaimsPrincipal user) => user.Identity?.Name ?? "push";

    /// <summary>
    /// Reads <c>{ "service": …, "isUpdating": …, "data": [ … ] }</c>; payments may also send <c>items</c>. More than
    /// <paramref name="maxRecords"/> records is refused whole (413), before any is stored.
    /// </summary>
    private static (List<IngestRecord>? Records, IResult? Problem) ReadEnvelope(IngestEnvelope envelope, int maxRecords)
    {
        List<(int Start, int Length)>? slices;
        try
        {
            slices = envelope.Records();
        }
        catch (JsonException e)
        {
            return (null, Problems.Result(StatusCodes.Status400BadRequest, "invalid-json", "JSON không hợp lệ",
                $"Nội dung gửi lên không phải JSON hợp lệ: {e.Message}"));
        }

        if (slices is null)
        {
            return (null, Problems.Validation(new Dictionary<string, string[]>
            {
                ["data"] = ["Cần đối tượng { \"service\": \"DongBoHoSoMC\", \"isUpdating\": true, \"data\": [ … ] } với data là mảng bản ghi."],
            }));
        }

        if (slices.Count > maxRecords)
        {
            return (null, Problems.Result(StatusCodes.Status413PayloadTooLarge, "too-many-records", "Quá nhiều bản ghi trong một lần gửi",
                $"Mỗi lần gửi tối đa {maxRecords.ToString("N0", Vi)} bản ghi (Ingest:MaxRecordsPerCall); lần này có {slices.Count.ToString("N0", Vi)}. Hãy chia thành nhiều lần gửi."));
        }

        return (envelope.ToRecords(slices), null);
    }

    private static readonly System.Globalization.CultureInfo Vi = System.Globalization.CultureInfo.GetCultureInfo("vi-VN");

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

using Reporting.Core.Imports;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Reporting.Web.Api;

/// <summary>The answers of the all-or-nothing imports (agency tree, procedure catalogue, regimes).</summary>
public static class ImportProblems
{
    public static IResult Refused(ImportResult result, string what)
    {
        var problem = new HttpValidationProblemDetails(result.Reasons
            .GroupBy(r => r.Index is { } i ? $"items[{i}]{(r.Field is null ? "" : "." + r.Field)}" : r.Field ?? "items")
            .ToDictionary(g => g.Key, g => g.Select(r => r.Message).ToArray()))
        {
            Status = StatusCodes.Status400BadRequest,
            Type = Problems.TypePrefix + "import-refused",
            Title = "Dữ liệu bị từ chối",
            Detail = $"{what} không được áp dụng vì có {result.Reasons.Count} lỗi; không có thay đổi nào được ghi.",
        };
        problem.Extensions["reasons"] = result.Reasons.Select(r => new { index = r.Index, code = r.Code, field = r.Field, reason = r.ReasonCode, message = r.Message });
        return TypedResults.Problem(problem);
    }

    /// <summary>
    /// The all-or-nothing <c>PUT</c> of a reference list (tree, catalogue, regimes): reads <c>{ items }</c>, applies
    /// it, and answers 400 with every reason, or 200 with what the import reports.
    /// </summary>
    public static async Task<IResult> ReplaceAsync<T>(HttpRequest request, string what, Func<List<T>, Task<ImportResult>> apply, Func<ImportResult, object> answer, CancellationToken ct)
    {
        var (items, problem) = await ReadItemsAsync<T>(request, ct);
        if (problem is not null)
        {
            return problem;
        }

        var result = await apply(items!);
        return result.Succeeded ? Results.Ok(answer(result)) : Refused(result, what);
    }

    public static Reporting.Core.Audit.AuditActor Actor(HttpRequest request) =>
        Reporting.Core.Audit.AuditActor.From(request.HttpContext.User, request.HttpContext.Connection.RemoteIpAddress?.ToString());

    public static object Counts(ImportCounts c) => new { added = c.Added, updated = c.Updated, unchanged = c.Unchanged, ended = c.Ended, deleted = c.Deleted };

    /// <summary>Reads <c>{ "items": [ … ] }</c>; null with a problem when the body is not that.</summary>
    public static async Task<(List<T>? Items, IResult? Problem)> ReadItemsAsync<T>(HttpRequest request, CancellationToken ct)
    {
        if (!request.HasJsonContentType())
        {
            return (null, Problems.Result(StatusCodes.Status415UnsupportedMediaType, "unsupported-media-type", "Sai kiểu nội dung",
                "Nội dung gửi lên phải là JSON (Content-Type: application/json) dạng { \"items\": [ … ] }."));
        }

        try
        {
            var document = await request.ReadFromJsonAsync<ItemsDocument<T>>(ct);
            if (document?.Items is { } items)
            {
                return (items, null);
            }
        }
        catch (System.Text.Json.JsonException e)
        {
            return (null, Problems.Result(StatusCodes.Status400BadRequest, "invalid-json", "JSON không hợp lệ", $"Nội dung gửi lên không đúng định dạng: {e.Message}"));
        }

        return (null, Problems.Validation(new Dictionary<string, string[]> { ["items"] = ["Cần đối tượng { \"items\": [ … ] }."] }));
    }

    private sealed class ItemsDocument<T>
    {
        [System.Text.Json.Serialization.JsonPropertyName("items")]
        public List<T>? Items { get; set; }
    }
}

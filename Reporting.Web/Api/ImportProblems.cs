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

using System.Net;
using System.Text.Json;
using Reporting.Core.Collectors;
using Reporting.Core.Feeds;

namespace Reporting.Collectors;

/// <summary>The source refused the key (401/403): the URL or the key is wrong; retrying will not help.</summary>
public sealed class SourceMisconfiguredException(string message) : Exception(message);

/// <summary>The source failed in a way the schedule may retry (5xx, timeout, broken answer).</summary>
public sealed class SourceFailedException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>One page of raw items and the next cursor.</summary>
public sealed record RawFeedPage(IReadOnlyList<JsonElement> Items, string? NextCursor);

/// <summary>Shared HTTP handling of the three source kinds: the key header, status mapping and envelope reading.</summary>
public abstract class FeedClientBase(HttpClient http)
{
    protected async Task<RawFeedPage> GetPageAsync(CollectorSource source, string relative, CancellationToken ct)
    {
        var url = source.BaseUrl.TrimEnd('/') + relative;
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        if (!string.IsNullOrEmpty(source.ApiKey))
        {
            request.Headers.Add("X-Api-Key", source.ApiKey);
        }

        HttpResponseMessage response;
        try
        {
            response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, ct);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception e) when (e is HttpRequestException or TimeoutException or OperationCanceledException or Polly.Timeout.TimeoutRejectedException
                                  or Polly.CircuitBreaker.BrokenCircuitException)
        {
            throw new SourceFailedException(e switch
            {
                Polly.Timeout.TimeoutRejectedException or TimeoutException or OperationCanceledException => $"Hệ thống nguồn không trả lời kịp thời hạn ({url}).",
                Polly.CircuitBreaker.BrokenCircuitException => "Tạm ngừng gọi hệ thống nguồn sau nhiều lỗi liên tiếp (cầu dao ngắt); sẽ thử lại sau.",
                _ => $"Không kết nối được hệ thống nguồn ({url}): {e.Message}",
            }, e);
        }

        using (response)
        {
            if (response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden)
            {
                throw new SourceMisconfiguredException(
                    $"Hệ thống nguồn từ chối khóa API (HTTP {(int)response.StatusCode}): kiểm tra địa chỉ và khóa API của nguồn.");
            }

            if (!response.IsSuccessStatusCode)
            {
                throw new SourceFailedException($"Hệ thống nguồn trả lỗi HTTP {(int)response.StatusCode} ({url}).");
            }

            try
            {
                await using var stream = await response.Content.ReadAsStreamAsync(ct);
                using var document = await JsonDocument.ParseAsync(stream, cancellationToken: ct);
                var root = document.RootElement;
                if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("items", out var items) || items.ValueKind != JsonValueKind.Array)
                {
                    throw new SourceFailedException("Dữ liệu hệ thống nguồn trả về không đúng định dạng: thiếu mảng 'items'.");
                }

                // One copy of the whole array outlives the pooled document; cloning item by item costs a document each.
                var list = new List<JsonElement>(items.GetArrayLength());
                foreach (var item in items.Clone().EnumerateArray())
                {
                    list.Add(item);
                }

                string? next = root.TryGetProperty("nextCursor", out var cursor) && cursor.ValueKind == JsonValueKind.String ? cursor.GetString() : null;
                return new RawFeedPage(list, string.IsNullOrEmpty(next) ? null : next);
            }
            catch (JsonException e)
            {
                throw new SourceFailedException("Dữ liệu hệ thống nguồn trả về không phải JSON hợp lệ.", e);
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                throw;
            }
            catch (Exception e) when (e is IOException or HttpRequestException or OperationCanceledException)
            {
                throw new SourceFailedException($"Kết nối bị ngắt khi đọc dữ liệu hệ thống nguồn ({url}).", e);
            }
        }
    }

    protected static string Query(DateTime updatedSince, string? cursor, int limit) =>
        $"?updatedSince={FeedDates.Format14(updatedSince)}&limit={limit}" + (cursor is null ? "" : "&cursor=" + Uri.EscapeDataString(cursor));
}

/// <summary>A one-stop system: <c>GET {BaseUrl}/dossiers?updatedSince=…&amp;cursor=…&amp;limit=…</c>.</summary>
public sealed class DossierFeedClient(HttpClient http) : FeedClientBase(http)
{
    public Task<RawFeedPage> GetAsync(CollectorSource source, DateTime updatedSince, string? cursor, CancellationToken ct) =>
        GetPageAsync(source, "/dossiers" + Query(updatedSince, cursor, source.PageSize), ct);
}

/// <summary>The payment platform: <c>GET {BaseUrl}/payments?updatedSince=…&amp;cursor=…&amp;limit=…</c>.</summary>
public sealed class PaymentFeedClient(HttpClient http) : FeedClientBase(http)
{
    public Task<RawFeedPage> GetAsync(CollectorSource source, DateTime updatedSince, string? cursor, CancellationToken ct) =>
        GetPageAsync(source, "/payments" + Query(updatedSince, cursor, source.PageSize), ct);
}

/// <summary>The procedure catalogue: <c>GET {BaseUrl}/procedures</c>.</summary>
public sealed class ProcedureCatalogClient(HttpClient http) : FeedClientBase(http)
{
    public async Task<List<ProcedureFeedItem>> GetAsync(CollectorSource source, CancellationToken ct)
    {
        var page = await GetPageAsync(source, "/procedures", ct);
        try
        {
            return page.Items.Select(i => i.Deserialize<ProcedureFeedItem>()!).ToList();
        }
        catch (Exception e) when (e is JsonException or NullReferenceException)
        {
            throw new SourceFailedException("Danh mục TTHC trả về có mục không đúng định dạng.", e);
        }
    }
}

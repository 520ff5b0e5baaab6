using System.Net;
using System.Text.Json;
using Microsoft.Extensions.Options;
using Reporting.Core.Collectors;
using Reporting.Core.Feeds;

namespace Reporting.Collectors;

/// <summary>The source refused the key (401/403), or its address is not allowed: the URL or the key must be fixed; retrying will not help.</summary>
public sealed class SourceMisconfiguredException(string message, string? detail = null) : Exception(message)
{
    /// <summary>What happened exactly (address, status), for the server log only.</summary>
    public string Detail { get; } = detail ?? message;
}

/// <summary>
/// The source failed in a way the schedule may retry (5xx, timeout, broken answer). The message is what the
/// collectors page shows; <see cref="Detail"/> goes to the log only, so the page never tells whether a port answered.
/// </summary>
public sealed class SourceFailedException(string message, Exception? inner = null, string? detail = null) : Exception(message, inner)
{
    public string Detail { get; } = detail ?? message;
}

/// <summary>
/// Shared HTTP handling of the three source kinds: the key header, redirects (followed by hand, each target
/// checked, the key sent only to the source's own server), the response size cap, status mapping and
/// envelope reading. Failures carry one message for the page and the detail for the log.
/// </summary>
public abstract class FeedClientBase(HttpClient http, IOptions<CollectorOptions> options)
{
    /// <summary>What the page shows for every failure to get an answer: the same words whether a port answered or not.</summary>
    public const string Unreachable = "Không lấy được dữ liệu từ hệ thống nguồn (không kết nối được, quá thời hạn hoặc trả lỗi); chi tiết trong nhật ký máy chủ. Lịch thu thập sẽ thử lại.";

    private const int MaxRedirects = 5;

    protected async Task<RawFeedPage> GetPageAsync(CollectorSource source, string relative, CancellationToken ct)
    {
        var url = new Uri(source.BaseUrl.TrimEnd('/') + relative);
        var home = CollectorSourceRules.Authority(source.BaseUrl);
        var limit = options.Value.MaxResponseBytes;
        for (var hop = 0; ; hop++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, url);
            var apiKey = source.ApiKey;
            if (!string.IsNullOrEmpty(apiKey) && CollectorSourceRules.Authority(url.AbsoluteUri) == home)
            {
                request.Headers.Add("X-Api-Key", apiKey);
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
            catch (HttpRequestException e) when (e.InnerException is SourceAddressRefusedException refused)
            {
                throw new SourceMisconfiguredException($"Địa chỉ nguồn không được phép: {refused.Message}. Sửa địa chỉ hoặc Collectors:AllowedNetworks.",
                    $"connection to {url} refused by the network policy: {refused.Message}");
            }
            catch (Exception e) when (e is HttpRequestException or TimeoutException or OperationCanceledException or Polly.Timeout.TimeoutRejectedException
                                      or Polly.CircuitBreaker.BrokenCircuitException)
            {
                throw new SourceFailedException(Unreachable, e, e switch
                {
                    Polly.Timeout.TimeoutRejectedException or TimeoutException or OperationCanceledException => $"timeout calling {url}",
                    Polly.CircuitBreaker.BrokenCircuitException => $"circuit open for {url}",
                    _ => $"cannot connect to {url}: {e.Message}",
                });
            }

            using (response)
            {
                if ((int)response.StatusCode is >= 300 and < 400 && response.Headers.Location is { } location)
                {
                    var next = location.IsAbsoluteUri ? location : new Uri(url, location);
                    if (hop >= MaxRedirects || next.Scheme is not ("http" or "https"))
                    {
                        throw new SourceFailedException(Unreachable, detail: $"redirect from {url} to {next} refused (hop {hop + 1}, scheme {next.Scheme})");
                    }

                    // The target's address is checked again when it is connected (CollectorHttpHandler).
                    url = next;
                    continue;
                }

                if (response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden)
                {
                    throw new SourceMisconfiguredException(
                        $"Hệ thống nguồn từ chối khóa API (HTTP {(int)response.StatusCode}): kiểm tra địa chỉ và khóa API của nguồn.");
                }

                if (!response.IsSuccessStatusCode)
                {
                    throw new SourceFailedException(Unreachable, detail: $"HTTP {(int)response.StatusCode} from {url}");
                }

                if (response.Content.Headers.ContentLength > limit)
                {
                    throw TooLarge(url, limit);
                }

                return await ReadEnvelopeAsync(response, url, limit, ct);
            }
        }
    }

    private static async Task<RawFeedPage> ReadEnvelopeAsync(HttpResponseMessage response, Uri url, long limit, CancellationToken ct)
    {
        try
        {
            await using var stream = new CappedStream(await response.Content.ReadAsStreamAsync(ct), limit);
            return await RawFeedPage.ReadAsync(stream, response.Content.Headers.ContentLength, ct);
        }
        catch (InvalidDataException)
        {
            throw new SourceFailedException("Dữ liệu hệ thống nguồn trả về không đúng định dạng: thiếu mảng 'items'.");
        }
        catch (CappedStream.LimitExceededException)
        {
            throw TooLarge(url, limit);
        }
        catch (JsonException e)
        {
            throw new SourceFailedException("Dữ liệu hệ thống nguồn trả về không phải JSON hợp lệ.", e, $"invalid JSON from {url}: {e.Message}");
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception e) when (e is IOException or HttpRequestException or OperationCanceledException)
        {
            throw new SourceFailedException(Unreachable, e, $"connection lost reading {url}: {e.Message}");
        }
    }

    private static SourceFailedException TooLarge(Uri url, long limit) => new(
        $"Dữ liệu hệ thống nguồn trả về vượt giới hạn {limit / (1024 * 1024)} MB (Collectors:MaxResponseMegabytes); giảm PageSize của nguồn hoặc tăng giới hạn.",
        detail: $"answer of {url} over {limit} bytes");

    protected static string Query(DateTime updatedSince, string? cursor, int limit) =>
        $"?updatedSince={FeedDates.Format14(updatedSince)}&limit={limit}" + (cursor is null ? "" : "&cursor=" + Uri.EscapeDataString(cursor));
}

/// <summary>A one-stop system: <c>GET {BaseUrl}/dossiers?updatedSince=…&amp;cursor=…&amp;limit=…</c>.</summary>
public sealed class DossierFeedClient(HttpClient http, IOptions<CollectorOptions> options) : FeedClientBase(http, options)
{
    public Task<RawFeedPage> GetAsync(CollectorSource source, DateTime updatedSince, string? cursor, CancellationToken ct) =>
        GetPageAsync(source, "/dossiers" + Query(updatedSince, cursor, source.PageSize), ct);
}

/// <summary>The payment platform: <c>GET {BaseUrl}/payments?updatedSince=…&amp;cursor=…&amp;limit=…</c>.</summary>
public sealed class PaymentFeedClient(HttpClient http, IOptions<CollectorOptions> options) : FeedClientBase(http, options)
{
    public Task<RawFeedPage> GetAsync(CollectorSource source, DateTime updatedSince, string? cursor, CancellationToken ct) =>
        GetPageAsync(source, "/payments" + Query(updatedSince, cursor, source.PageSize), ct);
}

/// <summary>The procedure catalogue: <c>GET {BaseUrl}/procedures</c>.</summary>
public sealed class ProcedureCatalogClient(HttpClient http, IOptions<CollectorOptions> options) : FeedClientBase(http, options)
{
    public async Task<List<ProcedureFeedItem>> GetAsync(CollectorSource source, CancellationToken ct)
    {
        using var page = await GetPageAsync(source, "/procedures", ct);
        try
        {
            return page.Items.Select(i => JsonSerializer.Deserialize<ProcedureFeedItem>(i.Span)!).ToList();
        }
        catch (Exception e) when (e is JsonException or NullReferenceException)
        {
            throw new SourceFailedException("Danh mục TTHC trả về có mục không đúng định dạng.", e);
        }
    }
}

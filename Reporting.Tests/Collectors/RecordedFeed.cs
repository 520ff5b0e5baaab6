using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Reporting.Tests.Collectors;

/// <summary>
/// A source on loopback that answers from recordings of another source (the simulator), by path and query: the
/// first time a request is seen it is forwarded and its answer kept, afterwards the kept bytes are sent. A benchmark
/// uses it so that the source's own work (the simulator building and serialising 5,000 dossiers a page, on the
/// same 2 cores) stays outside the timing, as with a real source on another machine.
/// </summary>
public sealed class RecordedFeed : IAsyncDisposable
{
    private readonly ConcurrentDictionary<string, Answer> _answers = new(StringComparer.Ordinal);
    private readonly HttpClient _upstream = new();
    private WebApplication? _app;
    private int _forwarded;
    private int _replayed;

    private sealed record Answer(int Status, string? ContentType, byte[] Body);

    public string BaseUrl { get; private set; } = "";

    /// <summary>Requests answered by asking the upstream source (first sight).</summary>
    public int Forwarded => _forwarded;

    /// <summary>Requests answered from a recording.</summary>
    public int Replayed => _replayed;

    public static async Task<RecordedFeed> StartAsync(string upstreamBaseUrl)
    {
        var feed = new RecordedFeed();
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel().UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        app.Run(context => feed.AnswerAsync(context, upstreamBaseUrl.TrimEnd('/')));
        await app.StartAsync();
        feed._app = app;
        feed.BaseUrl = app.Urls.First().TrimEnd('/');
        return feed;
    }

    private async Task AnswerAsync(HttpContext context, string upstream)
    {
        var key = context.Request.Path.Value + context.Request.QueryString.Value;
        if (_answers.TryGetValue(key, out var answer))
        {
            Interlocked.Increment(ref _replayed);
        }
        else
        {
            using var request = new HttpRequestMessage(new HttpMethod(context.Request.Method), upstream + key);
            foreach (var header in context.Request.Headers.Where(h => !string.Equals(h.Key, "Host", StringComparison.OrdinalIgnoreCase)))
            {
                request.Headers.TryAddWithoutValidation(header.Key, header.Value.ToArray());
            }

            using var response = await _upstream.SendAsync(request, context.RequestAborted);
            answer = new Answer((int)response.StatusCode, response.Content.Headers.ContentType?.ToString(),
                await response.Content.ReadAsByteArrayAsync(context.RequestAborted));
            // Only answers worth replaying: a failure is asked for again next time.
            if (response.IsSuccessStatusCode)
            {
                _answers[key] = answer;
            }

            Interlocked.Increment(ref _forwarded);
        }

        context.Response.StatusCode = answer.Status;
        context.Response.ContentType = answer.ContentType;
        context.Response.ContentLength = answer.Body.Length;
        await context.Response.Body.WriteAsync(answer.Body, context.RequestAborted);
    }

    public async ValueTask DisposeAsync()
    {
        _upstream.Dispose();
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
    }
}

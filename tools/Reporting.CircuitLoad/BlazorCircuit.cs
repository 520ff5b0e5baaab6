using System.Diagnostics;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.AspNetCore.SignalR.Protocol;
using Microsoft.Extensions.DependencyInjection;

namespace Reporting.CircuitLoad;

/// <summary>
/// One overview as blazor.web.js holds it, without a browser: the page's component markers, the
/// <c>/_blazor</c> hub (WebSockets, the sign-in cookie), <c>StartCircuit</c> then
/// <c>UpdateRootComponents</c>; every render batch acknowledged, every JavaScript call answered
/// "done, no value" (nothing is drawn, so there is nothing to measure or to return). Batches are not
/// interpreted, only searched for the figures a data change must bring.
/// </summary>
public sealed partial class BlazorCircuit(Uri baseUri, CookieContainer cookies) : IAsyncDisposable
{
    private readonly TaskCompletionSource _rendered = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Lock _gate = new();
    private readonly List<(TimeSpan At, byte[] Data)> _since = [];
    private HubConnection? _hub;
    private string? _secret;
    private Stopwatch? _clock;
    private long _jsObjects;

    public string? Error { get; private set; }

    public async Task StartAsync(HttpClient http, string path, CancellationToken ct)
    {
        var page = new Uri(baseUri, path);
        var html = await http.GetStringAsync(page, ct);
        var markers = Marker().Matches(html).Select(m => m.Groups[1].Value).Where(m => m.Contains("\"descriptor\"", StringComparison.Ordinal)).ToList();
        if (markers.Count == 0)
        {
            throw new InvalidOperationException($"{path} has no interactive component: not signed in?");
        }

        var builder = new HubConnectionBuilder().WithUrl(new Uri(baseUri, "_blazor"), o =>
        {
            o.Cookies = cookies;
            o.Transports = HttpTransportType.WebSockets;
        });
        builder.Services.AddSingleton<IHubProtocol, BlazorPackProtocol>();
        var hub = _hub = builder.Build();
        hub.ServerTimeout = TimeSpan.FromMinutes(2);
        hub.On("JS.RenderBatch", [typeof(long), typeof(byte[])], async args =>
        {
            var (id, data) = ((long)args[0]!, (byte[])args[1]!);
            lock (_gate)
            {
                if (_clock is { } clock) _since.Add((clock.Elapsed, data));
            }

            _rendered.TrySetResult();
            await hub.SendAsync("OnRenderCompleted", id, null);
        });
        // .NET 10: (asyncHandle, identifier, argsJson, resultType, targetInstanceId, callType); handle 0 wants no answer.
        // A module import (result type 1, JSObjectReference) gets an object id, as the browser's runtime gives one.
        hub.On("JS.BeginInvokeJS", [typeof(long), typeof(string), typeof(string), typeof(int), typeof(long), typeof(int)], async args =>
        {
            var handle = (long)args[0]!;
            var result = (int)args[3]! == 1 ? $"{{\"__jsObjectId\":{Interlocked.Increment(ref _jsObjects)}}}" : "null";
            if (handle != 0) await hub.SendAsync("EndInvokeJSFromDotNet", handle, true, $"[{handle},true,{result}]");
        });
        hub.On("JS.EndUpdateRootComponents", [typeof(long)], _ => Task.CompletedTask);
        hub.On("JS.Error", [typeof(string)], args =>
        {
            Error ??= "JS.Error: " + args[0];
            _rendered.TrySetResult();
            return Task.CompletedTask;
        });
        hub.Closed += e =>
        {
            if (e is not null) Error ??= "closed: " + e.Message;
            return Task.CompletedTask;
        };

        await hub.StartAsync(ct);
        _secret = await hub.InvokeAsync<string?>("StartCircuit", baseUri.ToString(), page.ToString(), "[]", "", ct)
            ?? throw new InvalidOperationException("StartCircuit refused.");
        // What blazor.web.js sends for the page's interactive roots: one "add" per marker.
        var operations = markers.Select((m, i) => new { type = "add", ssrComponentId = i + 1, marker = JsonDocument.Parse(m).RootElement });
        await hub.SendAsync("UpdateRootComponents", JsonSerializer.Serialize(new { batchId = 1, operations }), "", ct);
        await _rendered.Task.WaitAsync(TimeSpan.FromSeconds(120), ct);
        if (Error is not null) throw new InvalidOperationException(Error);
    }

    public void Mark(Stopwatch clock)
    {
        lock (_gate)
        {
            _since.Clear();
            _clock = clock;
        }
    }

    /// <summary>When the first batch since <see cref="Mark"/> carrying every one of <paramref name="texts"/> arrived, if one did.</summary>
    public TimeSpan? ArrivalOf(IReadOnlyList<byte[]> texts)
    {
        lock (_gate)
        {
            foreach (var (at, data) in _since)
            {
                if (texts.All(t => data.AsSpan().IndexOf(t) >= 0)) return at;
            }
        }

        return null;
    }

    public static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);

    /// <summary>Ends the circuit as a closing tab does (blazor.web.js posts the circuit id to /_blazor/disconnect), then the connection.</summary>
    public async Task CloseAsync(HttpClient http)
    {
        if (_secret is { } secret)
        {
            using var form = new MultipartFormDataContent { { new StringContent(secret), "circuitId" } };
            using var _ = await http.PostAsync(new Uri(baseUri, "_blazor/disconnect"), form);
            _secret = null;
        }

        await DisposeAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (_hub is not null)
        {
            await _hub.DisposeAsync();
            _hub = null;
        }

        lock (_gate) _since.Clear();
    }

    [GeneratedRegex(@"<!--Blazor:(\{.*?\})-->", RegexOptions.Singleline)]
    private static partial Regex Marker();
}

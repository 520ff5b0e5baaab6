using System.Diagnostics;
using System.Net;
using System.Text.RegularExpressions;

namespace Reporting.CircuitLoad;

/// <summary>N overviews held at the protocol level (<see cref="BlazorCircuit"/>), one signed-in user, opened a few at a time.</summary>
public sealed partial class ProtocolOverviews : IOverviews
{
    private const int OpeningAtOnce = 8;
    private readonly CookieContainer _cookies = new();
    private readonly List<BlazorCircuit> _circuits = [];
    private HttpClient? _http;

    public int Count => _circuits.Count;

    public async Task OpenAsync(Options options, CancellationToken ct)
    {
        var baseUri = new Uri(options.Url + "/");
        _http = new HttpClient(new SocketsHttpHandler { CookieContainer = _cookies, AllowAutoRedirect = false }) { BaseAddress = baseUri };
        await SignInAsync(options, ct);

        using var slots = new SemaphoreSlim(OpeningAtOnce);
        var opened = 0;
        var tasks = Enumerable.Range(0, options.Count).Select(async _ =>
        {
            await slots.WaitAsync(ct);
            try
            {
                var circuit = new BlazorCircuit(baseUri, _cookies);
                lock (_circuits) _circuits.Add(circuit);
                await circuit.StartAsync(_http, options.Path, ct);
                if (Interlocked.Increment(ref opened) % 100 == 0) Console.WriteLine($"  {opened} circuits open");
            }
            finally
            {
                slots.Release();
            }
        });
        await Task.WhenAll(tasks);
    }

    /// <summary>The real sign-in form: its antiforgery token, then the post; the cookie lands in the shared container.</summary>
    private async Task SignInAsync(Options options, CancellationToken ct)
    {
        var form = await _http!.GetStringAsync("dang-nhap", ct);
        var token = Token().Match(form).Groups[1].Value;
        using var answer = await _http.PostAsync("tai-khoan/dang-nhap", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["userName"] = options.User,
            ["password"] = options.Password,
            ["returnUrl"] = "/",
        }), ct);
        if (answer.StatusCode != HttpStatusCode.Redirect || answer.Headers.Location?.OriginalString.Contains("loi=", StringComparison.Ordinal) != false)
        {
            throw new InvalidOperationException($"Sign-in of {options.User} failed: {(int)answer.StatusCode} {answer.Headers.Location}");
        }
    }

    public void Mark(Stopwatch clock)
    {
        foreach (var circuit in _circuits) circuit.Mark(clock);
    }

    public async Task<IReadOnlyList<TimeSpan>> WaitForAsync(string numerator, string denominator, TimeSpan deadline)
    {
        byte[][] texts = [BlazorCircuit.Utf8(numerator), BlazorCircuit.Utf8(denominator)];
        var until = Stopwatch.StartNew();
        var arrivals = new TimeSpan?[_circuits.Count];
        while (true)
        {
            for (var i = 0; i < _circuits.Count; i++)
            {
                arrivals[i] ??= _circuits[i].ArrivalOf(texts);
            }

            if (arrivals.All(a => a is not null)) return arrivals.Select(a => a!.Value).ToList();
            if (until.Elapsed > deadline)
            {
                var errors = _circuits.Select(c => c.Error).Where(e => e is not null).Distinct().Take(3);
                throw new TimeoutException($"{arrivals.Count(a => a is null)} of {_circuits.Count} circuits did not show {numerator} / {denominator} within {deadline.TotalSeconds} s. {string.Join("; ", errors)}");
            }

            // The arrival time is taken when the batch comes in, so this check's period does not add to it.
            await Task.Delay(50);
        }
    }

    public async Task CloseAsync()
    {
        foreach (var chunk in _circuits.Chunk(OpeningAtOnce))
        {
            await Task.WhenAll(chunk.Select(c => c.CloseAsync(_http!)));
        }

        _circuits.Clear();
    }

    public async ValueTask DisposeAsync()
    {
        await CloseAsync();
        _http?.Dispose();
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex Token();
}

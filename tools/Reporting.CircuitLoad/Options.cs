using System.Globalization;

namespace Reporting.CircuitLoad;

/// <summary>
/// Command line: <c>chromium|circuits N (--pid P | --serve path/to/Reporting.Web.dll) [--url …] [--user …] [--changes K]</c>.
/// Chromium only: <c>--tabs-per-context</c> tabs share one browser context (cookies, cache), <c>--renderer-processes</c>
/// caps Chromium's renderer processes (tabs share them), <c>--opening</c> tabs are opened at once.
/// <c>--serve</c> starts a fresh demo server for the run (<see cref="DemoServer"/>); <see cref="Pid"/> is then 0 until it runs.
/// </summary>
public sealed record Options(
    string Mode,
    int Count,
    int Pid,
    string Url,
    string Path,
    string User,
    string Password,
    int Changes,
    string ReadKey,
    string IngestKey,
    string DumpDirectory,
    TimeSpan SettleAfterClose,
    TimeSpan Hold,
    string? Serve,
    TimeSpan Warmup,
    int TabsPerContext,
    int RendererProcesses,
    int OpeningAtOnce)
{
    public static Options Parse(string[] args)
    {
        if (args.Length < 2 || args[0] is not ("chromium" or "circuits"))
        {
            throw new ArgumentException("usage: chromium|circuits N (--pid P | --serve Reporting.Web/bin/Release/net10.0/Reporting.Web.dll [--warmup 75]) [--url http://127.0.0.1:5080] [--path /] [--user lanhdao] [--password …] [--changes 5] [--read-key demo-read-key] [--ingest-key demo-ingest-key] [--dumps /tmp] [--settle 30] [--hold 0] [--tabs-per-context 10] [--renderer-processes 6] [--opening 4]");
        }

        var named = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 2; i + 1 < args.Length; i += 2)
        {
            named[args[i].TrimStart('-')] = args[i + 1];
        }

        string Get(string name, string fallback) => named.TryGetValue(name, out var v) ? v : fallback;
        var user = Get("user", "lanhdao");
        return new Options(
            args[0],
            int.Parse(args[1], CultureInfo.InvariantCulture),
            named.TryGetValue("pid", out var pid) ? int.Parse(pid, CultureInfo.InvariantCulture)
                : named.ContainsKey("serve") ? 0
                : throw new ArgumentException("--pid of a running server (memory is read from /proc and dotnet-gcdump), or --serve with the server's dll to start one."),
            Get("url", "http://127.0.0.1:5080").TrimEnd('/'),
            Get("path", "/"),
            user,
            Get("password", user + "-demo-2026"),
            int.Parse(Get("changes", "5"), CultureInfo.InvariantCulture),
            Get("read-key", "demo-read-key"),
            Get("ingest-key", "demo-ingest-key"),
            Get("dumps", System.IO.Path.GetTempPath()),
            TimeSpan.FromSeconds(int.Parse(Get("settle", "30"), CultureInfo.InvariantCulture)),
            TimeSpan.FromSeconds(int.Parse(Get("hold", "0"), CultureInfo.InvariantCulture)),
            named.GetValueOrDefault("serve"),
            TimeSpan.FromSeconds(int.Parse(Get("warmup", "75"), CultureInfo.InvariantCulture)),
            int.Parse(Get("tabs-per-context", "10"), CultureInfo.InvariantCulture),
            int.Parse(Get("renderer-processes", "6"), CultureInfo.InvariantCulture),
            int.Parse(Get("opening", "4"), CultureInfo.InvariantCulture));
    }
}

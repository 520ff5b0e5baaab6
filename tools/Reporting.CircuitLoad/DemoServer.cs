using System.Diagnostics;
using System.Net;

namespace Reporting.CircuitLoad;

/// <summary>
/// <c>--serve &lt;Reporting.Web.dll&gt;</c>: the demo server started by the tool itself (Development settings from the dll's
/// folder, a fresh SQLite file in a temporary folder, <c>--url</c>'s address), so one command measures on a fresh server.
/// Ready when <c>/health/ready</c> answers and the demo collector sources are registered, then <c>--warmup</c> seconds for
/// the first collector run and the memory trim after the demo load. Stopped (killed) when the run ends.
/// </summary>
public sealed class DemoServer : IAsyncDisposable
{
    private const string SourcesReady = "Demo collector sources read the simulators";
    private readonly Process _process;
    private readonly StreamWriter _log;
    private readonly TaskCompletionSource _sources = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private DemoServer(Process process, StreamWriter log, string folder)
    {
        _process = process;
        _log = log;
        Folder = folder;
    }

    public int Pid => _process.Id;

    /// <summary>The temporary folder with the database and the server's output (<c>server.log</c>).</summary>
    public string Folder { get; }

    public static async Task<DemoServer> StartAsync(string dll, string url, TimeSpan warmup, CancellationToken ct)
    {
        var path = Path.GetFullPath(dll);
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"No server at {path}: build it first (dotnet build Reporting.Web -c Release).", path);
        }

        var folder = Directory.CreateTempSubdirectory("circuitload-").FullName;
        var start = new ProcessStartInfo("dotnet", $"\"{path}\"")
        {
            WorkingDirectory = Path.GetDirectoryName(path)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        start.Environment["ASPNETCORE_URLS"] = url;
        start.Environment["ConnectionStrings__Reporting"] = $"Data Source={Path.Combine(folder, "reporting.db")}";
        start.Environment["Serilog__WriteTo__1__Args__path"] = Path.Combine(folder, "logs", "reporting-.log");
        var log = new StreamWriter(Path.Combine(folder, "server.log")) { AutoFlush = true };
        var process = Process.Start(start) ?? throw new InvalidOperationException("Cannot start the server.");
        var server = new DemoServer(process, log, folder);
        process.OutputDataReceived += (_, e) => server.Line(e.Data);
        process.ErrorDataReceived += (_, e) => server.Line(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        Console.WriteLine($"server pid {process.Id} on {url}, database and log in {folder}");

        using var http = new HttpClient { BaseAddress = new Uri(url), Timeout = TimeSpan.FromSeconds(10) };
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"The server stopped ({process.ExitCode}); see {folder}/server.log.");
            }

            try
            {
                using var ready = await http.GetAsync("health/ready", ct);
                if (ready.StatusCode == HttpStatusCode.OK && server._sources.Task.IsCompleted)
                {
                    break;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException) when (!ct.IsCancellationRequested)
            {
                // A slow answer while the demo loads.
            }

            if (deadline.Elapsed > TimeSpan.FromMinutes(15))
            {
                throw new TimeoutException($"The demo server was not ready within 15 minutes; see {folder}/server.log.");
            }

            await Task.Delay(TimeSpan.FromSeconds(2), ct);
        }

        Console.WriteLine($"server ready after {deadline.Elapsed.TotalSeconds:N0} s; {warmup.TotalSeconds:N0} s for the first collector run and the trim");
        await Task.Delay(warmup, ct);
        return server;
    }

    private void Line(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_log)
        {
            _log.WriteLine(line);
        }

        if (line.Contains(SourcesReady, StringComparison.Ordinal))
        {
            _sources.TrySetResult();
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
        lock (_log)
        {
            _log.Dispose();
        }
    }
}

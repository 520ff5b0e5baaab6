using System.Runtime;
using Microsoft.Extensions.Options;
using Reporting.Demo.Seeding;

namespace Reporting.Web.Memory;

/// <summary>
/// Gives memory back after a burst that will not come again soon: circuits closing (a wall of tabs or a
/// meeting room's screens), the demo load. Server GC keeps what a burst grew to until the next collection,
/// and an idle server has none: after 60 tabs closed the process kept 3.1 GB resident for minutes
/// (issue 13). One blocking, compacting, decommitting collection (<see cref="GCCollectionMode.Aggressive"/>)
/// when the requests have been quiet for a while, at most once per interval (ADR 018).
/// </summary>
public sealed class MemoryTrimmer(IOptions<MemoryOptions> options, TimeProvider clock, IServiceProvider services, ILogger<MemoryTrimmer> logger) : BackgroundService
{
    private readonly SemaphoreSlim _requested = new(0, 1);
    private readonly Lock _lock = new();
    private DateTimeOffset? _lastRequest;
    private string _reason = "";
    private DateTimeOffset? _lastTrim;

    /// <summary>Asks for a trim; requests in a burst are one trim.</summary>
    public void Request(string reason)
    {
        if (!options.Value.TrimEnabled)
        {
            return;
        }

        lock (_lock)
        {
            _lastRequest = clock.GetUtcNow();
            _reason = reason;
        }

        if (_requested.CurrentCount == 0)
        {
            try
            {
                _requested.Release();
            }
            catch (SemaphoreFullException)
            {
                // Another request signalled first: the loop sees this one's time.
            }
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var quiet = TimeSpan.FromSeconds(options.Value.TrimQuietSeconds);
        var interval = TimeSpan.FromSeconds(options.Value.TrimMinIntervalSeconds);
        // The demo load leaves hundreds of megabytes of generation and ingest garbage that an idle server never collects.
        if (services.GetService<DemoSeedingState>() is { } demo)
        {
            _ = demo.Completion.ContinueWith(_ => Request("demo load"), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            await _requested.WaitAsync(stoppingToken);
            while (true)
            {
                DateTimeOffset runAt;
                lock (_lock)
                {
                    runAt = MemoryTrimSchedule.RunAt(_lastRequest!.Value, _lastTrim, quiet, interval);
                }

                var wait = runAt - clock.GetUtcNow();
                if (wait <= TimeSpan.Zero)
                {
                    break;
                }

                await Task.Delay(wait, clock, stoppingToken);
            }

            string reason;
            lock (_lock)
            {
                reason = _reason;
                _lastTrim = clock.GetUtcNow();
            }

            Trim(reason);
        }
    }

    private void Trim(string reason)
    {
        var before = Environment.WorkingSet;
        var heapBefore = GC.GetTotalMemory(forceFullCollection: false);
        GCSettings.LargeObjectHeapCompactionMode = GCLargeObjectHeapCompactionMode.CompactOnce;
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        var afterGc = Environment.WorkingSet;
        var native = NativeHeap.Trim();
        logger.LogInformation("Memory trimmed after {Reason}: resident {BeforeMiB} → {AfterGcMiB} MiB after the collection, {AfterMiB} MiB after the native heap's trim ({Native}), managed heap {HeapBeforeMiB} → {HeapAfterMiB} MiB",
            reason, before / 1048576, afterGc / 1048576, Environment.WorkingSet / 1048576, native, heapBefore / 1048576, GC.GetTotalMemory(false) / 1048576);
    }
}

/// <summary>
/// The C library's heap (glibc's malloc arenas: the runtime's JIT and native allocations, SQLite) keeps what a burst freed
/// inside its per-thread arenas; after 1,000 circuits closed ≈ 150 MiB of the process's resident memory was in them
/// (issue 13, ADR 028). <c>malloc_trim(0)</c> gives the free pages of every arena back. Linux with glibc only; elsewhere nothing.
/// </summary>
internal static class NativeHeap
{
    [System.Runtime.InteropServices.DllImport("libc", EntryPoint = "malloc_trim")]
    private static extern int MallocTrim(nuint pad);

    /// <summary>"released", "nothing to release", or why it was not tried.</summary>
    public static string Trim()
    {
        if (!OperatingSystem.IsLinux())
        {
            return "not Linux";
        }

        try
        {
            return MallocTrim(0) == 1 ? "released" : "nothing to release";
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            return "no malloc_trim (not glibc)";
        }
    }
}

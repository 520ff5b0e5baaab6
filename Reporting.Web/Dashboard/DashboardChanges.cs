using System.Collections.Concurrent;
using System.Data.Common;
using Reporting.Core.Indicators;
using Reporting.Core.Ingest;

namespace Reporting.Web.Dashboard;

/// <summary>
/// The one subscription of the open dashboards to committed changes (ADR 028, issue 13). A commit's
/// <see cref="DataChangeNotifier.Publish"/> runs on the writer's thread (the push request, a collector run); before, each
/// open page subscribed there itself, so a push answered only after a thousand circuits had started their reload, and
/// each circuit then asked for the new answers at the same moment as the cold read that computes them.
/// Now the writer only hands the change over; then the answers of every view an open page shows are read once (the
/// shared cache of <see cref="DashboardService"/>, keyed by data version), and only then are the pages told, each on
/// the thread pool (a page's reload and render run synchronously on the thread that tells it, so telling them in a loop
/// would render every circuit on one core).
/// </summary>
public sealed class DashboardChanges : IDisposable
{
    /// <summary>How long a change waits for the views' reads before the pages are told anyway (they then read themselves).</summary>
    public static readonly TimeSpan WarmLimit = TimeSpan.FromSeconds(5);

    private readonly DataChangeNotifier _notifier;
    private readonly ILogger<DashboardChanges> _log;
    private readonly ConcurrentDictionary<string, View> _views = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<Action<DataChange>, byte> _pages = new();
    private readonly SemaphoreSlim _relay = new(1, 1);

    public DashboardChanges(DataChangeNotifier notifier, ILogger<DashboardChanges> log)
    {
        _notifier = notifier;
        _log = log;
        _notifier.Changed += OnCommitted;
    }

    /// <summary>Open pages (each told on the thread pool after the views are read).</summary>
    public int Pages => _pages.Count;

    /// <summary>Distinct views of the open pages, each read once per change before the pages are told.</summary>
    public int Views => _views.Count;

    /// <summary>Tells <paramref name="page"/> about every committed change until the returned handle is disposed.</summary>
    public IDisposable Subscribe(Action<DataChange> page)
    {
        _pages[page] = 0;
        return new Subscription(() => _pages.TryRemove(page, out _));
    }

    /// <summary>
    /// While the returned handle lives, a change first reads <paramref name="read"/> (the view's answers through the shared
    /// cache) once for all the pages showing the view <paramref name="key"/>. <paramref name="read"/> must not hold the
    /// page: it lives as long as any page shows the view.
    /// </summary>
    public IDisposable Show(string key, Func<Task> read)
    {
        var view = _views.AddOrUpdate(key, _ => new View(read), (_, v) => v.AddPage());
        return new Subscription(() =>
        {
            if (view.RemovePage() == 0)
            {
                _views.TryRemove(new KeyValuePair<string, View>(key, view));
            }
        });
    }

    private void OnCommitted(DataChange change) => _ = Task.Run(() => RelayAsync(change));

    private async Task RelayAsync(DataChange change)
    {
        // One change at a time, so a page is never told of a later change before an earlier one's reads are done.
        await _relay.WaitAsync();
        try
        {
            var started = System.Diagnostics.Stopwatch.GetTimestamp();
            var reads = _views.Values.Select(v => v.ReadAsync()).ToArray();
            if (reads.Length > 0)
            {
                var all = Task.WhenAll(reads);
                if (await Task.WhenAny(all, Task.Delay(WarmLimit)) != all)
                {
                    _log.LogWarning("Dashboard views not read within {Limit} after data version {Version}; open pages read them themselves",
                        WarmLimit, change.DataVersion);
                }
            }

            var read = System.Diagnostics.Stopwatch.GetElapsedTime(started);
            var told = 0;
            foreach (var page in _pages.Keys)
            {
                ThreadPool.UnsafeQueueUserWorkItem(p => p.page(p.change), (page, change), preferLocal: false);
                told++;
            }

            _log.LogDebug("Data version {Version} committed {Latency} ms ago: {Views} views read in {Read} ms, {Pages} pages told",
                change.DataVersion, (DateTimeOffset.UtcNow - change.At).TotalMilliseconds, reads.Length, read.TotalMilliseconds, told);
        }
        catch (Exception e)
        {
            // A relay that fails must not stop the next change from reaching the pages.
            _log.LogError(e, "Relaying data version {Version} to the open dashboards failed", change.DataVersion);
        }
        finally
        {
            _relay.Release();
        }
    }

    public void Dispose() => _notifier.Changed -= OnCommitted;

    private sealed class View(Func<Task> read)
    {
        private int _pages = 1;

        public View AddPage()
        {
            Interlocked.Increment(ref _pages);
            return this;
        }

        public int RemovePage() => Interlocked.Decrement(ref _pages);

        public async Task ReadAsync()
        {
            try
            {
                await read();
            }
            catch (Exception e) when (e is QueryException or OperationCanceledException or InvalidOperationException or DbException)
            {
                // A view that cannot be read now is read by its pages themselves, which show the error.
            }
        }
    }

    private sealed class Subscription(Action dispose) : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
            {
                dispose();
            }
        }
    }
}

using System.Collections.Concurrent;
using Reporting.Core.Periods;

namespace Reporting.Core.Aggregates;

/// <summary>Counts of one procedure at one agency over a window, read for items 3.2, 3.5 and 3.5b.</summary>
public sealed record ProcedureActivity(int AgencyId, string ProcedureCode, int Online, int Fee, int Paid);

/// <summary>
/// The per-procedure activity of a window is the largest read behind a scorecard and depends on
/// nothing but the aggregates, so it is kept per window until the data version changes (every
/// committed ingest bumps it): exact, never stale, and paid once per window between ingests.
/// </summary>
public sealed class ActivityCache
{
    private const int MaxWindows = 128;
    private readonly ConcurrentDictionary<DateWindow, (long Version, IReadOnlyList<ProcedureActivity> Activity)> _entries = new();

    public bool TryGet(DateWindow window, long version, out IReadOnlyList<ProcedureActivity> activity)
    {
        if (_entries.TryGetValue(window, out var entry) && entry.Version == version)
        {
            activity = entry.Activity;
            return true;
        }

        activity = [];
        return false;
    }

    /// <summary>Forgets everything (the load run uses it to time the first answer after an ingest).</summary>
    public void Clear() => _entries.Clear();

    public IReadOnlyList<ProcedureActivity> Put(DateWindow window, long version, IReadOnlyList<ProcedureActivity> activity)
    {
        if (_entries.Count >= MaxWindows)
        {
            // Windows of an older version are worthless; if all are current, start afresh.
            foreach (var stale in _entries.Where(e => e.Value.Version != version).Select(e => e.Key).ToList())
            {
                _entries.TryRemove(stale, out _);
            }

            if (_entries.Count >= MaxWindows)
            {
                _entries.Clear();
            }
        }

        _entries[window] = (version, activity);
        return activity;
    }
}

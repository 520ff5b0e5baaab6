using System.Collections.Concurrent;

namespace Reporting.Core.Aggregates;

/// <summary>The activity bits of one procedure at one agency in one year (a <see cref="ProcedureYearActivity"/> row), for items 3.2, 3.5 and 3.5b.</summary>
public sealed record ProcedureActivity(int AgencyId, string ProcedureCode, int Year, int Online, int FeeLine, int PaidOnline);

/// <summary>
/// The activity rows of a year are the largest read behind a scorecard and depend on nothing but
/// the aggregates, so they are kept per year until the data version changes (every committed ingest
/// bumps it): exact, never stale, and paid once per year between ingests, whichever view asks first
/// (an overview, then its trend, share them).
/// </summary>
public sealed class ActivityCache
{
    private const int MaxYears = 32;
    private readonly ConcurrentDictionary<int, (long Version, IReadOnlyList<ProcedureActivity> Activity)> _entries = new();

    public bool TryGet(int year, long version, out IReadOnlyList<ProcedureActivity> activity)
    {
        if (_entries.TryGetValue(year, out var entry) && entry.Version == version)
        {
            activity = entry.Activity;
            return true;
        }

        activity = [];
        return false;
    }

    /// <summary>Forgets everything (the load run uses it to time the first answer after an ingest).</summary>
    public void Clear() => _entries.Clear();

    public IReadOnlyList<ProcedureActivity> Put(int year, long version, IReadOnlyList<ProcedureActivity> activity)
    {
        if (_entries.Count >= MaxYears)
        {
            // Years of an older version are worthless; if all are current, start afresh.
            foreach (var stale in _entries.Where(e => e.Value.Version != version).Select(e => e.Key).ToList())
            {
                _entries.TryRemove(stale, out _);
            }

            if (_entries.Count >= MaxYears)
            {
                _entries.Clear();
            }
        }

        _entries[year] = (version, activity);
        return activity;
    }
}

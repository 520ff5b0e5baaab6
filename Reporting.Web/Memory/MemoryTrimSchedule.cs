namespace Reporting.Web.Memory;

/// <summary>
/// When a requested trim runs: once the requests have stopped for the quiet time (a wall of tabs closing
/// is one trim, not one per tab), and never sooner than the minimum interval after the last trim.
/// </summary>
public static class MemoryTrimSchedule
{
    public static DateTimeOffset RunAt(DateTimeOffset lastRequest, DateTimeOffset? lastTrim, TimeSpan quiet, TimeSpan minInterval)
    {
        var quietEnough = lastRequest + quiet;
        return lastTrim is { } last && last + minInterval > quietEnough ? last + minInterval : quietEnough;
    }
}

using Microsoft.EntityFrameworkCore;
using Reporting.Core.Collectors;
using Reporting.Core.Persistence;

namespace Reporting.Collectors;

/// <summary>The one "stale" of a source, for the admin API and the dashboards' warnings alike.</summary>
public static class CollectorStaleness
{
    /// <summary>
    /// <see cref="CollectorOptions.IsStale"/> at <paramref name="nowLocal"/>, reading the source's first run
    /// (an index seek on Source, StartedAt) only when it never succeeded.
    /// </summary>
    public static async Task<bool> IsOverdueAsync(this ReportingDbContext db, CollectorOptions options, CollectorSource source, DateTime nowLocal, CancellationToken ct = default)
    {
        var firstRun = source.LastSuccessAt is null
            ? await db.CollectorRuns.Where(r => r.Source == source.Name).OrderBy(r => r.StartedAt).Select(r => (DateTime?)r.StartedAt).FirstOrDefaultAsync(ct)
            : null;
        return options.IsStale(source, firstRun, nowLocal);
    }
}

using Microsoft.EntityFrameworkCore;
using Reporting.Core.Collectors;

namespace Reporting.Collectors;

public static class CollectorRunQueries
{
    /// <summary>When a source first ran, for <see cref="CollectorOptions.IsOverdue"/> of a source that never succeeded (an index seek on Source, StartedAt).</summary>
    public static Task<DateTime?> FirstRunAtAsync(this IQueryable<CollectorRun> runs, string source, CancellationToken ct = default) =>
        runs.Where(r => r.Source == source).OrderBy(r => r.StartedAt).Select(r => (DateTime?)r.StartedAt).FirstOrDefaultAsync(ct);
}

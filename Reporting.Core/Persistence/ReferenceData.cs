using Microsoft.EntityFrameworkCore;
using Reporting.Core.Agencies;
using Reporting.Core.Calendar;
using Reporting.Core.Procedures;

namespace Reporting.Core.Persistence;

/// <summary>The small, rarely changing data every rule needs: tree, catalogue, working calendar.</summary>
public sealed record ReferenceSnapshot(
    AgencyTree Tree,
    IReadOnlyDictionary<string, Procedure> Procedures,
    WorkingCalendar Calendar);

/// <summary>
/// Caches the reference snapshot for the whole process; writers of agencies, procedures or the
/// calendar call <see cref="Invalidate"/> after they commit.
/// </summary>
public sealed class ReferenceData(IDbContextFactory<ReportingDbContext> dbFactory)
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private volatile ReferenceSnapshot? _snapshot;

    public async Task<ReferenceSnapshot> GetAsync(CancellationToken ct = default)
    {
        var snapshot = _snapshot;
        if (snapshot is not null)
        {
            return snapshot;
        }

        await _gate.WaitAsync(ct);
        try
        {
            if (_snapshot is not null)
            {
                return _snapshot;
            }

            await using var db = await dbFactory.CreateDbContextAsync(ct);
            var agencies = await db.Agencies.AsNoTracking().ToListAsync(ct);
            var successions = await db.AgencySuccessions.AsNoTracking().ToListAsync(ct);
            var procedures = await db.Procedures.AsNoTracking().ToDictionaryAsync(p => p.Code, StringComparer.OrdinalIgnoreCase, ct);
            var days = await db.CalendarDays.AsNoTracking().ToListAsync(ct);
            _snapshot = new ReferenceSnapshot(new AgencyTree(agencies, successions), procedures, new WorkingCalendar(days));
            return _snapshot;
        }
        finally
        {
            _gate.Release();
        }
    }

    public void Invalidate() => _snapshot = null;
}

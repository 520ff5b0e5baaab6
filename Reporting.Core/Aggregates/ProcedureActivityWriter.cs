using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Reporting.Core.Persistence;

namespace Reporting.Core.Aggregates;

/// <summary>
/// Keeps <see cref="ProcedureYearActivity"/> equal to "count &gt; 0" of the procedure cells, after the
/// cells of the same delta are written. A count that grew is positive, so its bit is raised blindly;
/// a count that shrank (a newer version of a dossier moved it) is re-read from its stored cell.
/// </summary>
internal static class ProcedureActivityWriter
{
    public static void Write(ReportingDbContext db, DbTransaction tx, AggregateDelta delta)
    {
        var changes = delta.ActivityChanges().Values;
        var rows = new RowCommands<ProcedureYearActivity>(db, tx);
        rows.OrBits(changes.Select(c => c.Raised).Where(r => (r.OnlineBuckets | r.FeeLineBuckets | r.PaidOnlineBuckets) != 0)
            .OrderBy(r => r.Year).ThenBy(r => r.AgencyId).ThenBy(r => r.ProcedureCode, StringComparer.Ordinal), ProcedureYearActivity.MaskNames);
        foreach (var change in changes.Where(c => c.Lowered.Count > 0))
        {
            Recount(db, rows, change.Raised, change.Lowered);
        }
    }

    /// <summary>Rare (a correction, not a new dossier): two reads and a rewrite of one row.</summary>
    private static void Recount(ReportingDbContext db, RowCommands<ProcedureYearActivity> rows, ProcedureYearActivity key, List<int> buckets)
    {
        var stored = db.ProcedureYearActivities.AsNoTracking()
            .SingleOrDefault(r => r.Year == key.Year && r.AgencyId == key.AgencyId && r.ProcedureCode == key.ProcedureCode);
        var cells = db.ProcedureBucketStats.AsNoTracking()
            .Where(s => buckets.Contains(s.Bucket) && s.AgencyId == key.AgencyId && s.ProcedureCode == key.ProcedureCode)
            .Select(s => new { s.Bucket, s.ReceivedOnline, s.FeeLine, s.PaidOnline })
            .ToDictionary(s => s.Bucket);
        var row = stored ?? new ProcedureYearActivity { AgencyId = key.AgencyId, ProcedureCode = key.ProcedureCode, Year = key.Year };
        foreach (var bucket in buckets)
        {
            var bit = ProcedureYearActivity.BitOf(bucket);
            cells.TryGetValue(bucket, out var cell);
            row.OnlineBuckets = cell?.ReceivedOnline > 0 ? row.OnlineBuckets | bit : row.OnlineBuckets & ~bit;
            row.FeeLineBuckets = cell?.FeeLine > 0 ? row.FeeLineBuckets | bit : row.FeeLineBuckets & ~bit;
            row.PaidOnlineBuckets = cell?.PaidOnline > 0 ? row.PaidOnlineBuckets | bit : row.PaidOnlineBuckets & ~bit;
        }

        rows.Write([row], _ => stored is not null);
    }
}

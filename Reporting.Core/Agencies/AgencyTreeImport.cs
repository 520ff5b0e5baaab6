using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Reporting.Core.Aggregates;
using Reporting.Core.Feeds;
using Reporting.Core.Imports;
using Reporting.Core.Ingest;
using Reporting.Core.Periods;
using Reporting.Core.Persistence;

namespace Reporting.Core.Agencies;

/// <summary>
/// Replaces the agency tree with a posted document (<c>PUT /api/v1/agencies</c>, spec api.md; the UI's
/// CSV/XLSX import maps its rows to the same items). The whole document is validated first and refused
/// whole with every reason; a valid one is applied in one transaction:
/// <list type="bullet">
/// <item>items are matched to stored agencies by (code, validFrom) and update them, so the surrogate id
/// that dossiers keep survives; an item without such a match takes over the stored agency of its code
/// whose validity overlaps it (a corrected start date), else it is added;</item>
/// <item>stored agencies the document leaves out are deleted, unless stored data refers to them
/// (dossiers, manual indicator values, agency targets): those are ended (an open one ends yesterday,
/// Asia/Ho_Chi_Minh) and kept, with their absent ancestors and their links to kept successors;</item>
/// <item>the document's successor links replace the stored ones.</item>
/// </list>
/// After the commit, records quarantined for an unknown agency are tried again: the new tree may know it.
/// </summary>
public sealed class AgencyTreeImport(
    IDbContextFactory<ReportingDbContext> dbFactory,
    ReferenceData referenceData,
    IngestGate ingestGate,
    QuarantineReprocessor quarantine,
    TimeProvider clock)
{
    // One import at a time in this process: an import reads the whole tree, then rewrites it.
    private static readonly SemaphoreSlim Gate = new(1, 1);

    /// <summary>Every reason to refuse the document, without touching the database; empty when valid.</summary>
    public static IReadOnlyList<ImportReason> Validate(IReadOnlyList<AgencyTreeItem> items)
    {
        var reasons = new List<ImportReason>();
        AgencyTreeValidator.Validate(items, reasons);
        return reasons;
    }

    public async Task<ImportResult> ReplaceAsync(IReadOnlyList<AgencyTreeItem> items, CancellationToken ct = default, Reporting.Core.Audit.AuditActor? actor = null)
    {
        var reasons = new List<ImportReason>();
        var rows = AgencyTreeValidator.Validate(items, reasons);
        if (rows is null)
        {
            return ImportResult.Refused(reasons);
        }

        ImportResult result;
        await Gate.WaitAsync(ct);
        try
        {
            // Ingest resolves agencies inside its own transaction; this one waits for it, or it for this.
            await ingestGate.Lock.WaitAsync(ct);
            try
            {
                result = await ApplyAsync(rows, actor ?? Reporting.Core.Audit.AuditActor.System, ct);
            }
            finally
            {
                ingestGate.Lock.Release();
                referenceData.Invalidate();
            }
        }
        finally
        {
            Gate.Release();
        }

        if (!result.Succeeded)
        {
            return result;
        }

        // Outside the import's lock: re-processing ingests, which takes the ingest gate itself.
        var (tried, stored) = await quarantine.ReprocessAsync(QuarantineReason.UnknownAgency, ct: ct);
        return result with { QuarantineReprocessed = tried, QuarantineAccepted = stored };
    }

    private async Task<ImportResult> ApplyAsync(IReadOnlyList<AgencyTreeRow> rows, Reporting.Core.Audit.AuditActor actor, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var state = await AggregateWriter.EnsureStateAsync(db, tx.GetDbTransaction(), VietnamTime.Today(clock), ct);

        var stored = await db.Agencies.ToListAsync(ct);
        var links = await db.AgencySuccessions.ToListAsync(ct);
        var entities = Match(rows, stored);

        var matched = entities.OfType<Agency>().ToHashSet();
        var absent = stored.Where(a => !matched.Contains(a)).ToList();
        var kept = await KeptAsync(db, absent, ct);

        var yesterday = VietnamTime.Today(clock).AddDays(-1);
        var reasons = new List<ImportReason>();
        var endings = new Dictionary<Agency, DateOnly>();
        foreach (var agency in kept)
        {
            if (EndOf(agency, yesterday, rows, reasons) is { } end)
            {
                endings[agency] = end;
            }
        }

        if (reasons.Count > 0)
        {
            return ImportResult.Refused(reasons);
        }

        var deleted = absent.Where(a => !kept.Contains(a)).ToList();
        var before = matched.ToDictionary(a => a, Fields);

        // 1. Scalar fields, new rows (ids), ended rows; deleted rows lose their parent link; successor
        //    links go, except those of kept absent agencies to agencies that stay.
        for (var k = 0; k < rows.Count; k++)
        {
            var row = rows[k];
            var agency = entities[k] ??= db.Agencies.Add(new Agency { Code = row.Code, Name = row.Name }).Entity;
            agency.Code = row.Code;
            agency.Name = row.Name;
            agency.Kind = row.Kind;
            agency.AdminUnitCode = row.AdminUnitCode;
            agency.ValidFrom = row.ValidFrom;
            agency.ValidTo = row.ValidTo;
            agency.Order = row.Order;
        }

        foreach (var (agency, end) in endings)
        {
            agency.ValidTo = end;
        }

        foreach (var agency in deleted)
        {
            agency.ParentId = null;
        }

        var deletedIds = deleted.Select(a => a.Id).ToHashSet();
        var keptIds = kept.Select(a => a.Id).ToHashSet();
        db.AgencySuccessions.RemoveRange(links.Where(l => !keptIds.Contains(l.PredecessorId) || deletedIds.Contains(l.SuccessorId)));
        await db.SaveChangesAsync(ct);

        // 2. Parents and the document's successor links, now that every row has its id.
        var byIndex = new Dictionary<int, Agency>();
        for (var k = 0; k < rows.Count; k++)
        {
            byIndex[rows[k].Index] = entities[k]!;
        }

        foreach (var (row, agency) in rows.Zip(entities))
        {
            agency!.ParentId = row.ParentIndex is { } p ? byIndex[p].Id : null;
            foreach (var (successor, primary) in row.Successors)
            {
                db.AgencySuccessions.Add(new AgencySuccession { PredecessorId = agency.Id, SuccessorId = byIndex[successor].Id, IsPrimary = primary });
            }
        }

        await db.SaveChangesAsync(ct);

        // 3. Unreferenced absent agencies: nothing points at them any more.
        db.Agencies.RemoveRange(deleted);
        AggregateWriter.Bump(state, VietnamTime.ToLocal(clock.GetUtcNow()), reference: true);
        Reporting.Core.Audit.AuditLog.Add(db, clock, actor, Reporting.Core.Audit.AuditActions.TreeImported,
            "cây đơn vị", after: $"{rows.Count} đơn vị; xóa {deleted.Count}");
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);

        var updated = matched.Count(a => Fields(a) != before[a]);
        return ImportResult.Applied(new ImportCounts(
            Added: rows.Count - matched.Count,
            Updated: updated,
            Unchanged: matched.Count - updated,
            Ended: kept.Count,
            Deleted: deleted.Count));
    }

    /// <summary>
    /// The stored agency each row updates (null: a new one). First by (code, validFrom); then a row
    /// left over takes the left-over stored agency of its code whose validity overlaps it.
    /// </summary>
    private static Agency?[] Match(IReadOnlyList<AgencyTreeRow> rows, List<Agency> stored)
    {
        var entities = new Agency?[rows.Count];
        var free = stored.GroupBy(a => a.Code, StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => g.OrderBy(a => a.ValidFrom).ThenBy(a => a.Id).ToList(), StringComparer.OrdinalIgnoreCase);

        for (var k = 0; k < rows.Count; k++)
        {
            if (free.TryGetValue(rows[k].Code, out var candidates) && candidates.Find(a => a.ValidFrom == rows[k].ValidFrom) is { } same)
            {
                entities[k] = same;
                candidates.Remove(same);
            }
        }

        foreach (var k in Enumerable.Range(0, rows.Count).Where(k => entities[k] is null).OrderBy(k => rows[k].ValidFrom))
        {
            var row = rows[k];
            if (!free.TryGetValue(row.Code, out var candidates))
            {
                continue;
            }

            var overlapping = candidates.Where(a => row.Overlaps(a.ValidFrom, a.ValidTo))
                .OrderBy(a => a.IsValidOn(row.ValidFrom) ? 0 : 1).ThenBy(a => a.ValidFrom).FirstOrDefault();
            if (overlapping is not null)
            {
                entities[k] = overlapping;
                candidates.Remove(overlapping);
            }
        }

        return entities;
    }

    /// <summary>Absent agencies stored data refers to, with their absent ancestors (a kept row keeps its parent).</summary>
    private static async Task<HashSet<Agency>> KeptAsync(ReportingDbContext db, List<Agency> absent, CancellationToken ct)
    {
        var kept = new HashSet<Agency>();
        foreach (var agency in absent)
        {
            var id = agency.Id;
            if (await db.Dossiers.AnyAsync(d => d.AgencyId == id, ct)
                || await db.ManualIndicatorValues.AnyAsync(m => m.AgencyId == id, ct)
                || await db.Targets.AnyAsync(t => t.AgencyId == id, ct))
            {
                kept.Add(agency);
            }
        }

        var absentById = absent.ToDictionary(a => a.Id);
        foreach (var agency in kept.ToList())
        {
            var up = agency;
            while (up.ParentId is { } p && absentById.TryGetValue(p, out var parent) && kept.Add(parent))
            {
                up = parent;
            }
        }

        return kept;
    }

    /// <summary>
    /// The end of a kept absent agency: yesterday when it was open, and before the next document item of
    /// its code; null when it stays as it is. An item of its code covering its start is a conflict.
    /// </summary>
    private static DateOnly? EndOf(Agency agency, DateOnly yesterday, IReadOnlyList<AgencyTreeRow> rows, List<ImportReason> reasons)
    {
        var end = agency.ValidTo ?? (yesterday < agency.ValidFrom ? agency.ValidFrom : yesterday);
        var sameCode = rows.Where(r => string.Equals(r.Code, agency.Code, StringComparison.OrdinalIgnoreCase)).ToList();
        if (sameCode.FirstOrDefault(r => r.Overlaps(agency.ValidFrom, agency.ValidFrom)) is { } covering)
        {
            reasons.Add(new ImportReason(covering.Index, covering.Code, "validFrom", ImportReason.RetainedOverlap,
                $"Đơn vị '{agency.Code}' hiệu lực từ {AgencyTreeValidator.Day(agency.ValidFrom)} đã có dữ liệu (hồ sơ, chỉ tiêu) nên không thể xóa, " +
                "nhưng tài liệu không có nó và có mục cùng mã trùng thời gian hiệu lực. Hãy đưa đơn vị này vào tài liệu hoặc sửa ngày hiệu lực."));
            return null;
        }

        if (sameCode.Where(r => r.ValidFrom > agency.ValidFrom).Select(r => (DateOnly?)r.ValidFrom).Min() is { } next && next <= end)
        {
            end = next.AddDays(-1);
        }

        return end == agency.ValidTo ? null : end;
    }

    private static (string, string, AgencyKind, int?, string?, DateOnly, DateOnly?, int) Fields(Agency a) =>
        (a.Code, a.Name, a.Kind, a.ParentId, a.AdminUnitCode, a.ValidFrom, a.ValidTo, a.Order);
}

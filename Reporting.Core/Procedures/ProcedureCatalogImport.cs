using Reporting.Core.Imports;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Reporting.Core.Agencies;
using Reporting.Core.Aggregates;
using Reporting.Core.Ingest;
using Reporting.Core.Periods;
using Reporting.Core.Feeds;
using Reporting.Core.Persistence;

namespace Reporting.Core.Procedures;

/// <summary>
/// Replaces the procedure catalogue with a posted document (<c>PUT /api/v1/procedures</c>, the
/// ProcedureCatalog shape of spec feeds.md). The whole document is validated first and refused whole
/// with every reason; a valid one is applied in one transaction: procedures are upserted by MaTTHC and
/// those absent from the document are deleted (dossiers refer to procedures by code only, and an
/// unknown code is allowed). In the same transaction, the dossiers whose facts may change (of a
/// procedure added, removed, or with a changed fee, result or statutory time, and those derived while
/// their procedure was unknown that it now knows) are re-derived from the new catalogue, and the
/// versions are bumped (ADR 006): no ingest can store facts from the old catalogue after it.
/// </summary>
public sealed class ProcedureCatalogImport(
    IDbContextFactory<ReportingDbContext> dbFactory,
    ReferenceData referenceData,
    IngestGate ingestGate,
    TimeProvider clock)
{
    // The columns of ProcedureConfiguration.
    private const int CodeMax = ColumnWidths.ProcedureCode;
    private const int NameMax = ColumnWidths.ProcedureName;
    private const int FieldCodeMax = ColumnWidths.FieldCode;
    private const int FieldNameMax = ColumnWidths.FieldName;

    private static readonly SemaphoreSlim Gate = new(1, 1);

    /// <summary>Every reason to refuse the document, without touching the database; empty when valid.</summary>
    public static IReadOnlyList<ImportReason> Validate(IReadOnlyList<ProcedureFeedItem> items)
    {
        var reasons = new List<ImportReason>();
        Read(items, reasons);
        return reasons;
    }

    public async Task<ImportResult> ReplaceAsync(IReadOnlyList<ProcedureFeedItem> items, CancellationToken ct = default, Reporting.Core.Audit.AuditActor? actor = null)
    {
        var reasons = new List<ImportReason>();
        var procedures = Read(items, reasons);
        if (procedures is null)
        {
            return ImportResult.Refused(reasons);
        }

        await Gate.WaitAsync(ct);
        try
        {
            await ingestGate.Lock.WaitAsync(ct);
            try
            {
                return await ApplyAsync(procedures, actor ?? Reporting.Core.Audit.AuditActor.System, ct);
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
    }

    private async Task<ImportResult> ApplyAsync(IReadOnlyList<Procedure> procedures, Reporting.Core.Audit.AuditActor actor, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var dbTx = tx.GetDbTransaction();
        var state = await AggregateWriter.EnsureStateAsync(db, dbTx, VietnamTime.Today(clock), ct);

        var stored = await db.Procedures.ToDictionaryAsync(p => p.Code, StringComparer.OrdinalIgnoreCase, ct);
        var changed = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var toAdd = new List<Procedure>();
        int added = 0, updated = 0, unchanged = 0, deleted = 0;

        foreach (var incoming in procedures)
        {
            if (!stored.Remove(incoming.Code, out var current))
            {
                toAdd.Add(incoming);
                changed.Add(incoming.Code);
                added++;
                continue;
            }

            if (AffectsFacts(current, incoming))
            {
                changed.Add(incoming.Code);
            }

            if (current.Code != incoming.Code)
            {
                // The code is the key: a change of letter case replaces the row.
                db.Procedures.Remove(current);
                toAdd.Add(incoming);
                updated++;
                continue;
            }

            if (Copy(incoming, current))
            {
                updated++;
            }
            else
            {
                unchanged++;
            }
        }

        foreach (var gone in stored.Values)
        {
            db.Procedures.Remove(gone);
            changed.Add(gone.Code);
            deleted++;
        }

        // Deletes first, in their own statement batch, so a re-cased code never meets its old row.
        await db.SaveChangesAsync(ct);
        db.Procedures.AddRange(toAdd);
        Reporting.Core.Audit.AuditLog.Add(db, clock, actor, Reporting.Core.Audit.AuditActions.CatalogueImported,
            "danh mục TTHC", after: $"{procedures.Count} thủ tục; thêm {toAdd.Count}; xóa {deleted}");
        await db.SaveChangesAsync(ct);

        // The catalogue this transaction just wrote (not published: it is not committed yet).
        var reference = await ReferenceData.ReadAsync(db, ct);
        var rederive = changed.Union(await AggregateMaintenance.NewlyKnownProceduresAsync(db, reference, ct), StringComparer.OrdinalIgnoreCase).ToList();
        var recomputed = rederive.Count == 0 ? 0
            : await AggregateMaintenance.RederiveAsync(db, dbTx, state, reference, d => rederive.Contains(d.ProcedureCode), ct);
        if (added + updated + deleted > 0 || recomputed > 0)
        {
            AggregateWriter.Bump(state, VietnamTime.ToLocal(clock.GetUtcNow()), reference: true);
        }

        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);

        return ImportResult.Applied(new ImportCounts(added, updated, unchanged, 0, deleted), changed) with { DossiersRecomputed = recomputed };
    }

    /// <summary>The document as procedures, or null when <paramref name="reasons"/> got a reason.</summary>
    private static List<Procedure>? Read(IReadOnlyList<ProcedureFeedItem> items, List<ImportReason> reasons)
    {
        if (items.Count == 0)
        {
            reasons.Add(new ImportReason(null, null, null, ImportReason.EmptyDocument,
                "Tài liệu không có thủ tục nào; không thể thay danh mục thủ tục bằng một danh mục rỗng."));
            return null;
        }

        var procedures = new List<Procedure>(items.Count);
        var firstIndex = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < items.Count; i++)
        {
            var item = items[i];
            var code = ImportText.Clean(item?.MaTTHC);
            if (item is null || code is null)
            {
                reasons.Add(ImportReason.Missing(i, null, "MaTTHC"));
                continue;
            }

            var count = reasons.Count;
            if (code.Length > CodeMax)
            {
                reasons.Add(ImportReason.Long(i, code, "MaTTHC", CodeMax));
            }

            if (!firstIndex.TryAdd(code, i))
            {
                reasons.Add(new ImportReason(i, code, "MaTTHC", ImportReason.DuplicateCode,
                    $"Mã thủ tục '{code}' xuất hiện nhiều lần trong tài liệu (lần đầu ở mục {firstIndex[code]})."));
            }

            var name = ImportText.Clean(item.TenTTHC) ?? code;
            var fieldCode = ImportText.Clean(item.MaLinhVuc);
            var fieldName = ImportText.Clean(item.TenLinhVuc);
            CheckLength(i, code, "TenTTHC", name, NameMax, reasons);
            CheckLength(i, code, "MaLinhVuc", fieldCode, FieldCodeMax, reasons);
            CheckLength(i, code, "TenLinhVuc", fieldName, FieldNameMax, reasons);

            bool province = false, commune = false;
            foreach (var level in item.CapThucHien ?? [])
            {
                switch (level?.Trim())
                {
                    case { } t when t.Equals("Tinh", StringComparison.OrdinalIgnoreCase):
                        province = true;
                        break;
                    case { } t when t.Equals("Xa", StringComparison.OrdinalIgnoreCase):
                        commune = true;
                        break;
                    default:
                        reasons.Add(new ImportReason(i, code, "CapThucHien", ImportReason.BadValue,
                            $"Cấp thực hiện chỉ nhận 'Tinh' hoặc 'Xa': '{level}'."));
                        break;
                }
            }

            if (item.MucDoDVC is { } online and (< 0 or > 2))
            {
                reasons.Add(new ImportReason(i, code, "MucDoDVC", ImportReason.BadValue,
                    $"Mức độ dịch vụ công trực tuyến chỉ nhận 0, 1 hoặc 2: {online}."));
            }

            if (item.ThoiHanGiaiQuyet is < 0)
            {
                reasons.Add(new ImportReason(i, code, "ThoiHanGiaiQuyet", ImportReason.BadValue,
                    $"Thời hạn giải quyết (ngày làm việc) không được âm: {item.ThoiHanGiaiQuyet}."));
            }

            DateTime? updatedAt = null;
            if (ImportText.Clean(item.NgayCapNhat) is { } updatedText)
            {
                if (FeedDates.TryParse(updatedText, out var local))
                {
                    updatedAt = local;
                }
                else
                {
                    reasons.Add(new ImportReason(i, code, "NgayCapNhat", ImportReason.BadDate,
                        $"Ngày không đúng định dạng {FeedDates.Format} ở trường NgayCapNhat: '{updatedText}'."));
                }
            }

            if (reasons.Count > count)
            {
                continue;
            }

            procedures.Add(new Procedure
            {
                Code = code,
                Name = name,
                FieldCode = fieldCode,
                FieldName = fieldName,
                AtProvinceLevel = province,
                AtCommuneLevel = commune,
                OnlineLevel = item.MucDoDVC ?? 0,
                FullyOnlineEligible = item.DuDieuKienToanTrinh ?? false,
                HasFee = item.CoPhiLePhi ?? false,
                IssuesResult = item.CoKetQua ?? true,
                StatutoryWorkingDays = item.ThoiHanGiaiQuyet,
                UpdatedAt = updatedAt,
            });
        }

        return reasons.Count > 0 ? null : procedures;
    }

    private static void CheckLength(int i, string code, string field, string? value, int max, List<ImportReason> reasons)
    {
        if (value?.Length > max)
        {
            reasons.Add(ImportReason.Long(i, code, field, max));
        }
    }

    /// <summary>The fields <see cref="Dossiers.DossierFacts"/> reads from a procedure.</summary>
    private static bool AffectsFacts(Procedure a, Procedure b) =>
        a.HasFee != b.HasFee || a.IssuesResult != b.IssuesResult || a.StatutoryWorkingDays != b.StatutoryWorkingDays;

    /// <summary>Copies the document's fields onto the stored row; true when one changed.</summary>
    private static bool Copy(Procedure from, Procedure to)
    {
        var changed = to.Name != from.Name || to.FieldCode != from.FieldCode || to.FieldName != from.FieldName
            || to.AtProvinceLevel != from.AtProvinceLevel || to.AtCommuneLevel != from.AtCommuneLevel
            || to.OnlineLevel != from.OnlineLevel || to.FullyOnlineEligible != from.FullyOnlineEligible
            || to.UpdatedAt != from.UpdatedAt || AffectsFacts(from, to);
        to.Name = from.Name;
        to.FieldCode = from.FieldCode;
        to.FieldName = from.FieldName;
        to.AtProvinceLevel = from.AtProvinceLevel;
        to.AtCommuneLevel = from.AtCommuneLevel;
        to.OnlineLevel = from.OnlineLevel;
        to.FullyOnlineEligible = from.FullyOnlineEligible;
        to.HasFee = from.HasFee;
        to.IssuesResult = from.IssuesResult;
        to.StatutoryWorkingDays = from.StatutoryWorkingDays;
        to.UpdatedAt = from.UpdatedAt;
        return changed;
    }
}

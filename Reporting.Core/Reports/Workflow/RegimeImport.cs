using System.Security.Claims;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Reporting.Core.Access;
using Reporting.Core.Agencies;
using Reporting.Core.Audit;
using Reporting.Core.Imports;
using Reporting.Core.Persistence;
using Reporting.Core.Reports.Templates;

namespace Reporting.Core.Reports.Workflow;

/// <summary>
/// Replaces the regimes with a posted list (<c>PUT /api/v1/regimes</c>, the admin page): validated whole
/// and refused whole with every reason, or applied in one transaction with one audit line per regime
/// added, changed or removed (before and after). A regime that report instances were made under cannot
/// be removed, only changed: those reports keep naming it.
/// </summary>
public sealed partial class RegimeImport(IDbContextFactory<ReportingDbContext> dbFactory, TimeProvider clock)
{
    public const int MaxDeadlineWorkingDays = 60;
    public const string InUse = "regime-in-use";

    /// <summary>Every reason to refuse the list, without touching the database; empty when valid.</summary>
    public static IReadOnlyList<ImportReason> Validate(IReadOnlyList<RegimeItem?> items) => Read(items).Reasons;

    /// <summary>Only an administrator (person or key with scope <c>admin</c>) may change the regimes; the page is not the only guard.</summary>
    public async Task<ImportResult> ReplaceAsync(ClaimsPrincipal principal, string? address, IReadOnlyList<RegimeItem?> items, CancellationToken ct = default)
    {
        if (!Actors.IsAdmin(principal))
        {
            throw new AccessDeniedException("Chỉ quản trị hệ thống được sửa chế độ báo cáo.");
        }

        var actor = AuditActor.From(principal, address);
        var (regimes, reasons) = Read(items);
        if (reasons.Count > 0)
        {
            return ImportResult.Refused(reasons);
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var stored = await db.ReportRegimes.ToListAsync(ct);
        var posted = regimes.Select(r => r.Code).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var removed = stored.Where(s => !posted.Contains(s.Code)).ToList();
        var removedCodes = removed.Select(r => r.Code).ToList();
        var used = await db.ReportInstances.Where(i => removedCodes.Contains(i.RegimeCode)).Select(i => i.RegimeCode).Distinct().ToListAsync(ct);
        if (used.Count > 0)
        {
            return ImportResult.Refused([.. used.Select(code => new ImportReason(null, code, "code", InUse,
                $"Chế độ '{code}' đã có báo cáo được lập theo nó nên không thể xóa; hãy giữ nó trong danh sách (có thể sửa).") )]);
        }

        int added = 0, updated = 0, unchanged = 0;
        foreach (var regime in regimes)
        {
            var current = stored.FirstOrDefault(s => string.Equals(s.Code, regime.Code, StringComparison.OrdinalIgnoreCase));
            if (current is null)
            {
                db.ReportRegimes.Add(regime);
                AuditLog.Add(db, clock, actor, AuditActions.RegimeChanged, regime.Code, after: Describe(regime));
                added++;
                continue;
            }

            var before = Describe(current);
            Copy(regime, current);
            var after = Describe(current);
            if (before == after)
            {
                unchanged++;
                continue;
            }

            AuditLog.Add(db, clock, actor, AuditActions.RegimeChanged, current.Code, before, after);
            updated++;
        }

        foreach (var regime in removed)
        {
            db.ReportRegimes.Remove(regime);
            AuditLog.Add(db, clock, actor, AuditActions.RegimeChanged, regime.Code, before: Describe(regime), after: "(đã xóa)");
        }

        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return ImportResult.Applied(new ImportCounts(added, updated, unchanged, 0, removed.Count));
    }

    private static (List<ReportRegime> Regimes, List<ImportReason> Reasons) Read(IReadOnlyList<RegimeItem?> items)
    {
        var reasons = new List<ImportReason>();
        var regimes = new List<ReportRegime>();
        if (items.Count == 0)
        {
            reasons.Add(new ImportReason(null, null, null, ImportReason.EmptyDocument, "Danh sách chế độ báo cáo trống."));
            return (regimes, reasons);
        }

        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < items.Count; i++)
        {
            var item = items[i];
            var code = ImportText.Clean(item?.Code);
            var before = reasons.Count;
            if (item is null || code is null)
            {
                reasons.Add(ImportReason.Missing(i, null, "code"));
                continue;
            }

            if (!CodePattern().IsMatch(code))
            {
                reasons.Add(new ImportReason(i, code, "code", ImportReason.BadValue, "Mã chế độ chỉ gồm chữ thường không dấu, số và dấu gạch ngang, tối đa 64 ký tự."));
            }
            else if (!seen.Add(code))
            {
                reasons.Add(new ImportReason(i, code, "code", ImportReason.DuplicateCode, $"Mã chế độ '{code}' lặp lại."));
            }

            var name = Text(i, code, "name", item.Name, 500, reasons);
            var legalBasis = Text(i, code, "legalBasis", item.LegalBasis, 1000, reasons);
            var recipient = Text(i, code, "recipient", item.Recipient, 500, reasons);
            var deadlineSource = ImportText.Clean(item.DeadlineSource) ?? RegimeSeeds.Unconfirmed;
            if (deadlineSource.Length > 1000)
            {
                reasons.Add(ImportReason.Long(i, code, "deadlineSource", 1000));
            }

            var forms = (item.Forms ?? []).Select(f => ImportText.Clean(f)?.ToLowerInvariant()).ToList();
            if (forms.Count == 0)
            {
                reasons.Add(ImportReason.Missing(i, code, "forms"));
            }

            foreach (var form in forms.Where(f => !ReportForms.IsKnown(f)))
            {
                reasons.Add(new ImportReason(i, code, "forms", ImportReason.BadValue, $"Biểu mẫu '{form}' không có; các biểu: {string.Join(", ", ReportForms.Codes)}."));
            }

            if (forms.Count != forms.Distinct().Count())
            {
                reasons.Add(new ImportReason(i, code, "forms", ImportReason.BadValue, "Một biểu mẫu được kê hai lần."));
            }

            var frequency = RegimeCodes.ParseFrequency(item.Frequency);
            if (frequency is null)
            {
                reasons.Add(new ImportReason(i, code, "frequency", ImportReason.BadValue, "Tần suất phải là month, quarter, half, 9months hoặc year."));
            }

            var window = item.Window is null ? Periods.WindowKind.Cutoff : RegimeCodes.ParseWindow(item.Window);
            if (window is null)
            {
                reasons.Add(new ImportReason(i, code, "window", ImportReason.BadValue, "Kỳ số liệu phải là cutoff hoặc calendar."));
            }

            if (item.DeadlineWorkingDays is not { } days || days < 0 || days > MaxDeadlineWorkingDays)
            {
                reasons.Add(new ImportReason(i, code, "deadlineWorkingDays", ImportReason.BadValue,
                    $"Hạn nộp là số ngày làm việc sau khi kết thúc kỳ, từ 0 đến {MaxDeadlineWorkingDays}."));
            }

            var reporters = new List<AgencyKind>();
            foreach (var text in item.Reporters ?? [])
            {
                if (Enum.TryParse<AgencyKind>(ImportText.Clean(text), ignoreCase: true, out var kind) && Enum.IsDefined(kind))
                {
                    reporters.Add(kind);
                }
                else
                {
                    reasons.Add(new ImportReason(i, code, "reporters", ImportReason.UnknownKind, $"Loại đơn vị '{text}' không có."));
                }
            }

            if (reasons.Count > before)
            {
                continue;
            }

            regimes.Add(new ReportRegime
            {
                Code = code,
                Name = name!,
                LegalBasis = legalBasis!,
                Forms = forms!,
                Frequency = frequency!.Value,
                Window = window!.Value,
                DeadlineWorkingDays = item.DeadlineWorkingDays!.Value,
                DeadlineSource = deadlineSource,
                Reporters = [.. reporters.Distinct()],
                Recipient = recipient!,
                Confirmed = item.Confirmed ?? false,
            });
        }

        return (regimes, reasons);
    }

    private static string? Text(int index, string code, string field, string? value, int max, List<ImportReason> reasons)
    {
        var text = ImportText.Clean(value);
        if (text is null)
        {
            reasons.Add(ImportReason.Missing(index, code, field));
        }
        else if (text.Length > max)
        {
            reasons.Add(ImportReason.Long(index, code, field, max));
        }

        return text;
    }

    private static void Copy(ReportRegime from, ReportRegime to)
    {
        to.Name = from.Name;
        to.LegalBasis = from.LegalBasis;
        to.Forms = from.Forms;
        to.Frequency = from.Frequency;
        to.Window = from.Window;
        to.DeadlineWorkingDays = from.DeadlineWorkingDays;
        to.DeadlineSource = from.DeadlineSource;
        to.Reporters = from.Reporters;
        to.Recipient = from.Recipient;
        to.Confirmed = from.Confirmed;
    }

    private static string Describe(ReportRegime r) =>
        $"tên={r.Name}; căn cứ={r.LegalBasis}; biểu={string.Join(",", r.Forms)}; tần suất={RegimeCodes.Frequency(r.Frequency)}; " +
        $"kỳ={RegimeCodes.Window(r.Window)}; hạn={r.DeadlineWorkingDays} ngày làm việc ({r.DeadlineSource}); " +
        $"đơn vị báo cáo={string.Join(",", r.Reporters)}; nơi nhận={r.Recipient}; đã xác nhận={(r.Confirmed ? "có" : "không")}";

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{0,63}$")]
    private static partial Regex CodePattern();
}

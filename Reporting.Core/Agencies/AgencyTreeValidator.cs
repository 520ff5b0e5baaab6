using Reporting.Core.Imports;
using System.Globalization;
using Reporting.Core.Feeds;

namespace Reporting.Core.Agencies;

/// <summary>One item of a valid agency tree document, with its parent and successors resolved to items.</summary>
internal sealed record AgencyTreeRow(
    int Index,
    string Code,
    string Name,
    AgencyKind Kind,
    string? AdminUnitCode,
    DateOnly ValidFrom,
    DateOnly? ValidTo,
    int Order,
    int? ParentIndex,
    IReadOnlyList<(int Index, bool Primary)> Successors)
{
    public DateOnly End => ValidTo ?? DateOnly.MaxValue;

    public bool Overlaps(DateOnly from, DateOnly? to) => from <= End && ValidFrom <= (to ?? DateOnly.MaxValue);
}

/// <summary>
/// Checks a whole <c>PUT /api/v1/agencies</c> document (spec api.md) and collects every reason to refuse
/// it. Codes compare case-insensitively, as in <see cref="AgencyTree"/>.
/// </summary>
internal static class AgencyTreeValidator
{
    public const string DateFormat = "yyyy-MM-dd";

    // The columns of AgencyConfiguration.
    private const int CodeMax = Persistence.ColumnWidths.AgencyCode;
    private const int NameMax = Persistence.ColumnWidths.AgencyName;
    private const int AdminUnitCodeMax = Persistence.ColumnWidths.AdminUnitCode;

    private static readonly StringComparer Codes = StringComparer.OrdinalIgnoreCase;

    /// <summary>The rows in document order, or null when <paramref name="reasons"/> got a reason.</summary>
    public static IReadOnlyList<AgencyTreeRow>? Validate(IReadOnlyList<AgencyTreeItem> items, List<ImportReason> reasons)
    {
        if (items.Count == 0)
        {
            reasons.Add(new ImportReason(null, null, null, ImportReason.EmptyDocument,
                "Tài liệu không có đơn vị nào; không thể thay cây đơn vị bằng một cây rỗng."));
            return null;
        }

        var drafts = new Draft?[items.Count];
        for (var i = 0; i < items.Count; i++)
        {
            drafts[i] = ReadItem(i, items[i], reasons);
        }

        // Items whose code or dates are unusable already have a reason; references to their code
        // are not reported again.
        var blurred = new HashSet<string>(Codes);
        for (var i = 0; i < items.Count; i++)
        {
            if (drafts[i] is null && ImportText.Clean(items[i]?.Code) is { } code)
            {
                blurred.Add(code);
            }
        }

        var usable = drafts.Where(d => d is not null).Select(d => d!).ToList();
        var byCode = usable.GroupBy(d => d.Code, Codes)
            .ToDictionary(g => g.Key, g => g.OrderBy(d => d.ValidFrom).ToArray(), Codes);

        CheckOverlaps(byCode, reasons);
        ResolveParents(usable, byCode, blurred, reasons);
        CheckCycles(usable, drafts, reasons);
        CheckRoots(usable, reasons);
        ResolveSuccessors(items, usable, byCode, blurred, reasons);

        if (reasons.Count > 0)
        {
            // Stable: per item, reasons stay in the order the checks found them.
            var sorted = reasons.OrderBy(r => r.Index ?? -1).ToList();
            reasons.Clear();
            reasons.AddRange(sorted);
            return null;
        }

        return usable.Select(d => new AgencyTreeRow(d.Index, d.Code, d.Name!, d.Kind!.Value, d.AdminUnitCode, d.ValidFrom,
            d.ValidTo, d.Order, d.ParentIndex, d.Successors)).ToList();
    }

    private static Draft? ReadItem(int i, AgencyTreeItem? item, List<ImportReason> reasons)
    {
        if (item is null)
        {
            reasons.Add(ImportReason.Missing(i, null, "code"));
            return null;
        }

        var code = ImportText.Clean(item.Code);
        var usable = true;
        if (code is null)
        {
            reasons.Add(ImportReason.Missing(i, null, "code"));
            usable = false;
        }
        else if (code.Length > CodeMax)
        {
            reasons.Add(ImportReason.Long(i, code, "code", CodeMax));
        }

        var name = ImportText.Clean(item.Name);
        if (name is null)
        {
            reasons.Add(ImportReason.Missing(i, code, "name"));
        }
        else if (name.Length > NameMax)
        {
            reasons.Add(ImportReason.Long(i, code, "name", NameMax));
        }

        AgencyKind? kind = null;
        var kindText = ImportText.Clean(item.Kind);
        if (kindText is null)
        {
            reasons.Add(ImportReason.Missing(i, code, "kind"));
        }
        else if (ParseKind(kindText) is { } parsed)
        {
            kind = parsed;
        }
        else
        {
            reasons.Add(new ImportReason(i, code, "kind", ImportReason.UnknownKind,
                $"Loại đơn vị không hợp lệ: '{kindText}' (chỉ nhận {string.Join(", ", Enum.GetNames<AgencyKind>())})."));
        }

        var validFrom = default(DateOnly);
        var fromText = ImportText.Clean(item.ValidFrom);
        if (fromText is null)
        {
            reasons.Add(ImportReason.Missing(i, code, "validFrom"));
            usable = false;
        }
        else if (!TryParseDate(fromText, out validFrom))
        {
            reasons.Add(BadDate(i, code, "validFrom", fromText));
            usable = false;
        }

        DateOnly? validTo = null;
        var toText = ImportText.Clean(item.ValidTo);
        if (toText is not null)
        {
            if (TryParseDate(toText, out var to))
            {
                validTo = to;
            }
            else
            {
                reasons.Add(BadDate(i, code, "validTo", toText));
                usable = false;
            }
        }

        if (usable && validTo < validFrom)
        {
            reasons.Add(new ImportReason(i, code, "validTo", ImportReason.EndBeforeStart,
                $"Ngày hết hiệu lực {Day(validTo)} trước ngày bắt đầu hiệu lực {Day(validFrom)}."));
            usable = false;
        }

        var adminUnitCode = ImportText.Clean(item.AdminUnitCode);
        if (adminUnitCode is not null && (!adminUnitCode.All(char.IsAsciiDigit) || adminUnitCode.Length > AdminUnitCodeMax))
        {
            reasons.Add(new ImportReason(i, code, "adminUnitCode", ImportReason.BadAdminUnitCode,
                $"Mã đơn vị hành chính chỉ gồm chữ số (tối đa {AdminUnitCodeMax}): '{adminUnitCode}'."));
        }

        return usable
            ? new Draft(i, code!, name, kind, adminUnitCode, validFrom, validTo, item.Order ?? 0, ImportText.Clean(item.ParentCode))
            : null;
    }

    private static AgencyKind? ParseKind(string text)
    {
        foreach (var kind in Enum.GetValues<AgencyKind>())
        {
            if (string.Equals(kind.ToString(), text, StringComparison.OrdinalIgnoreCase))
            {
                return kind;
            }
        }

        return null;
    }

    private static bool TryParseDate(string text, out DateOnly date) =>
        DateOnly.TryParseExact(text, DateFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out date);

    private static ImportReason BadDate(int i, string? code, string field, string text) =>
        new(i, code, field, ImportReason.BadDate, $"Ngày không đúng định dạng {DateFormat} ở trường {field}: '{text}'.");

    private static void CheckOverlaps(Dictionary<string, Draft[]> byCode, List<ImportReason> reasons)
    {
        foreach (var intervals in byCode.Values)
        {
            for (var k = 1; k < intervals.Length; k++)
            {
                // Sorted by start: an interval overlaps an earlier one when it starts before the latest end so far.
                var earlier = intervals.Take(k).MaxBy(d => d.End)!;
                var later = intervals[k];
                if (later.ValidFrom <= earlier.End)
                {
                    reasons.Add(new ImportReason(later.Index, later.Code, "validFrom", ImportReason.OverlappingValidity,
                        $"Mã '{later.Code}' có hai khoảng hiệu lực chồng nhau: {Interval(earlier)} (mục {earlier.Index}) và {Interval(later)}."));
                }
            }
        }
    }

    private static void ResolveParents(List<Draft> usable, Dictionary<string, Draft[]> byCode, HashSet<string> blurred, List<ImportReason> reasons)
    {
        foreach (var d in usable)
        {
            if (d.ParentCode is not { } parentCode)
            {
                continue;
            }

            if (!byCode.TryGetValue(parentCode, out var candidates))
            {
                if (!blurred.Contains(parentCode))
                {
                    reasons.Add(new ImportReason(d.Index, d.Code, "parentCode", ImportReason.UnknownParent,
                        $"Đơn vị cha '{parentCode}' không có trong tài liệu."));
                }

                continue;
            }

            var parent = candidates.FirstOrDefault(c => c.Overlaps(d.ValidFrom, d.ValidFrom));
            if (parent is null)
            {
                if (!blurred.Contains(parentCode))
                {
                    reasons.Add(new ImportReason(d.Index, d.Code, "parentCode", ImportReason.UnknownParent,
                        $"Đơn vị cha '{parentCode}' không có hiệu lực vào ngày {Day(d.ValidFrom)}, ngày bắt đầu hiệu lực của đơn vị."));
                }

                continue;
            }

            d.ParentIndex = parent.Index;
        }
    }

    private static void CheckCycles(List<Draft> usable, Draft?[] drafts, List<ImportReason> reasons)
    {
        // Every item has at most one parent, so each walk up either reaches a root, a finished item, or
        // comes back to an item of its own walk: a cycle, reported once.
        var state = new byte[drafts.Length]; // 0 unseen, 1 on the current walk, 2 done
        foreach (var start in usable)
        {
            var walk = new List<Draft>();
            var current = start;
            while (current is not null && state[current.Index] == 0)
            {
                state[current.Index] = 1;
                walk.Add(current);
                current = current.ParentIndex is { } p ? drafts[p] : null;
            }

            if (current is { } entry && state[entry.Index] == 1)
            {
                var cycle = walk.SkipWhile(d => d.Index != entry.Index).ToList();
                var first = cycle.MinBy(d => d.Index)!;
                var path = string.Join(" → ", cycle.Append(cycle[0]).Select(d => d.Code));
                reasons.Add(new ImportReason(first.Index, first.Code, "parentCode", ImportReason.Cycle,
                    $"Quan hệ đơn vị cha – con tạo thành vòng: {path}."));
            }

            foreach (var d in walk)
            {
                state[d.Index] = 2;
            }
        }
    }

    private static void CheckRoots(List<Draft> usable, List<ImportReason> reasons)
    {
        var roots = usable.Where(d => d.ParentCode is null).OrderBy(d => d.ValidFrom).ThenBy(d => d.Index).ToList();
        Draft? latest = null; // the root seen so far that ends last
        foreach (var root in roots)
        {
            if (latest is not null && root.ValidFrom <= latest.End)
            {
                reasons.Add(new ImportReason(root.Index, root.Code, "parentCode", ImportReason.MultipleRoots,
                    $"Có hai đơn vị gốc (không có đơn vị cha) cùng hiệu lực: '{latest.Code}' {Interval(latest)} và '{root.Code}' {Interval(root)}."));
            }

            if (latest is null || root.End > latest.End)
            {
                latest = root;
            }
        }
    }

    private static void ResolveSuccessors(IReadOnlyList<AgencyTreeItem> items, List<Draft> usable, Dictionary<string, Draft[]> byCode,
        HashSet<string> blurred, List<ImportReason> reasons)
    {
        foreach (var d in usable)
        {
            var links = items[d.Index].Successors;
            if (links is null || links.Count == 0)
            {
                continue;
            }

            // A successor started when the predecessor ended (spec agencies.md), so among several
            // intervals of the successor's code take the one valid the day after.
            var handover = d.ValidTo is { } to && to < DateOnly.MaxValue ? to.AddDays(1) : d.ValidFrom;
            var seen = new HashSet<int>();
            var resolved = new List<(int Index, bool Primary)>();
            for (var j = 0; j < links.Count; j++)
            {
                var field = $"successors[{j}].code";
                var successorCode = ImportText.Clean(links[j]?.Code);
                if (successorCode is null)
                {
                    reasons.Add(ImportReason.Missing(d.Index, d.Code, field));
                    continue;
                }

                if (!byCode.TryGetValue(successorCode, out var candidates))
                {
                    if (!blurred.Contains(successorCode))
                    {
                        reasons.Add(new ImportReason(d.Index, d.Code, field, ImportReason.UnknownSuccessor,
                            $"Đơn vị kế thừa '{successorCode}' không có trong tài liệu."));
                    }

                    continue;
                }

                var successor = candidates.FirstOrDefault(c => c.Overlaps(handover, handover))
                    ?? candidates.FirstOrDefault(c => c.ValidFrom > handover)
                    ?? candidates[^1];
                if (successor.Index == d.Index)
                {
                    reasons.Add(new ImportReason(d.Index, d.Code, field, ImportReason.SelfSuccessor,
                        "Đơn vị không thể là đơn vị kế thừa của chính nó."));
                    continue;
                }

                if (!seen.Add(successor.Index))
                {
                    reasons.Add(new ImportReason(d.Index, d.Code, field, ImportReason.DuplicateSuccessor,
                        $"Đơn vị kế thừa '{successorCode}' được khai báo hai lần."));
                    continue;
                }

                resolved.Add((successor.Index, links[j]!.Primary));
            }

            var declared = links.Count(l => l is not null);
            var primaries = links.Count(l => l?.Primary == true);
            if (declared > 1 && primaries != 1)
            {
                reasons.Add(new ImportReason(d.Index, d.Code, "successors", ImportReason.PrimarySuccessor,
                    $"Đơn vị có {declared} đơn vị kế thừa phải có đúng một đơn vị kế thừa chính (primary), đang có {primaries}."));
            }

            // With a single successor, the link is primary whatever it says.
            d.Successors = resolved.Count == 1 ? [(resolved[0].Index, true)] : resolved;
        }
    }

    private static string Interval(Draft d) =>
        d.ValidTo is { } to ? $"từ {Day(d.ValidFrom)} đến {Day(to)}" : $"từ {Day(d.ValidFrom)}";

    /// <summary>A date as Vietnamese readers write it, whatever the server's culture.</summary>
    public static string Day(DateOnly? date) => date?.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture) ?? "";

    private sealed record Draft(
        int Index,
        string Code,
        string? Name,
        AgencyKind? Kind,
        string? AdminUnitCode,
        DateOnly ValidFrom,
        DateOnly? ValidTo,
        int Order,
        string? ParentCode)
    {
        public DateOnly End => ValidTo ?? DateOnly.MaxValue;

        public int? ParentIndex { get; set; }

        public IReadOnlyList<(int Index, bool Primary)> Successors { get; set; } = [];

        public bool Overlaps(DateOnly from, DateOnly to) => from <= End && ValidFrom <= to;
    }
}

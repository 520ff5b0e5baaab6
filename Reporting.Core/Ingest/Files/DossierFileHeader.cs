using System.Globalization;

namespace Reporting.Core.Ingest.Files;

/// <summary>Checks the header row of an uploaded file against the DossierFeed fields and reports every problem at once.</summary>
internal static class DossierFileHeader
{
    /// <summary>The field of each column (null for blank trailing header cells), or an exception listing every problem.</summary>
    public static string?[] Validate(IReadOnlyList<string?> cells)
    {
        var names = cells.Select(c => string.IsNullOrWhiteSpace(c) ? null : c.Trim()).ToArray();
        var last = Array.FindLastIndex(names, n => n is not null);
        if (last < 0)
        {
            throw new DossierFileException("Dòng đầu tiên của tệp phải là dòng tiêu đề với tên các trường của hồ sơ (MaHoSo, MaTTHC, …), nhưng dòng này trống.");
        }

        var problems = new List<string>();
        var blank = Enumerable.Range(0, last).Where(i => names[i] is null).Select(i => (i + 1).ToString(CultureInfo.InvariantCulture)).ToList();
        if (blank.Count > 0)
        {
            problems.Add($"Dòng tiêu đề có cột để trống (cột thứ {string.Join(", ", blank)}).");
        }

        var unknown = names.Where(n => n is not null && !DossierFileColumns.All.ContainsKey(n)).Select(n => Suggest(n!)).ToList();
        if (unknown.Count > 0)
        {
            problems.Add($"Cột không thuộc các trường của hồ sơ: {string.Join(", ", unknown)}. Tên cột phải viết đúng như tài liệu DossierFeed, kể cả chữ hoa, chữ thường.");
        }

        var duplicated = names.Where(n => n is not null).GroupBy(n => n, StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => $"'{g.Key}'").ToList();
        if (duplicated.Count > 0)
        {
            problems.Add($"Cột bị lặp lại: {string.Join(", ", duplicated)}.");
        }

        var missing = DossierFileColumns.Required.Where(r => !names.Contains(r, StringComparer.Ordinal)).ToList();
        if (missing.Count > 0)
        {
            problems.Add($"Thiếu cột bắt buộc: {string.Join(", ", missing)}.");
        }

        if (problems.Count > 0)
        {
            throw new DossierFileException(string.Join(" ", problems) + " Không hồ sơ nào được lưu.");
        }

        return names[..(last + 1)];
    }

    private static string Suggest(string name)
    {
        var match = DossierFileColumns.All.Keys.FirstOrDefault(k => string.Equals(k, name, StringComparison.OrdinalIgnoreCase));
        return match is null ? $"'{name}'" : $"'{name}' (có phải '{match}'?)";
    }
}

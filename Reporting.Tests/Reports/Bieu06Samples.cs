using Reporting.Core.Periods;
using Reporting.Core.Reports;
using Reporting.Core.Reports.Bieu06;

namespace Reporting.Tests.Reports;

/// <summary>Reports built in memory, consistent by construction.</summary>
internal static class Bieu06Samples
{
    public static Bieu06Row Item(string key, string label, string? group, string ordinal, int online, int inPerson, int carried, int early, int onTime, int late, int within)
    {
        var inScope = online + inPerson + carried;
        var handled = early + onTime + late;
        var inProgress = inScope - handled;
        return Bieu06Row.FromColumns(ReportRowKind.Item, key, label,
            [inScope, online, inPerson, carried, handled, early, onTime, late, inProgress, within, inProgress - within]) with { Group = group, Ordinal = ordinal };
    }

    /// <summary>A province report: total first, Cấp tỉnh (2 items), Cấp huyện (1), Cấp xã (2).</summary>
    public static Bieu06Report Grouped(bool totalLast = false)
    {
        List<(string Name, Bieu06Row[] Items)> groups =
        [
            ("Cấp tỉnh",
            [
                Item("000.00.12.H42", "Sở Tư pháp", "Cấp tỉnh", "1", 1200, 340, 55, 900, 300, 41, 300),
                Item("000.00.30.H42", "Trung tâm Phục vụ hành chính công", "Cấp tỉnh", "2", 15, 20, 2, 10, 10, 3, 10),
            ]),
            ("Cấp huyện", [Item("000.00.51.H42", "UBND huyện Bắc Mê", "Cấp huyện", "1", 7, 8, 9, 3, 2, 1, 12)]),
            ("Cấp xã",
            [
                Item("000.21.51.H42", "UBND xã Yên Phú", "Cấp xã", "1", 4, 5, 6, 2, 2, 2, 5),
                Item("000.22.51.H42", "UBND xã Minh Ngọc", "Cấp xã", "2", 0, 0, 0, 0, 0, 0, 0),
            ]),
        ];

        var body = new List<Bieu06Row>();
        string[] roman = ["I", "II", "III"];
        for (var g = 0; g < groups.Count; g++)
        {
            body.Add(Bieu06Row.Sum(ReportRowKind.Subtotal, groups[g].Name, groups[g].Name, groups[g].Items) with { Ordinal = roman[g] });
            body.AddRange(groups[g].Items);
        }

        var total = Bieu06Row.Sum(ReportRowKind.Total, "total", "Tổng cộng", body.Where(r => r.Kind == ReportRowKind.Subtotal));
        return Report("000.00.00.H42", "UBND tỉnh Hà Giang", totalLast ? [.. body, total] : [total, .. body]) with { Grouped = true, ReceivingUnit = "Văn phòng Chính phủ" };
    }

    /// <summary>One agency's report: a row per field, total first.</summary>
    public static Bieu06Report ByField()
    {
        Bieu06Row[] items =
        [
            Item("G09-DD", "Đất đai", null, "1", 30, 12, 4, 20, 10, 5, 8),
            Item("G09-TP", "Tư pháp", null, "2", 100, 3, 0, 80, 20, 0, 3),
            Item("khac", "Khác", null, "3", 0, 2, 1, 0, 1, 1, 1),
        ];
        var total = Bieu06Row.Sum(ReportRowKind.Total, "total", "Tổng cộng", items);
        return Report("000.00.12.H42", "Sở Tư pháp", [total, .. items]);
    }

    private static Bieu06Report Report(string code, string name, IReadOnlyList<Bieu06Row> rows) => new()
    {
        Agency = new Bieu06Agency(code, name),
        Period = PeriodKey.Quarter(2025, 2),
        WindowKind = WindowKind.Cutoff,
        From = new DateOnly(2025, 3, 15),
        To = new DateOnly(2025, 6, 14),
        ReportingUnit = name,
        ReceivingUnit = "Văn phòng UBND tỉnh Hà Giang",
        Rows = rows,
    };
}

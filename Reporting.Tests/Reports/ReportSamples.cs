using Reporting.Core.Periods;
using Reporting.Core.Reports;
using Reporting.Core.Reports.Bieu06;
using Reporting.Core.Reports.Templates;

namespace Reporting.Tests.Reports;

/// <summary>The fixed data set of the golden files: one document per form, consistent by construction.</summary>
internal static class ReportSamples
{
    public static ReportDocument Bieu06() => Bieu06Samples.Grouped().ToDocument();

    /// <summary>The service centre: rows by the agencies whose procedures it receives.</summary>
    public static ReportDocument Bieu06a()
    {
        Bieu06Row[] items =
        [
            Bieu06Samples.Item("000.00.12.H42", "Sở Tư pháp", null, "1", 120, 340, 55, 300, 150, 41, 20),
            Bieu06Samples.Item("000.00.13.H42", "Sở Xây dựng", null, "2", 15, 20, 2, 10, 10, 3, 10),
            Bieu06Samples.Item("000.00.14.H42", "Sở Nông nghiệp và Môi trường", null, "3", 0, 0, 0, 0, 0, 0, 0),
        ];
        var total = Bieu06Row.Sum(ReportRowKind.Total, "total", "Tổng cộng", items);
        return new Bieu06Report
        {
            Template = ReportForms.ServiceCentre,
            Agency = new Bieu06Agency("000.00.25.H42", "Trung tâm Phục vụ hành chính công tỉnh"),
            Period = PeriodKey.Quarter(2026, 3),
            WindowKind = WindowKind.Cutoff,
            From = new DateOnly(2026, 6, 15),
            To = new DateOnly(2026, 9, 14),
            ReportingUnit = "Trung tâm Phục vụ hành chính công tỉnh",
            ReceivingUnit = "Văn phòng UBND tỉnh Hà Giang",
            Rows = [total, .. items],
        }.ToDocument();
    }

    /// <summary>Biểu II.07b with its manual cells filled; with districts for a window before 01/07/2025.</summary>
    public static ReportDocument Bieu07b(bool withDistricts = false)
    {
        var period = withDistricts ? PeriodKey.Quarter(2025, 2) : PeriodKey.Quarter(2026, 3);
        var window = period.Window(WindowKind.Cutoff);
        var template = ReportForms.For(ReportForms.Bieu07b, window)!;
        ReportRow Item(string key, string label, string ordinal, params int[] levels)
        {
            var row = ReportRow.Create(ReportRowKind.Item, key, label, template.ColumnNumbers.Select(c => KeyValuePair.Create(c, 0))) with { Ordinal = ordinal };
            var leaves = template.Columns.Where(c => c.Source != CellSource.Sum).ToList();
            for (var i = 0; i < leaves.Count; i++)
            {
                row = row.With(leaves[i].Number, levels[i % levels.Length] + i);
            }

            return row.WithRowSums(template);
        }

        ReportRow[] items =
        [
            Item("G09-DD", "Đất đai", "1", 12, 5, 3),
            Item("G09-TP", "Tư pháp", "2", 30, 2, 7),
            Item("khac", "Khác", "3", 1, 0, 0),
        ];
        var total = ReportRow.Sum(template, ReportRowKind.Total, "total", "Tổng cộng", items);
        return new ReportDocument
        {
            Template = template,
            Agency = new ReportAgency("000.00.00.H42", "UBND tỉnh Hà Giang"),
            Period = period,
            WindowKind = WindowKind.Cutoff,
            Window = window,
            ReportingUnit = "UBND tỉnh Hà Giang",
            ReceivingUnit = "Văn phòng Chính phủ",
            Rows = [total, .. items],
        };
    }
}

using System.Text.Json;
using Reporting.Core.Indicators;
using Reporting.Core.Periods;
using Reporting.Core.Reports;
using Reporting.Core.Reports.Bieu06;

namespace Reporting.Tests.Reports;

public class Bieu06RowTests
{
    [Fact]
    public void Maps_window_figures_to_the_columns_of_the_form()
    {
        var figures = new WindowFigures();
        figures.InWindow.Received = 30;
        figures.InWindow.ReceivedOnline = 12;
        figures.InWindow.Handled = 25;
        figures.InWindow.HandledEarly = 10;
        figures.InWindow.HandledOnTime = 9;
        figures.InWindow.HandledLate = 6;
        figures.OpenAtStart.Open = 8;
        figures.OpenAtStart.OpenWithin = 5;
        figures.OpenAtEnd.Open = 13;
        figures.OpenAtEnd.OpenWithin = 9;

        var row = Bieu06Row.FromFigures(ReportRowKind.Item, "G09-TP", "Tư pháp", figures);

        Assert.Equal(12, row.NewOnline);          // (4)
        Assert.Equal(18, row.NewInPerson);        // (5) = received − online
        Assert.Equal(8, row.CarriedOver);         // (6) = open at start
        Assert.Equal(38, row.InScope);            // (3) = 4 + 5 + 6
        Assert.Equal(10, row.HandledEarly);       // (8)
        Assert.Equal(9, row.HandledOnTime);       // (9)
        Assert.Equal(6, row.HandledLate);         // (10)
        Assert.Equal(25, row.Handled);            // (7) = 8 + 9 + 10
        Assert.Equal(9, row.InProgressWithin);    // (12) = open at end within
        Assert.Equal(4, row.InProgressOverdue);   // (13) = open at end − within
        Assert.Equal(13, row.InProgress);         // (11) = 12 + 13
        Assert.Equal([38, 12, 18, 8, 25, 10, 9, 6, 13, 9, 4], Bieu06Template.Columns.Select(c => row[c]));
        Assert.Empty(Bieu06Identities.Check([row]));
    }

    [Fact]
    public void Values_are_keyed_by_column_number_and_kind_serialises_as_in_the_api()
    {
        var row = Bieu06Row.FromColumns(ReportRowKind.Subtotal, "Cấp tỉnh", "Cấp tỉnh", [3, 1, 1, 1, 2, 1, 1, 0, 1, 1, 0]);

        Assert.Equal(Enumerable.Range(3, 11).Select(c => c.ToString(System.Globalization.CultureInfo.InvariantCulture)), row.Values.Keys);
        Assert.Equal(2, row.Values["7"]);
        Assert.Equal("\"subtotal\"", JsonSerializer.Serialize(row.Kind));
        Assert.Equal("\"item\"", JsonSerializer.Serialize(ReportRowKind.Item));
        Assert.Equal("\"total\"", JsonSerializer.Serialize(ReportRowKind.Total));
        Assert.Throws<ArgumentOutOfRangeException>(() => row[2]);
    }

    [Fact]
    public void Sum_adds_every_column()
    {
        var a = Bieu06Row.FromColumns(ReportRowKind.Item, "a", "A", [3, 1, 1, 1, 2, 1, 1, 0, 1, 1, 0]);
        var b = Bieu06Row.FromColumns(ReportRowKind.Item, "b", "B", [10, 4, 5, 1, 7, 2, 2, 3, 3, 1, 2]);

        var sum = Bieu06Row.Sum(ReportRowKind.Total, "total", "Tổng cộng", [a, b]);

        Assert.Equal([13, 5, 6, 2, 9, 3, 3, 3, 4, 2, 2], Bieu06Template.Columns.Select(c => sum[c]));
        Assert.Equal(ReportRowKind.Total, sum.Kind);
    }

    [Theory]
    [InlineData(3, new[] { 4, 1, 1, 1, 2, 1, 1, 0, 1, 1, 0 }, 2)]   // (3) ≠ (4)+(5)+(6) and ≠ (7)+(11)
    [InlineData(7, new[] { 3, 1, 1, 1, 3, 1, 1, 0, 0, 0, 0 }, 1)]   // (7) ≠ (8)+(9)+(10)
    [InlineData(11, new[] { 3, 1, 1, 1, 2, 1, 1, 0, 1, 0, 0 }, 1)]  // (11) ≠ (12)+(13)
    public void A_row_identity_broken_is_reported_with_its_cell(int column, int[] values, int expectedCount)
    {
        var row = Bieu06Row.FromColumns(ReportRowKind.Item, "G09-TP", "Tư pháp", values);

        var violations = Bieu06Identities.Check([row]);

        Assert.Equal(expectedCount, violations.Count);
        Assert.All(violations, v =>
        {
            Assert.Equal(column, v.Column);
            Assert.Equal("G09-TP", v.RowKey);
            Assert.StartsWith($"Ô cột ({column}) dòng \"Tư pháp\"", v.Message, StringComparison.Ordinal);
        });
    }

    [Fact]
    public void A_row_whose_in_scope_is_not_handled_plus_in_progress_is_reported()
    {
        // 4+5+6 = 3 and 8+9+10 = 2 and 12+13 = 2, so only (3) = (7) + (11) breaks.
        var row = Bieu06Row.FromColumns(ReportRowKind.Item, "x", "Đất đai", [3, 1, 1, 1, 2, 1, 1, 0, 2, 1, 1]);

        var v = Assert.Single(Bieu06Identities.Check([row]));

        Assert.Equal(3, v.Column);
        Assert.Contains("(7) + (11)", v.Message);
        Assert.Contains("đang ghi 3", v.Message);
    }

    [Fact]
    public void A_negative_count_is_reported()
    {
        var row = Bieu06Row.FromColumns(ReportRowKind.Item, "x", "Đất đai", [0, 1, -1, 0, 0, 0, 0, 0, 0, 0, 0]);

        var v = Assert.Single(Bieu06Identities.Check([row]));

        Assert.Equal(5, v.Column);
        Assert.Contains("không được âm", v.Message);
    }

    [Fact]
    public void A_consistent_grouped_report_has_no_violation()
    {
        Assert.Empty(Bieu06Identities.Check(Bieu06Samples.Grouped()));
        Assert.Empty(Bieu06Identities.Check(Bieu06Samples.ByField()));
    }

    [Fact]
    public void A_subtotal_that_is_not_the_sum_of_its_items_is_reported_with_its_cell()
    {
        var report = Bieu06Samples.Grouped();
        var rows = report.Rows.ToList();
        var index = rows.FindIndex(r => r.Kind == ReportRowKind.Item && r.Group == "Cấp xã");
        var item = rows[index];

        // Keep the row itself consistent: one more dossier in person, one more handled on time.
        rows[index] = item with
        {
            NewInPerson = item.NewInPerson + 1, InScope = item.InScope + 1,
            HandledOnTime = item.HandledOnTime + 1, Handled = item.Handled + 1,
        };

        var violations = Bieu06Identities.Check(report with { Rows = rows });

        Assert.Equal([3, 5, 7, 9], violations.Select(v => v.Column).Order());
        Assert.All(violations, v => Assert.Equal("Cấp xã", v.RowKey));
        Assert.Contains(violations, v => v.Message.StartsWith("Ô cột (5) dòng \"Cấp xã\"", StringComparison.Ordinal) && v.Message.Contains("tổng các dòng của nhóm"));
    }

    [Fact]
    public void A_total_that_is_not_the_sum_of_the_subtotals_is_reported()
    {
        var report = Bieu06Samples.Grouped();
        var rows = report.Rows.Select(r => r.Kind == ReportRowKind.Total ? r with { CarriedOver = r.CarriedOver + 2, InScope = r.InScope + 2, InProgress = r.InProgress + 2, InProgressOverdue = r.InProgressOverdue + 2 } : r).ToList();

        var violations = Bieu06Identities.Check(report with { Rows = rows });

        Assert.Equal([3, 6, 11, 13], violations.Select(v => v.Column).Order());
        Assert.All(violations, v => Assert.Equal(Bieu06Template.TotalKey, v.RowKey));
        Assert.Contains("tổng các nhóm", violations[0].Message);
    }

    [Fact]
    public void The_total_of_a_report_without_groups_is_the_sum_of_its_items()
    {
        var report = Bieu06Samples.ByField();
        var rows = report.Rows.Select(r => r.Kind == ReportRowKind.Total ? r with { HandledLate = r.HandledLate + 1, Handled = r.Handled + 1, InProgress = r.InProgress - 1, InProgressWithin = r.InProgressWithin - 1 } : r).ToList();

        var violations = Bieu06Identities.Check(report with { Rows = rows });

        Assert.Equal([7, 10, 11, 12], violations.Select(v => v.Column).Order());
        Assert.Contains("tổng các dòng (", violations[0].Message);
    }

    [Fact]
    public void Report_header_texts_come_from_the_template()
    {
        var report = Bieu06Samples.Grouped();

        Assert.Equal("bieu-06", report.FormCode);
        Assert.Equal("Biểu số 06/VPCP/KSTT", report.FormNumber);
        Assert.StartsWith("TÌNH HÌNH, KẾT QUẢ GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH", report.Title);
        Assert.Equal("Quý II/2025", report.PeriodLabel);
        Assert.Equal(new DateWindow(new DateOnly(2025, 3, 15), new DateOnly(2025, 6, 14)), report.Window);
    }
}

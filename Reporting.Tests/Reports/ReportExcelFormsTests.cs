using System.Diagnostics;
using System.Globalization;
using ClosedXML.Excel;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using DocumentFormat.OpenXml.Validation;
using Reporting.Core.Reports;
using Reporting.Core.Reports.Excel;
using Reporting.Core.Reports.Templates;

namespace Reporting.Tests.Reports;

/// <summary>Every form's workbook, from its template: headers, print titles, validity, and cells equal to the document.</summary>
public class ReportExcelFormsTests
{
    public static TheoryData<string> Forms() => new(ReportGoldenFileTests.Forms());

    [Theory]
    [MemberData(nameof(Forms))]
    public void Repeated_rows_are_absolute_so_LibreOffice_repeats_them(string name)
    {
        var report = ReportGoldenFileTests.Sample(name);
        var layout = new ReportSheetLayout(report.Template);
        using var document = SpreadsheetDocument.Open(new MemoryStream(ReportGoldenFileTests.Write(report)), false);

        var names = document.WorkbookPart!.Workbook.DefinedNames!.Elements<DefinedName>().ToDictionary(n => n.Name!.Value!, n => n.Text);

        Assert.Equal($"'{report.Template.SheetName}'!${ReportSheetLayout.HeaderRow}:${layout.NumbersRow}", names["_xlnm.Print_Titles"]);
        Assert.StartsWith($"'{report.Template.SheetName}'!$A$1:$", names["_xlnm.Print_Area"], StringComparison.Ordinal);
    }

    [Fact]
    public void Biểu_06_repeats_rows_8_to_11()
    {
        using var document = SpreadsheetDocument.Open(new MemoryStream(ReportGoldenFileTests.Write(ReportSamples.Bieu06())), false);
        var titles = document.WorkbookPart!.Workbook.DefinedNames!.Elements<DefinedName>().Single(n => n.Name == "_xlnm.Print_Titles");
        Assert.Equal("'Biểu 06'!$8:$11", titles.Text);
    }

    [Theory]
    [MemberData(nameof(Forms))]
    public void The_package_is_valid_Open_XML(string name)
    {
        using var document = SpreadsheetDocument.Open(new MemoryStream(ReportGoldenFileTests.Write(ReportGoldenFileTests.Sample(name))), false);
        var errors = new OpenXmlValidator().Validate(document).Select(e => $"{e.Part?.Uri} {e.Path?.XPath}: {e.Description}").ToList();
        Assert.Empty(errors);
    }

    [Theory]
    [MemberData(nameof(Forms))]
    public void Every_cell_of_the_document_is_in_the_workbook(string name)
    {
        var report = ReportGoldenFileTests.Sample(name);
        var layout = new ReportSheetLayout(report.Template);
        using var workbook = new XLWorkbook(new MemoryStream(ReportGoldenFileTests.Write(report)));
        var sheet = workbook.Worksheet(report.Template.SheetName);

        for (var i = 0; i < report.Rows.Count; i++)
        {
            var row = report.Rows[i];
            var r = layout.FirstDataRow + i;
            Assert.Equal(row.Ordinal, sheet.Cell(r, 1).GetString());
            Assert.Equal(row.Label, sheet.Cell(r, 2).GetString());
            foreach (var c in report.Template.ColumnNumbers)
            {
                Assert.Equal(row[c], Convert.ToInt32(sheet.Cell(r, c).CachedValue, CultureInfo.InvariantCulture));
                Assert.Equal(row[c], sheet.Cell(r, c).GetValue<int>());
            }
        }

        Assert.Equal(report.Template.FormNumber, sheet.Cell(1, 1).GetString());
        Assert.Equal(report.Template.Title, sheet.Cell(4, 1).GetString());
        Assert.Equal($"({report.Window.Display})", sheet.Cell(6, 1).GetString());
        Assert.Equal(Enumerable.Range(1, layout.LastColumn).Select(c => $"({c})"),
            Enumerable.Range(1, layout.LastColumn).Select(c => sheet.Cell(layout.NumbersRow, c).GetString()));
    }

    [Fact]
    public void Biểu_II_07b_before_July_2025_has_district_columns_from_the_template()
    {
        var report = ReportSamples.Bieu07b(withDistricts: true);
        using var workbook = new XLWorkbook(new MemoryStream(ReportGoldenFileTests.Write(report)));
        var sheet = workbook.Worksheet("Biểu II.07b");

        Assert.Equal(14, report.Template.LastColumn);
        Assert.Equal("Tổng số TTHC thuộc thẩm quyền", sheet.Cell("C8").GetString());
        Assert.Equal(["Tổng số", "Cấp tỉnh", "Cấp huyện", "Cấp xã"], Enumerable.Range(3, 4).Select(c => sheet.Cell(9, c).GetString()));
        Assert.Equal("Tại BPMC cấp huyện", sheet.Cell("I9").GetString());
        Assert.Equal("D12+E12+F12", sheet.Cell("C12").FormulaA1);
        Assert.Equal(CellSource.Manual, report.Template.Column(5).Source);
        Assert.Equal(CellSource.Computed, report.Template.Column(4).Source);

        var after = ReportForms.For(ReportForms.Bieu07b, new(new DateOnly(2025, 7, 1), new DateOnly(2025, 9, 30)))!;
        Assert.Equal(11, after.LastColumn);
        Assert.DoesNotContain(after.Columns, c => c.Name.Contains("huyện", StringComparison.Ordinal));
    }

    [Fact]
    public void An_override_is_a_comment_and_a_pending_row_says_chưa_duyệt()
    {
        var report = ReportSamples.Bieu06();
        var item = report.Rows.First(r => r.Kind == ReportRowKind.Item);
        var pending = report with
        {
            Rows = [.. report.Rows.Select(r => ReferenceEquals(r, item) ? r with { Pending = true } : r)],
            Overrides = [new CellOverride(item.Key, 4, item[4] + 1, item[4], "Hồ sơ nhập trùng, đã loại")],
        };
        using var workbook = new XLWorkbook(new MemoryStream(ReportGoldenFileTests.Write(pending)));
        var sheet = workbook.Worksheet(1);

        Assert.Equal("Sở Tư pháp (chưa duyệt)", sheet.Cell("B14").GetString());
        Assert.Contains("Hồ sơ nhập trùng, đã loại", sheet.Cell("D14").Comment.Text, StringComparison.Ordinal);
    }

    [SofficeFact]
    public void Each_form_converts_to_PDF_with_LibreOffice()
    {
        var directory = Directory.CreateTempSubdirectory("reporting-pdf-");
        try
        {
            foreach (var name in ReportGoldenFileTests.Forms())
            {
                var xlsx = Path.Combine(directory.FullName, name + ".xlsx");
                File.WriteAllBytes(xlsx, ReportGoldenFileTests.Write(ReportGoldenFileTests.Sample(name)));
                var start = new ProcessStartInfo(SofficeFactAttribute.Path!, new[] { "--headless", "--convert-to", "pdf", "--outdir", directory.FullName, xlsx })
                {
                    RedirectStandardOutput = true,
                    RedirectStandardError = true,
                };
                using var process = Process.Start(start)!;
                Assert.True(process.WaitForExit(TimeSpan.FromMinutes(2)), $"LibreOffice did not finish converting {name}");
                var pdf = Path.Combine(directory.FullName, name + ".pdf");
                Assert.True(File.Exists(pdf) && new FileInfo(pdf).Length > 1000, $"{name}: no PDF ({process.StandardError.ReadToEnd()})");
            }
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }
}

/// <summary>A fact that runs where LibreOffice (<c>soffice</c>) is installed and is skipped elsewhere; it is not a prerequisite.</summary>
public sealed class SofficeFactAttribute : FactAttribute
{
    public static string? Path { get; } = Find();

    public SofficeFactAttribute()
    {
        if (Path is null)
        {
            Skip = "LibreOffice (soffice) is not installed; install it to check printing to PDF.";
        }
    }

    private static string? Find() =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(System.IO.Path.PathSeparator)
            .SelectMany(d => new[] { System.IO.Path.Combine(d, "soffice"), System.IO.Path.Combine(d, "libreoffice") })
            .FirstOrDefault(File.Exists);
}

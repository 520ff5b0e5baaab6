using System.Runtime.CompilerServices;
using Reporting.Core.Reports;
using Reporting.Core.Reports.Excel;

namespace Reporting.Tests.Reports;

/// <summary>
/// One committed reference workbook per form (Reports/Golden), written from the fixed data set of
/// <see cref="ReportSamples"/> and compared cell by cell: values, formulas, merges, styles, widths,
/// heights, print settings and defined names. A layout change is a failing test naming the cell;
/// after reviewing it, regenerate with <c>REPORTING_REGENERATE_GOLDEN=1</c> and commit the files.
/// </summary>
public class ReportGoldenFileTests
{
    public static TheoryData<string> Forms() => ["bieu-06", "bieu-ii-06a", "bieu-ii-07b", "bieu-ii-07b-cap-huyen"];

    [Theory]
    [MemberData(nameof(Forms))]
    public void The_workbook_equals_its_golden_file(string name)
    {
        var written = Write(Sample(name));
        var path = Path.Combine(GoldenDirectory(), name + ".xlsx");
        if (Environment.GetEnvironmentVariable("REPORTING_REGENERATE_GOLDEN") == "1")
        {
            File.WriteAllBytes(path, written);
        }

        Assert.True(File.Exists(path), $"Thiếu tệp mẫu {path}: chạy với REPORTING_REGENERATE_GOLDEN=1 để tạo.");
        var expected = WorkbookDump.Of(File.ReadAllBytes(path));
        var actual = WorkbookDump.Of(written);
        for (var i = 0; i < Math.Min(expected.Count, actual.Count); i++)
        {
            Assert.True(expected[i] == actual[i], $"{name}: line {i + 1} differs\n golden: {expected[i]}\n actual: {actual[i]}");
        }

        Assert.Equal(expected.Count, actual.Count);
    }

    [Fact]
    public void A_changed_cell_is_a_named_difference()
    {
        var golden = WorkbookDump.Of(Write(ReportSamples.Bieu06()));
        var report = ReportSamples.Bieu06();
        var item = report.Rows.First(r => r.Kind == ReportRowKind.Item);
        var changed = report with { Rows = [.. report.Rows.Select(r => ReferenceEquals(r, item) ? r with { Label = "Sở Tư pháp (đổi tên)" } : r)] };

        var differences = WorkbookDump.Of(Write(changed)).Except(golden).ToList();

        Assert.Contains(differences, line => line.StartsWith("B14 ", StringComparison.Ordinal) && line.Contains("(đổi tên)", StringComparison.Ordinal));
    }

    internal static ReportDocument Sample(string name) => name switch
    {
        "bieu-06" => ReportSamples.Bieu06(),
        "bieu-ii-06a" => ReportSamples.Bieu06a(),
        "bieu-ii-07b" => ReportSamples.Bieu07b(),
        "bieu-ii-07b-cap-huyen" => ReportSamples.Bieu07b(withDistricts: true),
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, null),
    };

    internal static byte[] Write(ReportDocument report)
    {
        using var stream = new MemoryStream();
        ReportExcelWriter.Write(report, stream);
        return stream.ToArray();
    }

    private static string GoldenDirectory([CallerFilePath] string source = "") => Path.Combine(Path.GetDirectoryName(source)!, "Golden");
}

using System.Globalization;
using ClosedXML.Excel;
using Reporting.Core.Reports.Templates;

namespace Reporting.Core.Reports.Excel;

/// <summary>A reason an uploaded file is refused: the cell (A1 address, empty for the whole file) and why, in Vietnamese.</summary>
public sealed record UploadError(string Cell, string Message);

/// <summary>The manual cells read from a file, or the reasons it is refused whole.</summary>
public sealed record UploadResult(IReadOnlyList<ReportRow> Rows, IReadOnlyList<UploadError> Errors)
{
    public bool Accepted => Errors.Count == 0;
}

/// <summary>
/// Reads a filled form back (templates.md): cells by their position in the template, the rows in the
/// order of the report it was downloaded from (labels must match), manual cells taken as typed,
/// computed cells required unchanged (an override needs a reason, given on screen), sum cells and
/// totals re-derived and every identity checked. Any error refuses the file whole, each naming its
/// cell; nothing is half-imported.
/// </summary>
public static class ReportExcelReader
{
    public static UploadResult Read(ReportDocument expected, Stream file)
    {
        var template = expected.Template;
        var layout = new ReportSheetLayout(template);
        XLWorkbook workbook;
        try
        {
            workbook = new XLWorkbook(file);
        }
        catch (Exception e) when (e is InvalidDataException or IOException or FormatException or ArgumentException or InvalidOperationException or System.Xml.XmlException
                                  or DocumentFormat.OpenXml.Packaging.OpenXmlPackageException)
        {
            return Refused("", "Không đọc được tệp: đây không phải tệp Excel (.xlsx) hợp lệ.");
        }

        using (workbook)
        {
            if (!workbook.TryGetWorksheet(template.SheetName, out var sheet))
            {
                return Refused("", $"Tệp không có trang tính '{template.SheetName}' của {template.FormNumber}; hãy tải mẫu của báo cáo này rồi điền vào đó.");
            }

            var errors = new List<UploadError>();
            for (var c = 1; c <= layout.LastColumn; c++)
            {
                var expectedText = string.Create(CultureInfo.InvariantCulture, $"({c})");
                if (sheet.Cell(layout.NumbersRow, c).GetString().Trim() != expectedText)
                {
                    errors.Add(new UploadError(sheet.Cell(layout.NumbersRow, c).Address.ToString()!,
                        $"Ô {sheet.Cell(layout.NumbersRow, c).Address}: phải là số thứ tự cột {expectedText} của mẫu; tệp không đúng mẫu {template.FormNumber}."));
                }
            }

            if (errors.Count > 0)
            {
                return new UploadResult([], errors);
            }

            var rows = new List<ReportRow>();
            for (var i = 0; i < expected.Rows.Count; i++)
            {
                var want = expected.Rows[i];
                var r = layout.FirstDataRow + i;
                var label = sheet.Cell(r, 2).GetString().Trim();
                if (label.EndsWith(ReportExcelWriter.PendingMark.Trim(), StringComparison.Ordinal))
                {
                    label = label[..^ReportExcelWriter.PendingMark.Trim().Length].Trim();
                }

                if (!string.Equals(label, want.Label, StringComparison.Ordinal))
                {
                    errors.Add(new UploadError(sheet.Cell(r, 2).Address.ToString()!,
                        $"Ô {sheet.Cell(r, 2).Address}: dòng này của mẫu là \"{want.Label}\", tệp ghi \"{label}\"; không thêm, bớt hay đổi thứ tự dòng."));
                    continue;
                }

                var row = want;
                foreach (var column in template.Columns)
                {
                    var cell = sheet.Cell(r, column.Number);
                    if (!TryReadCount(cell, out var value, out var problem))
                    {
                        errors.Add(new UploadError(cell.Address.ToString()!, $"{Name(cell, column, want)}: {problem}"));
                        continue;
                    }

                    if (want.Kind != ReportRowKind.Item || column.Source == CellSource.Sum)
                    {
                        // Totals are re-derived below; a file whose totals disagree fails the identities.
                        row = row.With(column.Number, value);
                    }
                    else if (column.Source == CellSource.Manual)
                    {
                        row = row.With(column.Number, value);
                    }
                    else if (value != want[column.Number])
                    {
                        errors.Add(new UploadError(cell.Address.ToString()!, string.Create(CultureInfo.InvariantCulture,
                            $"{Name(cell, column, want)}: số tính từ dữ liệu là {want[column.Number]}, tệp ghi {value}. Sửa số tính sẵn cần ghi lý do trên màn hình báo cáo.")));
                    }
                }

                rows.Add(row);
            }

            var beyond = layout.FirstDataRow + expected.Rows.Count;
            if (errors.Count == 0 && Enumerable.Range(3, layout.LastColumn - 2).Any(c => sheet.Cell(beyond, c).Value is double or int))
            {
                errors.Add(new UploadError(sheet.Cell(beyond, 2).Address.ToString()!,
                    $"Ô {sheet.Cell(beyond, 2).Address}: tệp có thêm dòng số liệu sau dòng cuối của mẫu ({expected.Rows.Count} dòng)."));
            }

            if (errors.Count > 0)
            {
                return new UploadResult([], errors);
            }

            foreach (var violation in ReportIdentities.Check(template, rows))
            {
                var index = rows.FindIndex(x => x.Key == violation.RowKey);
                var address = sheet.Cell(layout.FirstDataRow + index, violation.Column).Address.ToString()!;
                errors.Add(new UploadError(address, $"Ô {address} — {violation.Message}"));
            }

            return new UploadResult(errors.Count == 0 ? rows : [], errors);
        }
    }

    private static string Name(IXLCell cell, ReportColumn column, ReportRow row) =>
        $"Ô {cell.Address} (cột ({column.Number}) {column.Name}, dòng \"{row.Label}\")";

    private static bool TryReadCount(IXLCell cell, out int value, out string problem)
    {
        value = 0;
        problem = "";
        object raw;
        try
        {
            raw = cell.Value;
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException or FormatException)
        {
            problem = "không tính được công thức trong ô.";
            return false;
        }

        switch (raw)
        {
            case null:
            case string s when string.IsNullOrWhiteSpace(s):
                return true;
            case double d when d == Math.Floor(d) && d is >= 0 and <= int.MaxValue:
                value = (int)d;
                return true;
            case double d:
                problem = string.Create(CultureInfo.InvariantCulture, $"phải là số nguyên không âm, tệp ghi {d}.");
                return false;
            case string s when int.TryParse(s.Replace(".", "", StringComparison.Ordinal).Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var n):
                value = n;
                return true;
            default:
                problem = $"phải là số nguyên không âm, tệp ghi \"{raw}\".";
                return false;
        }
    }

    private static UploadResult Refused(string cell, string message) => new([], [new UploadError(cell, message)]);
}

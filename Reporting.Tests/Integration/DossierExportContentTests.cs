using System.Net.Http.Json;
using System.Text.Json;
using ClosedXML.Excel;
using Reporting.Core.Indicators;
using Reporting.Web.Dashboard;

namespace Reporting.Tests.Integration;

/// <summary>
/// The Excel list behind a figure, opened as a reader would: the headers, one row per dossier counted by the figure
/// (traceable), and every cell equal to the stored dossier's whole row, typed as before (text, the status a number,
/// dates as dates, empty cells for missing values). The list reads only the columns it shows; this holds that
/// projection equal to the whole rows.
/// </summary>
[Collection(DemoAppCollection.Name)]
public sealed class DossierExportContentTests(DemoAppFixture demo)
{
    private static readonly string[] Headers =
    [
        "Nguồn", "Mã hồ sơ", "Mã TTHC", "Tên TTHC", "Mã đơn vị", "Đơn vị", "Kênh", "Trạng thái",
        "Ngày tiếp nhận", "Hạn giải quyết", "Ngày kết thúc", "Thanh toán trực tuyến", "Kết quả điện tử",
    ];

    [Theory]
    [InlineData("numerator")]
    [InlineData("denominator")]
    public async Task The_file_holds_exactly_the_dossiers_of_the_figure_cell_for_cell(string part)
    {
        var (department, _) = demo.Samples();
        using var client = await demo.Factory.SignedInClientAsync();
        var figures = await client.GetFromJsonAsync<JsonElement>($"/api/v1/indicators?agency={department.Code}&period=2026-Q3");
        // The dossier-based figure with the most dossiers behind it (5.4 counts a dossier twice, 2.2 is not a count).
        var figure = figures.GetProperty("indicators").EnumerateArray()
            .Where(i => IndicatorFilters.Supports(i.GetProperty("code").GetString()!) && i.GetProperty("code").GetString() is not ("5.4" or "2.2"))
            .Where(i => i.GetProperty(part).ValueKind == JsonValueKind.Number)
            .OrderByDescending(i => i.GetProperty(part).GetDecimal())
            .First();
        var code = figure.GetProperty("code").GetString()!;
        var count = (int)figure.GetProperty(part).GetDecimal();
        Assert.True(count > 1, $"{code} {part}: {count}");

        var response = await client.GetAsync($"/exports/indicators/{code}/dossiers.xlsx?agency={department.Code}&period=2026-Q3&part={part}");
        response.EnsureSuccessStatusCode();
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains($"ho-so-{code}-{part}-2026-Q3.xlsx", response.Content.Headers.ContentDisposition?.ToString());
        using var workbook = new XLWorkbook(new MemoryStream(await response.Content.ReadAsByteArrayAsync()));
        var sheet = workbook.Worksheet(1);
        Assert.Equal("Hồ sơ", sheet.Name);
        Assert.Equal(Headers, Enumerable.Range(1, Headers.Length).Select(c => sheet.Cell(1, c).GetString()));
        Assert.Equal(count, sheet.LastRowUsed()!.RowNumber() - 1);

        var list = await client.GetFromJsonAsync<JsonElement>($"/api/v1/indicators/{code}/dossiers?agency={department.Code}&period=2026-Q3&part={part}&pageSize=1");
        Assert.Equal(count, list.GetProperty("total").GetInt32());
        Assert.Equal(list.GetProperty("items")[0].GetProperty("code").GetString(), sheet.Cell(2, 2).GetString());

        var stored = demo.Dossiers.ToDictionary(d => (d.Source, d.Code));
        var seen = new HashSet<(string, string)>();
        for (var r = 2; r <= count + 1; r++)
        {
            var key = (sheet.Cell(r, 1).GetString(), sheet.Cell(r, 2).GetString());
            Assert.True(seen.Add(key), $"row {r}: {key} twice");
            var expected = DossierExportRow.From(IndicatorDossierService.ToItem(stored[key], demo.Reference.Tree));
            var where = $"row {r} ({key})";
            Text(expected.ProcedureCode, sheet.Cell(r, 3), where);
            Text(expected.ProcedureName, sheet.Cell(r, 4), where);
            Text(expected.AgencyCode, sheet.Cell(r, 5), where);
            Text(expected.AgencyName, sheet.Cell(r, 6), where);
            Text(expected.Channel, sheet.Cell(r, 7), where);
            Assert.True(sheet.Cell(r, 8).DataType == XLDataType.Number, $"{where}: status {sheet.Cell(r, 8).DataType}");
            Assert.Equal(expected.Status, (int)sheet.Cell(r, 8).GetDouble());
            Date(expected.ReceivedAt, sheet.Cell(r, 9), where);
            Date(expected.PromisedAt, sheet.Cell(r, 10), where);
            Date(expected.EndedAt, sheet.Cell(r, 11), where);
            Text(expected.PaidOnline, sheet.Cell(r, 12), where);
            Text(expected.ElectronicResult, sheet.Cell(r, 13), where);
        }

        Assert.True(sheet.Cell(count + 2, 2).IsEmpty());
    }

    private static void Text(string? expected, IXLCell cell, string where)
    {
        if (expected is null)
        {
            Assert.True(cell.IsEmpty(), $"{where} {cell.Address}: {cell.GetString()}");
            return;
        }

        Assert.True(cell.DataType == XLDataType.Text, $"{where} {cell.Address}: {cell.DataType}");
        Assert.Equal(expected, cell.GetString());
    }

    private static void Date(DateTime? expected, IXLCell cell, string where)
    {
        if (expected is not { } at)
        {
            Assert.True(cell.IsEmpty(), $"{where} {cell.Address}: {cell.GetString()}");
            return;
        }

        Assert.True(cell.DataType == XLDataType.DateTime, $"{where} {cell.Address}: {cell.DataType}");
        // Excel keeps a date as a day count (a double): equal to the millisecond.
        Assert.True(Math.Abs((cell.GetDateTime() - at).TotalMilliseconds) < 1, $"{where} {cell.Address}: {cell.GetDateTime():O} vs {at:O}");
    }
}

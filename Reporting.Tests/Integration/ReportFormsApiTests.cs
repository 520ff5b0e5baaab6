using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ClosedXML.Excel;
using Reporting.Core.Agencies;
using Reporting.Core.Periods;
using Reporting.Core.Reports.Excel;
using Reporting.Core.Reports.Templates;

namespace Reporting.Tests.Integration;

/// <summary>
/// <c>GET /api/v1/reports/{form}</c> answers the three forms on the demo province; for each, the JSON
/// and the Excel file hold the same cells, and the figures trace back to the engine and the catalogue.
/// </summary>
[Collection(DemoAppCollection.Name)]
public sealed class ReportFormsApiTests(DemoAppFixture demo)
{
    public static TheoryData<string, string> Cases() => new()
    {
        { "bieu-06", "2025-Q2" },
        { "bieu-06", "2026-Q3" },
        { "bieu-ii-06a", "2025-Q2" },
        { "bieu-ii-06a", "2026-Q3" },
        { "bieu-ii-07b", "2025-Q2" },
        { "bieu-ii-07b", "2026-Q3" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Json_and_Excel_are_equal_cell_for_cell(string form, string period)
    {
        using var client = demo.Factory.ClientWithKey(ReportingAppFactory.ReadKey);
        var json = await client.GetFromJsonAsync<JsonElement>($"/api/v1/reports/{form}?period={period}");
        var response = await client.GetAsync($"/api/v1/reports/{form}?period={period}&format=xlsx");
        response.EnsureSuccessStatusCode();
        Assert.Equal(ReportExcelWriter.ContentType, response.Content.Headers.ContentType?.MediaType);

        var template = ReportForms.For(form, PeriodKey.Parse(period).Window(WindowKind.Cutoff))!;
        var layout = new ReportSheetLayout(template);
        using var workbook = new XLWorkbook(await response.Content.ReadAsStreamAsync());
        var sheet = workbook.Worksheet(template.SheetName);
        Assert.Equal(form, json.GetProperty("form").GetString());
        Assert.Empty(json.GetProperty("violations").EnumerateArray());
        var rows = json.GetProperty("rows").EnumerateArray().ToList();
        Assert.NotEmpty(rows);
        for (var i = 0; i < rows.Count; i++)
        {
            var r = layout.FirstDataRow + i;
            Assert.Equal(rows[i].GetProperty("label").GetString(), sheet.Cell(r, 2).GetString());
            var values = rows[i].GetProperty("values");
            foreach (var c in template.ColumnNumbers)
            {
                Assert.Equal(values.GetProperty(c.ToString(CultureInfo.InvariantCulture)).GetInt32(), sheet.Cell(r, c).GetValue<int>());
            }
        }

        Assert.Equal(Enumerable.Range(1, template.LastColumn).Select(c => $"({c})"),
            Enumerable.Range(1, template.LastColumn).Select(c => sheet.Cell(layout.NumbersRow, c).GetString()));
    }

    [Fact]
    public async Task The_service_centre_lists_the_provincial_agencies_with_their_Biểu_06_rows()
    {
        using var client = demo.Factory.ClientWithKey(ReportingAppFactory.ReadKey);
        var centre = await client.GetFromJsonAsync<JsonElement>("/api/v1/reports/bieu-ii-06a?period=2026-Q3");
        var province = await client.GetFromJsonAsync<JsonElement>("/api/v1/reports/bieu-06?period=2026-Q3");

        var centreCode = demo.Reference.Tree.All.Single(a => a.Kind == AgencyKind.ServiceCentre && a.ValidTo is null).Code;
        Assert.Equal(centreCode, centre.GetProperty("agency").GetString());
        var provincial = province.GetProperty("rows").EnumerateArray()
            .Where(r => r.GetProperty("kind").GetString() == "item" && demo.Reference.Tree.All.Any(a => a.Code == r.GetProperty("key").GetString() && a.Kind is AgencyKind.Department or AgencyKind.Other))
            .ToDictionary(r => r.GetProperty("key").GetString()!, r => r.GetProperty("values").GetProperty("3").GetInt32());
        var items = centre.GetProperty("rows").EnumerateArray().Where(r => r.GetProperty("kind").GetString() == "item").ToList();

        Assert.Equal(provincial.Keys.Order(), items.Select(r => r.GetProperty("key").GetString()!).Order());
        Assert.All(items, r => Assert.Equal(provincial[r.GetProperty("key").GetString()!], r.GetProperty("values").GetProperty("3").GetInt32()));
    }

    [Fact]
    public async Task II_07b_counts_the_catalogue_by_level()
    {
        using var client = demo.Factory.ClientWithKey(ReportingAppFactory.ReadKey);
        var report = await client.GetFromJsonAsync<JsonElement>("/api/v1/reports/bieu-ii-07b?period=2026-Q3");
        var total = report.GetProperty("rows").EnumerateArray().Single(r => r.GetProperty("kind").GetString() == "total").GetProperty("values");
        var catalogue = demo.Reference.Procedures.Values;

        Assert.Equal(catalogue.Count(p => p.AtProvinceLevel), total.GetProperty("4").GetInt32());
        Assert.Equal(catalogue.Count(p => p.AtCommuneLevel), total.GetProperty("5").GetInt32());
        Assert.Equal(total.GetProperty("4").GetInt32() + total.GetProperty("5").GetInt32(), total.GetProperty("3").GetInt32());
        Assert.Equal("manual", report.GetProperty("columns").EnumerateArray().Single(c => c.GetProperty("number").GetInt32() == 7).GetProperty("source").GetString());
    }

    [Fact]
    public async Task Unknown_forms_and_a_centre_form_for_a_department_are_refused_in_Vietnamese()
    {
        using var client = demo.Factory.ClientWithKey(ReportingAppFactory.ReadKey);
        var unknown = await client.GetAsync("/api/v1/reports/bieu-99?period=2026-Q3");
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Contains("bieu-ii-07b", await unknown.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var (department, _) = demo.Samples();
        var wrong = await client.GetAsync($"/api/v1/reports/bieu-ii-06a?period=2026-Q3&agency={department.Code}");
        Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        Assert.Contains("không phải trung tâm", await wrong.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}

using System.Text.Json;
using ClosedXML.Excel;

namespace Reporting.Tests.Browser;

/// <summary>The Excel download of a dossier list: plain HTTP, the same dossiers as the API's list.</summary>
[Collection(BrowserCollection.Name)]
public sealed class DossierExportTests(BrowserAppFixture app)
{
    [Fact]
    public async Task The_download_holds_every_dossier_of_the_list_in_the_APIs_order()
    {
        using var user = await app.SignedInHttpAsync();
        var response = await user.GetAsync("/exports/indicators/3.6/dossiers.xlsx?period=2026-Q3&window=cutoff&structure=current&part=rest");
        response.EnsureSuccessStatusCode();
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("ho-so-3.6-rest-2026-Q3.xlsx", response.Content.Headers.ContentDisposition?.ToString());

        var list = JsonDocument.Parse(await app.Api.GetStringAsync("/api/v1/indicators/3.6/dossiers?period=2026-Q3&window=cutoff&part=rest&pageSize=500")).RootElement;
        using var workbook = new XLWorkbook(await response.Content.ReadAsStreamAsync());
        var sheet = workbook.Worksheet(1);
        Assert.Equal("Mã hồ sơ", sheet.Cell(1, 2).GetString());
        var rows = sheet.RowsUsed().Count() - 1;
        Assert.Equal(list.GetProperty("total").GetInt32(), rows);
        Assert.True(rows > 0);
        Assert.Equal(list.GetProperty("items")[0].GetProperty("code").GetString(), sheet.Cell(2, 2).GetString());
    }

    [Fact]
    public async Task Exports_are_for_signed_in_people_and_a_key_on_its_own_is_refused()
    {
        using var anonymous = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = new Uri(app.BaseUrl) };
        var redirected = await anonymous.GetAsync("/exports/indicators/3.6/dossiers.xlsx?period=2026-Q3");
        Assert.Equal(System.Net.HttpStatusCode.Redirect, redirected.StatusCode);
        Assert.Contains("/dang-nhap", redirected.Headers.Location!.OriginalString);
        Assert.Equal(System.Net.HttpStatusCode.Forbidden, (await app.Api.GetAsync("/exports/indicators/3.6/dossiers.xlsx?period=2026-Q3")).StatusCode);
    }

    [Fact]
    public async Task An_indicator_without_dossiers_is_refused_before_any_file_starts()
    {
        using var user = await app.SignedInHttpAsync();
        var response = await user.GetAsync("/exports/indicators/3.1/dossiers.xlsx?period=2026-Q3");
        Assert.Equal(System.Net.HttpStatusCode.BadRequest, response.StatusCode);
    }
}

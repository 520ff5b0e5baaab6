using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Reporting.Core.Agencies;
using Reporting.Core.Feeds;
using Reporting.Core.Persistence;
using Reporting.Tests.Integration;

namespace Reporting.Tests.Browser;

[Collection(BrowserCollection.Name)]
public sealed class LiveUpdateTests(BrowserAppFixture app)
{
    [Fact]
    public async Task An_open_overview_updates_itself_when_a_dossier_is_ingested()
    {
        var page = await app.NewPageAsync();
        await page.GotoAsync(app.BaseUrl + "/?period=2026-11");
        var fraction = page.Locator("[data-testid=kpi-card][data-code=ONLINE] [data-testid=fraction]");
        await fraction.WaitForAsync();
        var before = (await fraction.InnerTextAsync()).Trim();
        await page.EvaluateAsync("() => window.__notReloaded = true");

        var reference = await app.Factory.Services.GetRequiredService<ReferenceData>().GetAsync();
        var department = reference.Tree.All.First(a => a.Kind == AgencyKind.Department && a.ValidTo is null);
        var procedure = reference.Procedures.Values.First(p => p.AtProvinceLevel);
        using var ingest = new HttpClient { BaseAddress = new Uri(app.BaseUrl) };
        ingest.DefaultRequestHeaders.Add("X-Api-Key", ReportingAppFactory.IngestKey);
        var dossier = new DossierFeedItem
        {
            MaHoSo = "LIVE-" + Guid.NewGuid().ToString("N")[..8],
            MaTTHC = procedure.Code,
            MaDonVi = department.Code,
            KenhThucHien = 2,
            TrangThaiHoSo = 4,
            NgayTiepNhan = "20261116080000",
            NgayHenTra = "20261130170000",
            NgayCapNhat = "20261116080000",
            DongBoDVCQG = 1,
        };
        var response = await ingest.PostAsJsonAsync("/api/v1/ingest/dossiers", new { data = new[] { dossier } });
        response.EnsureSuccessStatusCode();
        Assert.Equal(1, (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("stored").GetInt32());

        var api = JsonDocument.Parse(await app.Api.GetStringAsync("/api/v1/indicators?period=2026-11")).RootElement;
        var online = api.GetProperty("indicators").EnumerateArray().First(i => i.GetProperty("code").GetString() == "ONLINE");
        var expected = $"{Reporting.Web.Dashboard.DashboardFormat.Count(online.GetProperty("numerator").GetDecimal())} / {Reporting.Web.Dashboard.DashboardFormat.Count(online.GetProperty("denominator").GetDecimal())}";
        Assert.NotEqual(before, expected);
        await Microsoft.Playwright.Assertions.Expect(fraction).ToHaveTextAsync(expected, new() { Timeout = 10_000 });
        Assert.True(await page.EvaluateAsync<bool>("() => window.__notReloaded === true"));
    }
}

using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Reporting.Core.Ingest;

namespace Reporting.Tests.Browser;

/// <summary>
/// The upload panel of /thu-thap in Chromium: a file chosen in the browser travels over the circuit, is stored
/// through the ingest path and summarised. Only bad rows are sent, so the demo's figures other tests read stay as they are.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class DossierUploadBrowserTests(BrowserAppFixture app)
{
    private const string Source = "tep-thu-trinh-duyet";

    [Fact]
    public async Task A_file_chosen_in_the_browser_is_summarised_and_a_file_with_wrong_columns_is_refused_in_vietnamese()
    {
        var page = await app.NewPageAsync();
        await page.GotoAsync(app.BaseUrl + "/thu-thap");
        var panel = page.Locator("[data-testid=upload-panel]");
        await panel.WaitForAsync();
        // Blazor's InputFile listens for the chosen file only once its script has set the input up after the first
        // render; a file set before that is never seen (a busy machine makes the gap long enough to hit).
        await page.WaitForFunctionAsync("() => document.querySelector('[data-testid=upload-panel] input[type=file]')?._blazorInputFileNextFileId !== undefined");
        await panel.Locator("input[data-testid=upload-source]").FillAsync(Source);

        var csv = "MaHoSo;MaTTHC;MaDonVi;TrangThaiHoSo;NgayTiepNhan;NgayCapNhat\n" +
            "TRINH-DUYET-1;1.000001;000.00.01.H98;4;02/03/2026;20260302080000\n" +
            "TRINH-DUYET-2;1.000001;000.00.01.H98;hai;20260302080000;20260302080000\n";
        await panel.Locator("input[type=file]").First.SetInputFilesAsync(new FilePayload { Name = "ho-so.csv", MimeType = "text/csv", Buffer = Encoding.UTF8.GetBytes(csv) });

        await Assertions.Expect(panel.Locator("[data-testid=upload-rows]")).ToHaveTextAsync("2");
        await Assertions.Expect(panel.Locator("[data-testid=upload-quarantined]")).ToHaveTextAsync("2");
        await Assertions.Expect(panel.Locator("[data-testid=upload-stored]")).ToHaveTextAsync("0");
        var rows = panel.Locator("[data-testid=upload-quarantined-rows] tbody tr");
        await Assertions.Expect(rows.Nth(0)).ToContainTextAsync("Ngày không đúng định dạng yyyyMMddHHmmss ở trường NgayTiepNhan: '02/03/2026'.");
        await Assertions.Expect(rows.Nth(1)).ToContainTextAsync("Mã không hợp lệ ở trường TrangThaiHoSo: 'hai'.");
        await using (var db = app.Factory.CreateDbContext())
        {
            var kept = await db.Quarantine.AsNoTracking().Where(q => q.Source == Source).OrderBy(q => q.Id).ToListAsync();
            Assert.Equal([QuarantineReason.BadDate, QuarantineReason.UnknownCode], kept.Select(q => q.ReasonCodes));
            Assert.Contains("\"_Dong\":2", kept[0].RawJson);
        }

        await panel.Locator("input[type=file]").First.SetInputFilesAsync(new FilePayload { Name = "sai-cot.csv", MimeType = "text/csv", Buffer = Encoding.UTF8.GetBytes("Ma Ho So,MaTTHC\nX,1\n") });

        await Assertions.Expect(panel.Locator("[data-testid=upload-error]")).ToContainTextAsync("Cột không thuộc các trường của hồ sơ: 'Ma Ho So'");
        await Assertions.Expect(panel.Locator("[data-testid=upload-summary]")).ToHaveCountAsync(0);
    }
}

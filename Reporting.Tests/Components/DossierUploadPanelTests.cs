using Bunit;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Reporting.Core.Collectors;
using Reporting.Core.Ingest.Files;
using Reporting.Tests.Integration;
using Reporting.Web.Collectors;
using Reporting.Web.Ingest;

namespace Reporting.Tests.Components;

/// <summary>The upload panel over the real importer and admin of the application, on a fresh SQLite file with the tiny province.</summary>
public sealed class DossierUploadPanelTests : DashboardComponentContext, IAsyncLifetime
{
    private const string Header = "MaHoSo,TenTTHC,MaTTHC,MaDonVi,TrangThaiHoSo,NgayTiepNhan,NgayCapNhat";
    private readonly ReportingAppFactory _app = new();
    private IServiceScope? _scope;

    async Task IAsyncLifetime.InitializeAsync()
    {
        _ = _app.Server;
        await TinyProvince.SeedAsync(_app);
        await using (var db = _app.CreateDbContext())
        {
            db.CollectorSources.Add(new CollectorSource { Name = "motcua-tinh", Kind = CollectorKind.DossierFeed, BaseUrl = "http://127.0.0.1:9/x", Cron = "0 0 * * * ?" });
            db.CollectorSources.Add(new CollectorSource { Name = "thanhtoan", Kind = CollectorKind.PaymentFeed, BaseUrl = "http://127.0.0.1:9/y", Cron = "0 0 * * * ?" });
            await db.SaveChangesAsync();
        }

        _scope = _app.CreateAdminScope();
        Services.AddSingleton(_scope.ServiceProvider.GetRequiredService<ICollectorsAdmin>());
        Services.AddSingleton(_app.Services.GetRequiredService<DossierFileImporter>());
        Services.AddSingleton(_scope.ServiceProvider.GetRequiredService<Reporting.Web.Access.CurrentUser>());
        Services.AddSingleton(_app.Services.GetRequiredService<TimeProvider>());
        Services.AddSingleton(_app.Services.GetRequiredService<Reporting.Web.Access.CallerScope>());
        Services.AddSingleton(_app.Services.GetRequiredService<Microsoft.EntityFrameworkCore.IDbContextFactory<Reporting.Core.Persistence.ReportingDbContext>>());
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await DisposeAsync();
        _scope?.Dispose();
        await _app.DisposeAsync();
    }

    private static void Upload(IRenderedComponent<DossierUploadPanel> panel, string text, string fileName) =>
        panel.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromText(text, fileName));

    [Fact]
    public async Task An_uploaded_file_shows_rows_read_stored_and_the_quarantined_rows_with_number_and_reason()
    {
        var panel = Render<DossierUploadPanel>();
        Assert.Equal(DossierFileImporter.DefaultSource, panel.Find("input[data-testid=upload-source]").GetAttribute("value"));

        Upload(panel, Header + "\n" +
            $"HS-1,Đăng ký khai sinh,{TinyProvince.Procedure},{TinyProvince.NewCommune},4,20260302080000,20260302080000\n" +
            $"HS-2,Đăng ký khai sinh,{TinyProvince.Procedure},000.99.99.H99,4,20260302080000,20260302080000\n" +
            $"HS-3,Đăng ký khai sinh,{TinyProvince.Procedure},{TinyProvince.NewCommune},4,20260302080000,20260302080000\n", "ho-so.csv");

        panel.WaitForAssertion(() => Assert.Equal("3", panel.Find("[data-testid=upload-rows]").TextContent), TimeSpan.FromSeconds(20));
        Assert.Equal("2", panel.Find("[data-testid=upload-stored]").TextContent);
        Assert.Equal("0", panel.Find("[data-testid=upload-stale]").TextContent);
        Assert.Equal("1", panel.Find("[data-testid=upload-quarantined]").TextContent);
        var cells = panel.FindAll("[data-testid=upload-quarantined-rows] tbody td").Select(td => td.TextContent.Trim()).ToList();
        Assert.Equal("3", cells[0]);
        Assert.Equal("HS-2", cells[1]);
        Assert.Contains("Mã đơn vị '000.99.99.H99' không có trong cây đơn vị", cells[2]);
        Assert.Contains("ho-so.csv", panel.Find("[data-testid=upload-file-name]").TextContent);
        Assert.Empty(panel.FindAll("[data-testid=upload-error]"));

        await using var db = _app.CreateDbContext();
        Assert.Equal(2, await db.Dossiers.CountAsync(d => d.Source == DossierFileImporter.DefaultSource));
    }

    [Fact]
    public async Task A_file_with_wrong_columns_shows_the_reason_in_vietnamese_and_stores_nothing()
    {
        var panel = Render<DossierUploadPanel>();

        Upload(panel, "MaHoSo;Ma_TTHC;MaDonVi\nHS-1;1.000001;000.00.80.H99\n", "ho-so.csv");

        panel.WaitForAssertion(() => Assert.Contains("Cột không thuộc các trường của hồ sơ: 'Ma_TTHC'", panel.Find("[data-testid=upload-error]").TextContent), TimeSpan.FromSeconds(20));
        Assert.Contains("Thiếu cột bắt buộc: MaTTHC, TrangThaiHoSo, NgayCapNhat.", panel.Find("[data-testid=upload-error]").TextContent);
        Assert.Contains("Không hồ sơ nào được lưu.", panel.Find("[data-testid=upload-error]").TextContent);
        Assert.Empty(panel.FindAll("[data-testid=upload-summary]"));
        await using var db = _app.CreateDbContext();
        Assert.Equal(0, await db.Dossiers.CountAsync());
        Assert.Equal(0, await db.Quarantine.CountAsync());
    }

    [Fact]
    public void Another_file_type_is_refused_before_it_is_read()
    {
        var panel = Render<DossierUploadPanel>();

        Upload(panel, "%PDF-1.7", "bao-cao.pdf");

        panel.WaitForAssertion(() => Assert.Contains("Chỉ nhận tệp .csv hoặc .xlsx; tệp 'bao-cao.pdf'", panel.Find("[data-testid=upload-error]").TextContent));
    }

    [Fact]
    public async Task Dossier_feed_sources_are_offered_and_a_bad_source_name_is_refused()
    {
        // The sources the collectors page lists, as it hands them to the panel.
        var sources = await Services.GetRequiredService<ICollectorsAdmin>().ListSourcesAsync();
        var panel = Render<DossierUploadPanel>(p => p.Add(x => x.Sources, sources));

        panel.WaitForAssertion(() => Assert.Equal(["motcua-tinh"], panel.FindAll("[data-testid=upload-source-choice]").Select(c => c.TextContent.Trim())));
        panel.Find("input[data-testid=upload-source]").Input("tệp của tôi");
        Upload(panel, Header + $"\nHS-1,x,{TinyProvince.Procedure},{TinyProvince.NewCommune},4,20260302080000,20260302080000\n", "ho-so.csv");
        panel.WaitForAssertion(() => Assert.Contains("Tên nguồn chỉ gồm chữ cái không dấu", panel.Markup));

        panel.Find("[data-testid=upload-source-choice]").Click();
        Assert.Equal("motcua-tinh", panel.Find("input[data-testid=upload-source]").GetAttribute("value"));
        Upload(panel, Header + $"\nHS-1,x,{TinyProvince.Procedure},{TinyProvince.NewCommune},4,20260302080000,20260302080000\n", "ho-so.csv");

        panel.WaitForAssertion(() => Assert.Contains("nguồn motcua-tinh", panel.Find("[data-testid=upload-file-name]").TextContent), TimeSpan.FromSeconds(20));
        await using var db = _app.CreateDbContext();
        Assert.Equal("motcua-tinh", (await db.Dossiers.SingleAsync()).Source);
    }
}

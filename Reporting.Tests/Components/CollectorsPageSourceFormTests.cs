using Bunit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Reporting.Collectors;
using Reporting.Core.Collectors;
using Reporting.Tests.Integration;
using Reporting.Web.Collectors;

namespace Reporting.Tests.Components;

/// <summary>The add / edit form of the collectors page over the real <see cref="CollectorsAdmin"/>, scheduler and a fresh SQLite file.</summary>
public sealed class CollectorsPageSourceFormTests : DashboardComponentContext
{
    private const string Secret = "khoa-bi-mat-123";
    private const string NewSecret = "khoa-moi-456";

    /// <summary>A stored key as the collector will send it (it is stored encrypted).</summary>
    private static string? Key(ReportingAppFactory app, string? stored) => app.Services.GetRequiredService<SourceKeyProtection>().Reveal(stored);

    private IRenderedComponent<CollectorsPage> RenderPage(ReportingAppFactory app)
    {
        // CollectorsAdmin holds no state of its own; the test context's lifetime is the test's.
        Services.AddSingleton(app.CreateAdminScope().ServiceProvider.GetRequiredService<ICollectorsAdmin>());
        var page = Render<CollectorsPage>();
        page.WaitForAssertion(() => page.Find("[data-testid=add-source]"), TimeSpan.FromSeconds(10));
        return page;
    }

    private IRenderedComponent<CollectorsPage> RenderAddForm(ReportingAppFactory app)
    {
        var page = RenderPage(app);
        page.Find("[data-testid=add-source]").Click();
        page.WaitForAssertion(() => page.Find("[data-testid=source-form]"));
        return page;
    }

    private static void Fill(IRenderedComponent<CollectorsPage> page, string field, string value) =>
        page.Find($"input[data-testid={field}]").Change(value);

    [Fact]
    public async Task Bad_values_are_refused_field_by_field_in_Vietnamese_and_nothing_is_saved()
    {
        await using var app = new ReportingAppFactory { AllowLoopbackSources = true };
        var page = RenderAddForm(app);

        Fill(page, "form-name", "một cửa");
        Fill(page, "form-base-url", "motcua.tinh.gov.vn");
        Fill(page, "form-cron", "5 phút một lần");
        Fill(page, "form-page-size", "0");
        page.Find("[data-testid=form-save]").Click();

        page.WaitForAssertion(() => Assert.Contains("Chưa lưu", page.Find("[data-testid=form-errors]").TextContent), TimeSpan.FromSeconds(10));
        var form = page.Find("[data-testid=source-form]").TextContent;
        Assert.Contains("Tên nguồn chỉ gồm chữ cái không dấu", form);
        Assert.Contains("Địa chỉ phải là URL http(s) đầy đủ", form);
        Assert.Contains("Biểu thức cron không hợp lệ", form);
        Assert.Contains("Kích thước trang phải từ 1 đến 100.000.", form);

        Fill(page, "form-page-size", "năm trăm");
        page.Find("[data-testid=form-save]").Click();
        page.WaitForAssertion(() => Assert.Contains("Kích thước trang phải là số nguyên.", page.Find("[data-testid=source-form]").TextContent));
        Assert.Contains("Địa chỉ phải là URL http(s) đầy đủ", page.Find("[data-testid=source-form]").TextContent);

        await using var db = app.CreateDbContext();
        Assert.False(await db.CollectorSources.AnyAsync());
    }

    [Fact]
    public async Task A_source_added_with_a_key_is_listed_scheduled_and_its_key_is_never_shown_again()
    {
        await using var app = new ReportingAppFactory { AllowLoopbackSources = true };
        var page = RenderAddForm(app);

        Fill(page, "form-name", "motcua-tinh");
        Fill(page, "form-base-url", "http://127.0.0.1:9/motcua");
        Fill(page, "form-api-key", Secret);
        Fill(page, "form-cron", "0 0 2 * * ?");
        Fill(page, "form-page-size", "1.000");
        page.Find("[data-testid=form-save]").Click();

        page.WaitForAssertion(() => Assert.Empty(page.FindAll("[data-testid=source-form]")), TimeSpan.FromSeconds(10));
        page.WaitForAssertion(() => Assert.Contains("motcua-tinh", page.Find("[data-testid=source-name]").TextContent));
        Assert.Contains("Đã thêm nguồn motcua-tinh", page.Find("[data-testid=collectors-message]").TextContent);
        Assert.DoesNotContain(Secret, page.Markup);
        Assert.Contains("0 0 2 * * ?", page.Find("[data-testid=sources-table]").TextContent);
        await using (var db = app.CreateDbContext())
        {
            var stored = await db.CollectorSources.SingleAsync();
            Assert.Equal((CollectorKind.DossierFeed, Secret, 1000), (stored.Kind, Key(app, stored.ApiKey), stored.PageSize));
        }

        Assert.NotNull(await app.Services.GetRequiredService<CollectorScheduler>().NextRunAsync("motcua-tinh"));

        // Edit: the form says a key is set, never shows it; an empty key keeps it.
        page.Find("[data-testid=edit-source]").Click();
        page.WaitForAssertion(() => page.Find("[data-testid=form-has-key]"));
        Assert.DoesNotContain(Secret, page.Markup);
        Fill(page, "form-cron", "0 30 2 * * ?");
        page.Find("[data-testid=form-save]").Click();
        page.WaitForAssertion(() => Assert.Empty(page.FindAll("[data-testid=source-form]")), TimeSpan.FromSeconds(10));
        await using (var db = app.CreateDbContext())
        {
            var stored = await db.CollectorSources.SingleAsync();
            Assert.Equal(("0 30 2 * * ?", Secret), (stored.Cron, Key(app, stored.ApiKey)));
        }

        // A new key replaces it and is not shown either; then the key is cleared.
        page.Find("[data-testid=edit-source]").Click();
        page.WaitForAssertion(() => page.Find("[data-testid=form-has-key]"));
        Fill(page, "form-api-key", NewSecret);
        page.Find("[data-testid=form-save]").Click();
        page.WaitForAssertion(() => Assert.Empty(page.FindAll("[data-testid=source-form]")), TimeSpan.FromSeconds(10));
        Assert.DoesNotContain(NewSecret, page.Markup);
        await using (var db = app.CreateDbContext())
        {
            Assert.Equal(NewSecret, Key(app, (await db.CollectorSources.SingleAsync()).ApiKey));
        }

        page.Find("[data-testid=edit-source]").Click();
        page.WaitForAssertion(() => page.Find("[data-testid=form-clear-key]"));
        page.Find("input[data-testid=form-clear-key]").Change(true);
        page.Find("[data-testid=form-save]").Click();
        page.WaitForAssertion(() => Assert.Empty(page.FindAll("[data-testid=source-form]")), TimeSpan.FromSeconds(10));
        await using (var db = app.CreateDbContext())
        {
            Assert.Null((await db.CollectorSources.SingleAsync()).ApiKey);
        }

        page.Find("[data-testid=edit-source]").Click();
        page.WaitForAssertion(() => page.Find("[data-testid=form-no-key]"));
    }

    [Fact]
    public async Task Adding_a_name_already_taken_in_any_case_is_refused()
    {
        await using var app = new ReportingAppFactory { AllowLoopbackSources = true };
        await using (var db = app.CreateDbContext())
        {
            db.CollectorSources.Add(new CollectorSource { Name = "thanhtoan", Kind = CollectorKind.PaymentFeed, BaseUrl = "http://127.0.0.1:9/tt", Cron = "0 0 * * * ?" });
            await db.SaveChangesAsync();
        }

        var page = RenderAddForm(app);
        Fill(page, "form-name", "ThanhToan");
        Fill(page, "form-base-url", "http://127.0.0.1:9/khac");
        page.Find("[data-testid=form-save]").Click();

        page.WaitForAssertion(() => Assert.Contains("Đã có nguồn thu thập tên 'ThanhToan'", page.Find("[data-testid=source-form]").TextContent), TimeSpan.FromSeconds(10));
        await using var check = app.CreateDbContext();
        Assert.Equal("http://127.0.0.1:9/tt", (await check.CollectorSources.SingleAsync()).BaseUrl);
    }

}

using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Reporting.Demo.Seeding;
using Reporting.Tests.Integration;

namespace Reporting.Tests.Browser;

/// <summary>
/// The real application on a real 127.0.0.1 port (Kestrel, not the in-memory test server) with a
/// small demo province, and Debian's Chromium driven by Playwright. No browser is ever downloaded.
/// </summary>
public sealed class BrowserAppFixture : IAsyncLifetime
{
    public static readonly DateOnly EndDate = new(2026, 11, 20);
    public const string ChromiumPath = "/usr/bin/chromium";

    public KestrelFactory Factory { get; } = new();
    public string BaseUrl { get; private set; } = "";
    public IPlaywright Playwright { get; private set; } = null!;
    public IBrowser Browser { get; private set; } = null!;
    public HttpClient Api { get; private set; } = null!;

    /// <summary>
    /// Where screenshots go: the test output, or docs/screenshots of the repository (the README's
    /// pictures) when UPDATE_SCREENSHOTS=1, so an ordinary test run leaves the work tree clean.
    /// </summary>
    public static string ScreenshotDirectory
    {
        get
        {
            if (Environment.GetEnvironmentVariable("UPDATE_SCREENSHOTS") != "1")
            {
                return Path.Combine(AppContext.BaseDirectory, "screenshots");
            }

            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "ReportingSystem.sln")))
            {
                dir = dir.Parent;
            }

            return Path.Combine(dir?.FullName ?? AppContext.BaseDirectory, "docs", "screenshots");
        }
    }

    public sealed class KestrelFactory : ReportingAppFactory
    {
        protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
        {
            ["Demo:Enabled"] = "true",
            ["Demo:DossierCount"] = "20000",
            ["Demo:EndDate"] = EndDate.ToString("yyyy-MM-dd"),
            // The simulators bring new dossiers from the first minute: the demo sources run only when a test asks
            // ("Chạy ngay"), so the figures stay still while a test compares a page with the API.
            ["Simulators:DemoCron"] = "0 0 0 1 1 ? 2099",
        };

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            // Outside Development the build's static web assets (MudBlazor, blazor.web.js) need this.
            builder.UseStaticWebAssets();
        }
    }

    public async Task InitializeAsync()
    {
        Factory.UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        Factory.StartServer();
        var state = Factory.Services.GetRequiredService<DemoSeedingState>();
        await state.Completion.WaitAsync(TimeSpan.FromMinutes(3));
        Assert.Null(state.Error);
        var addresses = Factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses;
        BaseUrl = addresses.First().TrimEnd('/');
        Api = new HttpClient { BaseAddress = new Uri(BaseUrl) };
        Api.DefaultRequestHeaders.Add("X-Api-Key", ReportingAppFactory.ReadKey);

        // Expectations wait as long as actions do: a shared 2-core machine can take more than Playwright's default 5 s.
        Assertions.SetDefaultExpectTimeout(20_000);
        Environment.SetEnvironmentVariable("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1");
        Playwright = await Microsoft.Playwright.Playwright.CreateAsync();
        Browser = await Playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
    }

    /// <summary>A new browser (own cookies), signed in as the demo user <paramref name="user"/> (the administrator by default; null: anonymous).</summary>
    public async Task<IPage> NewPageAsync(int width = 1366, int height = 768, string? user = "quantri")
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = width, Height = height },
            Locale = "vi-VN",
            TimezoneId = "Asia/Ho_Chi_Minh",
        });
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout(20_000);
        if (user is not null)
        {
            await SignInAsync(page, user, Reporting.Demo.Seeding.DemoUsers.All.Single(u => u.UserName == user).Password);
            await page.WaitForURLAsync(u => !u.Contains("/dang-nhap", StringComparison.Ordinal));
        }

        return page;
    }

    private int? _departmentReport;

    /// <summary>
    /// The id of the department's Biểu 06 for 2026-Q3 (<see cref="BrowserPages.Department"/>), created through
    /// the API on first use (creating is idempotent), for the pages that show one report.
    /// </summary>
    public async Task<int> DepartmentReportIdAsync()
    {
        if (_departmentReport is { } id)
        {
            return id;
        }

        using var admin = new HttpClient { BaseAddress = new Uri(BaseUrl) };
        admin.DefaultRequestHeaders.Add("X-Api-Key", ReportingAppFactory.AdminKey);
        using var created = await admin.PostAsJsonAsync("/api/v1/report-instances",
            new { regime = "tthc-quy", form = "bieu-06", agency = BrowserPages.Department, period = "2026-Q3" });
        created.EnsureSuccessStatusCode();
        _departmentReport = (await created.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("id").GetInt32();
        return _departmentReport.Value;
    }

    /// <summary>Plain HTTP (downloads) with the cookie of a demo user signed in through the sign-in endpoint.</summary>
    public async Task<HttpClient> SignedInHttpAsync(string user = "quantri")
    {
        var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = new System.Net.CookieContainer() })
        {
            BaseAddress = new Uri(BaseUrl),
        };
        var answer = await ReportingAppFactory.SignInAsync(client, user, Reporting.Demo.Seeding.DemoUsers.All.Single(u => u.UserName == user).Password);
        Assert.Equal(HttpStatusCode.Redirect, answer.StatusCode);
        Assert.DoesNotContain("loi=", answer.Headers.Location?.OriginalString ?? "");
        return client;
    }

    /// <summary>Fills and sends the sign-in form and waits for the answer; the caller checks where it lands.</summary>
    public async Task SignInAsync(IPage page, string user, string password)
    {
        await page.GotoAsync(BaseUrl + "/dang-nhap");
        await page.FillAsync("#userName", user);
        await page.FillAsync("#password", password);
        var before = page.Url;
        await page.ClickAsync("button[type=submit]");
        await page.WaitForURLAsync(u => u != before);
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null) await Browser.DisposeAsync();
        Playwright?.Dispose();
        Api?.Dispose();
        await Factory.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserAppFixture>
{
    public const string Name = "dashboards in Chromium";
}

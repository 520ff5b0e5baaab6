using System.Diagnostics;
using Microsoft.Playwright;

namespace Reporting.CircuitLoad;

/// <summary>N real Chromium tabs (Debian's /usr/bin/chromium, headless, nothing downloaded) on the overview, one signed-in user.</summary>
public sealed class ChromiumTabs : IOverviews
{
    public const string FractionSelector = "[data-testid=kpi-card][data-code=ONLINE] [data-testid=fraction]";

    private readonly List<IBrowserContext> _contexts = [];
    private readonly List<IPage> _pages = [];
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public int Count => _pages.Count;

    public async Task OpenAsync(Options options, CancellationToken ct)
    {
        Environment.SetEnvironmentVariable("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1");
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = "/usr/bin/chromium",
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });

        // One sign-in through the real form; every tab gets its own context (own connection) with that cookie.
        var first = await _browser.NewContextAsync(ContextOptions(null));
        var signIn = await first.NewPageAsync();
        await signIn.GotoAsync(options.Url + "/dang-nhap");
        await signIn.FillAsync("#userName", options.User);
        await signIn.FillAsync("#password", options.Password);
        await signIn.ClickAsync("button[type=submit]");
        await signIn.WaitForURLAsync(u => !u.Contains("/dang-nhap", StringComparison.Ordinal));
        var state = await first.StorageStateAsync();
        await first.CloseAsync();

        for (var i = 0; i < options.Count; i++)
        {
            ct.ThrowIfCancellationRequested();
            var context = await _browser.NewContextAsync(ContextOptions(state));
            var page = await context.NewPageAsync();
            page.SetDefaultTimeout(120_000);
            await page.GotoAsync(options.Url + options.Path);
            await page.Locator(FractionSelector).WaitForAsync();
            _contexts.Add(context);
            _pages.Add(page);
            if ((i + 1) % 10 == 0) Console.WriteLine($"  {i + 1} tabs open");
        }
    }

    private Stopwatch _clock = new();

    public void Mark(Stopwatch clock) => _clock = clock;

    public async Task<IReadOnlyList<TimeSpan>> WaitForAsync(string numerator, string denominator, TimeSpan deadline)
    {
        var expected = $"{numerator} / {denominator}";
        var waits = _pages.Select(async page =>
        {
            await page.WaitForFunctionAsync(
                "([selector, text]) => { const e = document.querySelector(selector); return e && e.textContent.trim() === text; }",
                new object[] { FractionSelector, expected },
                new PageWaitForFunctionOptions { PollingInterval = 20, Timeout = (float)deadline.TotalMilliseconds });
            return _clock.Elapsed;
        });
        return await Task.WhenAll(waits);
    }

    /// <summary>Leaves each page first, as a closing tab does: blazor.web.js then tells the server the circuit is gone.</summary>
    public async Task CloseAsync()
    {
        foreach (var (page, context) in _pages.Zip(_contexts))
        {
            await page.GotoAsync("about:blank");
            await context.CloseAsync();
        }

        _contexts.Clear();
        _pages.Clear();
    }

    public async ValueTask DisposeAsync()
    {
        await CloseAsync();
        if (_browser is not null) await _browser.DisposeAsync();
        _playwright?.Dispose();
    }

    private static BrowserNewContextOptions ContextOptions(string? storageState) => new()
    {
        ViewportSize = new ViewportSize { Width = 1366, Height = 768 },
        Locale = "vi-VN",
        TimezoneId = "Asia/Ho_Chi_Minh",
        StorageState = storageState,
    };
}

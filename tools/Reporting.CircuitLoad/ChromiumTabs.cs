using System.Diagnostics;
using System.Text.Json;
using Microsoft.Playwright;

namespace Reporting.CircuitLoad;

/// <summary>
/// N real Chromium tabs (Debian's /usr/bin/chromium, headless, nothing downloaded) on the overview, one signed-in user.
/// Built to hold 100–200 tabs on the same 2 cores as the server: tabs share a few browser contexts
/// (<see cref="Options.TabsPerContext"/>) and a capped number of renderer processes (<see cref="Options.RendererProcesses"/>),
/// and a data change is noted in each page by a <c>MutationObserver</c> (the time the card's text changed, read afterwards)
/// instead of polling every page every 20 ms, which at 50 tabs cost the machine more than the server's own work.
/// </summary>
public sealed class ChromiumTabs : IOverviews
{
    public const string FractionSelector = "[data-testid=kpi-card][data-code=ONLINE] [data-testid=fraction]";

    // Notes every text the card shows, with the wall-clock time (ms since the epoch, the same clock as this process),
    // until the page is left. Re-attaches when Blazor replaces the card's element.
    private const string ObserveScript = """
        (selector) => {
            window.__fractions = [];
            let last = null;
            const note = () => {
                const e = document.querySelector(selector);
                const text = e ? e.textContent.trim() : null;
                if (text !== null && text !== last) { last = text; window.__fractions.push([Date.now(), text]); }
            };
            new MutationObserver(note).observe(document.body, { subtree: true, childList: true, characterData: true });
            note();
        }
        """;

    private readonly List<IBrowserContext> _contexts = [];
    private readonly List<IPage> _pages = [];
    private IPlaywright? _playwright;
    private IBrowser? _browser;
    private long _markedAtUnixMs;
    private Stopwatch _clock = new();

    public int Count => _pages.Count;

    public async Task OpenAsync(Options options, CancellationToken ct)
    {
        Environment.SetEnvironmentVariable("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1");
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = "/usr/bin/chromium",
            Headless = true,
            Args =
            [
                "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                // Tabs share renderer processes instead of one process (≈ 40–60 MB) each.
                $"--renderer-process-limit={Math.Max(1, options.RendererProcesses)}",
                // /dev/shm is small in containers; many tabs there crash the renderers.
                "--disable-dev-shm-usage", "--disable-extensions", "--mute-audio",
                // Every tab is a wall screen: none is throttled as a background tab would be.
                "--disable-renderer-backgrounding", "--disable-background-timer-throttling", "--disable-backgrounding-occluded-windows",
            ],
        });

        // One sign-in through the real form; the tabs share a few contexts with that cookie (each tab is still its own circuit).
        var first = await _browser.NewContextAsync(ContextOptions(null));
        var signIn = await first.NewPageAsync();
        await signIn.GotoAsync(options.Url + "/dang-nhap");
        await signIn.FillAsync("#userName", options.User);
        await signIn.FillAsync("#password", options.Password);
        await signIn.ClickAsync("button[type=submit]");
        await signIn.WaitForURLAsync(u => !u.Contains("/dang-nhap", StringComparison.Ordinal));
        var state = await first.StorageStateAsync();
        await first.CloseAsync();

        var perContext = Math.Max(1, options.TabsPerContext);
        for (var i = 0; i < (options.Count + perContext - 1) / perContext; i++)
        {
            _contexts.Add(await _browser.NewContextAsync(ContextOptions(state)));
        }

        using var slots = new SemaphoreSlim(Math.Max(1, options.OpeningAtOnce));
        var opened = 0;
        var pages = new IPage[options.Count];
        await Task.WhenAll(Enumerable.Range(0, options.Count).Select(async i =>
        {
            await slots.WaitAsync(ct);
            try
            {
                var page = await _contexts[i / perContext].NewPageAsync();
                page.SetDefaultTimeout(180_000);
                await page.GotoAsync(options.Url + options.Path);
                await page.Locator(FractionSelector).WaitForAsync();
                await page.EvaluateAsync(ObserveScript, FractionSelector);
                pages[i] = page;
                if (Interlocked.Increment(ref opened) % 10 == 0) Console.WriteLine($"  {opened} tabs open");
            }
            finally
            {
                slots.Release();
            }
        }));
        _pages.AddRange(pages);
    }

    public void Mark(Stopwatch clock)
    {
        _clock = clock;
        _markedAtUnixMs = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() - (long)clock.Elapsed.TotalMilliseconds;
    }

    /// <summary>
    /// Reads each page's notes every half second (one small evaluation per page) until every page has shown
    /// <paramref name="numerator"/> / <paramref name="denominator"/>; the time is the page's own note of when it did.
    /// </summary>
    public async Task<IReadOnlyList<TimeSpan>> WaitForAsync(string numerator, string denominator, TimeSpan deadline)
    {
        var expected = $"{numerator} / {denominator}";
        var arrivals = new TimeSpan?[_pages.Count];
        var until = _clock.Elapsed + deadline;
        while (arrivals.Any(a => a is null))
        {
            if (_clock.Elapsed > until)
            {
                throw new TimeoutException($"{arrivals.Count(a => a is null)} of {arrivals.Length} tabs did not show {expected} within {deadline.TotalSeconds:N0} s.");
            }

            await Task.WhenAll(_pages.Select(async (page, i) =>
            {
                if (arrivals[i] is not null) return;
                var notes = await page.EvaluateAsync<JsonElement>("() => window.__fractions");
                foreach (var note in notes.EnumerateArray())
                {
                    if (note[1].GetString() == expected)
                    {
                        arrivals[i] = TimeSpan.FromMilliseconds(note[0].GetDouble() - _markedAtUnixMs);
                        break;
                    }
                }
            }));

            if (arrivals.Any(a => a is null))
            {
                await Task.Delay(500);
            }
        }

        return arrivals.Select(a => a!.Value).ToList();
    }

    /// <summary>Leaves each page first, as a closing tab does: blazor.web.js then tells the server the circuit is gone.</summary>
    public async Task CloseAsync()
    {
        foreach (var page in _pages)
        {
            await page.GotoAsync("about:blank");
            await page.CloseAsync();
        }

        foreach (var context in _contexts)
        {
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

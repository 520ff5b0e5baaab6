using System.Text.Json;
using Microsoft.Playwright;

namespace Reporting.Tests.Browser;

/// <summary>The wall screen on a 1920×1080 display: one screen without scrolling, chart labels readable on the dark theme.</summary>
[Collection(BrowserCollection.Name)]
public sealed class WallScreenTests(BrowserAppFixture app)
{
    [Fact]
    public async Task The_wall_screen_fits_one_full_HD_screen_and_every_chart_label_contrasts_with_its_background()
    {
        var page = await BrowserPages.OpenAsync(app, BrowserPages.Named("Màn hình lớn"), 1920, 1080);
        await using var context = page.Context;
        await page.Locator("[data-testid=channel-mix] .apexcharts-canvas").WaitForAsync();
        await page.Locator("[data-testid=wall-ranking]").First.WaitForAsync();
        Directory.CreateDirectory(BrowserAppFixture.ScreenshotDirectory);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserAppFixture.ScreenshotDirectory, "wall-screen.png") });

        var scroll = await page.EvaluateAsync<JsonElement>("""
            () => {
                const d = document.documentElement;
                const scrolling = [...document.querySelectorAll('*')].filter(e => {
                    const s = getComputedStyle(e);
                    return (/(auto|scroll)/.test(s.overflowY) && e.scrollHeight > e.clientHeight + 1)
                        || (/(auto|scroll)/.test(s.overflowX) && e.scrollWidth > e.clientWidth + 1);
                }).map(e => e.tagName.toLowerCase() + (e.className && typeof e.className === 'string' ? '.' + e.className.split(' ').join('.') : ''));
                return { height: d.scrollHeight, width: d.scrollWidth, viewHeight: innerHeight, viewWidth: innerWidth, scrolling };
            }
            """);
        Assert.True(scroll.GetProperty("height").GetInt32() <= scroll.GetProperty("viewHeight").GetInt32()
                    && scroll.GetProperty("width").GetInt32() <= scroll.GetProperty("viewWidth").GetInt32(),
            $"the wall screen scrolls: {scroll}");
        Assert.True(scroll.GetProperty("scrolling").GetArrayLength() == 0, $"a part of the wall screen scrolls: {scroll.GetProperty("scrolling")}");

        var labels = await ChartLabels.ReadAsync(page);
        Assert.True(labels.Count >= 10, $"expected the charts' titles, axis labels and legends, found {labels.Count}");
        var unreadable = labels.Where(l => l.Contrast < l.Required).ToList();
        Assert.True(unreadable.Count == 0, "chart labels without contrast with their background: " + string.Join("; ", unreadable));

        // The top and the bottom of both rankings, not all of them.
        foreach (var ranking in await page.Locator("[data-testid=wall-ranking]").AllAsync())
        {
            var ranks = (await ranking.Locator("[data-testid=wall-rank]").AllInnerTextsAsync()).Select(int.Parse).ToList();
            Assert.Equal(1, ranks[0]);
            Assert.True(ranks.Count <= 10, $"at most five at each end, found {ranks.Count}");
            Assert.Equal(ranks.Order().ToList(), ranks);
        }
    }

    [Fact]
    public async Task The_overviews_chart_labels_contrast_with_their_light_background()
    {
        var page = await BrowserPages.OpenAsync(app, BrowserPages.Named("Tổng quan"));
        await using var context = page.Context;
        await page.Locator("[data-testid=channel-mix] .apexcharts-canvas").WaitForAsync();
        var labels = await ChartLabels.ReadAsync(page);
        Assert.True(labels.Count >= 10, $"expected the charts' titles, axis labels and legends, found {labels.Count}");
        var unreadable = labels.Where(l => l.Contrast < l.Required).ToList();
        Assert.True(unreadable.Count == 0, "chart labels without contrast with their background: " + string.Join("; ", unreadable));
    }
}

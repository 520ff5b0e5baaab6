namespace Reporting.Tests.Browser;

/// <summary>Every page of <see cref="BrowserPages.All"/> in Chromium: no serious or critical axe-core violation (WCAG 2.1 AA).</summary>
[Collection(BrowserCollection.Name)]
public sealed class AccessibilityTests(BrowserAppFixture app)
{
    [Theory]
    [MemberData(nameof(BrowserPages.Names), MemberType = typeof(BrowserPages))]
    public async Task A_page_has_no_serious_or_critical_accessibility_violation(string name)
    {
        var target = BrowserPages.Named(name);
        var page = await BrowserPages.OpenAsync(app, target);
        try
        {
            await Accessibility.AssertNoSeriousViolationsAsync(page, $"{target.Name} ({target.Path})");
        }
        finally
        {
            // An open live page reloads on every data change: close it so it costs the tests that follow nothing.
            await page.Context.CloseAsync();
        }
    }
}

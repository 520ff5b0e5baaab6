using System.Text.Json;
using Microsoft.Playwright;

namespace Reporting.Tests.Browser;

/// <summary>
/// The axe-core accessibility engine (npm, pinned in Reporting.Tests/package.json, copied beside the test
/// assembly by the build) run inside a page: one line in any browser test, <c>await Accessibility.AssertNoSeriousViolationsAsync(page)</c>.
/// Public-sector pages are expected to meet WCAG 2.1 AA; a serious or critical violation fails the test with
/// each rule, why, and the elements (selector and HTML) that break it, and so does a break of the structure rules
/// axe rates only moderate (<see cref="StructureRules"/>: one <c>main</c> landmark, one <c>h1</c>, no skipped heading level).
/// </summary>
public static class Accessibility
{
    private static readonly Lazy<string> Engine = new(() =>
    {
        var path = Path.Combine(AppContext.BaseDirectory, "axe-core", "axe.min.js");
        return File.Exists(path)
            ? File.ReadAllText(path)
            : throw new FileNotFoundException("axe-core is missing beside the tests: build Reporting.Tests (it runs npm ci).", path);
    });

    /// <summary>WCAG 2.0 and 2.1, levels A and AA, and axe's best practices (landmarks, heading order).</summary>
    private static readonly string[] Tags = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"];

    /// <summary>Rules held whatever axe's impact: how a screen reader finds its way through the page.</summary>
    public static readonly string[] StructureRules = ["landmark-one-main", "page-has-heading-one", "heading-order", "landmark-no-duplicate-main"];

    public sealed record Violation(string Id, string Impact, string Help, IReadOnlyList<string> Nodes);

    /// <summary>The serious and critical violations on the page as it is now, and those of <see cref="StructureRules"/>.</summary>
    public static async Task<IReadOnlyList<Violation>> SeriousViolationsAsync(IPage page)
    {
        if (!await page.EvaluateAsync<bool>("() => typeof window.axe !== 'undefined'"))
        {
            await page.AddScriptTagAsync(new PageAddScriptTagOptions { Content = Engine.Value });
        }

        var json = await page.EvaluateAsync<JsonElement>(
            """
            async ([tags, structure]) => {
                const result = await axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
                return result.violations
                    .filter(v => v.impact === 'serious' || v.impact === 'critical' || structure.includes(v.id))
                    .map(v => ({
                        id: v.id, impact: v.impact, help: v.help,
                        nodes: v.nodes.slice(0, 8).map(n => n.target.join(' ') + ' — ' + n.html.slice(0, 160) + (n.failureSummary ? ' — ' + n.failureSummary.replace(/\s+/g, ' ') : '')),
                        count: v.nodes.length,
                    }));
            }
            """, new object[] { Tags, StructureRules });
        return json.EnumerateArray().Select(v => new Violation(
            v.GetProperty("id").GetString()!,
            v.GetProperty("impact").GetString()!,
            $"{v.GetProperty("help").GetString()} ({v.GetProperty("count").GetInt32()} elements)",
            v.GetProperty("nodes").EnumerateArray().Select(n => n.GetString()!).ToList())).ToList();
    }

    /// <summary>Fails when axe finds a serious or critical violation on the page (<paramref name="what"/> names it).</summary>
    public static async Task AssertNoSeriousViolationsAsync(IPage page, string? what = null)
    {
        var violations = await SeriousViolationsAsync(page);
        if (violations.Count > 0)
        {
            Assert.Fail($"axe-core: {violations.Count} serious or critical violation(s) on {what ?? page.Url}:\n" + string.Join("\n", violations.Select(v =>
                $"- {v.Id} [{v.Impact}] {v.Help}\n    " + string.Join("\n    ", v.Nodes))));
        }
    }
}

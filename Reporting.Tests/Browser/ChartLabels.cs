using System.Text.Json;
using Microsoft.Playwright;

namespace Reporting.Tests.Browser;

/// <summary>
/// Every visible text of the apexcharts on a page (titles, axis labels, legends, target labels) with the WCAG
/// contrast ratio of its colour against the background it is drawn on: the fill of a label box (a target line's
/// label) or else the first opaque background behind the chart.
/// </summary>
public static class ChartLabels
{
    public sealed record Label(string Text, string Color, string Background, double Contrast, double Required)
    {
        public override string ToString() => $"\"{Text}\" {Color} on {Background}: {Contrast:0.00} < {Required}";
    }

    public static async Task<IReadOnlyList<Label>> ReadAsync(IPage page)
    {
        var json = await page.EvaluateAsync<JsonElement>("""
            () => {
                const parse = c => {
                    const m = c && c.match(/rgba?\(([^)]+)\)/);
                    if (!m) return null;
                    const p = m[1].split(/[ ,\/]+/).filter(x => x).map(Number);
                    return { r: p[0], g: p[1], b: p[2], a: p.length > 3 ? p[3] : 1 };
                };
                const over = (top, bottom) => ({ r: top.r * top.a + bottom.r * (1 - top.a), g: top.g * top.a + bottom.g * (1 - top.a), b: top.b * top.a + bottom.b * (1 - top.a), a: 1 });
                const backgroundOf = element => {
                    const layers = [];
                    for (let e = element; e; e = e.parentElement) {
                        const c = parse(getComputedStyle(e).backgroundColor);
                        if (c && c.a > 0) { layers.push(c); if (c.a >= 1) break; }
                    }
                    return layers.reduceRight((acc, c) => over(c, acc), { r: 255, g: 255, b: 255, a: 1 });
                };
                const luminance = c => [c.r, c.g, c.b].map(v => { v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); })
                    .reduce((s, v, i) => s + v * [0.2126, 0.7152, 0.0722][i], 0);
                const ratio = (a, b) => { const [x, y] = [luminance(a), luminance(b)].sort((p, q) => q - p); return (x + 0.05) / (y + 0.05); };
                const css = c => `rgb(${Math.round(c.r)}, ${Math.round(c.g)}, ${Math.round(c.b)})`;
                const labels = [];
                for (const chart of document.querySelectorAll('.apexcharts-canvas')) {
                    const chartBackground = backgroundOf(chart);
                    const texts = [...chart.querySelectorAll('svg text'), ...chart.querySelectorAll('.apexcharts-legend-text')];
                    for (const t of texts) {
                        const text = (t.textContent || '').trim();
                        const box = t.getBoundingClientRect();
                        const style = getComputedStyle(t);
                        if (!text || box.width === 0 || style.visibility === 'hidden' || style.display === 'none' || Number(style.opacity) === 0) continue;
                        let color = parse(t instanceof SVGElement ? (style.fill || t.getAttribute('fill')) : style.color);
                        if (!color) continue;
                        // A label with a box of its own (apexcharts draws it as the rect just before the text).
                        let background = chartBackground;
                        const previous = t.previousElementSibling;
                        if (t instanceof SVGElement && previous && previous.tagName.toLowerCase() === 'rect') {
                            const fill = parse(getComputedStyle(previous).fill);
                            const opacity = Number(getComputedStyle(previous).fillOpacity || 1);
                            if (fill && fill.a * opacity > 0) background = over({ ...fill, a: fill.a * opacity }, chartBackground);
                        }
                        color = over(color, background);
                        const size = parseFloat(style.fontSize);
                        const bold = Number(style.fontWeight) >= 700;
                        const large = size >= 24 || (bold && size >= 18.66);
                        labels.push({ text: text.slice(0, 60), color: css(color), background: css(background), contrast: ratio(color, background), required: large ? 3 : 4.5 });
                    }
                }
                return labels;
            }
            """);
        return json.EnumerateArray().Select(l => new Label(
            l.GetProperty("text").GetString()!, l.GetProperty("color").GetString()!, l.GetProperty("background").GetString()!,
            l.GetProperty("contrast").GetDouble(), l.GetProperty("required").GetDouble())).ToList();
    }
}

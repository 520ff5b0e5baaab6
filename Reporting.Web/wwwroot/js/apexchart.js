// The one bridge between Blazor and apexcharts (loaded globally from lib/apexcharts/apexcharts.min.js).
const charts = new WeakMap();

// vi-VN numbers in axis labels, tooltips and slices ("85,42 %"); functions cannot come from .NET as JSON.
function localise(options) {
    const unit = options.unit ? " " + options.unit : "";
    delete options.unit;
    const format = v => v === null || v === undefined ? "N/A" : Number(v).toLocaleString("vi-VN", { maximumFractionDigits: 2 }) + unit;
    if (options.yaxis) {
        options.yaxis.labels = Object.assign(options.yaxis.labels || {}, {
            formatter: v => v === null || v === undefined ? "" : Number(v).toLocaleString("vi-VN", { maximumFractionDigits: 0 }),
        });
    }
    options.tooltip = { y: { formatter: format } };
    if (options.chart && options.chart.type === "donut") {
        // Each slice's share in the legend ("Trực tuyến: 63,2 %"), drawn on the chart's background in the theme's text colour.
        options.legend = Object.assign(options.legend || {}, {
            formatter: (name, o) => {
                const percents = o && o.w && o.w.globals ? o.w.globals.seriesPercent : undefined;
                const share = percents ? percents[o.seriesIndex] : undefined;
                return share === undefined || isNaN(share[0]) ? name : name + ": " + Number(share[0]).toLocaleString("vi-VN", { maximumFractionDigits: 1 }) + " %";
            },
        });
        options.tooltip = { y: { formatter: v => Number(v).toLocaleString("vi-VN") } };
    }
    return options;
}

export function render(element, options) {
    options = localise(options);
    const existing = charts.get(element);
    if (existing) {
        // Update in place: no flicker, no re-animation on live refreshes.
        existing.updateOptions(options, true, false, false);
        return;
    }
    const chart = new ApexCharts(element, options);
    charts.set(element, chart);
    chart.render();
}

export function destroy(element) {
    const chart = charts.get(element);
    if (chart) {
        chart.destroy();
        charts.delete(element);
    }
}

using System.Text.Json;
using Bunit;
using Reporting.Web.Components.Charts;

namespace Reporting.Tests.Components;

public sealed class ApexChartTests : DashboardComponentContext
{
    [Fact]
    public void Renders_through_the_module_with_series_target_lines_and_the_PNG_download()
    {
        var module = JSInterop.SetupModule("./js/apexchart.js");
        module.SetupVoid("render", _ => true);
        var cut = Render<ApexChart>(p => p
            .Add(c => c.Kind, ChartKind.Line)
            .Add(c => c.Title, "Xu hướng")
            .Add(c => c.Categories, ["Tháng 10/2026", "Tháng 11/2026"])
            .Add(c => c.Series, [new ChartSeries("2.1", [87.5m, null])])
            .Add(c => c.Lines, [new ChartLine(95m, "Chỉ tiêu 2.1", "#D55E00")]));

        var call = module.VerifyInvoke("render");
        var options = JsonSerializer.SerializeToElement(call.Arguments[1]);
        Assert.Equal("line", options.GetProperty("chart").GetProperty("type").GetString());
        Assert.True(options.GetProperty("chart").GetProperty("toolbar").GetProperty("tools").GetProperty("download").GetBoolean());
        Assert.Equal(87.5m, options.GetProperty("series")[0].GetProperty("data")[0].GetDecimal());
        Assert.Equal(JsonValueKind.Null, options.GetProperty("series")[0].GetProperty("data")[1].ValueKind);
        Assert.Equal(95m, options.GetProperty("annotations").GetProperty("yaxis")[0].GetProperty("y").GetDecimal());
        Assert.Equal("Xu hướng", cut.Find("[data-testid=chart]").GetAttribute("data-title"));
    }

    [Fact]
    public void A_re_render_with_equal_series_sends_nothing_and_a_changed_figure_is_sent()
    {
        var module = JSInterop.SetupModule("./js/apexchart.js");
        module.SetupVoid("render", _ => true);
        var cut = Render<ApexChart>(p => p
            .Add(c => c.Kind, ChartKind.Line)
            .Add(c => c.Title, "Xu hướng")
            .Add(c => c.Categories, ["Tháng 10/2026", "Tháng 11/2026"])
            .Add(c => c.Series, [new ChartSeries("2.1", [87.5m, null])]));

        // What a data change does to every open overview: new but equal lists (issue 13).
        cut.Render(p => p
            .Add(c => c.Categories, ["Tháng 10/2026", "Tháng 11/2026"])
            .Add(c => c.Series, [new ChartSeries("2.1", [87.5m, null])]));
        Assert.Single(module.Invocations["render"]);

        cut.Render(p => p.Add(c => c.Series, [new ChartSeries("2.1", [87.5m, 90m])]));
        Assert.Equal(2, module.Invocations["render"].Count);
        var options = JsonSerializer.SerializeToElement(module.Invocations["render"][1].Arguments[1]);
        Assert.Equal(90m, options.GetProperty("series")[0].GetProperty("data")[1].GetDecimal());
    }

    [Fact]
    public void Charts_given_the_same_series_list_get_the_options_of_their_own_title_and_categories()
    {
        // The overview passes every open circuit the same series list for a data version and the options are serialised
        // once per list and other inputs (ADR 028): a chart with another title or categories must still get its own.
        var module = JSInterop.SetupModule("./js/apexchart.js");
        module.SetupVoid("render", _ => true);
        IReadOnlyList<ChartSeries> shared = [new ChartSeries("2.1", [87.5m, 90m])];
        IReadOnlyList<string> months = ["Tháng 10/2026", "Tháng 11/2026"];
        void Chart(string title, IReadOnlyList<string> categories) => Render<ApexChart>(p => p
            .Add(c => c.Kind, ChartKind.Line).Add(c => c.Title, title).Add(c => c.Categories, categories).Add(c => c.Series, shared));

        Chart("Xu hướng", months);
        Chart("Xu hướng", months);
        Chart("Xu hướng khác", months);
        Chart("Xu hướng", ["Quý 3/2026", "Quý 4/2026"]);

        var sent = module.Invocations["render"].Select(i => JsonSerializer.SerializeToElement(i.Arguments[1])).ToList();
        Assert.Equal(4, sent.Count);
        Assert.True(JsonElement.DeepEquals(sent[0], sent[1]));
        Assert.Equal("Xu hướng khác", sent[2].GetProperty("title").GetProperty("text").GetString());
        Assert.Equal("Quý 3/2026", sent[3].GetProperty("xaxis").GetProperty("categories")[0].GetString());
        Assert.Equal(90m, sent[3].GetProperty("series")[0].GetProperty("data")[1].GetDecimal());
    }

    [Fact]
    public void Takes_the_text_and_grid_colours_of_the_cascaded_theme_for_titles_axes_legends_and_target_labels()
    {
        var module = JSInterop.SetupModule("./js/apexchart.js");
        module.SetupVoid("render", _ => true);
        var dark = Reporting.Web.Components.Layout.DashboardTheme.DarkCharts;
        Render<Microsoft.AspNetCore.Components.CascadingValue<ChartTheme>>(p => p
            .Add(c => c.Value, dark)
            .AddChildContent<ApexChart>(c => c
                .Add(x => x.Kind, ChartKind.Line)
                .Add(x => x.Title, "Xu hướng")
                .Add(x => x.Categories, ["Tháng 10/2026"])
                .Add(x => x.Series, [new ChartSeries("2.1", [87.5m])])
                .Add(x => x.Lines, [new ChartLine(95m, "Chỉ tiêu 2.1", "#D55E00")])));

        var options = JsonSerializer.SerializeToElement(module.VerifyInvoke("render").Arguments[1]);
        Assert.Equal("dark", options.GetProperty("theme").GetProperty("mode").GetString());
        Assert.Equal(dark.Text, options.GetProperty("chart").GetProperty("foreColor").GetString());
        Assert.Equal(dark.Text, options.GetProperty("title").GetProperty("style").GetProperty("color").GetString());
        Assert.Equal(dark.Text, options.GetProperty("xaxis").GetProperty("labels").GetProperty("style").GetProperty("colors").GetString());
        Assert.Equal(dark.Text, options.GetProperty("yaxis").GetProperty("labels").GetProperty("style").GetProperty("colors").GetString());
        Assert.Equal(dark.Text, options.GetProperty("legend").GetProperty("labels").GetProperty("colors").GetString());
        var label = options.GetProperty("annotations").GetProperty("yaxis")[0].GetProperty("label");
        Assert.Equal(dark.Text, label.GetProperty("style").GetProperty("color").GetString());
        Assert.Equal(dark.Surface, label.GetProperty("style").GetProperty("background").GetString());
        Assert.Equal("#D55E00", label.GetProperty("borderColor").GetString());
    }
}

using Bunit;
using Reporting.Core.Access;
using Reporting.Core.Periods;
using Reporting.Core.Reports.Workflow;
using Reporting.Tests.Reports;
using Reporting.Web.Reports.Pages;

namespace Reporting.Tests.Components;

/// <summary>The dashboards' on-time submission figure, over the real workflow: numerator, denominator and the late reports behind them.</summary>
public sealed class ReportPunctualityPanelTests : ReportPageContext
{
    private IRenderedComponent<ReportPunctualityPanel> RenderFor(int agencyId)
    {
        var panel = Render<ReportPunctualityPanel>(p => p
            .Add(c => c.Period, PeriodKey.Parse(WorkflowSetup.Period))
            .Add(c => c.AgencyCode, WorkflowSetup.Code(agencyId)));
        panel.WaitForElement("[data-testid=punctuality-share]", TimeSpan.FromSeconds(10));
        return panel;
    }

    [Fact]
    public async Task The_share_counts_the_reports_due_and_lists_the_late_ones_with_links()
    {
        var justice = await Setup.CreateAsync(Bieu06Province.Justice);
        var construction = await Setup.CreateAsync(Bieu06Province.Construction);
        await Setup.Workflow.ActAsync(Setup.Preparer(), justice, ReportActions.Submit, null); // 15/12/2025, before its due date
        Setup.At(2025, 12, 29);                                                                 // Construction's report is now overdue
        SignIn("lanh.dao", Bieu06Province.Root, Roles.Leader);

        var panel = RenderFor(Bieu06Province.Root);

        Assert.Equal("50,0 %", panel.Find("[data-testid=punctuality-share]").TextContent);
        Assert.StartsWith("1 / 2 báo cáo", panel.Find("[data-testid=punctuality-counts]").TextContent.Trim());
        var late = panel.FindAll("[data-testid=punctuality-late] tbody tr");
        var row = Assert.Single(late);
        Assert.Contains("chưa gửi", row.TextContent);
        Assert.Equal($"/bao-cao/{construction}", row.QuerySelector("a")!.GetAttribute("href"));
        // Plain markup: the panel is in every open overview, where each MudBlazor component was two frame buffers (ADR 028).
        Assert.Empty(panel.FindComponents<MudBlazor.MudComponentBase>());
    }

    [Fact]
    public async Task An_agency_page_counts_only_its_own_subtree()
    {
        await Setup.CreateAsync(Bieu06Province.Justice);
        await Setup.CreateAsync(Bieu06Province.Construction);
        Setup.At(2025, 12, 29);
        SignIn("lanh.dao", Bieu06Province.Root, Roles.Leader);

        var panel = RenderFor(Bieu06Province.Justice);

        Assert.Equal("0,0 %", panel.Find("[data-testid=punctuality-share]").TextContent);
        Assert.StartsWith("0 / 1 báo cáo", panel.Find("[data-testid=punctuality-counts]").TextContent.Trim());
    }
}

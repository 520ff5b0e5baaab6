using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using Reporting.Core.Access;
using Reporting.Core.Reports.Workflow;
using Reporting.Tests.Reports;
using Reporting.Web.Reports.Pages;

namespace Reporting.Tests.Components;

/// <summary><c>/bao-cao</c>: my reports by what they wait for, the reviewer's inbox, the completeness grid in words.</summary>
public sealed class ReportsPageTests : ReportPageContext
{
    private const string Query = "regime=tthc-quy&period=" + WorkflowSetup.Period;

    private IRenderedComponent<ReportsPage> RenderAt()
    {
        var navigation = Services.GetRequiredService<NavigationManager>();
        navigation.NavigateTo("/bao-cao?" + Query);
        return Render<ReportsPage>();
    }

    [Fact]
    public async Task A_preparer_sees_the_own_reports_by_what_they_wait_for_and_the_forms_still_to_start()
    {
        var draft = await Setup.CreateAsync();
        var returned = await Setup.CreateAsync(period: "2025-Q3");
        await Setup.Workflow.ActAsync(Setup.Preparer(), returned, ReportActions.Submit, null);
        await Setup.Workflow.ActAsync(Setup.Head(), returned, ReportActions.Return, "Thiếu số liệu lĩnh vực hộ tịch");
        var other = await Setup.CreateAsync(Bieu06Province.Construction);
        SignIn("nguyen.van.lap", Bieu06Province.Justice, Roles.Preparer);

        var page = RenderAt();

        page.WaitForElement("[data-testid=my-reports]", TimeSpan.FromSeconds(10));
        Assert.Equal([draft.ToString()], page.FindAll("[data-testid=to-fill] tr[data-testid=worklist-row]").Select(r => r.GetAttribute("data-id")));
        var back = page.Find("[data-testid=returned] tr[data-testid=worklist-row]");
        Assert.Equal(returned.ToString(), back.GetAttribute("data-id"));
        Assert.Equal("Thiếu số liệu lĩnh vực hộ tịch", back.QuerySelector("[data-testid=return-reason]")!.TextContent);
        Assert.Contains("Bị trả lại, đang sửa", back.TextContent);
        Assert.DoesNotContain($"/bao-cao/{other}\"", page.Markup); // another department's report is not "mine"
        Assert.Empty(page.FindAll("[data-testid=completeness]")); // the grid is for leaders and reviewers
        Assert.Empty(page.FindAll("[data-testid=inbox]"));
        Assert.Empty(page.FindAll("[data-testid=create-bieu-06]")); // Biểu 06 of the quarter exists already
    }

    [Fact]
    public async Task The_reviewer_sees_the_inbox_and_every_agency_of_the_scope_in_the_grid_with_the_state_in_words()
    {
        var approved = await Setup.CreateAsync();
        await Setup.Workflow.ActAsync(Setup.Preparer(), approved, ReportActions.Submit, null);
        await Setup.Workflow.ActAsync(Setup.Head(), approved, ReportActions.Approve, null);
        var draft = await Setup.CreateAsync(Bieu06Province.Construction);
        SignIn("le.van.tong.hop", Bieu06Province.Root, Roles.Reviewer);

        var page = RenderAt();

        page.WaitForElement("[data-testid=completeness]", TimeSpan.FromSeconds(10));
        Assert.Equal([approved.ToString()], page.FindAll("[data-testid=inbox-list] tr[data-testid=worklist-row]").Select(r => r.GetAttribute("data-id")));
        Assert.Empty(page.FindAll("[data-testid=my-reports]"));
        string Cell(int agency, string form) =>
            page.Find($"[data-testid=grid-row][data-agency='{WorkflowSetup.Code(agency)}'] [data-testid=grid-cell][data-form={form}]").TextContent.Trim();
        Assert.StartsWith(ReportStates.Label(ReportState.Approved), Cell(Bieu06Province.Justice, "bieu-06"));
        Assert.StartsWith(ReportStates.Label(ReportState.Draft), Cell(Bieu06Province.Construction, "bieu-06"));
        Assert.Equal("Chưa lập", Cell(Bieu06Province.Notary, "bieu-06"));
        Assert.Equal("Không lập biểu này", Cell(Bieu06Province.Justice, "bieu-ii-07b"));
        Assert.NotEmpty(page.FindAll($"[data-testid=grid-cell] a[href='/bao-cao/{draft}']"));
    }
}

using Bunit;
using Reporting.Core.Access;
using Reporting.Core.Reports;
using Reporting.Core.Reports.Workflow;
using Reporting.Tests.Reports;
using Reporting.Web.Reports.Pages;

namespace Reporting.Tests.Components;

/// <summary><c>/bao-cao/{id}</c>: the grid equals the instance's JSON cell for cell, violations sit at their cell, buttons follow the role, the scope holds.</summary>
public sealed class ReportInstancePageTests : ReportPageContext
{
    [Theory]
    [InlineData(Bieu06Province.Justice, "bieu-06")]
    [InlineData(Bieu06Province.Root, "bieu-ii-07b")]
    public async Task The_grid_equals_the_instance_json_cell_for_cell(int agency, string form)
    {
        var id = await Setup.CreateAsync(agency, form);
        var preparer = Setup.Caller("Nguyễn Văn Lập", agency, Roles.Preparer);
        var view = await Setup.Workflow.GetAsync(preparer, id);
        SignIn("nguyen.van.lap", agency, Roles.Preparer);

        var page = Render<ReportInstancePage>(p => p.Add(x => x.Id, id));

        page.WaitForElement("[data-testid=report-form]", TimeSpan.FromSeconds(10));
        var rows = ReportJson.Rows(view.Document);
        Assert.Equal(rows.Count, page.FindAll("tr[data-testid=form-row]").Count);
        Assert.Equal(rows.Sum(r => r.Values.Count), page.FindAll("td[data-testid=form-cell]").Count);
        foreach (var row in rows)
        {
            foreach (var (column, value) in row.Values)
            {
                var cell = page.Find($"td[data-cell='{row.Key}:{column}']");
                var shown = cell.QuerySelector("input") is { } input ? input.GetAttribute("value")! : cell.QuerySelector(".cell-value")!.TextContent;
                Assert.True(value == ParseVi(shown), $"{row.Label} ({column}): JSON {value}, screen '{shown}'");
            }
        }

        // Manual cells are inputs on item rows only; computed cells are locked and offer an override.
        var manual = view.Document.Template.Columns.Where(c => c.Source == Core.Reports.Templates.CellSource.Manual).Select(c => c.Number).ToList();
        var items = rows.Count(r => r.Kind == "item");
        Assert.Equal(items * manual.Count, page.FindAll("input[data-testid=manual-input]").Count);
        var computed = view.Document.Template.Columns.Count(c => c.Source == Core.Reports.Templates.CellSource.Computed);
        Assert.Equal(items * computed, page.FindAll("[data-testid=override]").Count);
    }

    [Fact]
    public async Task A_broken_identity_is_shown_at_the_failing_cell_and_in_the_list()
    {
        var id = await Setup.CreateAsync();
        var preparer = Setup.Preparer();
        var item = (await Setup.Workflow.GetAsync(preparer, id)).Document.Rows.First(r => r.Kind == ReportRowKind.Item && r[8] >= 0);
        // Raising "handled early" (8) lifts the handled total (7) but not the received total (3): (3) = (7) + (11) breaks on this row.
        var view = await Setup.Workflow.SetCellsAsync(preparer, id, [new CellEdit(item.Key, 8, item[8] + 1, "Sổ theo dõi có thêm một hồ sơ")]);
        var violation = Assert.Single(view.Violations, v => v.RowKey == item.Key);
        Assert.Equal(3, violation.Column);
        SignIn("nguyen.van.lap", Bieu06Province.Justice, Roles.Preparer);

        var page = Render<ReportInstancePage>(p => p.Add(x => x.Id, id));

        page.WaitForElement("[data-testid=report-form]", TimeSpan.FromSeconds(10));
        var cell = page.Find($"td[data-cell='{item.Key}:3']");
        Assert.Contains("violation", cell.ClassList);
        Assert.Equal(violation.Message, cell.QuerySelector("[data-testid=cell-violation]")!.TextContent);
        Assert.Single(page.FindAll("td.violation"), c => c.GetAttribute("data-cell") == $"{item.Key}:3");
        Assert.Contains(page.FindAll("[data-testid=violation]"), li => li.TextContent == violation.Message);
        var overridden = page.Find($"td[data-cell='{item.Key}:8']");
        Assert.Contains($"tính: {ReportFormat.Number(item[8])} — Sổ theo dõi có thêm một hồ sơ", overridden.QuerySelector("[data-testid=computed-beside]")!.TextContent);
    }

    [Fact]
    public async Task The_buttons_are_the_actions_the_role_may_take_in_the_state()
    {
        var id = await Setup.CreateAsync();
        Assert.Equal(["submit", "refresh"], Actions(id, "nguyen.van.lap", Bieu06Province.Justice, Roles.Preparer));
        Assert.Empty(Actions(id, "le.van.tong.hop", Bieu06Province.Root, Roles.Reviewer));
        Assert.Empty(Actions(id, "lanh.dao", Bieu06Province.Root, Roles.Leader));

        await Setup.Workflow.ActAsync(Setup.Preparer(), id, ReportActions.Submit, null);
        Assert.Equal(["approve", "return"], Actions(id, "tran.thi.truong", Bieu06Province.Justice, Roles.Head));
        Assert.Empty(Actions(id, "nguyen.van.lap", Bieu06Province.Justice, Roles.Preparer));

        await Setup.Workflow.ActAsync(Setup.Head(), id, ReportActions.Approve, null);
        Assert.Equal(["accept", "return"], Actions(id, "le.van.tong.hop", Bieu06Province.Root, Roles.Reviewer));
        Assert.Empty(Actions(id, "tran.thi.truong", Bieu06Province.Justice, Roles.Head));
    }

    [Fact]
    public async Task Outside_the_scope_the_page_says_no_access_and_shows_no_figure()
    {
        var id = await Setup.CreateAsync();
        var label = (await Setup.Workflow.GetAsync(Setup.Preparer(), id)).Document.Rows.First(r => r.Kind == ReportRowKind.Item).Label;
        SignIn("xay.dung", Bieu06Province.Construction, Roles.Preparer, Roles.Head);

        var page = Render<ReportInstancePage>(p => p.Add(x => x.Id, id));

        page.WaitForElement("[data-testid=no-access]", TimeSpan.FromSeconds(10));
        Assert.Contains("Không có quyền", page.Find("[data-testid=no-access]").TextContent);
        Assert.Empty(page.FindAll("[data-testid=report-form]"));
        Assert.DoesNotContain(label, page.Markup);
    }

    private List<string> Actions(int id, string user, int agency, params string[] roles)
    {
        SignIn(user, agency, roles);
        var page = Render<ReportInstancePage>(p => p.Add(x => x.Id, id));
        page.WaitForElement("[data-testid=report-form]", TimeSpan.FromSeconds(10));
        return page.FindAll("[data-testid=actions] [data-testid^=action-]").Select(b => b.GetAttribute("data-testid")!["action-".Length..]).ToList();
    }
}

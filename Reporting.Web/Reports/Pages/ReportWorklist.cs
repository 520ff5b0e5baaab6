using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Reporting.Core.Access;
using Reporting.Core.Agencies;
using Reporting.Core.National;
using Reporting.Core.Periods;
using Reporting.Core.Persistence;
using Reporting.Core.Reports.Workflow;

namespace Reporting.Web.Reports.Pages;

/// <summary>A form the user's agency files for the chosen period and has not created yet.</summary>
public sealed record CreatableReport(string Regime, string Form, string Agency, string Period);

/// <summary>A cell of the completeness grid: the instance, or null when the agency has not started it ("Chưa lập").</summary>
public sealed record CompletenessCell(string Form, ReportInstanceSummary? Instance);

/// <summary>A row of the completeness grid: an agency and one cell per form it files (a form it does not file is absent).</summary>
public sealed record CompletenessRow(string AgencyCode, string AgencyName, IReadOnlyList<CompletenessCell> Cells);

/// <summary>What <c>/bao-cao</c> shows one user (reporting.md, "Worklist and pages").</summary>
public sealed record WorklistModel(
    IReadOnlyList<ReportRegime> Regimes,
    ReportRegime? Regime,
    PeriodKey? Period,
    IReadOnlyList<PeriodKey> Periods,
    bool ShowsMine,
    IReadOnlyList<ReportInstanceSummary> ToFill,
    IReadOnlyList<ReportInstanceSummary> Returned,
    IReadOnlyList<ReportInstanceSummary> AwaitingMyApproval,
    IReadOnlyList<ReportInstanceSummary> AwaitingReview,
    bool ShowsInbox,
    IReadOnlyList<ReportInstanceSummary> Inbox,
    bool ShowsGrid,
    IReadOnlyList<string> GridForms,
    IReadOnlyList<CompletenessRow> Grid,
    IReadOnlyList<CreatableReport> Creatable,
    IReadOnlyList<NationalPeriodReach> National);

/// <summary>
/// The worklist of <c>/bao-cao</c> from the workflow's own list (so the scope and role rules are the
/// workflow's): "my reports" are the user's own agency's (preparers and heads), the reviewer's inbox
/// what heads approved in the scope, the completeness grid every agency of the scope that files a form
/// of the chosen regime and period (leaders, reviewers, administrators).
/// </summary>
public sealed class ReportWorklist(
    ReportWorkflow workflow, NationalReachReader national, IDbContextFactory<ReportingDbContext> dbFactory, ReferenceData referenceData, TimeProvider clock)
{
    public async Task<WorklistModel> BuildAsync(ReportCaller caller, ClaimsPrincipal user, string? regimeCode, string? period, CancellationToken ct = default)
    {
        List<ReportRegime> regimes;
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            regimes = await db.ReportRegimes.AsNoTracking().OrderBy(r => r.Frequency).ThenBy(r => r.Code).ToListAsync(ct);
        }

        var today = VietnamTime.Today(clock);
        var regime = regimes.FirstOrDefault(r => r.Code == regimeCode) ?? regimes.FirstOrDefault(r => r.Frequency == PeriodKind.Quarter) ?? regimes.FirstOrDefault();
        var periods = regime is null ? [] : Periods(regime, today);
        PeriodKey? chosen = regime is null ? null
            : PeriodKey.TryParse(period, out var parsed) && parsed.Kind == regime.Frequency ? parsed : regime.LastEndedPeriod(today);
        if (chosen is { } c && !periods.Contains(c))
        {
            periods = [c, .. periods];
        }

        var all = await workflow.ListAsync(caller, ct: ct);
        var ownAgency = user.FindFirst(AccessClaims.Agency)?.Value;
        var mine = caller.Roles.Contains(Roles.Preparer) || caller.Roles.Contains(Roles.Head);
        var own = all.Where(s => s.Agency == ownAgency).OrderBy(s => s.DueDate).ThenBy(s => s.Form).ToList();
        var isHead = caller.Roles.Contains(Roles.Head);
        var showsInbox = caller.Has(Roles.Reviewer);
        var showsGrid = caller.HasAny(Roles.Leader, Roles.Reviewer);

        var tree = (await referenceData.GetAsync(ct)).Tree;
        var grid = new List<CompletenessRow>();
        var creatable = new List<CreatableReport>();
        if (regime is not null && chosen is { } key)
        {
            var window = key.Window(regime.Window);
            var filers = tree.All
                .Where(a => a.ValidFrom <= window.To && (a.ValidTo is null || a.ValidTo >= window.To) && caller.InScope(a.Code))
                .Where(a => regime.Forms.Any(f => regime.IsFiledBy(f, a)))
                .OrderBy(a => a.ParentId is null ? 0 : 1).ThenBy(a => a.Kind).ThenBy(a => a.Order).ThenBy(a => a.Name)
                .ToList();
            var ofPeriod = all.Where(s => s.Regime == regime.Code && s.PeriodKey == key.ToString()).ToLookup(s => (s.Agency, s.Form));
            if (showsGrid)
            {
                grid = filers.Select(a => new CompletenessRow(a.Code, a.Name, regime.Forms
                        .Where(f => regime.IsFiledBy(f, a))
                        .Select(f => new CompletenessCell(f, ofPeriod[(a.Code, f)].FirstOrDefault()))
                        .ToList()))
                    .ToList();
            }

            if (mine && filers.FirstOrDefault(a => a.Code == ownAgency) is { } agency)
            {
                creatable = regime.Forms.Where(f => regime.IsFiledBy(f, agency) && !ofPeriod[(agency.Code, f)].Any())
                    .Select(f => new CreatableReport(regime.Code, f, agency.Code, key.ToString()))
                    .ToList();
            }
        }

        // Which of the regime's periods reached the national system: for those who see the grid, when their scope holds the province.
        var reach = showsGrid && regime is not null
            ? await national.ReadAsync(caller, periods.Select(p => (regime.Code, p)).ToList(), ct)
            : [];

        return new WorklistModel(
            regimes, regime, chosen, periods,
            mine,
            own.Where(s => s.State == ReportState.Draft && !s.Returned).ToList(),
            own.Where(s => s.State == ReportState.Draft && s.Returned).ToList(),
            isHead ? own.Where(s => s.State == ReportState.Submitted).ToList() : [],
            own.Where(s => s.State == ReportState.Approved || (!isHead && s.State == ReportState.Submitted)).ToList(),
            showsInbox,
            showsInbox ? all.Where(s => s.State == ReportState.Approved).OrderBy(s => s.DueDate).ThenBy(s => s.AgencyName).ToList() : [],
            showsGrid,
            regime?.Forms ?? [],
            grid,
            creatable,
            reach);
    }

    /// <summary>The period containing today and the six before it, newest first.</summary>
    private static List<PeriodKey> Periods(ReportRegime regime, DateOnly today)
    {
        var list = new List<PeriodKey>();
        var period = PeriodKey.Containing(regime.Frequency, today);
        for (var i = 0; i < 7; i++)
        {
            list.Add(period);
            period = period.Previous();
        }

        return list;
    }
}

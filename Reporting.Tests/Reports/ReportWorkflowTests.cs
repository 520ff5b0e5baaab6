using Microsoft.EntityFrameworkCore;
using Reporting.Core.Access;
using Reporting.Core.Reports;
using Reporting.Core.Reports.Workflow;
using static Reporting.Tests.Reports.Bieu06Province;

namespace Reporting.Tests.Reports;

/// <summary>The workflow of reporting.md on a real SQLite file: every allowed and refused transition, versions, lateness.</summary>
public sealed class ReportWorkflowTests : IDisposable
{
    private readonly WorkflowSetup _s = new();

    public void Dispose() => _s.Dispose();

    [Fact]
    public async Task Regimes_are_seeded_unconfirmed_with_the_three_forms()
    {
        await using var db = _s.Database.CreateDbContext();
        var regimes = await db.ReportRegimes.AsNoTracking().OrderBy(r => r.Code).ToListAsync();

        Assert.Equal(["tthc-6-thang", "tthc-9-thang", "tthc-nam", "tthc-quy"], regimes.Select(r => r.Code));
        Assert.All(regimes, r =>
        {
            Assert.False(r.Confirmed);
            Assert.Contains("cần xác nhận căn cứ", r.LegalBasis, StringComparison.Ordinal);
            Assert.Equal(["bieu-06", "bieu-ii-06a", "bieu-ii-07b"], r.Forms);
            Assert.Equal(2, r.DeadlineWorkingDays);
        });
    }

    [Fact]
    public async Task An_instance_is_created_once_prefilled_like_the_API_form_and_due_two_working_days_after_the_window()
    {
        var (view, created) = await _s.Workflow.CreateAsync(_s.Preparer(), WorkflowSetup.Regime, "bieu-06", WorkflowSetup.Code(Justice), WorkflowSetup.Period);
        var (again, createdAgain) = await _s.Workflow.CreateAsync(_s.Head(), WorkflowSetup.Regime, "bieu-06", WorkflowSetup.Code(Justice), WorkflowSetup.Period);

        Assert.True(created);
        Assert.False(createdAgain);
        Assert.Equal(view.Summary.Id, again.Summary.Id);
        Assert.Equal(ReportState.Draft, view.Summary.State);
        Assert.Equal(new DateOnly(2025, 12, 16), view.Summary.DueDate); // window ends Sunday 14/12: Monday, Tuesday
        var api = await _s.Engine.BuildAsync("bieu-06", WorkflowSetup.Code(Justice), Core.Periods.PeriodKey.Parse("2025-Q4"));
        Assert.Equal(api.Rows.Select(r => (r.Key, string.Join(",", r.Cells))), view.Document.Rows.Select(r => (r.Key, string.Join(",", r.Cells))));
        Assert.Empty(view.Violations);
        Assert.Equal(["create"], view.History.Select(h => h.Action));
    }

    [Fact]
    public async Task Submit_approve_accept_freezes_version_1_and_writes_the_history()
    {
        var id = await _s.CreateAsync();
        var submitted = await _s.Workflow.ActAsync(_s.Preparer(), id, "submit", null);
        var approved = await _s.Workflow.ActAsync(_s.Head(), id, "approve", "Đồng ý");
        var accepted = await _s.Workflow.ActAsync(_s.Reviewer(), id, "accept", null);

        Assert.Equal(ReportState.Submitted, submitted.Summary.State);
        Assert.Equal(ReportState.Approved, approved.Summary.State);
        Assert.Equal(ReportState.Accepted, accepted.Summary.State);
        Assert.Equal(1, accepted.Summary.Version);
        Assert.Equal([1], accepted.Versions);
        Assert.Equal(["create", "submit", "approve", "accept"], accepted.History.Select(h => h.Action));
        Assert.Equal([ReportState.Draft, ReportState.Submitted, ReportState.Approved, ReportState.Accepted], accepted.History.Select(h => h.State));
        Assert.Equal("Trần Thị Trưởng", accepted.History[2].By);
        Assert.Equal("Đồng ý", accepted.History[2].Comment);
        Assert.Empty(accepted.Actions);
        Assert.Equal(new DateOnly(2025, 12, 15), accepted.Summary.SubmittedOn);
        Assert.Equal(0, accepted.Summary.LateWorkingDays);
    }

    public static TheoryData<string, ReportState> WrongStates() => new()
    {
        { "submit", ReportState.Submitted }, { "submit", ReportState.Approved }, { "submit", ReportState.Accepted },
        { "approve", ReportState.Draft }, { "approve", ReportState.Approved }, { "approve", ReportState.Accepted },
        { "accept", ReportState.Draft }, { "accept", ReportState.Submitted }, { "accept", ReportState.Accepted },
        { "return", ReportState.Draft }, { "return", ReportState.Accepted },
    };

    [Theory]
    [MemberData(nameof(WrongStates))]
    public async Task An_action_in_the_wrong_state_is_refused_with_the_state(string action, ReportState state)
    {
        var id = await _s.CreateAsync();
        var admin = _s.Admin();
        foreach (var step in new[] { "submit", "approve", "accept" }.Take((int)state))
        {
            await _s.Workflow.ActAsync(admin, id, step, null);
        }

        var error = await Assert.ThrowsAsync<WorkflowException>(() => _s.Workflow.ActAsync(admin, id, action, "lý do"));

        Assert.Equal(WorkflowRefusal.WrongState, error.Refusal);
        Assert.Contains(ReportStates.Label(state), error.Message, StringComparison.Ordinal);
        Assert.Equal(state, (await _s.Workflow.GetAsync(admin, id)).Summary.State);
    }

    [Fact]
    public async Task Roles_and_scope_are_checked_before_the_state()
    {
        var id = await _s.CreateAsync();
        async Task Refused(ReportCaller caller, string action)
        {
            var error = await Assert.ThrowsAsync<WorkflowException>(() => _s.Workflow.ActAsync(caller, id, action, "lý do"));
            Assert.Equal(WorkflowRefusal.Forbidden, error.Refusal);
        }

        await Refused(_s.Reviewer(), "submit");
        await Refused(_s.Preparer(Construction), "submit"); // another department's preparer: outside the scope
        await _s.Workflow.ActAsync(_s.Preparer(), id, "submit", null);
        await Refused(_s.Preparer(), "approve");
        await Refused(_s.Reviewer(), "approve");
        await Refused(_s.Head(), "accept");
        await Refused(_s.Preparer(), "return");
        await _s.Workflow.ActAsync(_s.Head(), id, "approve", null);
        await Refused(_s.Head(), "return"); // once approved only the reviewer returns it

        var read = await Assert.ThrowsAsync<WorkflowException>(() => _s.Workflow.GetAsync(_s.Preparer(Construction), id));
        Assert.Equal(WorkflowRefusal.Forbidden, read.Refusal);
        var unknown = await Assert.ThrowsAsync<WorkflowException>(() => _s.Workflow.ActAsync(_s.Admin(), id, "send-now", null));
        Assert.Equal(WorkflowRefusal.NotFound, unknown.Refusal);
    }

    [Fact]
    public async Task Return_needs_a_reason_and_sends_the_report_back_to_draft()
    {
        var id = await _s.CreateAsync();
        await _s.Workflow.ActAsync(_s.Preparer(), id, "submit", null);
        await _s.Workflow.ActAsync(_s.Head(), id, "approve", null);

        var error = await Assert.ThrowsAsync<WorkflowException>(() => _s.Workflow.ActAsync(_s.Reviewer(), id, "return", "  "));
        Assert.Equal(WorkflowRefusal.Invalid, error.Refusal);
        Assert.Contains("lý do", error.Message, StringComparison.Ordinal);

        var returned = await _s.Workflow.ActAsync(_s.Reviewer(), id, "return", "Số quá hạn chưa khớp sổ theo dõi");

        Assert.Equal(ReportState.Draft, returned.Summary.State);
        Assert.True(returned.Summary.Returned);
        Assert.Equal("Số quá hạn chưa khớp sổ theo dõi", returned.History[^1].Comment);
        Assert.False(returned.Editable); // the reviewer's view
        var preparers = await _s.Workflow.GetAsync(_s.Preparer(), id);
        Assert.True(preparers.Editable);
        Assert.Contains(preparers.Actions, a => a.Code == "submit");
        var head = await _s.Workflow.ActAsync(_s.Admin(), id, "submit", null);
        var back = await _s.Workflow.ActAsync(_s.Head(), id, "return", "Thiếu đề cương");
        Assert.Equal(ReportState.Draft, back.Summary.State);
        Assert.Equal(2, head.Summary.Version);
    }

    [Fact]
    public async Task A_computed_cell_is_overridden_only_with_a_reason_and_sums_follow()
    {
        var id = await _s.CreateAsync();
        var view = await _s.Workflow.GetAsync(_s.Preparer(), id);
        var row = view.Document.Rows.First(r => r.Kind == ReportRowKind.Item && r[6] > 0);

        var noReason = await Assert.ThrowsAsync<WorkflowException>(() => _s.Workflow.SetCellsAsync(_s.Preparer(), id, [new CellEdit(row.Key, 6, row[6] - 1, null)]));
        Assert.Equal(WorkflowRefusal.Invalid, noReason.Refusal);
        Assert.Equal((row.Key, 6), (noReason.Violations.Single().RowKey, noReason.Violations.Single().Column));
        Assert.Contains("phải ghi lý do", noReason.Message, StringComparison.Ordinal);
        var sum = await Assert.ThrowsAsync<WorkflowException>(() => _s.Workflow.SetCellsAsync(_s.Preparer(), id, [new CellEdit(row.Key, 3, 1, "x")]));
        Assert.Contains("ô tổng", sum.Message, StringComparison.Ordinal);
        var reviewer = await Assert.ThrowsAsync<WorkflowException>(() => _s.Workflow.SetCellsAsync(_s.Reviewer(), id, [new CellEdit(row.Key, 6, 0, "x")]));
        Assert.Equal(WorkflowRefusal.Forbidden, reviewer.Refusal);

        var changed = await _s.Workflow.SetCellsAsync(_s.Preparer(), id, [new CellEdit(row.Key, 6, row[6] - 1, "Một hồ sơ chuyển nhầm kỳ"), new CellEdit(row.Key, 13, row[13] - 1, "Một hồ sơ chuyển nhầm kỳ")]);

        var after = changed.Document.Row(row.Key)!;
        Assert.Equal(row[6] - 1, after[6]);
        Assert.Equal(row[3] - 1, after[3]);
        Assert.Equal(view.Document.Total[3] - 1, changed.Document.Total[3]);
        Assert.Empty(changed.Violations);
        var adjustment = Assert.Single(changed.Document.Overrides, o => o.Column == 6);
        Assert.Equal((row[6], row[6] - 1, "Một hồ sơ chuyển nhầm kỳ"), (adjustment.Computed, adjustment.Value, adjustment.Reason));
    }

    [Fact]
    public async Task A_report_breaking_an_identity_is_not_submitted_and_the_cell_is_named()
    {
        var id = await _s.CreateAsync();
        var row = (await _s.Workflow.GetAsync(_s.Preparer(), id)).Document.Rows.First(r => r.Kind == ReportRowKind.Item);
        await _s.Workflow.SetCellsAsync(_s.Preparer(), id, [new CellEdit(row.Key, 8, row[8] + 5, "Bổ sung hồ sơ giấy")]);

        var error = await Assert.ThrowsAsync<WorkflowException>(() => _s.Workflow.ActAsync(_s.Preparer(), id, "submit", null));

        Assert.Equal(WorkflowRefusal.Invalid, error.Refusal);
        Assert.Contains(error.Violations, v => v.RowKey == row.Key && v.Column == 3);
        Assert.Contains($"Ô cột (3) dòng \"{row.Label}\"", error.Message, StringComparison.Ordinal);
        Assert.Equal(ReportState.Draft, (await _s.Workflow.GetAsync(_s.Preparer(), id)).Summary.State);
    }

    [Fact]
    public async Task Versions_are_frozen_and_compared_cell_by_cell()
    {
        var id = await _s.CreateAsync();
        var v1 = await _s.Workflow.ActAsync(_s.Preparer(), id, "submit", null);
        await _s.Workflow.ActAsync(_s.Head(), id, "return", "Kiểm tra lại số chuyển kỳ");
        var row = v1.Document.Rows.First(r => r.Kind == ReportRowKind.Item && r[6] > 0 && r[13] > 0);
        await _s.Workflow.SetCellsAsync(_s.Preparer(), id, [new CellEdit(row.Key, 6, row[6] - 1, "Trùng hồ sơ"), new CellEdit(row.Key, 13, row[13] - 1, "Trùng hồ sơ")]);
        await _s.Workflow.ActAsync(_s.Preparer(), id, "submit", null);

        var first = await _s.Workflow.GetVersionAsync(_s.Reviewer(), id, 1);
        var second = await _s.Workflow.GetVersionAsync(_s.Reviewer(), id, 2);
        var differences = await _s.Workflow.CompareAsync(_s.Reviewer(), id, 1, 2);

        Assert.Equal(v1.Document.Rows.Select(r => string.Join(",", r.Cells)), first.Document.Rows.Select(r => string.Join(",", r.Cells)));
        Assert.Empty(first.Document.Overrides);
        Assert.Equal(2, second.Document.Overrides.Count);
        Assert.Equal("Nguyễn Văn Lập", second.SubmittedBy);
        var cells = differences.Select(d => (d.RowKey, d.Column, d.Before, d.After)).ToHashSet();
        Assert.Contains((row.Key, 6, (int?)row[6], (int?)(row[6] - 1)), cells);
        Assert.Contains((row.Key, 13, (int?)row[13], (int?)(row[13] - 1)), cells);
        Assert.Contains(("total", 3, (int?)v1.Document.Total[3], (int?)(v1.Document.Total[3] - 1)), cells);
        Assert.DoesNotContain(differences, d => d.Column is 4 or 5 or 7 or 8 or 9 or 10 or 12);

        await using var db = _s.Database.CreateDbContext();
        var stored = await db.ReportVersions.SingleAsync(v => v.InstanceId == id && v.Number == 1);
        stored.RowsJson = "[]";
        Assert.Throws<InvalidOperationException>(() => db.SaveChanges());
    }

    [Fact]
    public async Task Edits_of_a_submitted_report_are_refused()
    {
        var id = await _s.CreateAsync();
        var view = await _s.Workflow.ActAsync(_s.Preparer(), id, "submit", null);
        var row = view.Document.Rows.First(r => r.Kind == ReportRowKind.Item);

        var error = await Assert.ThrowsAsync<WorkflowException>(() => _s.Workflow.SetCellsAsync(_s.Preparer(), id, [new CellEdit(row.Key, 4, 0, "x")]));

        Assert.Equal(WorkflowRefusal.WrongState, error.Refusal);
        Assert.False((await _s.Workflow.GetAsync(_s.Preparer(), id)).Editable);
    }

    [Fact]
    public async Task Lateness_counts_working_days_after_the_due_date()
    {
        var id = await _s.CreateAsync();
        _s.At(2025, 12, 20); // Saturday after the Tuesday due date: Wednesday, Thursday, Friday late
        var open = (await _s.Workflow.GetAsync(_s.Preparer(), id)).Summary;
        Assert.Equal(3, open.LateWorkingDays);

        _s.At(2025, 12, 22); // Monday
        var submitted = (await _s.Workflow.ActAsync(_s.Preparer(), id, "submit", null)).Summary;
        _s.At(2026, 1, 20);
        var later = (await _s.Workflow.GetAsync(_s.Preparer(), id)).Summary;

        Assert.Equal(4, submitted.LateWorkingDays);
        Assert.Equal(4, later.LateWorkingDays);
    }

    [Fact]
    public async Task The_nightly_job_creates_each_regimes_ended_period_once()
    {
        var created = await _s.Workflow.CreateEndedPeriodsAsync();
        var again = await _s.Workflow.CreateEndedPeriodsAsync();
        var list = await _s.Workflow.ListAsync(_s.Reviewer(), period: "2025-Q4");

        Assert.True(created > 0);
        Assert.Equal(0, again);
        Assert.Contains(list, i => i.Form == "bieu-ii-07b" && i.Agency == WorkflowSetup.Code(Root));
        Assert.Contains(list, i => i.Form == "bieu-ii-06a" && i.Agency == WorkflowSetup.Code(Centre));
        Assert.Contains(list, i => i.Form == "bieu-06" && i.Agency == WorkflowSetup.Code(NewCommune));
        Assert.DoesNotContain(list, i => i.Agency == WorkflowSetup.Code(District)); // ended on 30/06/2025
        // The province's Biểu 06 is the consolidation, an instance of its own: the report sent to the national system (issue 10).
        Assert.Contains(list, i => i.Form == "bieu-06" && i.Agency == WorkflowSetup.Code(Root));
        Assert.Contains((await _s.Workflow.ListAsync(_s.Reviewer(), period: "2025-9M")), i => i.Regime == "tthc-9-thang");
        Assert.All(await _s.Workflow.ListAsync(_s.Preparer()), i => Assert.Contains(i.Agency, new[] { WorkflowSetup.Code(Justice), WorkflowSetup.Code(Notary) }));
    }

    [Fact]
    public async Task Creating_checks_the_regime_the_form_the_filer_and_the_period()
    {
        var preparer = _s.Preparer();
        var justice = WorkflowSetup.Code(Justice);
        Assert.Equal(WorkflowRefusal.Invalid, (await Assert.ThrowsAsync<WorkflowException>(() => _s.Workflow.CreateAsync(preparer, "khong-co", "bieu-06", justice, "2025-Q4"))).Refusal);
        Assert.Equal(WorkflowRefusal.Invalid, (await Assert.ThrowsAsync<WorkflowException>(() => _s.Workflow.CreateAsync(preparer, "tthc-quy", "bieu-06", justice, "2025-H2"))).Refusal);
        Assert.Equal(WorkflowRefusal.Invalid, (await Assert.ThrowsAsync<WorkflowException>(() => _s.Workflow.CreateAsync(preparer, "tthc-quy", "bieu-ii-07b", justice, "2025-Q4"))).Refusal);
        Assert.Equal(WorkflowRefusal.Forbidden, (await Assert.ThrowsAsync<WorkflowException>(() => _s.Workflow.CreateAsync(preparer, "tthc-quy", "bieu-06", WorkflowSetup.Code(Construction), "2025-Q4"))).Refusal);
        Assert.Equal(WorkflowRefusal.Forbidden, (await Assert.ThrowsAsync<WorkflowException>(() => _s.Workflow.CreateAsync(_s.Caller("Lãnh đạo", Root, Roles.Leader), "tthc-quy", "bieu-06", justice, "2025-Q4"))).Refusal);
    }

    [Fact]
    public async Task Narrative_sections_travel_with_the_version_and_the_workbook()
    {
        var id = await _s.CreateAsync();
        var heading = ReportNarrative.Headings[0];
        var unknown = await Assert.ThrowsAsync<WorkflowException>(() =>
            _s.Workflow.SetNarrativeAsync(_s.Preparer(), id, new Dictionary<string, string> { ["Mục tự đặt"] = "x" }));
        Assert.Equal(WorkflowRefusal.Invalid, unknown.Refusal);

        await _s.Workflow.SetNarrativeAsync(_s.Preparer(), id, new Dictionary<string, string> { [heading] = "Đã rà soát 120 thủ tục." });
        await _s.Workflow.ActAsync(_s.Preparer(), id, "submit", null);
        var version = await _s.Workflow.GetVersionAsync(_s.Reviewer(), id, 1);

        Assert.Equal("Đã rà soát 120 thủ tục.", version.Narrative[heading]);
        using var stream = new MemoryStream();
        Core.Reports.Excel.ReportExcelWriter.Write(version.Document, stream);
        stream.Position = 0;
        using var workbook = new ClosedXML.Excel.XLWorkbook(stream);
        var sheet = workbook.Worksheet(Core.Reports.Excel.ReportExcelWriter.NarrativeSheet);
        Assert.Contains(sheet.CellsUsed(), c => c.GetString() == heading);
        Assert.Contains(sheet.CellsUsed(), c => c.GetString() == "Đã rà soát 120 thủ tục.");
    }

    [Fact]
    public async Task A_draft_keeps_its_figures_from_the_first_edit_until_refresh_which_lists_what_moved()
    {
        // Made by the nightly job and never opened: it follows live data.
        var regime = await RegimeAsync();
        await _s.Workflow.CreatePeriodAsync(regime, Core.Periods.PeriodKey.Parse(WorkflowSetup.Period));
        var id = (await _s.Workflow.ListAsync(_s.Preparer(), WorkflowSetup.Code(Justice), WorkflowSetup.Period)).Single(i => i.Form == "bieu-06").Id;
        var before = (await _s.Workflow.GetAsync(_s.Preparer(), id)).Document.Total;
        _s.Database.AddDossiers([NewDossier()]);
        var live = (await _s.Workflow.GetAsync(_s.Preparer(), id)).Document.Total;
        Assert.Equal(before[5] + 1, live[5]);

        // Worked on: the figures stay as they were when the preparer started.
        await _s.Workflow.SetNarrativeAsync(_s.Preparer(), id, new Dictionary<string, string> { [ReportNarrative.Headings[0]] = "Đang lập" });
        _s.Database.AddDossiers([NewDossier()]);
        Assert.Equal(live.Cells, (await _s.Workflow.GetAsync(_s.Preparer(), id)).Document.Total.Cells);
        Assert.Throws<WorkflowException>(() => _s.Workflow.RefreshAsync(_s.Reviewer(), id).GetAwaiter().GetResult());

        var refresh = await _s.Workflow.RefreshAsync(_s.Preparer(), id);
        Assert.Equal(live[5] + 1, refresh.View.Document.Total[5]);
        var total = refresh.Changes.Where(c => c.RowKey == ReportRow.TotalKey).ToDictionary(c => c.Column);
        Assert.Equal((live[5], live[5] + 1), (total[5].Before, total[5].After));
        Assert.Equal((live[3], live[3] + 1), (total[3].Before, total[3].After));
        Assert.All(refresh.Changes, c => Assert.NotEqual(c.Before, c.After));
        Assert.Equal(ReportActions.Refresh, refresh.View.History[^1].Action);
        Assert.Equal(ReportState.Draft, refresh.View.Summary.State);
        Assert.Empty((await _s.Workflow.RefreshAsync(_s.Preparer(), id)).Changes);
    }

    private async Task<ReportRegime> RegimeAsync()
    {
        await using var db = _s.Database.CreateDbContext();
        return await db.ReportRegimes.AsNoTracking().SingleAsync(r => r.Code == WorkflowSetup.Regime);
    }

    private static Core.Dossiers.Dossier NewDossier() =>
        Dossier(Justice, "1.002", channel: 1, Core.Dossiers.DossierStatus.InProgress, new DateTime(2025, 11, 3, 9, 0, 0), promised: new DateTime(2025, 11, 28, 17, 0, 0));
}

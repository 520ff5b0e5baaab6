using Reporting.Core.Access;

namespace Reporting.Core.Reports.Workflow;

/// <summary>An action of the workflow: the states it starts from, the state it leads to, who may take it.</summary>
public sealed record ReportAction(string Code, string Label, IReadOnlyList<ReportState> From, ReportState To, IReadOnlyList<string> Roles, bool NeedsComment = false);

/// <summary>
/// The workflow of reporting.md, in one table the service, the API and the page read:
/// submit (preparer or head, from draft), approve (head), accept (reviewer, from approved), return
/// with a reason (reviewer from submitted or approved; the head from submitted, sending the
/// preparer's work back before approving it), refresh (preparer or head: a draft's computed cells
/// taken again from live data, ADR 013). An administrator may take every action but
/// <c>send</c>: the province's consolidated report goes to the national system signed by a reviewer
/// (issue 10: "nobody else can"), and is retried by one when it failed. A rejected report is returned
/// by the reviewer to be corrected into the next version.
/// </summary>
public static class ReportActions
{
    public const string Submit = "submit";
    public const string Approve = "approve";
    public const string Accept = "accept";
    public const string Return = "return";
    public const string Refresh = "refresh";
    public const string Send = "send";

    public static IReadOnlyList<ReportAction> All { get; } =
    [
        new(Submit, "Gửi báo cáo", [ReportState.Draft], ReportState.Submitted, [Roles.Preparer, Roles.Head]),
        new(Approve, "Thủ trưởng duyệt", [ReportState.Submitted], ReportState.Approved, [Roles.Head]),
        new(Accept, "Tiếp nhận", [ReportState.Approved], ReportState.Accepted, [Roles.Reviewer]),
        new(Return, "Trả lại", [ReportState.Submitted, ReportState.Approved, ReportState.Rejected], ReportState.Draft, [Roles.Reviewer, Roles.Head], NeedsComment: true),
        new(Refresh, "Cập nhật số liệu", [ReportState.Draft], ReportState.Draft, [Roles.Preparer, Roles.Head]),
        new(Send, "Gửi lên hệ thống quốc gia", [ReportState.Accepted, ReportState.Failed], ReportState.Sending, [Roles.Reviewer]),
    ];

    public static ReportAction? Find(string? code) => All.FirstOrDefault(a => string.Equals(a.Code, code?.Trim(), StringComparison.OrdinalIgnoreCase));

    /// <summary>May this caller take the action in this state? The head returns only what is waiting for them.</summary>
    public static bool RoleAllows(ReportAction action, ReportCaller caller, ReportState state) => action.Code switch
    {
        Send => caller.Roles.Contains(Roles.Reviewer),
        Return when state != ReportState.Submitted => caller.Has(Roles.Reviewer),
        _ => caller.HasAny([.. action.Roles]),
    };

    /// <summary>The actions this caller can take now, for the screen's buttons; <c>send</c> only on the province's consolidated report.</summary>
    public static IEnumerable<ReportAction> Available(ReportCaller caller, ReportState state, string agencyCode, bool provinceReport = false) =>
        caller.InScope(agencyCode)
            ? All.Where(a => a.From.Contains(state) && RoleAllows(a, caller, state) && (a.Code != Send || provinceReport))
            : [];
}

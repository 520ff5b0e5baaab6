namespace Reporting.Core.Reports.Workflow;

/// <summary>
/// A transition of an instance (create, submit, approve, accept, return, cells, upload…), with who,
/// when and the comment. This is the instance's own history until the audit log of the access branch
/// lands; <see cref="ReportWorkflow"/> writes it in one method so it moves there in one place.
/// </summary>
public sealed class ReportTransition
{
    public long Id { get; set; }
    public int InstanceId { get; set; }
    public required string Action { get; set; }
    public ReportState FromState { get; set; }
    public ReportState ToState { get; set; }
    public int? Version { get; set; }
    public DateTimeOffset At { get; set; }
    public required string By { get; set; }
    public string? Comment { get; set; }
}

namespace Reporting.Core.Reports.Workflow;

/// <summary>Why a workflow request is refused; the API maps the kind to 404, 403, 409 or 422.</summary>
public enum WorkflowRefusal
{
    NotFound,
    Forbidden,
    WrongState,
    Invalid,
}

/// <summary>A refused request with a Vietnamese title and detail and, for identities, the failing cells.</summary>
public sealed class WorkflowException(WorkflowRefusal refusal, string title, string detail, IReadOnlyList<ReportViolation>? violations = null)
    : Exception(detail)
{
    public WorkflowRefusal Refusal { get; } = refusal;
    public string Title { get; } = title;
    public IReadOnlyList<ReportViolation> Violations { get; } = violations ?? [];

    public static WorkflowException NotFound(int id) => new(WorkflowRefusal.NotFound, "Không tìm thấy báo cáo", $"Không có báo cáo số {id}.");
}

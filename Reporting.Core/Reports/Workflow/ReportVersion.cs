namespace Reporting.Core.Reports.Workflow;

/// <summary>
/// A version frozen at submit (numbered 1, 2, … per instance): the rows as filed, the overrides with
/// their computed values and reasons, the narrative, the identity results, who and when. Never
/// updated: its configuration makes EF refuse any change to a saved version.
/// </summary>
public sealed class ReportVersion
{
    public int Id { get; set; }
    public int InstanceId { get; set; }
    public int Number { get; set; }

    /// <summary><see cref="ReportRow"/> list in print order.</summary>
    public required string RowsJson { get; set; }

    /// <summary><see cref="CellOverride"/> list.</summary>
    public required string OverridesJson { get; set; }

    public required string NarrativeJson { get; set; }

    /// <summary><see cref="ReportViolation"/> list at submit (empty: a report breaking an identity is not submitted).</summary>
    public required string ViolationsJson { get; set; }

    public DateTimeOffset? ComputedAt { get; set; }
    public required string SubmittedBy { get; set; }
    public DateTimeOffset SubmittedAt { get; set; }
}

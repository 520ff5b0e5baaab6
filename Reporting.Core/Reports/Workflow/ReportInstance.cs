using Reporting.Core.Periods;

namespace Reporting.Core.Reports.Workflow;

/// <summary>
/// One report to file: (regime, form, agency, period key). Its computed cells follow the data while it
/// is a draft; what the preparer typed (manual cells, overrides with reasons, narrative) is kept here
/// as JSON; every submit freezes a <see cref="ReportVersion"/>.
/// </summary>
public sealed class ReportInstance
{
    public int Id { get; set; }
    public required string RegimeCode { get; set; }
    public required string FormCode { get; set; }
    public required string AgencyCode { get; set; }
    public required string AgencyName { get; set; }
    public required string PeriodKey { get; set; }
    public WindowKind WindowKind { get; set; }
    public DateOnly From { get; set; }
    public DateOnly To { get; set; }
    public DateOnly DueDate { get; set; }
    public ReportState State { get; set; }

    /// <summary>Number of the latest frozen version; 0 before the first submit.</summary>
    public int Version { get; set; }

    /// <summary><see cref="CellEntry"/> list: manual cells typed in or uploaded.</summary>
    public string ManualCellsJson { get; set; } = "[]";

    /// <summary><see cref="CellEntry"/> list: computed cells overridden, each with its reason.</summary>
    public string OverridesJson { get; set; } = "[]";

    /// <summary>Heading → text of the narrative sections (đề cương).</summary>
    public string NarrativeJson { get; set; } = "{}";

    /// <summary>
    /// <see cref="StoredComputation"/>: the computed cells as of the draft's first edit or last
    /// "Cập nhật số liệu" (ADR 013); null while nobody has worked on it, and then it follows live data.
    /// </summary>
    public string? ComputedJson { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
    public required string CreatedBy { get; set; }

    /// <summary>The date of the first submit (Vietnam time): lateness is measured to it.</summary>
    public DateOnly? FirstSubmittedOn { get; set; }

    /// <summary>Bumped on every change: two people saving the same draft do not overwrite each other silently.</summary>
    public int Revision { get; set; }

    public PeriodKey Period => Periods.PeriodKey.Parse(PeriodKey);

    public DateWindow Window => new(From, To);
}

/// <summary>A typed cell: row key, column, value and, for an override, the reason.</summary>
public sealed record CellEntry(string RowKey, int Column, int Value, string? Reason = null);

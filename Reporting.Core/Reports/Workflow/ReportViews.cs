namespace Reporting.Core.Reports.Workflow;

/// <summary>A line of the worklist: state, version, due date, lateness in working days and, for a returned draft, the reason.</summary>
public sealed record ReportInstanceSummary(
    int Id, string Regime, string Form, string Agency, string AgencyName, string PeriodKey,
    ReportState State, int Version, DateOnly DueDate, DateOnly? SubmittedOn, int LateWorkingDays, bool Returned, string? ReturnReason = null);

/// <summary>A transition in the instance's history.</summary>
public sealed record HistoryEntry(string Action, ReportState From, ReportState State, DateTimeOffset At, string By, string? Comment, int? Version);

/// <summary>
/// An instance as the screen and the API show it: the document (live while a draft, else the latest
/// version), its identity results, narrative, history, versions and the actions the caller may take.
/// </summary>
public sealed record ReportInstanceView(
    ReportInstanceSummary Summary,
    ReportDocument Document,
    IReadOnlyList<ReportViolation> Violations,
    IReadOnlyDictionary<string, string> Narrative,
    IReadOnlyList<HistoryEntry> History,
    IReadOnlyList<int> Versions,
    IReadOnlyList<ReportAction> Actions,
    bool Editable);

/// <summary>A frozen version.</summary>
public sealed record ReportVersionView(int Number, ReportDocument Document, IReadOnlyDictionary<string, string> Narrative,
    IReadOnlyList<ReportViolation> Violations, string SubmittedBy, DateTimeOffset SubmittedAt);

/// <summary>A cell that differs between two versions (null where the row is absent from one of them).</summary>
public sealed record CellDifference(string RowKey, string RowLabel, int Column, int? Before, int? After);

/// <summary>A cell to write: <c>reason</c> is required to override a computed cell.</summary>
public sealed record CellEdit(string RowKey, int Column, int Value, string? Reason);

/// <summary>What "Cập nhật số liệu" did: the draft afterwards and each computed cell that moved (old, new).</summary>
public sealed record ReportRefresh(ReportInstanceView View, IReadOnlyList<CellDifference> Changes);

using Reporting.Core.Periods;
using Reporting.Core.Reports.Templates;

namespace Reporting.Core.Reports;

/// <summary>The agency a report is made for.</summary>
public sealed record ReportAgency(string Code, string Name);

/// <summary>
/// A computed cell the preparer changed: the computed value, the value written and why. It travels
/// with every version, the Excel file (as a cell comment) and the payload (<c>adjustments</c>).
/// </summary>
public sealed record CellOverride(string RowKey, int Column, int Computed, int Value, string Reason);

/// <summary>
/// A form filled for one agency and window: the template, the header texts and the rows in print
/// order (grand total first or last, each group's subtotal followed by its items). The screen, the
/// JSON, the Excel file and the submission are all written from this one value.
/// </summary>
public sealed record ReportDocument
{
    public required ReportTemplate Template { get; init; }
    public required ReportAgency Agency { get; init; }
    public required PeriodKey Period { get; init; }
    public required WindowKind WindowKind { get; init; }
    public required DateWindow Window { get; init; }

    /// <summary>"- Đơn vị báo cáo: …".</summary>
    public required string ReportingUnit { get; init; }

    /// <summary>"- Đơn vị nhận báo cáo: …".</summary>
    public required string ReceivingUnit { get; init; }

    public DateTimeOffset? ComputedAt { get; init; }

    public required IReadOnlyList<ReportRow> Rows { get; init; }

    public IReadOnlyList<CellOverride> Overrides { get; init; } = [];

    /// <summary>Narrative sections (đề cương), heading → text; exported on a sheet of their own.</summary>
    public IReadOnlyDictionary<string, string> Narrative { get; init; } = new Dictionary<string, string>();

    /// <summary>Agencies of a consolidated report taken from live data ("chưa duyệt").</summary>
    public IReadOnlyList<string> Pending => Rows.Where(r => r.Pending).Select(r => r.Key).ToList();

    /// <summary>"Quý III/2026".</summary>
    public string PeriodLabel => Period.Label;

    public ReportRow Total => Rows.First(r => r.Kind == ReportRowKind.Total);

    public ReportRow? Row(string key) => Rows.FirstOrDefault(r => string.Equals(r.Key, key, StringComparison.Ordinal));
}

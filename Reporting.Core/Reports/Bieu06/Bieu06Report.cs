using Reporting.Core.Periods;
using Reporting.Core.Reports.Templates;

namespace Reporting.Core.Reports.Bieu06;

/// <summary>The agency a report is made for.</summary>
public sealed record Bieu06Agency(string Code, string Name);

/// <summary>
/// Biểu số 06/VPCP/KSTT filled for one agency and window: the header texts and the rows in print
/// order (grand total first or last, each group's subtotal followed by its items).
/// </summary>
public sealed record Bieu06Report
{
    /// <summary>Biểu 06, or II.06a (the same columns at the service centre).</summary>
    public ReportTemplate Template { get; init; } = ReportForms.Results;

    public string FormCode => Template.Code;
    public string FormNumber => Template.FormNumber;
    public string LegalBasis => Template.LegalBasis;
    public string Title => Template.Title;

    public required Bieu06Agency Agency { get; init; }
    public required PeriodKey Period { get; init; }

    /// <summary>Vietnamese label of the period ("Quý III/2026").</summary>
    public string PeriodLabel => Period.Label;

    public required WindowKind WindowKind { get; init; }
    public required DateOnly From { get; init; }
    public required DateOnly To { get; init; }

    /// <summary>"- Đơn vị báo cáo: …" (the agency).</summary>
    public required string ReportingUnit { get; init; }

    /// <summary>"- Đơn vị nhận báo cáo: …".</summary>
    public required string ReceivingUnit { get; init; }

    /// <summary>True for the province's consolidated report (rows are agencies grouped by level).</summary>
    public bool Grouped { get; init; }

    public DateTimeOffset? ComputedAt { get; init; }

    public required IReadOnlyList<Bieu06Row> Rows { get; init; }

    public DateWindow Window => new(From, To);

    public Bieu06Row Total => Rows.First(r => r.Kind == ReportRowKind.Total);

    /// <summary>The form-independent document the identities, Excel, JSON and workflow read.</summary>
    public ReportDocument ToDocument() => new()
    {
        Template = Template,
        Agency = new ReportAgency(Agency.Code, Agency.Name),
        Period = Period,
        WindowKind = WindowKind,
        Window = Window,
        ReportingUnit = ReportingUnit,
        ReceivingUnit = ReceivingUnit,
        ComputedAt = ComputedAt,
        Rows = Rows.Select(r => r.ToReportRow()).ToList(),
    };
}

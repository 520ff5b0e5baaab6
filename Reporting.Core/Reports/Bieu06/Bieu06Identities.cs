namespace Reporting.Core.Reports.Bieu06;

/// <summary>The identities of <see cref="ReportIdentities"/> over Biểu 06's typed rows.</summary>
public static class Bieu06Identities
{
    public static IReadOnlyList<ReportViolation> Check(Bieu06Report report) => Check(report.Rows);

    public static IReadOnlyList<ReportViolation> Check(IReadOnlyList<Bieu06Row> rows) =>
        ReportIdentities.Check(Bieu06Template.Form, rows.Select(r => r.ToReportRow()).ToList());
}

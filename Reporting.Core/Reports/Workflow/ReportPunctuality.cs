namespace Reporting.Core.Reports.Workflow;

/// <summary>
/// On-time submission (reporting.md "Lateness"): of the reports that fell due by <paramref name="Today"/>
/// (due date passed) or were already submitted, the share first submitted on or before their due date.
/// The figure keeps the reports behind it, so the dashboard can list them (numerator and denominator).
/// </summary>
public sealed record ReportPunctuality(int Due, int OnTime, IReadOnlyList<ReportInstanceSummary> Reports, DateOnly Today)
{
    /// <summary>Per cent, one decimal; none while nothing has fallen due.</summary>
    public double? Share => Due == 0 ? null : Math.Round(100.0 * OnTime / Due, 1, MidpointRounding.AwayFromZero);

    public IEnumerable<ReportInstanceSummary> Late => Reports.Where(r => !IsOnTime(r));

    public static bool Counts(ReportInstanceSummary report, DateOnly today) => report.SubmittedOn is not null || report.DueDate < today;

    /// <summary>First submitted by the end of its due date; a report never submitted is not on time.</summary>
    public static bool IsOnTime(ReportInstanceSummary report) => report.SubmittedOn is { } submitted && submitted <= report.DueDate;

    public static ReportPunctuality Of(IEnumerable<ReportInstanceSummary> reports, DateOnly today)
    {
        var due = reports.Where(r => Counts(r, today)).ToList();
        return new ReportPunctuality(due.Count, due.Count(IsOnTime), due, today);
    }

    /// <summary>The figure of each reporting agency, the least punctual first.</summary>
    public static IReadOnlyList<(string Agency, string AgencyName, ReportPunctuality Figure)> ByAgency(IEnumerable<ReportInstanceSummary> reports, DateOnly today) =>
        reports.GroupBy(r => (r.Agency, r.AgencyName))
            .Select(g => (g.Key.Agency, g.Key.AgencyName, Figure: Of(g, today)))
            .Where(a => a.Figure.Due > 0)
            .OrderBy(a => a.Figure.Share).ThenBy(a => a.Agency, StringComparer.Ordinal)
            .ToList();
}

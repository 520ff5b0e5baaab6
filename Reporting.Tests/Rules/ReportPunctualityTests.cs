using Reporting.Core.Reports.Workflow;

namespace Reporting.Tests.Rules;

/// <summary>The on-time submission share of reporting.md: who counts, who is on time.</summary>
public sealed class ReportPunctualityTests
{
    private static readonly DateOnly Due = new(2026, 1, 6);

    private static ReportInstanceSummary Report(int id, string agency, DateOnly? submitted) =>
        new(id, "tthc-quy", "bieu-06", agency, agency, "2025-Q4", submitted is null ? ReportState.Draft : ReportState.Submitted, 1, Due, submitted, 0, false);

    [Fact]
    public void Reports_not_yet_due_and_not_submitted_do_not_count()
    {
        var figure = ReportPunctuality.Of([Report(1, "a", null)], today: Due);

        Assert.Equal(0, figure.Due);
        Assert.Null(figure.Share);
    }

    [Fact]
    public void Submitted_on_the_due_date_is_on_time_the_day_after_is_late_and_never_submitted_past_due_is_late()
    {
        var figure = ReportPunctuality.Of(
            [Report(1, "a", Due), Report(2, "b", Due.AddDays(1)), Report(3, "c", null), Report(4, "d", Due.AddDays(-3))],
            today: Due.AddDays(2));

        Assert.Equal(4, figure.Due);
        Assert.Equal(2, figure.OnTime);
        Assert.Equal(50.0, figure.Share);
        Assert.Equal([2, 3], figure.Late.Select(r => r.Id));
    }

    [Fact]
    public void An_early_submission_counts_before_the_due_date_and_the_share_is_rounded_to_one_decimal()
    {
        var figure = ReportPunctuality.Of([Report(1, "a", Due.AddDays(-1)), Report(2, "a", Due.AddDays(-1)), Report(3, "b", Due.AddDays(2)), Report(4, "c", null)], today: Due);

        Assert.Equal(3, figure.Due); // report 4 is neither submitted nor past due
        Assert.Equal(66.7, figure.Share);
        var byAgency = ReportPunctuality.ByAgency([Report(1, "a", Due), Report(3, "b", Due.AddDays(2))], Due.AddDays(3));
        Assert.Equal(["b", "a"], byAgency.Select(a => a.Agency));
    }
}

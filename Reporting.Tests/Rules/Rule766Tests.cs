using Reporting.Core.Dossiers;
using Reporting.Core.Indicators;
using Reporting.Core.Periods;
using static Reporting.Tests.Rules.RuleFixtures;

namespace Reporting.Tests.Rules;

/// <summary>
/// The 766 on-time rule (spec indicators.md). Common story: received 02/03/2026, originally promised
/// 10/03; supplement requested 05/03 (NgayHenTraTruoc 10/03, NgayHenTraMoi 20/03), supplied 12/03, so
/// the applicant took 7 days; the current NgayHenTra is 20/03.
/// </summary>
public class Rule766Tests
{
    private static readonly DossierSupplement Supplied = Supplement(At(2026, 3, 5), At(2026, 3, 12), At(2026, 3, 10, 17), At(2026, 3, 20, 17));
    private static readonly DossierSupplement Waiting = Supplement(At(2026, 3, 5), null, At(2026, 3, 10, 17), At(2026, 3, 20, 17));

    private static Dossier Finished(DateTime end, params DossierSupplement[] supplements) =>
        Make(DossierStatus.Returned, At(2026, 3, 2), At(2026, 3, 20, 17), ended: end, supplements: supplements);

    private static Dossier Open(int status, DateTime promised, params DossierSupplement[] supplements) =>
        Make(status, At(2026, 3, 2), promised, supplements: supplements);

    [Fact]
    public void Facts_take_the_first_request_by_date()
    {
        var later = Supplement(At(2026, 3, 15), At(2026, 3, 16), At(2026, 3, 25), At(2026, 3, 30));
        var d = Finished(At(2026, 3, 8), later, Supplied);
        Assert.Equal(2, d.SupplementCount);
        Assert.Equal(Day(2026, 3, 5), d.SupplementRequestedDay);
        Assert.Equal(Day(2026, 3, 12), d.SupplementSuppliedDay);
        Assert.Equal(Day(2026, 3, 10), d.OriginalPromisedDay);
        Assert.Equal(Day(2026, 3, 20), d.PromisedDay);
    }

    [Fact]
    public void Original_promised_date_falls_back_to_NgayHenTra()
    {
        var d = Finished(At(2026, 3, 8), Supplement(At(2026, 3, 5), At(2026, 3, 6)));
        Assert.Equal(Day(2026, 3, 20), d.OriginalPromisedDay);
        Assert.Equal(Day(2026, 3, 20), Finished(At(2026, 3, 8)).OriginalPromisedDay);
    }

    [Fact]
    public void More_than_one_supplement_is_overdue_whether_handled_or_in_progress()
    {
        var second = Supplement(At(2026, 3, 13), At(2026, 3, 14), At(2026, 3, 20), At(2026, 3, 25));
        var handledEarly = Finished(At(2026, 3, 15), Supplied, second);
        Assert.Equal(HandlingClass.Early, handledEarly.Handling); // Biểu 06 still says early
        Assert.False(handledEarly.OnTime766);

        var open = Open(DossierStatus.InProgress, At(2026, 12, 31), Supplied, second);
        Assert.True(DossierClock.WithinAt(open, Day(2026, 3, 31)));
        Assert.False(DossierClock.Within766At(open, Day(2026, 3, 3)));
        Assert.False(DossierClock.Within766At(open, Day(2026, 3, 31)));

        var waitingSecond = Open(DossierStatus.WaitingSupplement, At(2026, 12, 31), Supplied, Supplement(At(2026, 3, 13)));
        Assert.False(DossierClock.Within766At(waitingSecond, Day(2026, 3, 20)));

        var f = FiguresFromDossiers.Compute([handledEarly, open], PeriodKey.Parse("2026-03").Window(WindowKind.Calendar));
        Assert.Equal(0, f.InWindow.HandledOnTime766);
        Assert.Equal(1, f.OpenAtEnd.OpenWithin);
        Assert.Equal(0, f.OpenAtEnd.OpenWithin766);
    }

    [Theory]
    [InlineData(16, true)]
    [InlineData(17, true)] // 17 − 7 = 10: on the original promised date
    [InlineData(18, false)] // 18 − 7 = 11, although before the current NgayHenTra (20/03)
    public void One_supplement_moves_the_end_back_by_the_days_waited_against_the_original_promise(int endDay, bool onTime)
    {
        var d = Finished(At(2026, 3, endDay, 16), Supplied);
        Assert.Equal(onTime, d.OnTime766);
        Assert.Equal(onTime, DossierClock.OnTime766(d, Day(2026, 3, endDay)));
        Assert.Equal(HandlingClass.Early, d.Handling);
    }

    [Fact]
    public void Without_supplements_the_766_rule_is_the_promised_date()
    {
        Assert.True(Finished(At(2026, 3, 20, 23)).OnTime766);
        Assert.False(Finished(At(2026, 3, 21, 0)).OnTime766);
    }

    [Fact]
    public void Supplied_after_the_end_counts_the_wait_up_to_the_end()
    {
        // Withdrawn while still waiting: the clock stopped at the request (05/03 ≤ 10/03).
        var withdrawn = Make(DossierStatus.Withdrawn, At(2026, 3, 2), At(2026, 3, 20), ended: At(2026, 3, 25), supplements: [Waiting]);
        Assert.True(withdrawn.OnTime766);

        var requestedLate = Make(DossierStatus.Stopped, At(2026, 3, 2), At(2026, 3, 20), ended: At(2026, 3, 25),
            supplements: [Supplement(At(2026, 3, 12), null, At(2026, 3, 10))]);
        Assert.False(requestedLate.OnTime766);
    }

    [Theory]
    [InlineData(11, true)] // still waiting
    [InlineData(12, true)] // supplied that day: 12 − 7 = 05/03
    [InlineData(17, true)] // 17 − 7 = 10/03
    [InlineData(18, false)]
    public void In_progress_after_the_supplement_moves_E_back_by_the_wait(int e, bool within)
    {
        var d = Open(DossierStatus.InProgress, At(2026, 3, 20), Supplied);
        Assert.Equal(within, DossierClock.Within766At(d, Day(2026, 3, e)));
        Assert.True(DossierClock.WithinAt(d, Day(2026, 3, e))); // Biểu 06 uses the current NgayHenTra
    }

    [Fact]
    public void Waiting_for_the_first_supplement_at_E_stops_the_clock()
    {
        var d = Open(DossierStatus.WaitingSupplement, At(2026, 3, 20), Waiting);
        Assert.True(DossierClock.Within766At(d, Day(2026, 3, 31)));
        Assert.True(DossierClock.Within766At(d, Day(2026, 6, 30)));
        Assert.False(DossierClock.WithinAt(d, Day(2026, 3, 31)));
        Assert.True(DossierClock.Within766At(d, Day(2026, 3, 9)));

        var f = FiguresFromDossiers.Compute([d], PeriodKey.Parse("2026-03").Window(WindowKind.Calendar));
        Assert.Equal(1, f.InProgress);
        Assert.Equal(1, f.OpenAtEnd.OpenWithin766);
        Assert.Equal(0, f.OpenAtEnd.OpenWithin);
    }

    [Fact]
    public void Supplied_after_E_was_still_waiting_at_E()
    {
        var d = Open(DossierStatus.InProgress, At(2026, 4, 30), Supplement(At(2026, 3, 5), At(2026, 4, 20), At(2026, 3, 10), At(2026, 4, 30)));
        Assert.True(DossierClock.Within766At(d, Day(2026, 3, 31)));
        Assert.True(DossierClock.Within766At(d, Day(2026, 4, 19)));
        Assert.True(DossierClock.Within766At(d, Day(2026, 4, 25))); // 25/04 − 46 days waited = 10/03, the original promise
    }

    [Fact]
    public void Before_the_request_the_original_promise_applies()
    {
        var d = Open(DossierStatus.WaitingSupplement, At(2026, 3, 20), Supplement(At(2026, 3, 15), null, At(2026, 3, 10)));
        Assert.True(DossierClock.Within766At(d, Day(2026, 3, 10)));
        Assert.False(DossierClock.Within766At(d, Day(2026, 3, 12)));
        Assert.True(DossierClock.Within766At(d, Day(2026, 3, 15)));
    }

    [Fact]
    public void Status_5_without_a_list_is_within()
    {
        var d = Open(DossierStatus.WaitingSupplement, At(2026, 3, 10));
        Assert.True(DossierClock.Within766At(d, Day(2026, 3, 31)));
        Assert.False(DossierClock.WithinAt(d, Day(2026, 3, 31)));

        var inProgress = Open(DossierStatus.InProgress, At(2026, 3, 10));
        Assert.False(DossierClock.Within766At(inProgress, Day(2026, 3, 31)));
        Assert.True(DossierClock.Within766At(inProgress, Day(2026, 3, 10)));
    }

    [Fact]
    public void Unknown_promised_date_is_within_and_on_time_unless_several_supplements()
    {
        var open = Make(DossierStatus.InProgress, At(2026, 3, 2));
        Assert.True(open.PromisedUnknown);
        Assert.True(DossierClock.Within766At(open, Day(2027, 1, 1)));
        Assert.True(DossierClock.WithinAt(open, Day(2027, 1, 1)));

        var several = Make(DossierStatus.Returned, At(2026, 3, 2), ended: At(2026, 3, 3),
            supplements: [Supplement(At(2026, 3, 2, 10), At(2026, 3, 2, 11)), Supplement(At(2026, 3, 2, 12), At(2026, 3, 2, 13))]);
        Assert.False(several.OnTime766);
    }

    [Fact]
    public void Open_at_is_received_by_E_and_not_finished_by_E()
    {
        var d = Make(DossierStatus.Returned, At(2026, 3, 2), At(2026, 3, 20), ended: At(2026, 3, 10));
        Assert.False(DossierClock.IsOpenAt(d, Day(2026, 3, 1)));
        Assert.True(DossierClock.IsOpenAt(d, Day(2026, 3, 2)));
        Assert.True(DossierClock.IsOpenAt(d, Day(2026, 3, 9)));
        Assert.False(DossierClock.IsOpenAt(d, Day(2026, 3, 10)));
        var refused = Make(DossierStatus.Refused, At(2026, 3, 2));
        Assert.False(DossierClock.IsOpenAt(refused, Day(2026, 3, 5)));
    }
}

using Reporting.Core.Dossiers;
using Reporting.Core.Indicators;
using Reporting.Core.Periods;
using static Reporting.Tests.Rules.RuleFixtures;

namespace Reporting.Tests.Rules;

/// <summary>Counting a dossier in a window [S, E] (spec dossiers.md), on March 2026 (calendar).</summary>
public class DossierClassificationTests
{
    private static readonly DateWindow March = PeriodKey.Parse("2026-03").Window(WindowKind.Calendar);

    private static WindowFigures Figures(params Dossier[] dossiers) => FiguresFromDossiers.Compute(dossiers, March);

    [Theory]
    [InlineData(Channel.Online, 1, 0)]
    [InlineData(Channel.InPerson, 0, 1)]
    [InlineData(Channel.Postal, 0, 1)]
    public void New_is_received_in_the_window_online_or_in_person_and_postal(int channel, int online, int offline)
    {
        var f = Figures(Make(DossierStatus.Received, At(2026, 3, 10), At(2026, 3, 20), channel: channel));
        Assert.Equal(1, f.New);
        Assert.Equal(online, f.NewOnline);
        Assert.Equal(offline, f.NewOffline);
        Assert.Equal(0, f.CarriedOver);
        Assert.Equal(1, f.InScope);
    }

    [Fact]
    public void Missing_channel_counts_as_in_person()
    {
        var record = ValidRecord();
        record.Remove("KenhThucHien");
        var (parsed, reasons) = ReadDossier(record);
        Assert.Empty(reasons);
        Assert.Equal(Channel.InPerson, parsed!.Dossier.Channel);

        var d = parsed.Dossier;
        DossierFacts.Apply(d, parsed.Lists, null, Calendar2026);
        var f = Figures(d);
        Assert.Equal(1, f.NewOffline);
        Assert.Equal(0, f.NewOnline);
    }

    [Theory]
    [InlineData(2026, 3, 1, 0, 0, 0, 1)]
    [InlineData(2026, 3, 31, 23, 59, 59, 1)]
    [InlineData(2026, 2, 28, 23, 59, 59, 0)]
    [InlineData(2026, 4, 1, 0, 0, 0, 0)]
    public void New_includes_both_window_ends(int y, int m, int d, int h, int min, int s, int expected)
    {
        var f = Figures(Make(DossierStatus.InProgress, new DateTime(y, m, d, h, min, s), At(2026, 6, 1)));
        Assert.Equal(expected, f.New);
    }

    [Fact]
    public void Finished_on_the_last_second_before_S_is_not_carried_over()
    {
        var f = Figures(Make(DossierStatus.Processed, At(2026, 2, 10), At(2026, 3, 5), ended: new DateTime(2026, 2, 28, 23, 59, 59)));
        Assert.Equal(0, f.CarriedOver);
        Assert.Equal(0, f.InScope);
        Assert.Equal(0, f.Handled);
        Assert.Equal(0, f.InProgress);
    }

    [Fact]
    public void Finished_at_S_is_carried_over_and_handled()
    {
        var f = Figures(Make(DossierStatus.Processed, At(2026, 2, 10), At(2026, 3, 5), ended: new DateTime(2026, 3, 1, 0, 0, 0)));
        Assert.Equal(1, f.CarriedOver);
        Assert.Equal(0, f.New);
        Assert.Equal(1, f.Handled);
        Assert.Equal(1, f.InWindow.HandledEarly);
        Assert.Equal(0, f.InProgress);
    }

    [Fact]
    public void Received_before_S_and_unfinished_is_carried_over_and_in_progress()
    {
        var f = Figures(Make(DossierStatus.InProgress, At(2026, 1, 10), At(2026, 4, 5)));
        Assert.Equal(1, f.CarriedOver);
        Assert.Equal(1, f.InProgress);
        Assert.Equal(1, f.OpenAtEnd.OpenWithin);
    }

    [Fact]
    public void Received_after_E_is_counted_nowhere()
    {
        var f = Figures(Make(DossierStatus.Processed, At(2026, 4, 1, 0, 0, 0), At(2026, 4, 5), ended: At(2026, 4, 2)));
        Assert.Equal(0, f.InScope);
        Assert.Equal(0, f.Handled);
        Assert.Equal(0, f.InProgress);
    }

    [Fact]
    public void Finished_after_E_is_in_progress_at_E()
    {
        var f = Figures(Make(DossierStatus.Returned, At(2026, 3, 10), At(2026, 3, 20), ended: At(2026, 4, 1, 0, 0, 0)));
        Assert.Equal(1, f.New);
        Assert.Equal(0, f.Handled);
        Assert.Equal(1, f.InProgress);
        Assert.Equal(0, f.OpenAtEnd.OpenWithin);
    }

    [Theory]
    [InlineData(9, 23, HandlingClass.Early)]
    [InlineData(10, 23, HandlingClass.OnTime)] // ended 23:00 on the promised date (promised 08:00): dates, not times
    [InlineData(10, 7, HandlingClass.OnTime)]
    [InlineData(11, 7, HandlingClass.Late)]
    public void Handled_is_early_on_time_or_late_by_end_date_against_promised_date(int endDay, int endHour, HandlingClass expected)
    {
        var d = Make(DossierStatus.Returned, At(2026, 3, 2), At(2026, 3, 10, 8), ended: At(2026, 3, endDay, endHour));
        Assert.Equal(expected, d.Handling);
        var f = Figures(d);
        Assert.Equal(1, f.Handled);
        Assert.Equal(expected == HandlingClass.Early ? 1 : 0, f.InWindow.HandledEarly);
        Assert.Equal(expected == HandlingClass.OnTime ? 1 : 0, f.InWindow.HandledOnTime);
        Assert.Equal(expected == HandlingClass.Late ? 1 : 0, f.InWindow.HandledLate);
        Assert.Equal(expected != HandlingClass.Late ? 1 : 0, f.InWindow.HandledOnTime766);
    }

    [Theory]
    [InlineData(DossierStatus.Withdrawn)]
    [InlineData(DossierStatus.Stopped)]
    [InlineData(DossierStatus.Processed)]
    [InlineData(DossierStatus.Returned)]
    public void Every_finished_status_is_handled_and_classified(int status)
    {
        var f = Figures(Make(status, At(2026, 3, 2), At(2026, 3, 10), ended: At(2026, 3, 12)));
        Assert.Equal(1, f.Handled);
        Assert.Equal(1, f.InWindow.HandledLate);
        Assert.Equal(0, f.InProgress);
    }

    [Theory]
    [InlineData(DossierStatus.Received)]
    [InlineData(DossierStatus.InProgress)]
    [InlineData(DossierStatus.WaitingSupplement)]
    [InlineData(DossierStatus.WaitingPayment)]
    public void Unfinished_statuses_are_in_progress_even_with_an_end_date(int status)
    {
        var d = Make(status, At(2026, 3, 2), At(2026, 4, 10), ended: At(2026, 3, 12));
        Assert.Null(d.EndDay);
        var f = Figures(d);
        Assert.Equal(0, f.Handled);
        Assert.Equal(1, f.InProgress);
    }

    [Theory]
    [InlineData(31, 8, 1)] // promised on E's date (earlier time than E) ⇒ within
    [InlineData(30, 23, 0)]
    [InlineData(1, 8, 1)] // 1 April
    public void In_progress_is_within_when_promised_on_or_after_E(int promisedDay, int promisedHour, int within)
    {
        var promised = promisedDay == 1 ? At(2026, 4, 1, promisedHour) : At(2026, 3, promisedDay, promisedHour);
        var f = Figures(Make(DossierStatus.InProgress, At(2026, 3, 2), promised));
        Assert.Equal(1, f.InProgress);
        Assert.Equal(within, f.OpenAtEnd.OpenWithin);
        Assert.Equal(within, f.OpenAtEnd.OpenWithin766);
    }

    [Fact]
    public void Status_1_is_counted_nowhere_and_status_3_only_as_refused()
    {
        var submitted = Make(DossierStatus.Submitted, null, with: d => d.SubmittedAt = At(2026, 3, 3), code: "s");
        var submittedWithDate = Make(DossierStatus.Submitted, At(2026, 3, 3), At(2026, 3, 10), code: "s2");
        var refused = Make(DossierStatus.Refused, At(2026, 3, 4), with: d => d.RefusedAt = At(2026, 3, 5), code: "r");
        var refusedBefore = Make(DossierStatus.Refused, null, with: d => d.RefusedAt = At(2026, 2, 28), code: "r2");
        Assert.False(submitted.Counted);
        Assert.False(refused.Counted);
        Assert.Equal(Day(2026, 3, 5), refused.RefusedDay);

        var f = Figures(submitted, submittedWithDate, refused, refusedBefore);
        Assert.Equal(0, f.New);
        Assert.Equal(0, f.InScope);
        Assert.Equal(0, f.Handled);
        Assert.Equal(0, f.InProgress);
        Assert.Equal(1, f.InWindow.Refused);
        Assert.Equal(0, f.OpenAtStart.Open);
    }

    [Fact]
    public void Refusal_date_falls_back_to_submission_then_update()
    {
        Assert.Equal(Day(2026, 3, 3), Make(DossierStatus.Refused, null, with: d => d.SubmittedAt = At(2026, 3, 3)).RefusedDay);
        Assert.Equal(Day(2026, 3, 7), Make(DossierStatus.Refused, null, with: d => d.UpdatedAt = At(2026, 3, 7)).RefusedDay);
        Assert.Null(Make(DossierStatus.InProgress, At(2026, 3, 3), with: d => d.RefusedAt = At(2026, 3, 7)).RefusedDay);
    }

    [Fact]
    public void End_is_NgayKetThucXuLy_else_NgayTra()
    {
        var fromReturned = Make(DossierStatus.Returned, At(2026, 3, 2), At(2026, 3, 10), returned: At(2026, 3, 9));
        Assert.Equal(Day(2026, 3, 9), fromReturned.EndDay);
        Assert.Equal(HandlingClass.Early, fromReturned.Handling);

        var both = Make(DossierStatus.Returned, At(2026, 3, 2), At(2026, 3, 31), ended: At(2026, 3, 30), returned: At(2026, 4, 2));
        Assert.Equal(Day(2026, 3, 30), both.EndDay);

        var f = Figures(fromReturned, both);
        Assert.Equal(2, f.Handled);
        Assert.Equal(0, f.InProgress);
    }

    [Fact]
    public void Missing_promised_date_is_estimated_from_statutory_working_days()
    {
        var procedure = Procedure("1.000100", statutoryDays: 5);
        var d = Make(DossierStatus.Returned, At(2026, 4, 24, 16), procedure: procedure, calendar: Calendar2026, ended: At(2026, 5, 6, 17));
        Assert.True(d.PromisedEstimated);
        Assert.False(d.PromisedUnknown);
        Assert.Equal(Day(2026, 5, 6), d.PromisedDay);
        Assert.Equal(HandlingClass.OnTime, d.Handling);
        Assert.True(d.OnTime766);

        var late = Make(DossierStatus.Returned, At(2026, 4, 24, 16), procedure: procedure, calendar: Calendar2026, ended: At(2026, 5, 7));
        Assert.Equal(HandlingClass.Late, late.Handling);
        Assert.False(late.OnTime766);

        var withDate = Make(DossierStatus.Returned, At(2026, 4, 24), At(2026, 5, 8), procedure: procedure, calendar: Calendar2026, ended: At(2026, 5, 7));
        Assert.False(withDate.PromisedEstimated);
        Assert.Equal(HandlingClass.Early, withDate.Handling);
    }

    [Fact]
    public void Missing_promised_date_without_statutory_time_counts_on_time_and_is_flagged()
    {
        var noTime = Procedure("1.000200");
        var handled = Make(DossierStatus.Returned, At(2026, 1, 5), procedure: noTime, ended: At(2026, 3, 30), code: "h");
        var open = Make(DossierStatus.InProgress, At(2026, 1, 5), procedure: noTime, code: "o");
        var unknownProcedure = Make(DossierStatus.InProgress, At(2026, 3, 5), code: "u");
        Assert.True(handled.PromisedUnknown);
        Assert.Null(handled.PromisedDay);
        Assert.Equal(HandlingClass.OnTime, handled.Handling);
        Assert.True(handled.OnTime766);
        Assert.True(unknownProcedure.PromisedUnknown);
        Assert.False(unknownProcedure.ProcedureKnown);

        var f = Figures(handled, open, unknownProcedure);
        Assert.Equal(1, f.InWindow.HandledOnTime);
        Assert.Equal(1, f.InWindow.HandledOnTime766);
        Assert.Equal(2, f.OpenAtEnd.OpenWithin);
        Assert.Equal(2, f.OpenAtEnd.OpenWithin766);
        Assert.Equal(1, f.InWindow.PromisedUnknown);
        Assert.Equal(1, f.InWindow.UnknownProcedure);
    }

    [Fact]
    public void Derived_flags_follow_the_lists()
    {
        var feeProcedure = Procedure("1.000300", hasFee: true, issuesResult: false);
        var d = Make(DossierStatus.Returned, At(2026, 3, 2), At(2026, 3, 10), ended: At(2026, 3, 9), procedure: feeProcedure,
            lists: l =>
            {
                l.Components.Add(new DossierComponent("CCCD", Digitised: false, Reused: true, FromNationalStore: false));
                l.Results.Add(new DossierResult("Giấy phép", "  "));
                l.Fees.Add(new DossierFee("LP", "Lệ phí", 0m, 1));
            });
        Assert.True(d.Digitised);
        Assert.True(d.Reused);
        Assert.False(d.FromNationalStore);
        Assert.False(d.ElectronicResult);
        Assert.False(d.FeeLine);
        Assert.False(d.FeeBearing); // a fee line of 0 đồng: the list is not empty
        Assert.False(d.ResultExpected);

        var noFees = Make(DossierStatus.InProgress, At(2026, 3, 2), procedure: feeProcedure, with: x => x.OnlinePayment = 2);
        Assert.True(noFees.FeeBearing);
        Assert.False(noFees.FeeLine);
        Assert.True(noFees.PaidOnline);

        var paidByFeed = Make(DossierStatus.InProgress, At(2026, 3, 2), with: x => x.PaidByPaymentFeed = true,
            lists: l => l.Fees.Add(new DossierFee("P", "Phí", 50_000m, 1)));
        Assert.True(paidByFeed.FeeLine);
        Assert.True(paidByFeed.FeeBearing);
        Assert.True(paidByFeed.PaidOnline);
        Assert.True(DossierFacts.IsResidentData(Make(DossierStatus.InProgress, At(2026, 3, 2), with: x => x.VneIdVerified = true)));
        Assert.True(DossierFacts.IsComplaint(Make(DossierStatus.InProgress, At(2026, 3, 2), with: x => x.Satisfaction = 2)));
        Assert.False(DossierFacts.IsComplaint(Make(DossierStatus.InProgress, At(2026, 3, 2), with: x => x.Satisfaction = 1)));
        Assert.True(DossierFacts.IsComplaint(Make(DossierStatus.InProgress, At(2026, 3, 2), with: x => x.Complaint = true)));
    }

    [Fact]
    public void In_scope_is_always_handled_plus_in_progress()
    {
        var random = new Random(20260301);
        for (var round = 0; round < 30; round++)
        {
            var dossiers = Enumerable.Range(0, 60).Select(i => RandomDossier(random, i)).ToList();
            foreach (var kind in new[] { WindowKind.Calendar, WindowKind.Cutoff })
            {
                foreach (var key in HalfMonthTests.AllKeys(2026))
                {
                    var f = FiguresFromDossiers.Compute(dossiers, key.Window(kind));
                    Assert.Equal(f.InScope, f.Handled + f.InProgress);
                    Assert.Equal(f.Handled, f.InWindow.HandledEarly + f.InWindow.HandledOnTime + f.InWindow.HandledLate);
                    Assert.Equal(f.New, f.NewOnline + f.NewOffline);
                    Assert.InRange(f.OpenAtEnd.OpenWithin, 0, f.InProgress);
                    Assert.InRange(f.InWindow.HandledOnTime766 + f.OpenAtEnd.OpenWithin766, 0, f.InScope);
                }
            }
        }
    }

    private static Dossier RandomDossier(Random random, int i)
    {
        var received = new DateTime(2025, 10, 1).AddMinutes(random.Next(0, 60 * 24 * 500));
        var status = random.Next(1, 11);
        DateTime? ended = DossierStatus.IsFinished(status) ? received.AddMinutes(random.Next(0, 60 * 24 * 120)) : null;
        DateTime? promised = random.Next(10) == 0 ? null : received.Date.AddDays(random.Next(0, 40)).AddHours(17);
        return Make(status, received, promised, ended: ended, channel: random.Next(1, 4), code: "R" + i,
            with: d => d.RefusedAt = status == DossierStatus.Refused ? received : null);
    }
}

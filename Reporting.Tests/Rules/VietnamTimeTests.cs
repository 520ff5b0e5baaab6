using Reporting.Core.Dossiers;
using Reporting.Core.Indicators;
using Reporting.Core.Periods;
using static Reporting.Tests.Rules.RuleFixtures;

namespace Reporting.Tests.Rules;

public class VietnamTimeTests
{
    private static readonly DateWindow CutoffJanuary = PeriodKey.Parse("2026-01").Window(WindowKind.Cutoff);
    private static readonly DateWindow CutoffFebruary = PeriodKey.Parse("2026-02").Window(WindowKind.Cutoff);

    [Fact]
    public void Last_second_of_the_14th_in_utc_is_still_the_14th_locally()
    {
        var local = VietnamTime.ToLocal(new DateTimeOffset(2026, 1, 14, 16, 59, 59, TimeSpan.Zero));
        Assert.Equal(new DateTime(2026, 1, 14, 23, 59, 59), local);
        Assert.True(CutoffJanuary.Contains(DateOnly.FromDateTime(local)));
        Assert.False(CutoffFebruary.Contains(DateOnly.FromDateTime(local)));
    }

    [Fact]
    public void Five_pm_utc_on_the_14th_is_midnight_of_the_15th_locally()
    {
        var local = VietnamTime.ToLocal(new DateTimeOffset(2026, 1, 14, 17, 0, 0, TimeSpan.Zero));
        Assert.Equal(new DateTime(2026, 1, 15, 0, 0, 0), local);
        Assert.False(CutoffJanuary.Contains(DateOnly.FromDateTime(local)));
        Assert.True(CutoffFebruary.Contains(DateOnly.FromDateTime(local)));
    }

    [Fact]
    public void A_dossier_received_at_those_instants_falls_in_the_matching_cutoff_month()
    {
        var before = Make(DossierStatus.InProgress, VietnamTime.ToLocal(new DateTimeOffset(2026, 1, 14, 16, 59, 59, TimeSpan.Zero)), code: "a");
        var after = Make(DossierStatus.InProgress, VietnamTime.ToLocal(new DateTimeOffset(2026, 1, 14, 17, 0, 0, TimeSpan.Zero)), code: "b");

        Assert.Equal(Day(2026, 1, 14), before.ReceivedDay);
        Assert.Equal(Day(2026, 1, 15), after.ReceivedDay);

        var january = FiguresFromDossiers.Compute([before, after], CutoffJanuary);
        var february = FiguresFromDossiers.Compute([before, after], CutoffFebruary);
        Assert.Equal(1, january.New);
        Assert.Equal(0, january.CarriedOver);
        Assert.Equal(1, february.New);
        Assert.Equal(1, february.CarriedOver);
    }

    [Fact]
    public void Local_time_is_a_fixed_plus_seven_whatever_the_instant_offset_or_machine_zone()
    {
        var offsets = new[] { TimeSpan.Zero, TimeSpan.FromHours(-5), TimeSpan.FromHours(9), TimeSpan.FromHours(7), TimeSpan.FromMinutes(330) };
        var start = new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero);
        for (var i = 0; i < 24 * 365 * 3; i += 37)
        {
            var utc = start.AddHours(i).AddMinutes(i % 60);
            foreach (var offset in offsets)
            {
                var local = VietnamTime.ToLocal(utc.ToOffset(offset));
                Assert.Equal(utc.UtcDateTime.AddHours(7), DateTime.SpecifyKind(local, DateTimeKind.Utc));
                Assert.Equal(DateTimeKind.Unspecified, local.Kind);
                Assert.Equal(utc, VietnamTime.ToOffset(local));
            }
        }
    }

    [Fact]
    public void The_zone_has_no_daylight_saving()
    {
        Assert.Equal(TimeSpan.FromHours(7), VietnamTime.Offset);
        foreach (var month in Enumerable.Range(1, 12))
        {
            Assert.Equal(TimeSpan.FromHours(7), VietnamTime.Zone.GetUtcOffset(new DateTimeOffset(2026, month, 1, 0, 0, 0, TimeSpan.Zero)));
        }
    }

    [Fact]
    public void Today_is_the_local_date_of_the_clock()
    {
        Assert.Equal(Date("2026-01-14"), VietnamTime.Today(new FixedClock(new DateTimeOffset(2026, 1, 14, 16, 59, 59, TimeSpan.Zero))));
        Assert.Equal(Date("2026-01-15"), VietnamTime.Today(new FixedClock(new DateTimeOffset(2026, 1, 14, 17, 0, 0, TimeSpan.Zero))));
    }

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}

using System.Text.Json;
using Reporting.Core.Feeds;
using Reporting.Demo.Province;

namespace Reporting.Tests.Demo;

/// <summary>After the end date new dossiers keep arriving, drawn per day from the seed: same instant, same feed.</summary>
public sealed class DemoArrivalsTests
{
    private static DemoProvince Build() =>
        DemoProvince.Build(new DemoOptions { DossierCount = 4_000, Seed = 7, EndDate = new DateOnly(2026, 11, 20), HistoryMonths = 6 });

    private static DateTime Parse(string? text)
    {
        Assert.True(FeedDates.TryParse(text, out var value), $"'{text}' does not parse");
        return value;
    }

    [Fact]
    public void The_feed_at_a_later_instant_holds_dossiers_submitted_after_the_end_date_in_office_hours_and_in_the_evening_online()
    {
        var province = Build();
        // 20/11/2026 is a Friday: the offices open again on Monday 23/11.
        Assert.Equal(new DateTime(2026, 11, 23, 7, 30, 0), province.NextOfficeMorning);
        var asOf = new DateTime(2026, 11, 25, 22, 0, 0);

        var arrived = province.Dossiers(asOf).Where(d => Parse(d.NgayNopHoSo) > province.EndOfHistory).ToList();

        Assert.NotEmpty(arrived);
        Assert.All(arrived, d => Assert.True(Parse(d.NgayNopHoSo) <= asOf));
        Assert.All(arrived, d => Assert.True(Parse(d.NgayCapNhat) <= asOf));
        Assert.Equal(arrived.Count, arrived.Select(d => d.MaHoSo).Distinct().Count());
        Assert.DoesNotContain(arrived, d => province.Lifecycles.Any(l => l.MaHoSo == d.MaHoSo));
        // A working day's volume is that of the history's last weeks (about 4,000 / 130 working days).
        var monday = arrived.Count(d => Parse(d.NgayNopHoSo).Date == new DateTime(2026, 11, 23));
        Assert.InRange(monday, 15, 60);
        Assert.Contains(arrived, d => Parse(d.NgayNopHoSo).Hour >= 18 && d.KenhThucHien == 2);
        Assert.Contains(arrived, d => Parse(d.NgayNopHoSo).Hour is >= 8 and < 17 && d.KenhThucHien == 1);
        // The same lifecycles as the history: handled, some with supplements or paid, and finished ones.
        Assert.Contains(arrived, d => d.TrangThaiHoSo is 9 or 10);
        Assert.Contains(arrived, d => d.TrangThaiHoSo is 2 or 4);

        // Two days on, the handling goes on and new ones came in.
        var later = province.Dossiers(asOf.AddDays(2)).Where(d => Parse(d.NgayNopHoSo) > province.EndOfHistory).ToList();
        Assert.True(later.Count > arrived.Count);
        Assert.True(later.Count(d => d.TrangThaiHoSo is 9 or 10) > arrived.Count(d => d.TrangThaiHoSo is 9 or 10));
    }

    [Fact]
    public void Payments_of_new_dossiers_are_on_the_payment_feed()
    {
        var province = Build();
        var asOf = new DateTime(2026, 12, 4, 18, 0, 0);
        var arrived = province.Dossiers(asOf).Where(d => Parse(d.NgayNopHoSo) > province.EndOfHistory).Select(d => d.MaHoSo).ToHashSet();

        var payments = province.Payments(asOf).Where(p => arrived.Contains(p.MaHoSo)).ToList();

        Assert.NotEmpty(payments);
        Assert.All(payments, p => Assert.True(Parse(p.NgayCapNhat) <= asOf));
        var all = province.Payments(asOf).ToList();
        Assert.Equal(all.Count, all.Select(p => p.MaGiaoDich).Distinct().Count());
        var since = new DateTime(2026, 12, 1);
        Assert.Equal(
            all.Where(p => Parse(p.NgayCapNhat) >= since).Select(p => p.MaGiaoDich),
            province.Payments(asOf, since).Select(p => p.MaGiaoDich));
    }

    [Fact]
    public void The_same_instant_gives_the_same_feed_whatever_was_asked_before()
    {
        var asOf = new DateTime(2026, 12, 2, 10, 15, 0);
        var fresh = Build();
        var expected = JsonSerializer.Serialize(new { D = fresh.Dossiers(asOf).ToList(), P = fresh.Payments(asOf).ToList() });

        // Another province with the same options, first asked about much later instants and incrementally.
        var used = Build();
        _ = used.Dossiers(asOf.AddDays(40), asOf.AddDays(39)).Count();
        _ = used.Payments(asOf.AddDays(90)).Count();
        Assert.Equal(expected, JsonSerializer.Serialize(new { D = used.Dossiers(asOf).ToList(), P = used.Payments(asOf).ToList() }));

        var otherSeed = DemoProvince.Build(new DemoOptions { DossierCount = 4_000, Seed = 8, EndDate = new DateOnly(2026, 11, 20), HistoryMonths = 6 });
        Assert.NotEqual(
            fresh.Dossiers(asOf, fresh.EndOfHistory).Select(d => d.MaHoSo + d.MaTTHC),
            otherSeed.Dossiers(asOf, otherSeed.EndOfHistory).Select(d => d.MaHoSo + d.MaTTHC));
    }

    [Fact]
    public void Memory_stays_bounded_over_months_of_simulated_days()
    {
        var province = Build();
        var asOf = province.EndOfHistory;
        for (var day = 1; day <= 200; day += 3)
        {
            var since = asOf;
            asOf = province.EndOfHistory.AddDays(day);
            _ = province.Dossiers(asOf, since).Count();
            _ = province.Payments(asOf, since).Count();
            Assert.InRange(province.Arrivals.CachedDayCount, 1, DemoArrivals.CachedDays);
        }
    }
}

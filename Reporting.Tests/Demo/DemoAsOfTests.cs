using System.Text.Json;
using Reporting.Core.Feeds;
using Reporting.Demo.Province;

namespace Reporting.Tests.Demo;

/// <summary>A lifecycle projected at an instant shows only what happened by then.</summary>
[Collection(DemoProvinceCollection.Name)]
public sealed class DemoAsOfTests(DemoProvinceFixture fixture)
{
    private IEnumerable<DossierLifecycle> Sample => fixture.Province.Lifecycles.Where((_, i) => i % 37 == 0);

    private static DateTime Parse(string? text)
    {
        Assert.True(FeedDates.TryParse(text, out var value), $"'{text}' does not parse");
        return value;
    }

    /// <summary>Dates of events (not promised dates, which lie in the future by nature).</summary>
    private static IEnumerable<string?> EventDates(DossierFeedItem item) =>
        new[] { item.NgayNopHoSo, item.NgayTiepNhan, item.NgayKetThucXuLy, item.NgayTra, item.NgayTuChoi, item.NgayCapNhat }
            .Concat((item.DanhSachHoSoBoSung ?? []).SelectMany(s => new[] { s.NgayYeuCau, s.NgayBoSung }));

    [Fact]
    public void An_earlier_instant_never_shows_a_later_event()
    {
        foreach (var dossier in Sample)
        {
            var events = dossier.Events();
            Assert.Equal(DossierEventKind.Submitted, events[0].Kind);
            Assert.True(events.Zip(events.Skip(1)).All(p => p.First.At <= p.Second.At));
            Assert.Null(dossier.AsOf(dossier.SubmittedAt.AddSeconds(-1)));

            var instants = events.SelectMany(e => new[] { e.At.AddSeconds(-1), e.At, e.At.AddHours(1) })
                .Where(t => t >= dossier.SubmittedAt);
            var previousStatus = 0;
            foreach (var t in instants.Order())
            {
                var item = dossier.AsOf(t);
                Assert.NotNull(item);
                Assert.All(EventDates(item).Where(d => d is not null), d => Assert.True(Parse(d) <= t, $"{dossier.MaHoSo} at {t:s}: {d}"));
                Assert.Equal(FeedDates.Format14(dossier.LastEventAtOrBefore(t)!.Value), item.NgayCapNhat);
                Assert.Equal(events.Where(e => e.At <= t).Max(e => e.At), Parse(item.NgayCapNhat));
                var status = item.TrangThaiHoSo!.Value;
                if (previousStatus is 3 or >= 7)
                {
                    Assert.True(status is 3 or >= 7, $"{dossier.MaHoSo}: final status {previousStatus} became {status}");
                }
                previousStatus = status;
            }
        }
    }

    [Fact]
    public void The_feed_at_an_instant_is_the_lifecycles_projected_at_that_instant()
    {
        var province = fixture.Province;
        var asOf = province.EndOfHistory.AddDays(-40).Date.AddHours(10);
        var feed = province.Dossiers(asOf).ToList();
        var byCode = province.Lifecycles.ToDictionary(l => l.MaHoSo);
        Assert.Equal(province.Lifecycles.Count(l => l.SubmittedAt <= asOf), feed.Count);
        Assert.True(feed.Count < fixture.Dossiers.Count);
        Assert.All(feed.Where((_, i) => i % 11 == 0), item =>
        {
            Assert.True(Parse(item.NgayCapNhat) <= asOf);
            Assert.Equal(JsonSerializer.Serialize(byCode[item.MaHoSo!].AsOf(asOf)), JsonSerializer.Serialize(item));
        });
        Assert.True(feed.Zip(feed.Skip(1)).All(p =>
            string.CompareOrdinal(p.First.NgayCapNhat, p.Second.NgayCapNhat) is var c && (c < 0 || (c == 0 && string.CompareOrdinal(p.First.MaHoSo, p.Second.MaHoSo) < 0))));
        // updatedSince is inclusive and only filters.
        var since = feed[feed.Count * 9 / 10].NgayCapNhat!;
        Assert.Equal(
            feed.Where(d => string.CompareOrdinal(d.NgayCapNhat, since) >= 0).Select(d => d.MaHoSo),
            province.Dossiers(asOf, Parse(since)).Select(d => d.MaHoSo));
        // Dossiers in progress then are finished by the end of the history (most of them).
        var inProgressThen = feed.Where(d => d.TrangThaiHoSo is 2 or 4 or 5 or 6).Select(d => d.MaHoSo).ToHashSet();
        Assert.NotEmpty(inProgressThen);
        var finishedLater = fixture.Dossiers.Count(d => inProgressThen.Contains(d.MaHoSo) && d.TrangThaiHoSo is >= 7);
        Assert.True(finishedLater > inProgressThen.Count / 2);
    }

    [Fact]
    public void The_default_feed_is_as_of_the_end_of_the_last_day()
    {
        var province = fixture.Province;
        var last = province.Lifecycles.Select(l => l.LastEventAt).Max();
        Assert.True(last > province.EndOfHistory, "some events lie after the end date, for simulators");
        Assert.All(fixture.Dossiers, d => Assert.True(Parse(d.NgayCapNhat) <= province.EndOfHistory));
        var sample = province.Lifecycles[province.Lifecycles.Count / 2];
        Assert.Equal(
            JsonSerializer.Serialize(sample.AsOf(province.EndOfHistory)),
            JsonSerializer.Serialize(fixture.Dossiers.Single(d => d.MaHoSo == sample.MaHoSo)));
    }
}

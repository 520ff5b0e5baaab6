using System.Text.Json;
using Reporting.Core.Feeds;
using Reporting.Demo.Province;

namespace Reporting.Tests.Demo;

/// <summary>
/// A simulator keeps only the history's tail (<see cref="DemoOptions.KeepHistory"/> off, issue 13): every read from the
/// end of the history on returns exactly what the whole province returns, and the history is still there for older reads.
/// </summary>
public sealed class DemoProvinceTailTests
{
    private static DemoProvince Build(bool keepHistory) => DemoProvince.Build(new DemoOptions
    {
        DossierCount = 6_000, Seed = 11, EndDate = new DateOnly(2026, 11, 20), HistoryMonths = 6, KeepHistory = keepHistory,
    });

    public static TheoryData<int, int> Windows => new()
    {
        // (minutes after the end of the history for updatedSince, hours after the next office morning for the instant)
        { 0, 0 },
        { 0, 8 },
        { 1, 30 },
        { 60 * 24 * 3, 24 * 10 },
        { 60 * 24 * 20, 24 * 45 },
    };

    [Theory]
    [MemberData(nameof(Windows))]
    public void A_read_from_the_end_of_the_history_on_equals_the_same_read_filtered_from_the_whole_province(int sinceMinutes, int asOfHours)
    {
        var whole = Build(keepHistory: true);
        var tailOnly = Build(keepHistory: false);
        var since = whole.EndOfHistory.AddMinutes(sinceMinutes);
        var asOf = whole.NextOfficeMorning.AddHours(asOfHours);
        var sinceText = FeedDates.Format14(since);

        // The reference: the whole feed at that instant (read over every lifecycle), then the feed's own updatedSince rule.
        var expectedDossiers = whole.Dossiers(asOf).Where(d => string.CompareOrdinal(d.NgayCapNhat, sinceText) >= 0).ToList();
        var expectedPayments = whole.Payments(asOf).Where(p => string.CompareOrdinal(p.NgayCapNhat, sinceText) >= 0).ToList();

        var dossiers = tailOnly.Dossiers(asOf, since).ToList();
        var payments = tailOnly.Payments(asOf, since).ToList();

        Assert.NotEmpty(dossiers);
        Assert.Equal(JsonSerializer.Serialize(expectedDossiers), JsonSerializer.Serialize(dossiers));
        Assert.Equal(JsonSerializer.Serialize(expectedPayments), JsonSerializer.Serialize(payments));
        Assert.Equal(JsonSerializer.Serialize(whole.Dossiers(asOf, since).ToList()), JsonSerializer.Serialize(dossiers));
    }

    [Fact]
    public void The_tail_is_the_history_s_dossiers_still_changing_at_its_end_and_the_history_comes_back_the_same()
    {
        var whole = Build(keepHistory: true);
        var tailOnly = Build(keepHistory: false);

        var tail = tailOnly.Tail;

        Assert.Equal(whole.Lifecycles.Count, tail.HistoryCount);
        var expected = whole.Lifecycles.Select((l, i) => (i, l)).Where(x => x.l.LastChangeAt >= whole.EndOfHistory).Select(x => (x.i, x.l.MaHoSo)).ToList();
        Assert.Equal(expected, tail.Dossiers.Select(x => (x.Position, x.Dossier.MaHoSo)).ToList());
        Assert.InRange(tail.Dossiers.Count, 1, tail.HistoryCount / 4);
        // An older read (before the end of the history) regenerates the history: the same feed.
        var asOf = whole.EndOfHistory.AddDays(-10);
        Assert.Equal(JsonSerializer.Serialize(whole.Dossiers(asOf).ToList()), JsonSerializer.Serialize(tailOnly.Dossiers(asOf).ToList()));
        Assert.Equal(JsonSerializer.Serialize(whole.Payments(asOf).ToList()), JsonSerializer.Serialize(tailOnly.Payments(asOf).ToList()));
    }
}

using Reporting.Core.Feeds;
using Reporting.Demo.Province;

namespace Reporting.Tests.Collectors;

/// <summary>One small demo province (5,000 dossiers) for every collector test.</summary>
public static class CollectorProvince
{
    private static readonly Lazy<DemoProvince> Shared = new(() =>
        DemoProvince.Build(new DemoOptions { DossierCount = 5000, EndDate = new DateOnly(2026, 11, 20), HistoryMonths = 6 }));

    public static DemoProvince Province => Shared.Value;

    /// <summary>The feed's largest NgayCapNhat among <paramref name="items"/>.</summary>
    public static DateTime MaxUpdated(IEnumerable<DossierFeedItem> items) =>
        items.Select(i => { FeedDates.TryParse(i.NgayCapNhat, out var at); return at; }).Max();
}

using System.Globalization;
using Reporting.Core.Feeds;

namespace Reporting.Demo.Province;

/// <summary>
/// The payment platform's feed: a transaction for most dossiers paid online (a few after a failed
/// attempt; refunded when the dossier was refused, withdrawn or stopped), plus a few payments whose
/// dossier never arrives. <c>MaGiaoDich</c> is <c>DVCQG…</c> or <c>CTTT…</c> (provincial portal) +
/// payment date + the dossier's position in the history (or <c>N</c> + days after the end date + position
/// in that day, for dossiers submitted after it) + attempt number, so it never changes between instants. Unmatched payments name dossiers of the service centre, which receives none.
/// </summary>
internal static class DemoPayments
{
    public const string Success = "ThanhCong";
    public const string Failed = "ThatBai";
    public const string Refunded = "HoanTien";

    public static IEnumerable<PaymentFeedItem> AsOf(DemoProvince province, DateTime asOfLocal, DateTime updatedSinceLocal)
    {
        var items = new List<PaymentFeedItem>();
        int historyCount;
        // From the end of the history on, only the tail's transactions can have changed (DemoProvince.Tail).
        if (updatedSinceLocal >= province.EndOfHistory)
        {
            var tail = province.Tail;
            historyCount = tail.HistoryCount;
            foreach (var (position, dossier) in tail.Dossiers)
            {
                Add(items, dossier, position.ToString("D7", CultureInfo.InvariantCulture), asOfLocal);
            }
        }
        else
        {
            var lifecycles = province.Lifecycles;
            historyCount = lifecycles.Count;
            for (var i = 0; i < lifecycles.Count; i++)
            {
                Add(items, lifecycles[i], i.ToString("D7", CultureInfo.InvariantCulture), asOfLocal);
            }
        }
        foreach (var (dossier, key) in province.Arrivals.Until(asOfLocal, updatedSinceLocal))
        {
            Add(items, dossier, key, asOfLocal);
        }
        items.AddRange(Unmatched(province, historyCount).Where(p =>
            FeedDates.TryParse(p.NgayCapNhat, out var at) && at <= asOfLocal));
        if (updatedSinceLocal != DateTime.MinValue)
        {
            var since = FeedDates.Format14(updatedSinceLocal);
            items.RemoveAll(p => string.CompareOrdinal(p.NgayCapNhat, since) < 0);
        }
        items.Sort(static (a, b) =>
        {
            var byTime = string.CompareOrdinal(a.NgayCapNhat, b.NgayCapNhat);
            return byTime != 0 ? byTime : string.CompareOrdinal(a.MaGiaoDich, b.MaGiaoDich);
        });
        return items;
    }

    /// <summary>The dossier's transactions visible at <paramref name="asOfLocal"/>; <paramref name="position"/> makes their codes unique.</summary>
    private static void Add(List<PaymentFeedItem> items, DossierLifecycle dossier, string position, DateTime asOfLocal)
    {
        if (dossier.PaymentRecord == PaymentRecordKind.None || dossier.PaidAt == DossierLifecycle.Never)
        {
            return;
        }
        var prefix = $"{(dossier.PaidOnlineKind == 1 ? "DVCQG" : "CTTT")}{Stamp(dossier.PaidAt)}{position}";
        var attempt = 1;
        if (dossier.PaymentRecord == PaymentRecordKind.FailedThenSuccess)
        {
            var failedAt = dossier.PaidAt.AddMinutes(-(2 + dossier.DetailSeed % 9));
            if (failedAt <= asOfLocal)
            {
                items.Add(Item($"{prefix}{attempt:D2}", dossier, failedAt, Failed, failedAt));
            }
            attempt++;
        }
        if (dossier.PaidAt <= asOfLocal)
        {
            var refunded = dossier.RefundAt <= asOfLocal;
            items.Add(Item($"{prefix}{attempt:D2}", dossier, dossier.PaidAt, refunded ? Refunded : Success,
                refunded ? dossier.RefundAt : dossier.PaidAt));
        }
    }

    private static PaymentFeedItem Item(string id, DossierLifecycle dossier, DateTime paidAt, string status, DateTime updatedAt) => new()
    {
        MaGiaoDich = id,
        MaHoSo = dossier.MaHoSo,
        SoTien = dossier.FeeAmount,
        KenhThanhToan = dossier.PaidOnlineKind,
        TrangThai = status,
        ThoiGianThanhToan = FeedDates.Format14(paidAt),
        NgayCapNhat = FeedDates.Format14(updatedAt),
    };

    /// <summary>Payments in the weeks before the end date for dossiers the one-stop system never sends.</summary>
    private static IEnumerable<PaymentFeedItem> Unmatched(DemoProvince province, int firstIndex)
    {
        var options = province.Options;
        var random = new Random(DemoSeeds.Payments(options.Seed));
        var centre = province.Agencies.First(a => a.Kind == DemoAgencyKinds.ServiceCentre);
        int[] amounts = [50_000, 100_000, 135_000, 200_000];
        for (var i = 0; i < options.UnmatchedPaymentCount; i++)
        {
            var day = DemoCalendar.NextWorkingDay(options.EndDate.AddDays(-random.Next(1, 45)));
            if (day > options.EndDate || day < province.StartDate)
            {
                day = options.EndDate;
            }
            var paidAt = DemoCalendar.RandomOfficeTime(day, random);
            var kind = 1 + random.Next(2);
            yield return new PaymentFeedItem
            {
                MaGiaoDich = $"{(kind == 1 ? "DVCQG" : "CTTT")}{Stamp(paidAt)}{firstIndex + i:D7}01",
                MaHoSo = $"{DemoAgencyNames.CodeSuffix}.{centre.ShortCode}-{day.ToString("yyMMdd", CultureInfo.InvariantCulture)}-{i + 1:D4}",
                SoTien = amounts[random.Next(amounts.Length)],
                KenhThanhToan = kind,
                TrangThai = Success,
                ThoiGianThanhToan = FeedDates.Format14(paidAt),
                NgayCapNhat = FeedDates.Format14(paidAt),
            };
        }
    }

    private static string Stamp(DateTime at) => at.ToString("yyyyMMdd", CultureInfo.InvariantCulture);
}

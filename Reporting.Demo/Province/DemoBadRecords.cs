using System.Globalization;
using Reporting.Core.Feeds;

namespace Reporting.Demo.Province;

/// <summary>The kinds of bad dossier records of spec dossiers.md ("Bad records") the demo produces.</summary>
public static class DemoBadRecordKinds
{
    public const string MissingMaHoSo = "MissingMaHoSo";
    public const string MissingMaTTHC = "MissingMaTTHC";
    public const string MissingMaDonVi = "MissingMaDonVi";
    public const string MissingTrangThaiHoSo = "MissingTrangThaiHoSo";
    public const string MissingNgayCapNhat = "MissingNgayCapNhat";
    /// <summary>Status 2 or 4–10 without <c>NgayTiepNhan</c>.</summary>
    public const string MissingNgayTiepNhan = "MissingNgayTiepNhan";
    /// <summary><c>TrangThaiHoSo</c> outside 1–10.</summary>
    public const string UnknownStatus = "UnknownStatus";
    /// <summary><c>KenhThucHien</c> outside 1–3.</summary>
    public const string UnknownChannel = "UnknownChannel";
    /// <summary>A date that is not <c>yyyyMMddHHmmss</c> or not a real instant.</summary>
    public const string UnparseableDate = "UnparseableDate";
    /// <summary><c>NgayKetThucXuLy</c> before <c>NgayTiepNhan</c>.</summary>
    public const string EndBeforeReception = "EndBeforeReception";
    /// <summary><c>MaDonVi</c> not in the tree at all.</summary>
    public const string UnknownAgency = "UnknownAgency";
    /// <summary><c>MaDonVi</c> in the tree, but not valid on the reception date.</summary>
    public const string AgencyNotValidOnReception = "AgencyNotValidOnReception";
    /// <summary>Status 7–10 with neither <c>NgayKetThucXuLy</c> nor <c>NgayTra</c>.</summary>
    public const string FinishedWithoutEnd = "FinishedWithoutEnd";

    public static IReadOnlyList<string> All { get; } =
    [
        MissingMaHoSo, MissingMaTTHC, MissingMaDonVi, MissingTrangThaiHoSo, MissingNgayCapNhat, MissingNgayTiepNhan,
        UnknownStatus, UnknownChannel, UnparseableDate, EndBeforeReception, UnknownAgency, AgencyNotValidOnReception,
        FinishedWithoutEnd,
    ];
}

/// <summary>A deliberately bad dossier record and what is wrong with it.</summary>
public sealed record DemoBadRecord(string Kind, DossierFeedItem Item);

/// <summary>
/// Builds the bad records: each starts as a valid returned dossier of the last weeks of the history
/// (its own lifecycle, <c>MaHoSo</c> ending in <c>-L001</c>…, never a real dossier's code) and is
/// spoiled in exactly one way.
/// </summary>
internal static class DemoBadRecords
{
    public static IReadOnlyList<DemoBadRecord> Build(DemoProvince province)
    {
        var random = new Random(DemoSeeds.BadRecords(province.Options.Seed));
        var oldCommune = province.Agencies.First(a => a.Kind == DemoAgencyKinds.Commune && a.ValidTo is not null);
        var newCommune = province.Agencies.First(a => a.Kind == DemoAgencyKinds.Commune && a.ValidTo is null);
        var records = new List<DemoBadRecord>();
        foreach (var kind in DemoBadRecordKinds.All)
        {
            var copies = kind is DemoBadRecordKinds.UnknownStatus or DemoBadRecordKinds.UnparseableDate
                or DemoBadRecordKinds.FinishedWithoutEnd ? 3 : 2;
            for (var copy = 0; copy < copies; copy++)
            {
                var (item, received) = Template(province, random, records.Count + 1);
                Spoil(kind, copy, item, received, received < DemoCalendar.MergerDate ? newCommune : oldCommune);
                records.Add(new DemoBadRecord(kind, item));
            }
        }
        return records;
    }

    /// <summary>A returned dossier (status 10) received in the last weeks of the history.</summary>
    private static (DossierFeedItem Item, DateOnly Received) Template(DemoProvince province, Random random, int number)
    {
        var end = province.Options.EndDate;
        var latest = end.AddDays(-25);
        var earliest = end.AddDays(-60);
        if (earliest < province.StartDate)
        {
            earliest = province.StartDate;
        }
        if (latest < earliest)
        {
            latest = earliest;
        }
        for (var attempt = 0; ; attempt++)
        {
            var day = earliest.AddDays(random.Next(latest.DayNumber - earliest.DayNumber + 1));
            var (agency, procedure) = province.SamplerFor(day).Sample(random);
            var dossier = province.Factory.Create(random, day, agency, procedure);
            dossier.MaHoSo = $"{DemoAgencyNames.CodeSuffix}.{dossier.Agency.ShortCode}-" +
                $"{day.ToString("yyMMdd", CultureInfo.InvariantCulture)}-L{number:D3}";
            var item = dossier.AsOf(province.EndOfHistory)!;
            if ((item.TrangThaiHoSo == 10 && item.NgayKetThucXuLy is not null) || attempt > 500)
            {
                return (item, DemoCalendar.DateOf(dossier.Received == DossierLifecycle.Never ? dossier.SubmittedAt : dossier.Received));
            }
        }
    }

    private static void Spoil(string kind, int copy, DossierFeedItem item, DateOnly received, DemoAgency invalidOnReception)
    {
        switch (kind)
        {
            case DemoBadRecordKinds.MissingMaHoSo:
                item.MaHoSo = copy == 0 ? null : "";
                break;
            case DemoBadRecordKinds.MissingMaTTHC:
                item.MaTTHC = copy == 0 ? null : "";
                break;
            case DemoBadRecordKinds.MissingMaDonVi:
                item.MaDonVi = copy == 0 ? null : "";
                break;
            case DemoBadRecordKinds.MissingTrangThaiHoSo:
                item.TrangThaiHoSo = null;
                break;
            case DemoBadRecordKinds.MissingNgayCapNhat:
                item.NgayCapNhat = copy == 0 ? null : "";
                break;
            case DemoBadRecordKinds.MissingNgayTiepNhan:
                item.NgayTiepNhan = null;
                item.TrangThaiHoSo = copy == 0 ? 10 : 4;
                if (copy == 1)
                {
                    item.NgayKetThucXuLy = null;
                    item.NgayTra = null;
                    item.DanhSachGiayToKetQua = null;
                }
                break;
            case DemoBadRecordKinds.UnknownStatus:
                item.TrangThaiHoSo = copy switch { 0 => 11, 1 => 0, _ => 99 };
                break;
            case DemoBadRecordKinds.UnknownChannel:
                item.KenhThucHien = copy == 0 ? 4 : 9;
                break;
            case DemoBadRecordKinds.UnparseableDate:
                switch (copy)
                {
                    case 0: item.NgayTiepNhan = "2025-13-45"; break;
                    case 1: item.NgayHenTra = "abc"; break;
                    default: item.NgayKetThucXuLy = "20251345103000"; break;
                }
                break;
            case DemoBadRecordKinds.EndBeforeReception:
                item.NgayKetThucXuLy = FeedDates.Format14(received.AddDays(-(2 + copy)).ToDateTime(new TimeOnly(9, 15, 0)));
                break;
            case DemoBadRecordKinds.UnknownAgency:
                item.MaDonVi = copy == 0 ? "000.00.77.H98" : "000.99.01.H98";
                break;
            case DemoBadRecordKinds.AgencyNotValidOnReception:
                item.MaDonVi = invalidOnReception.Code;
                break;
            case DemoBadRecordKinds.FinishedWithoutEnd:
                item.TrangThaiHoSo = copy switch { 0 => 10, 1 => 9, _ => 7 };
                item.NgayKetThucXuLy = null;
                item.NgayTra = null;
                if (copy == 2)
                {
                    item.DanhSachGiayToKetQua = null;
                    item.DanhGiaHaiLong = null;
                }
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown bad record kind.");
        }
    }
}

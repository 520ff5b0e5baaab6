using Reporting.Core.Feeds;
using Reporting.Demo.Province;

namespace Reporting.Tests.Demo;

/// <summary>
/// An independent reading of the "Bad records" rules of spec dossiers.md, to check that generated
/// dossiers pass them and that each bad record breaks exactly the rule it claims to.
/// </summary>
internal static class DossierChecks
{
    private static readonly int[] ReceivedStatuses = [2, 4, 5, 6, 7, 8, 9, 10];

    public static IReadOnlySet<string> Problems(DossierFeedItem item, DemoProvinceFixture fixture)
    {
        var problems = new HashSet<string>();
        if (string.IsNullOrEmpty(item.MaHoSo)) problems.Add(DemoBadRecordKinds.MissingMaHoSo);
        if (string.IsNullOrEmpty(item.MaTTHC)) problems.Add(DemoBadRecordKinds.MissingMaTTHC);
        if (string.IsNullOrEmpty(item.MaDonVi)) problems.Add(DemoBadRecordKinds.MissingMaDonVi);
        if (item.TrangThaiHoSo is null) problems.Add(DemoBadRecordKinds.MissingTrangThaiHoSo);
        if (string.IsNullOrEmpty(item.NgayCapNhat)) problems.Add(DemoBadRecordKinds.MissingNgayCapNhat);
        if (item.TrangThaiHoSo is { } status && status is < 1 or > 10) problems.Add(DemoBadRecordKinds.UnknownStatus);
        if (item.KenhThucHien is { } channel && channel is < 1 or > 3) problems.Add(DemoBadRecordKinds.UnknownChannel);

        string?[] dates = [item.NgayNopHoSo, item.NgayTiepNhan, item.NgayHenTra, item.NgayKetThucXuLy, item.NgayTra, item.NgayTuChoi, item.NgayCapNhat];
        var supplementDates = (item.DanhSachHoSoBoSung ?? []).SelectMany(s => new[] { s.NgayYeuCau, s.NgayBoSung, s.NgayHenTraTruoc, s.NgayHenTraMoi });
        if (dates.Concat(supplementDates).Any(d => !string.IsNullOrEmpty(d) && !FeedDates.TryParse(d, out _)))
        {
            problems.Add(DemoBadRecordKinds.UnparseableDate);
        }

        var received = ReceivedStatuses.Contains(item.TrangThaiHoSo ?? 0);
        if (received && string.IsNullOrEmpty(item.NgayTiepNhan)) problems.Add(DemoBadRecordKinds.MissingNgayTiepNhan);
        if (item.TrangThaiHoSo is >= 7 and <= 10 && string.IsNullOrEmpty(item.NgayKetThucXuLy) && string.IsNullOrEmpty(item.NgayTra))
        {
            problems.Add(DemoBadRecordKinds.FinishedWithoutEnd);
        }

        var hasReception = FeedDates.TryParse(item.NgayTiepNhan, out var reception);
        var end = item.NgayKetThucXuLy ?? (item.TrangThaiHoSo == 10 ? item.NgayTra : null);
        if (hasReception && FeedDates.TryParse(end, out var endAt) && endAt < reception)
        {
            problems.Add(DemoBadRecordKinds.EndBeforeReception);
        }

        if (!string.IsNullOrEmpty(item.MaDonVi))
        {
            if (!fixture.Agencies.TryGetValue(item.MaDonVi, out var agency))
            {
                problems.Add(DemoBadRecordKinds.UnknownAgency);
            }
            else if (hasReception && !fixture.IsValidOn(agency, DateOnly.FromDateTime(reception)))
            {
                problems.Add(DemoBadRecordKinds.AgencyNotValidOnReception);
            }
        }
        return problems;
    }
}

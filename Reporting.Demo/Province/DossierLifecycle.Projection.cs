using Reporting.Core.Feeds;

namespace Reporting.Demo.Province;

public sealed partial class DossierLifecycle
{
    /// <summary>Base of the fictional result file links.</summary>
    internal const string ResultFileBase = "https://dichvucong.sonha.gov.vn/ketqua/";

    /// <summary>
    /// The feed record as the source would serve it at <paramref name="asOfLocal"/>: status, dates and
    /// lists show only events at or before that instant, <c>NgayCapNhat</c> is the latest of them; null
    /// when the dossier has not been submitted yet. The details (components, results, rating) come from
    /// the dossier's own seed, so every instant shows the same dossier.
    /// </summary>
    public DossierFeedItem? AsOf(DateTime asOfLocal)
    {
        if (SubmittedAt > asOfLocal)
        {
            return null;
        }

        var details = DossierDetails.Draw(this);
        var status = StatusAt(asOfLocal);
        var t = asOfLocal;
        var item = new DossierFeedItem
        {
            MaHoSo = MaHoSo,
            MaTTHC = Procedure.Code,
            TenTTHC = Procedure.Name,
            MaLinhVuc = Procedure.Field.Code,
            TenLinhVuc = Procedure.Field.Name,
            MaDonVi = Agency.Code,
            KenhThucHien = Channel,
            TrangThaiHoSo = status,
            NgayNopHoSo = Format(SubmittedAt),
            NgayCapNhat = Format(LastEventAtOrBefore(t)!.Value),
            TaiLieuNop = details.Components,
            DanhSachLePhi = FeeLines(details, t),
        };

        if (PaidAt <= t)
        {
            item.DuocThanhToanTrucTuyen = PaidOnlineKind;
        }
        if (Refused <= t)
        {
            item.NgayTuChoi = Format(Refused);
        }
        if (Received <= t)
        {
            item.NgayTiepNhan = Format(Received);
            item.NgayHenTra = Format(DueAt(t));
            item.DanhSachHoSoBoSung = SupplementsAsOf(t);
            item.DongBoDVCQG = details.Synced ? 1 : 0;
        }
        if (End <= t && !(OmitEndDate && EndStatus == 9))
        {
            item.NgayKetThucXuLy = Format(End);
        }
        if (Returned <= t)
        {
            item.NgayTra = Format(Returned);
        }
        if (Channel == 2 && details.VneId)
        {
            item.TaiKhoanDuocXacThucVoiVNeID = 1;
        }
        if (status is 9 or 10 && Procedure.HasResult)
        {
            item.DanhSachGiayToKetQua =
            [
                new ResultFeedItem
                {
                    TenGiayTo = Procedure.ResultName,
                    DuongDanTepTinKetQua = details.ElectronicResult ? $"{ResultFileBase}{MaHoSo}.pdf" : "",
                },
            ];
        }
        if (End <= t)
        {
            var late = FinishedLate;
            if (status == 10 && details.Rates)
            {
                item.DanhGiaHaiLong = details.Satisfaction < (late ? 0.25 : Agency.Profile.Dissatisfied) ? 2 : 1;
            }
            if (details.Complaint < (late ? 0.03 : 0.002))
            {
                item.CoPhanAnhKienNghi = 1;
            }
        }
        return item;
    }

    private List<SupplementFeedItem>? SupplementsAsOf(DateTime t)
    {
        if (Supplements is null || Supplements[0].RequestedAt > t)
        {
            return null;
        }
        var items = new List<SupplementFeedItem>(Supplements.Length);
        foreach (var supplement in Supplements)
        {
            if (supplement.RequestedAt > t)
            {
                break;
            }
            var provided = supplement.ProvidedAt <= t;
            items.Add(new SupplementFeedItem
            {
                NgayYeuCau = Format(supplement.RequestedAt),
                NgayBoSung = provided ? Format(supplement.ProvidedAt) : null,
                NgayHenTraTruoc = Format(supplement.DueBefore),
                NgayHenTraMoi = provided ? Format(supplement.DueAfter) : null,
            });
        }
        return items;
    }

    private List<FeeFeedItem>? FeeLines(DossierDetails details, DateTime t)
    {
        var collection = PaidAt <= t ? 2 : 1;
        switch (Fee)
        {
            case FeeMode.Charged when FeeAmount >= 300_000 && details.SplitFee:
                var assessment = FeeAmount * 6 / 10 / 1000 * 1000;
                return
                [
                    new FeeFeedItem { MaPhiLePhi = $"PTD.{Procedure.Code}", TenPhiLePhi = "Phí thẩm định", Gia = assessment, HinhThucThu = collection },
                    new FeeFeedItem { MaPhiLePhi = $"LP.{Procedure.Code}", TenPhiLePhi = "Lệ phí", Gia = FeeAmount - assessment, HinhThucThu = collection },
                ];
            case FeeMode.Charged:
                return [new FeeFeedItem { MaPhiLePhi = $"LP.{Procedure.Code}", TenPhiLePhi = "Lệ phí", Gia = FeeAmount, HinhThucThu = collection }];
            case FeeMode.ExemptZeroLine:
                return [new FeeFeedItem { MaPhiLePhi = $"LP.{Procedure.Code}", TenPhiLePhi = "Lệ phí (miễn)", Gia = 0, HinhThucThu = 1 }];
            default:
                return null;
        }
    }

    private static string Format(DateTime local) => FeedDates.Format14(local);
}

using System.Runtime.InteropServices;
using System.Text.Json;
using Reporting.Core.Dossiers;
using Reporting.Core.Persistence;

namespace Reporting.Core.Ingest;

/// <summary>The source fields of a dossier record, parsed; agency resolution and facts come later.</summary>
public sealed record ParsedDossier(Dossier Dossier, DossierLists Lists, DateOnly AgencyDate);

/// <summary>Parses one DongBoHoSoMC dossier record (spec feeds.md) and checks the bad-record rules.</summary>
public static class DossierRecordReader
{
    // In the order of the spec's table (and of DossierFeedItem), which is how producers send them.
    private static readonly JsonFieldSet Fields = new(
        "MaHoSo", "MaTTHC", "TenTTHC", "MaLinhVuc", "TenLinhVuc", "MaDonVi", "KenhThucHien", "TrangThaiHoSo",
        "NgayNopHoSo", "NgayTiepNhan", "NgayHenTra", "NgayKetThucXuLy", "NgayTra", "NgayTuChoi", "NgayCapNhat",
        "DanhSachLePhi", "DuocThanhToanTrucTuyen", "TaiLieuNop", "DanhSachGiayToKetQua", "DanhSachHoSoBoSung",
        "TaiKhoanDuocXacThucVoiVNeID", "DongBoDVCQG", "DanhGiaHaiLong", "CoPhanAnhKienNghi");

    private static readonly JsonFieldSet FeeFields = new("MaPhiLePhi", "TenPhiLePhi", "Gia", "HinhThucThu");
    private static readonly JsonFieldSet ComponentFields = new("TenTaiLieu", "DuocSoHoa", "DuocTaiSuDung", "DuocLayTuKhoDMQG");
    private static readonly JsonFieldSet ResultFields = new("TenGiayTo", "DuongDanTepTinKetQua");
    private static readonly JsonFieldSet SupplementFields = new("NgayYeuCau", "NgayBoSung", "NgayHenTraTruoc", "NgayHenTraMoi");

    public static ParsedDossier? Read(JsonElement element, string source, List<QuarantineReason> reasons) =>
        element.ValueKind == JsonValueKind.Object
            ? Read(JsonMarshal.GetRawUtf8Value(element), source, reasons)
            : NotAnObject(reasons);

    /// <summary>Reads one record from its UTF-8 JSON text (well-formed: it comes from a parsed request or document).</summary>
    public static ParsedDossier? Read(ReadOnlySpan<byte> json, string source, List<QuarantineReason> reasons)
    {
        if (!JsonRecord.IsObject(json))
        {
            return NotAnObject(reasons);
        }

        Span<JsonSlot> slots = stackalloc JsonSlot[Fields.Count];
        Span<JsonSlot> itemSlots = stackalloc JsonSlot[4];
        var r = new JsonRecord(json, Fields, slots, reasons);
        var code = r.String("MaHoSo", required: true, ColumnWidths.DossierCode);
        var procedureCode = r.String("MaTTHC", required: true, ColumnWidths.ProcedureCode, shared: true);
        var agencyCode = r.String("MaDonVi", required: true, ColumnWidths.AgencyCode, shared: true);
        var procedureName = r.String("TenTTHC", maxLength: ColumnWidths.ProcedureName, shared: true);
        var fieldCode = r.String("MaLinhVuc", maxLength: ColumnWidths.FieldCode, shared: true);
        var fieldName = r.String("TenLinhVuc", maxLength: ColumnWidths.FieldName, shared: true);
        var status = r.Code("TrangThaiHoSo", DossierStatus.IsKnown, required: true);
        var channel = r.Code("KenhThucHien", v => v is >= 1 and <= 3) ?? Channel.InPerson;
        var updated = r.Date("NgayCapNhat", required: true);
        var receivedRequired = status is not null and not (DossierStatus.Submitted or DossierStatus.Refused);
        var submitted = r.Date("NgayNopHoSo");
        var received = r.Date("NgayTiepNhan", required: receivedRequired);
        var promised = r.Date("NgayHenTra");
        var ended = r.Date("NgayKetThucXuLy");
        var returned = r.Date("NgayTra");
        var refused = r.Date("NgayTuChoi");
        var onlinePayment = r.Code("DuocThanhToanTrucTuyen", v => v is >= 0 and <= 2) ?? 0;
        var vneid = r.Flag("TaiKhoanDuocXacThucVoiVNeID");
        var synced = r.Code("DongBoDVCQG", v => v is 0 or 1);
        var satisfaction = r.Code("DanhGiaHaiLong", v => v is 1 or 2);
        var complaint = r.Flag("CoPhanAnhKienNghi");

        var lists = new DossierLists();
        var fees = r.Array("DanhSachLePhi");
        while (fees.Next(FeeFields, itemSlots, out var fee))
        {
            var amount = fee.Decimal("Gia") ?? 0;
            if (amount < 0) reasons.Add(QuarantineReason.Value("DanhSachLePhi.Gia", amount.ToString(System.Globalization.CultureInfo.InvariantCulture)));
            lists.Fees.Add(new DossierFee(fee.String("MaPhiLePhi", shared: true), fee.String("TenPhiLePhi", shared: true), amount, fee.Code("HinhThucThu", static _ => true)));
        }

        var components = r.Array("TaiLieuNop");
        while (components.Next(ComponentFields, itemSlots, out var c))
        {
            lists.Components.Add(new DossierComponent(c.String("TenTaiLieu", shared: true), c.Flag("DuocSoHoa"), c.Flag("DuocTaiSuDung"), c.Flag("DuocLayTuKhoDMQG")));
        }

        var results = r.Array("DanhSachGiayToKetQua");
        while (results.Next(ResultFields, itemSlots, out var result))
        {
            lists.Results.Add(new DossierResult(result.String("TenGiayTo", shared: true), result.String("DuongDanTepTinKetQua")));
        }

        var supplements = r.Array("DanhSachHoSoBoSung");
        while (supplements.Next(SupplementFields, itemSlots, out var s))
        {
            var requested = s.Date("NgayYeuCau", required: true);
            var supplied = s.Date("NgayBoSung");
            var before = s.Date("NgayHenTraTruoc");
            var after = s.Date("NgayHenTraMoi");
            if (requested is { } at)
            {
                lists.Supplements.Add(new DossierSupplement(at, supplied, before, after));
            }
        }

        // Reported with every other reason, unless an end field was there but did not parse (already a reason).
        if (status is { } st && DossierStatus.IsFinished(st) && ended is null && returned is null
            && !HasReasonFor(reasons, "NgayKetThucXuLy", "NgayTra"))
        {
            reasons.Add(new QuarantineReason(QuarantineReason.FinishedWithoutEnd, "NgayKetThucXuLy",
                $"Hồ sơ đã kết thúc (trạng thái {st}) nhưng thiếu cả NgayKetThucXuLy và NgayTra."));
        }

        var end = ended ?? returned;
        if (received is { } rec && end is { } e && status is { } s2 && DossierStatus.IsFinished(s2) && e < rec)
        {
            reasons.Add(new QuarantineReason(QuarantineReason.EndBeforeReceived, ended is null ? "NgayTra" : "NgayKetThucXuLy",
                $"Ngày kết thúc ({e:dd/MM/yyyy HH:mm}) trước ngày tiếp nhận ({rec:dd/MM/yyyy HH:mm})."));
        }

        if (reasons.Count > 0)
        {
            return null;
        }

        var dossier = new Dossier
        {
            Source = source,
            Code = code!,
            ProcedureCode = procedureCode!,
            ProcedureName = procedureName,
            FieldCode = fieldCode,
            FieldName = fieldName,
            AgencyCode = agencyCode!,
            Channel = channel,
            Status = status!.Value,
            SubmittedAt = submitted,
            ReceivedAt = received,
            PromisedAt = promised,
            HandlingEndedAt = ended,
            ReturnedAt = returned,
            RefusedAt = refused,
            UpdatedAt = updated!.Value,
            OnlinePayment = onlinePayment,
            VneIdVerified = vneid,
            SyncedToDvcqg = synced,
            Satisfaction = satisfaction,
            Complaint = complaint,
        };
        var agencyDate = DateOnly.FromDateTime(received ?? submitted ?? refused ?? updated!.Value);
        return reasons.Count > 0 ? null : new ParsedDossier(dossier, lists, agencyDate);
    }

    private static ParsedDossier? NotAnObject(List<QuarantineReason> reasons)
    {
        reasons.Add(new QuarantineReason(QuarantineReason.NotAnObject, null, "Bản ghi không phải đối tượng JSON."));
        return null;
    }

    private static bool HasReasonFor(List<QuarantineReason> reasons, string field, string other)
    {
        foreach (var reason in reasons)
        {
            if (reason.Field == field || reason.Field == other) return true;
        }

        return false;
    }
}

using System.Text.Json;
using Reporting.Core.Persistence;

namespace Reporting.Core.Ingest;

/// <summary>Parses one payment record of the PaymentFeed (spec feeds.md).</summary>
public static class PaymentRecordReader
{
    private static readonly string[] States = [Payment.Succeeded, Payment.Failed, Payment.Refunded];

    private static readonly JsonFieldSet Fields = new(
        "MaGiaoDich", "MaHoSo", "SoTien", "KenhThanhToan", "TrangThai", "ThoiGianThanhToan", "NgayCapNhat");

    public static Payment? Read(JsonElement element, string source, List<QuarantineReason> reasons) =>
        element.ValueKind == JsonValueKind.Object
            ? Read(System.Runtime.InteropServices.JsonMarshal.GetRawUtf8Value(element), source, reasons)
            : NotAnObject(reasons);

    /// <summary>Reads one record from its UTF-8 JSON text (well-formed: it comes from a parsed request or document).</summary>
    public static Payment? Read(ReadOnlySpan<byte> json, string source, List<QuarantineReason> reasons)
    {
        if (!JsonRecord.IsObject(json))
        {
            return NotAnObject(reasons);
        }

        Span<JsonSlot> slots = stackalloc JsonSlot[Fields.Count];
        var r = new JsonRecord(json, Fields, slots, reasons);
        var transaction = r.String("MaGiaoDich", required: true, ColumnWidths.TransactionCode);
        var dossier = r.String("MaHoSo", required: true, ColumnWidths.DossierCode);
        var amount = r.Decimal("SoTien", required: true);
        var channel = r.Code("KenhThanhToan", v => v is 1 or 2);
        var state = r.String("TrangThai", maxLength: ColumnWidths.PaymentState);
        var paidAt = r.Date("ThoiGianThanhToan");
        var updated = r.Date("NgayCapNhat", required: true);
        if (state is not null && !States.Contains(state, StringComparer.Ordinal))
        {
            reasons.Add(QuarantineReason.Unknown("TrangThai", state));
        }

        if (amount < 0)
        {
            reasons.Add(QuarantineReason.Value("SoTien", amount.Value.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }

        if (reasons.Count > 0)
        {
            return null;
        }

        return new Payment
        {
            TransactionCode = transaction!,
            Source = source,
            DossierCode = dossier!,
            Amount = amount!.Value,
            Channel = channel,
            State = state ?? string.Empty,
            PaidAt = paidAt,
            UpdatedAt = updated!.Value,
        };
    }

    private static Payment? NotAnObject(List<QuarantineReason> reasons)
    {
        reasons.Add(new QuarantineReason(QuarantineReason.NotAnObject, null, "Bản ghi không phải đối tượng JSON."));
        return null;
    }
}

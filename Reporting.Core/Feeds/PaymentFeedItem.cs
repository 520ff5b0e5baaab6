using System.Text.Json.Serialization;

namespace Reporting.Core.Feeds;

/// <summary>One payment as the payment platform sends it (spec feeds.md, PaymentFeed).</summary>
public sealed class PaymentFeedItem
{
    [JsonPropertyName("MaGiaoDich")] public string? MaGiaoDich { get; set; }
    [JsonPropertyName("MaHoSo")] public string? MaHoSo { get; set; }
    [JsonPropertyName("SoTien")] public decimal? SoTien { get; set; }
    [JsonPropertyName("KenhThanhToan")] public int? KenhThanhToan { get; set; }
    [JsonPropertyName("TrangThai")] public string? TrangThai { get; set; }
    [JsonPropertyName("ThoiGianThanhToan")] public string? ThoiGianThanhToan { get; set; }
    [JsonPropertyName("NgayCapNhat")] public string? NgayCapNhat { get; set; }
}

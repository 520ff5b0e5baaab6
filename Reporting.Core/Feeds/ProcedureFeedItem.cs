using System.Text.Json.Serialization;

namespace Reporting.Core.Feeds;

/// <summary>One procedure of the catalogue (spec feeds.md, ProcedureCatalog).</summary>
public sealed class ProcedureFeedItem
{
    [JsonPropertyName("MaTTHC")] public string? MaTTHC { get; set; }
    [JsonPropertyName("TenTTHC")] public string? TenTTHC { get; set; }
    [JsonPropertyName("MaLinhVuc")] public string? MaLinhVuc { get; set; }
    [JsonPropertyName("TenLinhVuc")] public string? TenLinhVuc { get; set; }
    /// <summary><c>Tinh</c> and/or <c>Xa</c>.</summary>
    [JsonPropertyName("CapThucHien")] public List<string>? CapThucHien { get; set; }
    /// <summary>0 none, 1 partly online, 2 fully online.</summary>
    [JsonPropertyName("MucDoDVC")] public int? MucDoDVC { get; set; }
    [JsonPropertyName("DuDieuKienToanTrinh")] public bool? DuDieuKienToanTrinh { get; set; }
    [JsonPropertyName("CoPhiLePhi")] public bool? CoPhiLePhi { get; set; }
    [JsonPropertyName("CoKetQua")] public bool? CoKetQua { get; set; }
    /// <summary>Statutory handling time in working days.</summary>
    [JsonPropertyName("ThoiHanGiaiQuyet")] public int? ThoiHanGiaiQuyet { get; set; }
    [JsonPropertyName("NgayCapNhat")] public string? NgayCapNhat { get; set; }
}

/// <summary>Envelope of the feeds and of <c>PUT /api/v1/procedures</c>.</summary>
public sealed class FeedPage<T>
{
    [JsonPropertyName("items")] public List<T> Items { get; set; } = [];
    [JsonPropertyName("nextCursor")] public string? NextCursor { get; set; }
}

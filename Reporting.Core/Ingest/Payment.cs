namespace Reporting.Core.Ingest;

/// <summary>The latest version of one payment transaction (MaGiaoDich) from the payment feed.</summary>
public sealed class Payment
{
    public required string TransactionCode { get; set; }
    public required string Source { get; set; }
    public required string DossierCode { get; set; }
    public decimal Amount { get; set; }
    public int? Channel { get; set; }
    public required string State { get; set; }
    public DateTime? PaidAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    public DateTime StoredAt { get; set; }

    /// <summary>When the first version arrived: how long a payment has waited for its dossier (later versions keep it).</summary>
    public DateTime FirstStoredAt { get; set; }

    public const string Succeeded = "ThanhCong";
    public const string Failed = "ThatBai";
    public const string Refunded = "HoanTien";
}

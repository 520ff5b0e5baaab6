namespace Reporting.Core.Procedures;

/// <summary>A procedure (TTHC) of the catalogue, keyed by its national code (MaTTHC).</summary>
public sealed class Procedure
{
    public required string Code { get; set; }
    public required string Name { get; set; }
    public string? FieldCode { get; set; }
    public string? FieldName { get; set; }
    public bool AtProvinceLevel { get; set; }
    public bool AtCommuneLevel { get; set; }

    /// <summary>MucDoDVC: 0 none, 1 partly online, 2 fully online.</summary>
    public int OnlineLevel { get; set; }
    public bool FullyOnlineEligible { get; set; }
    public bool HasFee { get; set; }
    public bool IssuesResult { get; set; } = true;
    public int? StatutoryWorkingDays { get; set; }
    public DateTime? UpdatedAt { get; set; }
}

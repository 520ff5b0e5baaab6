namespace Reporting.Core.Ingest;

/// <summary>A record that failed validation, kept whole with its reasons until it is re-processed.</summary>
public sealed class QuarantinedRecord
{
    public long Id { get; set; }
    public required string Source { get; set; }
    public required string Kind { get; set; }

    /// <summary>
    /// The agency scope the record was pushed with (the key's or user's agency; null when unlimited): a
    /// re-processed record is held to it again, and scoped viewers see the records of their scope.
    /// </summary>
    public string? ScopeAgency { get; set; }

    /// <summary>The agency code the record names (MaDonVi), when it could be read: scoped listing.</summary>
    public string? AgencyCode { get; set; }
    public string? RecordKey { get; set; }

    /// <summary>Machine codes of the reasons, comma separated (see <see cref="QuarantineReason"/>).</summary>
    public required string ReasonCodes { get; set; }

    /// <summary>The reasons in Vietnamese, one per line.</summary>
    public required string Reasons { get; set; }
    public required string RawJson { get; set; }
    public DateTime QuarantinedAt { get; set; }
    public QuarantineState State { get; set; }
    public DateTime? ResolvedAt { get; set; }
}

public enum QuarantineState
{
    Pending = 0,
    Reprocessed = 1,
    Superseded = 2,
}

public static class RecordKinds
{
    public const string Dossier = "dossier";
    public const string Payment = "payment";
}

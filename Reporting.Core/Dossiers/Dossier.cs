namespace Reporting.Core.Dossiers;

/// <summary>
/// The stored version of one dossier, identified by (Source, Code). Source fields keep their feed
/// meaning; the <c>*Day</c> and flag columns are derived once at ingest by <see cref="DossierFacts"/>
/// so that lists behind a figure can be filtered in SQL. Day columns are <see cref="DateOnly.DayNumber"/>
/// of local dates.
/// </summary>
public sealed class Dossier
{
    public required string Source { get; set; }
    public required string Code { get; set; }
    public required string ProcedureCode { get; set; }
    public string? ProcedureName { get; set; }
    public string? FieldCode { get; set; }
    public string? FieldName { get; set; }
    public required string AgencyCode { get; set; }
    public int AgencyId { get; set; }
    public int Channel { get; set; }
    public int Status { get; set; }
    public DateTime? SubmittedAt { get; set; }
    public DateTime? ReceivedAt { get; set; }
    public DateTime? PromisedAt { get; set; }
    public DateTime? HandlingEndedAt { get; set; }
    public DateTime? ReturnedAt { get; set; }
    public DateTime? RefusedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    public int OnlinePayment { get; set; }
    public bool VneIdVerified { get; set; }
    public int? SyncedToDvcqg { get; set; }
    public int? Satisfaction { get; set; }
    public bool Complaint { get; set; }
    public string ListsJson { get; set; } = "{}";

    // Derived (DossierFacts). Nullable day columns are null when the date does not apply.
    public bool Counted { get; set; }
    public int? ReceivedDay { get; set; }
    public int? EndDay { get; set; }
    public int? PromisedDay { get; set; }
    public int? OriginalPromisedDay { get; set; }
    public int SupplementCount { get; set; }
    public int? SupplementRequestedDay { get; set; }
    public int? SupplementSuppliedDay { get; set; }
    public int? RefusedDay { get; set; }
    public HandlingClass Handling { get; set; }
    public bool OnTime766 { get; set; }
    public bool ElectronicResult { get; set; }
    public bool ResultExpected { get; set; }
    public bool Digitised { get; set; }
    public bool Reused { get; set; }
    public bool FromNationalStore { get; set; }
    public bool FeeLine { get; set; }
    public bool FeeBearing { get; set; }
    public bool PaidOnline { get; set; }
    public bool PaidByPaymentFeed { get; set; }
    public bool ProcedureKnown { get; set; }
    public bool PromisedEstimated { get; set; }
    public bool PromisedUnknown { get; set; }
    public DateTime StoredAt { get; set; }
}

/// <summary>How a finished dossier ended against its promised date (Biểu 06 columns 8–10).</summary>
public enum HandlingClass
{
    NotFinished = 0,
    Early = 1,
    OnTime = 2,
    Late = 3,
}

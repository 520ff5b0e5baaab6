namespace Reporting.Core.Aggregates;

/// <summary>
/// Counts of one half-month bucket. Three families, each keyed by a different date:
/// received-based (NgayTiepNhan in the bucket), ended-based (end in the bucket) and open-at-end
/// (in progress at the bucket's last day, 23:59:59). Any window's figures are sums of these, with
/// "carried over" read from the open counts of the bucket before the window.
/// </summary>
public abstract class BucketCounts
{
    // Received in the bucket (status 2, 4–10).
    public int Received { get; set; }
    public int ReceivedOnline { get; set; }
    public int SyncFieldPresent { get; set; }
    public int Synced { get; set; }
    public int Digitised { get; set; }
    public int Reused { get; set; }
    public int FromNationalStore { get; set; }
    public int ResidentData { get; set; }
    public int FeeLine { get; set; }
    public int FeeBearing { get; set; }
    public int FeeBearingPaidOnline { get; set; }
    public int PaidOnline { get; set; }
    public int Processed { get; set; }
    public long ProcessedSeconds { get; set; }
    public int ReceivedComplaint { get; set; }
    public int PromisedUnknown { get; set; }
    public int UnknownProcedure { get; set; }

    // Refused at reception (status 3) in the bucket, by refusal date.
    public int Refused { get; set; }

    // Finished in the bucket.
    public int Handled { get; set; }
    public int HandledEarly { get; set; }
    public int HandledOnTime { get; set; }
    public int HandledLate { get; set; }
    public int HandledOnTime766 { get; set; }
    public int ResultExpected { get; set; }
    public int ResultElectronic { get; set; }

    // In progress at the bucket's last day.
    public int Open { get; set; }
    public int OpenWithin { get; set; }
    public int OpenWithin766 { get; set; }
    public int OpenComplaint { get; set; }

    /// <summary>Adds <paramref name="other"/> times <paramref name="sign"/> to these counts.</summary>
    public void Add(BucketCounts other, int sign = 1)
    {
        Received += sign * other.Received;
        ReceivedOnline += sign * other.ReceivedOnline;
        SyncFieldPresent += sign * other.SyncFieldPresent;
        Synced += sign * other.Synced;
        Digitised += sign * other.Digitised;
        Reused += sign * other.Reused;
        FromNationalStore += sign * other.FromNationalStore;
        ResidentData += sign * other.ResidentData;
        FeeLine += sign * other.FeeLine;
        FeeBearing += sign * other.FeeBearing;
        FeeBearingPaidOnline += sign * other.FeeBearingPaidOnline;
        PaidOnline += sign * other.PaidOnline;
        Processed += sign * other.Processed;
        ProcessedSeconds += sign * other.ProcessedSeconds;
        ReceivedComplaint += sign * other.ReceivedComplaint;
        PromisedUnknown += sign * other.PromisedUnknown;
        UnknownProcedure += sign * other.UnknownProcedure;
        Refused += sign * other.Refused;
        Handled += sign * other.Handled;
        HandledEarly += sign * other.HandledEarly;
        HandledOnTime += sign * other.HandledOnTime;
        HandledLate += sign * other.HandledLate;
        HandledOnTime766 += sign * other.HandledOnTime766;
        ResultExpected += sign * other.ResultExpected;
        ResultElectronic += sign * other.ResultElectronic;
        Open += sign * other.Open;
        OpenWithin += sign * other.OpenWithin;
        OpenWithin766 += sign * other.OpenWithin766;
        OpenComplaint += sign * other.OpenComplaint;
    }

    public bool IsZero =>
        Received == 0
        && ReceivedOnline == 0
        && SyncFieldPresent == 0
        && Synced == 0
        && Digitised == 0
        && Reused == 0
        && FromNationalStore == 0
        && ResidentData == 0
        && FeeLine == 0
        && FeeBearing == 0
        && FeeBearingPaidOnline == 0
        && PaidOnline == 0
        && Processed == 0
        && ProcessedSeconds == 0
        && ReceivedComplaint == 0
        && PromisedUnknown == 0
        && UnknownProcedure == 0
        && Refused == 0
        && Handled == 0
        && HandledEarly == 0
        && HandledOnTime == 0
        && HandledLate == 0
        && HandledOnTime766 == 0
        && ResultExpected == 0
        && ResultElectronic == 0
        && Open == 0
        && OpenWithin == 0
        && OpenWithin766 == 0
        && OpenComplaint == 0;
}

/// <summary>Counts summed over buckets or dossiers; also the unit of an aggregate change.</summary>
public sealed class CountsTotal : BucketCounts;

/// <summary>A stored row of bucket counts: the readers that sum either table by bucket read it through this.</summary>
public interface IBucketStat
{
    int Bucket { get; }
}

/// <summary>Counts of one agency (the one named on the dossiers, not its subtree) in one bucket.</summary>
public sealed class AgencyBucketStat : BucketCounts, IBucketStat
{
    public int AgencyId { get; set; }
    public int Bucket { get; set; }
}

/// <summary>Counts of one procedure at one agency in one bucket (fields of Biểu 06, items 3.2/3.5).</summary>
public sealed class ProcedureBucketStat : BucketCounts, IBucketStat
{
    public int AgencyId { get; set; }
    public required string ProcedureCode { get; set; }
    public int Bucket { get; set; }
}

/// <summary>
/// Items 3.3 and 4.2 need an electronic result only from dossiers processed by the end of the period,
/// which depends on both the received and the end bucket; this sparse table keeps those dossiers
/// (processed, result expected, none issued) by both.
/// </summary>
public sealed class ResultGapStat
{
    public int AgencyId { get; set; }
    public int ReceivedBucket { get; set; }
    public int EndedBucket { get; set; }
    public int OnlineWithoutResult { get; set; }
    public int DigitisedWithoutResult { get; set; }
}

/// <summary>
/// Single row: how far open-dossier snapshots reach, and the data versions every cache is keyed by
/// (ADR 006). Every writer locks this row first and bumps its versions in the same transaction.
/// </summary>
public sealed class AggregateState
{
    public int Id { get; set; }
    public int HorizonBucket { get; set; }

    /// <summary>Bumped by every committed change a figure can depend on (dossiers, payments, reference data, scoring data).</summary>
    public long DataVersion { get; set; }

    /// <summary>Bumped by every committed change of the agency tree, the procedure catalogue or the working calendar.</summary>
    public long ReferenceVersion { get; set; }

    public DateTime? LastChangeAt { get; set; }
}

using Reporting.Core.Dossiers;
using Reporting.Core.Periods;

namespace Reporting.Core.Aggregates;

/// <summary>
/// What one stored dossier version adds to the aggregates. Replacing a version subtracts the old
/// contribution and adds the new one, so aggregates stay equal to a recount from dossiers.
/// Open-at-end counts of unfinished dossiers reach up to the horizon bucket (see AggregateState).
/// </summary>
public static class DossierContribution
{
    /// <summary>
    /// Every column <see cref="Apply"/> reads (with <see cref="DossierClock"/> and the <see cref="DossierFacts"/> helpers
    /// it calls), for passes over all dossiers that only count: the source texts and the lists are not read.
    /// <c>ContributionColumnsTests</c> holds a counted projection equal to the whole row.
    /// </summary>
    public static readonly System.Linq.Expressions.Expression<Func<Dossier, Dossier>> Columns = d => new Dossier
    {
        Source = "",
        Code = "",
        AgencyCode = "",
        ProcedureCode = d.ProcedureCode,
        AgencyId = d.AgencyId,
        Channel = d.Channel,
        Status = d.Status,
        ReceivedAt = d.ReceivedAt,
        HandlingEndedAt = d.HandlingEndedAt,
        ReturnedAt = d.ReturnedAt,
        VneIdVerified = d.VneIdVerified,
        SyncedToDvcqg = d.SyncedToDvcqg,
        Satisfaction = d.Satisfaction,
        Complaint = d.Complaint,
        Counted = d.Counted,
        ReceivedDay = d.ReceivedDay,
        EndDay = d.EndDay,
        PromisedDay = d.PromisedDay,
        OriginalPromisedDay = d.OriginalPromisedDay,
        SupplementCount = d.SupplementCount,
        SupplementRequestedDay = d.SupplementRequestedDay,
        SupplementSuppliedDay = d.SupplementSuppliedDay,
        RefusedDay = d.RefusedDay,
        Handling = d.Handling,
        OnTime766 = d.OnTime766,
        ElectronicResult = d.ElectronicResult,
        ResultExpected = d.ResultExpected,
        Digitised = d.Digitised,
        Reused = d.Reused,
        FromNationalStore = d.FromNationalStore,
        FeeLine = d.FeeLine,
        FeeBearing = d.FeeBearing,
        PaidOnline = d.PaidOnline,
        ProcedureKnown = d.ProcedureKnown,
        PromisedUnknown = d.PromisedUnknown,
    };

    public static void Apply(Dossier d, int sign, int horizonBucket, AggregateDelta delta)
    {
        if (d.Status == DossierStatus.Refused && d.RefusedDay is { } refusedDay)
        {
            delta.Cell(d.AgencyId, d.ProcedureCode, HalfMonth.Of(DateOnly.FromDayNumber(refusedDay))).Refused += sign;
        }

        if (!d.Counted || d.ReceivedDay is not { } receivedDay)
        {
            return;
        }

        var receivedBucket = HalfMonth.Of(DateOnly.FromDayNumber(receivedDay));
        var complaint = DossierFacts.IsComplaint(d);
        var processed = DossierStatus.IsProcessed(d.Status);
        var online = d.Channel == Channel.Online;

        AddReceived(d, sign, delta.Cell(d.AgencyId, d.ProcedureCode, receivedBucket));

        int openUntil;
        if (d.EndDay is { } endDay)
        {
            var endedBucket = HalfMonth.Of(DateOnly.FromDayNumber(endDay));
            var e = delta.Cell(d.AgencyId, d.ProcedureCode, endedBucket);
            e.Handled += sign;
            switch (d.Handling)
            {
                case HandlingClass.Early: e.HandledEarly += sign; break;
                case HandlingClass.OnTime: e.HandledOnTime += sign; break;
                case HandlingClass.Late: e.HandledLate += sign; break;
            }

            if (d.OnTime766) e.HandledOnTime766 += sign;
            if (processed && d.ResultExpected)
            {
                e.ResultExpected += sign;
                if (d.ElectronicResult)
                {
                    e.ResultElectronic += sign;
                }
                else
                {
                    delta.AddGap(d.AgencyId, receivedBucket, endedBucket, online ? sign : 0, d.Digitised ? sign : 0);
                }
            }

            openUntil = Math.Min(endedBucket - 1, horizonBucket);
        }
        else
        {
            openUntil = horizonBucket;
        }

        for (var b = receivedBucket; b <= openUntil; b++)
        {
            var boundary = HalfMonth.End(b).DayNumber;
            var o = delta.Cell(d.AgencyId, d.ProcedureCode, b);
            o.Open += sign;
            if (DossierClock.WithinAt(d, boundary)) o.OpenWithin += sign;
            if (DossierClock.Within766At(d, boundary)) o.OpenWithin766 += sign;
            if (complaint) o.OpenComplaint += sign;
        }
    }
    /// <summary>The received-based family: one counted dossier received in the bucket of <paramref name="r"/>.</summary>
    public static void AddReceived(Dossier d, int sign, BucketCounts r)
    {
        r.Received += sign;
        if (d.Channel == Channel.Online) r.ReceivedOnline += sign;
        if (d.SyncedToDvcqg is not null) r.SyncFieldPresent += sign;
        if (d.SyncedToDvcqg == 1) r.Synced += sign;
        if (d.Digitised) r.Digitised += sign;
        if (d.Reused) r.Reused += sign;
        if (d.FromNationalStore) r.FromNationalStore += sign;
        if (DossierFacts.IsResidentData(d)) r.ResidentData += sign;
        if (d.FeeLine) r.FeeLine += sign;
        if (d.FeeBearing) r.FeeBearing += sign;
        if (d.FeeBearing && d.PaidOnline) r.FeeBearingPaidOnline += sign;
        if (d.PaidOnline) r.PaidOnline += sign;
        if (DossierFacts.IsComplaint(d)) r.ReceivedComplaint += sign;
        if (d.PromisedUnknown) r.PromisedUnknown += sign;
        if (!d.ProcedureKnown) r.UnknownProcedure += sign;
        if (DossierStatus.IsProcessed(d.Status) && DossierFacts.EndOf(d) is { } endAt && d.ReceivedAt is { } receivedAt)
        {
            r.Processed += sign;
            r.ProcessedSeconds += sign * (long)(endAt - receivedAt).TotalSeconds;
        }
    }
}

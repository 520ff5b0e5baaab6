using System.Text.Json;
using Reporting.Core.Calendar;
using Reporting.Core.Procedures;

namespace Reporting.Core.Dossiers;

/// <summary>
/// Derives, once per stored version, the facts every rule reads (spec dossiers.md and the 766 rule
/// of indicators.md). Window-independent; the window-dependent questions are in <see cref="DossierClock"/>.
/// </summary>
public static class DossierFacts
{
    public static readonly JsonSerializerOptions ListsJsonOptions = DossierListsJson.Default.Options;

    public static void Apply(Dossier d, DossierLists lists, Procedure? procedure, WorkingCalendar calendar)
    {
        d.ListsJson = JsonSerializer.Serialize(lists, DossierListsJson.Default.DossierLists);
        d.Counted = DossierStatus.IsCounted(d.Status);
        d.ReceivedDay = Day(d.ReceivedAt);
        d.RefusedDay = d.Status == DossierStatus.Refused ? Day(d.RefusedAt ?? d.SubmittedAt ?? d.UpdatedAt) : null;
        d.ProcedureKnown = procedure is not null;
        d.ResultExpected = procedure?.IssuesResult ?? true;

        d.EndDay = DossierStatus.IsFinished(d.Status) ? Day(EndOf(d)) : null;

        d.PromisedEstimated = false;
        d.PromisedUnknown = false;
        d.PromisedDay = Day(d.PromisedAt);
        if (d.PromisedDay is null && d.ReceivedAt is { } received)
        {
            if (procedure?.StatutoryWorkingDays is { } days)
            {
                d.PromisedDay = calendar.AddWorkingDays(DateOnly.FromDateTime(received), days).DayNumber;
                d.PromisedEstimated = true;
            }
            else
            {
                d.PromisedUnknown = true;
            }
        }

        var first = Earliest(lists.Supplements);
        d.SupplementCount = lists.Supplements.Count;
        d.SupplementRequestedDay = first is null ? null : Day(first.RequestedAt);
        d.SupplementSuppliedDay = first is null ? null : Day(first.SuppliedAt);
        d.OriginalPromisedDay = Day(first?.PromisedBefore) ?? d.PromisedDay;

        d.Handling = HandlingOf(d);
        d.OnTime766 = d.EndDay is { } end && DossierClock.OnTime766(d, end);

        // Plain loops: this runs for every stored dossier (issue 13), so no enumerator or delegate per list.
        var electronic = false;
        foreach (var r in lists.Results)
        {
            electronic |= !string.IsNullOrWhiteSpace(r.FileLink);
        }

        bool digitised = false, reused = false, fromStore = false;
        foreach (var c in lists.Components)
        {
            digitised |= c.Digitised || c.Reused || c.FromNationalStore;
            reused |= c.Reused;
            fromStore |= c.FromNationalStore;
        }

        var feeLine = false;
        foreach (var f in lists.Fees)
        {
            feeLine |= f.Amount > 0;
        }

        d.ElectronicResult = electronic;
        d.Digitised = digitised;
        d.Reused = reused;
        d.FromNationalStore = fromStore;
        d.FeeLine = feeLine;
        d.FeeBearing = d.FeeLine || (lists.Fees.Count == 0 && procedure?.HasFee == true);
        RefreshPaid(d);
    }

    /// <summary>Paid online: flagged by the one-stop system, or a successful, not refunded payment.</summary>
    public static void RefreshPaid(Dossier d) => d.PaidOnline = d.OnlinePayment is 1 or 2 || d.PaidByPaymentFeed;

    /// <summary>The end of a finished dossier: NgayKetThucXuLy, else NgayTra.</summary>
    public static DateTime? EndOf(Dossier d) => d.HandlingEndedAt ?? d.ReturnedAt;

    public static bool IsComplaint(Dossier d) => d.Satisfaction == 2 || d.Complaint;

    public static bool IsResidentData(Dossier d) => d.VneIdVerified || d.FromNationalStore;

    private static HandlingClass HandlingOf(Dossier d)
    {
        if (d.EndDay is not { } end)
        {
            return HandlingClass.NotFinished;
        }

        // A missing promised date that cannot be estimated counts as on time (flagged as data quality).
        if (d.PromisedDay is not { } promised)
        {
            return HandlingClass.OnTime;
        }

        return end < promised ? HandlingClass.Early : end == promised ? HandlingClass.OnTime : HandlingClass.Late;
    }

    /// <summary>The first supplement request by date (the first sent among equal dates).</summary>
    private static DossierSupplement? Earliest(List<DossierSupplement> supplements)
    {
        DossierSupplement? first = null;
        foreach (var s in supplements)
        {
            if (first is null || s.RequestedAt < first.RequestedAt)
            {
                first = s;
            }
        }

        return first;
    }

    private static int? Day(DateTime? local) => local is { } t ? DateOnly.FromDateTime(t).DayNumber : null;
}

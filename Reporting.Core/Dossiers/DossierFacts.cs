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
    public static readonly JsonSerializerOptions ListsJsonOptions = new(JsonSerializerDefaults.Web);

    public static void Apply(Dossier d, DossierLists lists, Procedure? procedure, WorkingCalendar calendar)
    {
        d.ListsJson = JsonSerializer.Serialize(lists, ListsJsonOptions);
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

        var supplements = lists.Supplements.OrderBy(s => s.RequestedAt).ToList();
        d.SupplementCount = supplements.Count;
        var first = supplements.FirstOrDefault();
        d.SupplementRequestedDay = first is null ? null : Day(first.RequestedAt);
        d.SupplementSuppliedDay = first is null ? null : Day(first.SuppliedAt);
        d.OriginalPromisedDay = Day(first?.PromisedBefore) ?? d.PromisedDay;

        d.Handling = HandlingOf(d);
        d.OnTime766 = d.EndDay is { } end && DossierClock.OnTime766(d, end);

        d.ElectronicResult = lists.Results.Any(r => !string.IsNullOrWhiteSpace(r.FileLink));
        d.Digitised = lists.Components.Any(c => c.Digitised || c.Reused || c.FromNationalStore);
        d.Reused = lists.Components.Any(c => c.Reused);
        d.FromNationalStore = lists.Components.Any(c => c.FromNationalStore);
        d.FeeLine = lists.Fees.Any(f => f.Amount > 0);
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

    private static int? Day(DateTime? local) => local is { } t ? DateOnly.FromDateTime(t).DayNumber : null;
}

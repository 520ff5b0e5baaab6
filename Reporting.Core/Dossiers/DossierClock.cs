namespace Reporting.Core.Dossiers;

/// <summary>
/// The window-dependent questions about one dossier, all on local day numbers. E is the last day of
/// a window (a dossier is "finished by E" when its end date is on or before E).
/// </summary>
public static class DossierClock
{
    /// <summary>In progress at the end of day E: received by E and not finished by E.</summary>
    public static bool IsOpenAt(Dossier d, int e) =>
        d.Counted && d.ReceivedDay <= e && (d.EndDay is not { } end || end > e);

    /// <summary>Biểu 06 column 12: in progress and the (current) promised date is on or after E.</summary>
    public static bool WithinAt(Dossier d, int e) => d.PromisedDay is not { } promised || promised >= e;

    /// <summary>
    /// "Quá hạn" of a dossier in progress at the end of day E (dossiers.md; Biểu 06 column 13): in
    /// progress and its promised date, estimated from the statutory time when missing, is before E's
    /// date. A dossier due on day E is still within the deadline. The agency page's overdue list is
    /// this rule on today, through <see cref="OverdueAtFilter"/>.
    /// </summary>
    public static bool OverdueAt(Dossier d, int e) => IsOpenAt(d, e) && !WithinAt(d, e);

    /// <summary><see cref="OverdueAt"/> as a SQL-translatable predicate on the derived day columns.</summary>
    public static System.Linq.Expressions.Expression<Func<Dossier, bool>> OverdueAtFilter(int e) => d =>
        d.Counted && d.ReceivedDay <= e && (d.EndDay == null || d.EndDay > e) && d.PromisedDay != null && d.PromisedDay < e;

    /// <summary>Days past the promised date at E for a dossier <see cref="OverdueAt"/> E (at least 1).</summary>
    public static int DaysLateAt(Dossier d, int e) => d.PromisedDay is { } promised ? Math.Max(1, e - promised) : 0;

    /// <summary>
    /// The 766 rule for a dossier in progress at E: more than one supplement request is overdue; while
    /// the applicant is supplementing the clock is stopped; otherwise E, moved back by the days the
    /// applicant took, must not pass the original promised date.
    /// </summary>
    public static bool Within766At(Dossier d, int e)
    {
        if (d.SupplementCount > 1)
        {
            return false;
        }

        if (d.PromisedUnknown)
        {
            return true;
        }

        if (IsWaitingForApplicantAt(d, e))
        {
            return true;
        }

        var waited = d.SupplementSuppliedDay is { } supplied && supplied <= e && d.SupplementRequestedDay is { } requested
            ? Math.Max(0, supplied - requested)
            : 0;
        return e - waited <= d.OriginalPromisedDay;
    }

    /// <summary>The 766 rule for a finished dossier whose end is <paramref name="end"/>.</summary>
    public static bool OnTime766(Dossier d, int end)
    {
        if (d.SupplementCount > 1)
        {
            return false;
        }

        if (d.PromisedUnknown)
        {
            return true;
        }

        var waited = 0;
        if (d.SupplementRequestedDay is { } requested && requested <= end)
        {
            // Never supplied (withdrawn or stopped while waiting): the clock stopped at the request.
            var resumed = d.SupplementSuppliedDay is { } supplied && supplied <= end ? supplied : end;
            waited = Math.Max(0, resumed - requested);
        }

        return end - waited <= d.OriginalPromisedDay;
    }

    private static bool IsWaitingForApplicantAt(Dossier d, int e)
    {
        if (d.SupplementCount != 1 && !(d.SupplementCount == 0 && d.Status == DossierStatus.WaitingSupplement))
        {
            return false;
        }

        if (d.SupplementRequestedDay is not { } requested)
        {
            // Status 5 without a recorded request: the source says it is waiting; trust it.
            return d.Status == DossierStatus.WaitingSupplement && d.EndDay is null;
        }

        return requested <= e && (d.SupplementSuppliedDay is not { } supplied || supplied > e);
    }
}

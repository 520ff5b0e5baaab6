namespace Reporting.Demo.Province;

/// <summary>
/// The whole life of one generated dossier: its events with their local instants (some may lie after
/// the generation's end date, which a simulator serving a later day can reveal). The feed record is a
/// projection as of an instant (<see cref="AsOf"/>): only events at or before it are visible.
/// </summary>
public sealed partial class DossierLifecycle
{
    /// <summary>The instant of an event that never happens.</summary>
    internal static readonly DateTime Never = DateTime.MaxValue;

    internal DossierLifecycle(DemoAgency agency, DemoProcedure procedure, int channel, DateTime submitted, int detailSeed)
    {
        Agency = agency;
        Procedure = procedure;
        Channel = channel;
        SubmittedAt = submitted;
        DetailSeed = detailSeed;
    }

    /// <summary>Dossier code (<c>MaHoSo</c>), e.g. <c>H98.12-250612-0001</c>: agency, submission date, sequence.</summary>
    public string MaHoSo { get; internal set; } = "";
    /// <summary>Electronic identifier of the handling agency (<c>MaDonVi</c>), valid on the reception date.</summary>
    public string AgencyCode => Agency.Code;
    /// <summary>Procedure code (<c>MaTTHC</c>); a few name retired procedures, not in the catalogue.</summary>
    public string ProcedureCode => Procedure.Code;
    /// <summary>1 in person, 2 online, 3 postal.</summary>
    public int Channel { get; }
    public DateTime SubmittedAt { get; }
    /// <summary>The instant of the last event, possibly after the generation's end date.</summary>
    public DateTime LastEventAt => LastEventAtOrBefore(DateTime.MaxValue.AddTicks(-1)) ?? SubmittedAt;

    /// <summary>The last instant the dossier's record or its payments change (a refund may follow the last event).</summary>
    internal DateTime LastChangeAt => RefundAt != Never && RefundAt > LastEventAt ? RefundAt : LastEventAt;

    internal DemoAgency Agency { get; set; }
    internal DemoProcedure Procedure { get; }
    internal int DetailSeed { get; }

    internal DateTime Received { get; set; } = Never;
    internal DateTime Refused { get; set; } = Never;
    internal DateTime Started { get; set; } = Never;
    /// <summary>Promised date at reception (before any supplement request).</summary>
    internal DateTime Due { get; set; } = Never;
    internal SupplementRequest[]? Supplements { get; set; }
    internal DateTime FinanceRequested { get; set; } = Never;
    internal DateTime FinanceFulfilled { get; set; } = Never;
    /// <summary>End of handling: processed (9), withdrawn (7) or stopped (8), see <see cref="EndStatus"/>.</summary>
    internal DateTime End { get; set; } = Never;
    internal int EndStatus { get; set; }
    internal DateTime Returned { get; set; } = Never;
    /// <summary>The source records the return only: status 10 with <c>NgayTra</c> but no <c>NgayKetThucXuLy</c>.</summary>
    internal bool OmitEndDate { get; set; }

    internal FeeMode Fee { get; set; }
    /// <summary>Total fee in đồng (0 when none or exempt).</summary>
    internal int FeeAmount { get; set; }
    /// <summary>1 paid through DVCQG, 2 through the provincial portal; set with <see cref="PaidAt"/>.</summary>
    internal int PaidOnlineKind { get; set; }
    internal DateTime PaidAt { get; set; } = Never;
    internal PaymentRecordKind PaymentRecord { get; set; }
    internal DateTime RefundAt { get; set; } = Never;

    /// <summary>The events in time order.</summary>
    public IReadOnlyList<DossierEvent> Events()
    {
        var events = new List<DossierEvent> { new(SubmittedAt, DossierEventKind.Submitted) };
        void Add(DateTime at, DossierEventKind kind)
        {
            if (at != Never)
            {
                events.Add(new DossierEvent(at, kind));
            }
        }
        Add(Received, DossierEventKind.Received);
        Add(Refused, DossierEventKind.Refused);
        Add(PaidAt, DossierEventKind.PaidOnline);
        Add(Started, DossierEventKind.ProcessingStarted);
        foreach (var supplement in Supplements ?? [])
        {
            Add(supplement.RequestedAt, DossierEventKind.SupplementRequested);
            Add(supplement.ProvidedAt, DossierEventKind.SupplementProvided);
        }
        Add(FinanceRequested, DossierEventKind.FinancialObligationRequested);
        Add(FinanceFulfilled, DossierEventKind.FinancialObligationFulfilled);
        if (End != Never && !(OmitEndDate && EndStatus == 9))
        {
            events.Add(new DossierEvent(End, EndStatus switch
            {
                7 => DossierEventKind.Withdrawn,
                8 => DossierEventKind.Stopped,
                _ => DossierEventKind.Processed,
            }));
        }
        Add(Returned, DossierEventKind.Returned);
        return events.OrderBy(e => e.At).ThenBy(e => e.Kind).ToList();
    }

    /// <summary>The instant of the last event at or before <paramref name="asOfLocal"/>; null before submission.</summary>
    public DateTime? LastEventAtOrBefore(DateTime asOfLocal)
    {
        if (SubmittedAt > asOfLocal)
        {
            return null;
        }
        var last = SubmittedAt;
        void Consider(DateTime at)
        {
            if (at <= asOfLocal && at > last)
            {
                last = at;
            }
        }
        Consider(Received);
        Consider(Refused);
        Consider(PaidAt);
        Consider(Started);
        if (Supplements is not null)
        {
            foreach (var supplement in Supplements)
            {
                Consider(supplement.RequestedAt);
                Consider(supplement.ProvidedAt);
            }
        }
        Consider(FinanceRequested);
        Consider(FinanceFulfilled);
        Consider(End);
        Consider(Returned);
        return last;
    }

    /// <summary>Status code (1–10) as of <paramref name="asOfLocal"/>; 0 before submission.</summary>
    public int StatusAt(DateTime asOfLocal)
    {
        if (SubmittedAt > asOfLocal)
        {
            return 0;
        }
        if (Refused <= asOfLocal)
        {
            return 3;
        }
        if (Received > asOfLocal)
        {
            return 1;
        }
        if (End <= asOfLocal)
        {
            return EndStatus == 9 && Returned <= asOfLocal ? 10 : EndStatus;
        }
        if (Supplements is not null)
        {
            foreach (var supplement in Supplements)
            {
                if (supplement.RequestedAt <= asOfLocal && supplement.ProvidedAt > asOfLocal)
                {
                    return 5;
                }
            }
        }
        if (FinanceRequested <= asOfLocal && FinanceFulfilled > asOfLocal)
        {
            return 6;
        }
        return Started <= asOfLocal ? 4 : 2;
    }

    /// <summary>The promised date as of <paramref name="asOfLocal"/>: moved by each supplement supplied by then.</summary>
    internal DateTime DueAt(DateTime asOfLocal)
    {
        var due = Due;
        if (Supplements is not null)
        {
            foreach (var supplement in Supplements)
            {
                if (supplement.ProvidedAt <= asOfLocal)
                {
                    due = supplement.DueAfter;
                }
            }
        }
        return due;
    }

    /// <summary>Handled after its promised date (by calendar date), once finished.</summary>
    internal bool FinishedLate => End != Never && DemoCalendar.DateOf(End) > DemoCalendar.DateOf(DueAt(End));
}

/// <summary>One supplement request: the promised date before it, and after the applicant supplied.</summary>
internal sealed record SupplementRequest(DateTime RequestedAt, DateTime ProvidedAt, DateTime DueBefore, DateTime DueAfter);

internal enum FeeMode
{
    /// <summary>The procedure has no fee.</summary>
    None,
    /// <summary>Fee lines with the amount.</summary>
    Charged,
    /// <summary>Exempt, recorded as no fee lines.</summary>
    ExemptNoLines,
    /// <summary>Exempt, recorded as a fee line of 0 đồng.</summary>
    ExemptZeroLine,
}

internal enum PaymentRecordKind
{
    /// <summary>The payment platform has no transaction for the dossier.</summary>
    None,
    /// <summary>One successful transaction.</summary>
    Success,
    /// <summary>A failed attempt, then a successful transaction.</summary>
    FailedThenSuccess,
}

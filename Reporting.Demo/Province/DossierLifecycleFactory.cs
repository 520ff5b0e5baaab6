using static Reporting.Demo.Province.DemoCalendar;

namespace Reporting.Demo.Province;

/// <summary>
/// Simulates the life of one dossier: submission, reception or refusal, supplement requests, a
/// financial obligation, withdrawal or stop, processing early / on time / late against the promised
/// date, and the return of the result. All randomness comes from the caller's generator, consumed in
/// a fixed order, so the same sequence of calls gives the same lifecycles.
/// </summary>
internal sealed class DossierLifecycleFactory(DateOnly historyStart, DateOnly historyEnd)
{
    private const double NeverReceivedShare = 0.001;
    private const double RefusedShare = 0.01;
    private const double WithdrawnShare = 0.01;
    private const double StoppedShare = 0.01;
    private const double SecondSupplementShare = 0.12;
    private const double AbandonedSupplementShare = 0.15;
    private const double NotCollectedShare = 0.06;
    private const double ReturnOnlyShare = 0.004;
    private const double PaymentRecordShare = 0.8;
    private const double FailedAttemptShare = 0.05;

    public DossierLifecycle Create(Random random, DateOnly day, DemoAgency agency, DemoProcedure procedure)
    {
        var span = Math.Max(1, historyEnd.DayNumber - historyStart.DayNumber);
        var progress = Math.Clamp((day.DayNumber - historyStart.DayNumber) / (double)span, 0, 1);

        // Channel: the agency's online share, rising a little over time, among procedures offered online.
        var profile = agency.Profile;
        var onlineChance = procedure.CanBeOnline
            ? Math.Min(0.98, profile.OnlineShare * (0.95 + 0.1 * progress) / profile.OnlineCapableShare)
            : 0;
        var channel = random.NextDouble() < onlineChance ? 2 : random.NextDouble() < 0.03 ? 3 : 1;
        var closed = day.DayOfWeek == DayOfWeek.Sunday || IsHoliday(day);
        if (closed && procedure.CanBeOnline)
        {
            // Offices are closed on Sundays and holidays (open on Saturday mornings): only online submissions.
            channel = 2;
        }
        var submitted = channel == 2 ? RandomOnlineTime(day, random)
            : day.DayOfWeek == DayOfWeek.Saturday ? RandomMorningTime(day, random)
            : RandomOfficeTime(day, random);
        var dossier = new DossierLifecycle(agency, procedure, channel, submitted, random.Next());

        // Reception: online dossiers wait for office hours, postal ones for the post.
        var neverReceived = channel == 2 && random.NextDouble() < NeverReceivedShare;
        var reception = channel switch
        {
            2 => OnlineReception(submitted, random),
            3 => RandomOfficeTime(AddWorkingDays(day, 1 + random.Next(3)), random),
            _ => submitted.AddMinutes(random.Next(15)).AddSeconds(random.Next(60)),
        };
        if (agency.ValidTo is { } lastDay && DateOf(reception) > lastDay)
        {
            // Submitted on an old commune's last evening: received before it ends, so the code is
            // valid on the reception date and the same whatever instant the dossier is shown at.
            var closing = lastDay.ToDateTime(new TimeOnly(23, 59, 59));
            var soon = submitted.AddMinutes(1 + random.Next(30));
            reception = soon < closing ? soon : closing;
        }
        dossier.Agency = agency.ValidOn(neverReceived ? day : DateOf(reception));
        profile = dossier.Agency.Profile;
        var refused = !neverReceived && random.NextDouble() < RefusedShare;

        ChooseFee(dossier, random);
        var financial = dossier.FeeAmount > 0
            && random.NextDouble() < (procedure.FinancialObligation ? 0.3 : 0.02);
        var paysOnline = dossier.FeeAmount > 0 && !neverReceived && !(refused && (channel != 2 || financial))
            && random.NextDouble() < profile.OnlinePayment;
        if (paysOnline)
        {
            dossier.PaidOnlineKind = channel == 2 && random.NextDouble() < 0.45 ? 1 : 2;
            dossier.PaymentRecord = random.NextDouble() >= PaymentRecordShare ? PaymentRecordKind.None
                : random.NextDouble() < FailedAttemptShare ? PaymentRecordKind.FailedThenSuccess
                : PaymentRecordKind.Success;
            if (!financial)
            {
                dossier.PaidAt = channel == 2
                    ? submitted.AddMinutes(2 + random.Next(15)).AddSeconds(random.Next(60))
                    : reception.AddMinutes(1 + random.Next(20)).AddSeconds(random.Next(60));
            }
        }

        if (neverReceived)
        {
            return dossier;
        }
        if (refused)
        {
            dossier.Refused = reception;
            AddRefund(dossier, reception, random);
            return dossier;
        }
        dossier.Received = reception;
        Handle(dossier, random, financial, paysOnline);
        return dossier;
    }

    private static DateTime OnlineReception(DateTime submitted, Random random)
    {
        var delay = (int)(-Math.Log(1 - random.NextDouble()) * 150);
        var candidate = submitted.AddMinutes(delay);
        var reception = ToOfficeHours(candidate);
        if (reception != candidate)
        {
            reception = reception.AddMinutes(random.Next(45)).AddSeconds(random.Next(60));
        }
        return random.NextDouble() < 0.12
            ? RandomOfficeTime(AddWorkingDays(DateOf(reception), 1 + random.Next(3)), random)
            : reception;
    }

    private static void ChooseFee(DossierLifecycle dossier, Random random)
    {
        var procedure = dossier.Procedure;
        if (procedure.Fee == 0)
        {
            dossier.Fee = FeeMode.None;
            return;
        }
        var u = random.NextDouble();
        if (u < 0.06)
        {
            dossier.Fee = FeeMode.ExemptNoLines;
            return;
        }
        if (u < 0.08)
        {
            dossier.Fee = FeeMode.ExemptZeroLine;
            return;
        }
        dossier.Fee = FeeMode.Charged;
        dossier.FeeAmount = procedure.PerPage ? procedure.Fee * (1 + random.Next(8)) : procedure.Fee;
    }

    /// <summary>From reception to the end: start, supplements, financial obligation, outcome, return.</summary>
    private static void Handle(DossierLifecycle dossier, Random random, bool financial, bool paysOnline)
    {
        var procedure = dossier.Procedure;
        var profile = dossier.Agency.Profile;
        var reception = dossier.Received;
        dossier.Due = At(AddWorkingDays(DateOf(reception), procedure.Days), reception.TimeOfDay);
        dossier.Started = procedure.Days > 2 && random.NextDouble() < 0.5
            ? RandomOfficeTimeAfter(AddWorkingDays(DateOf(reception), 1 + random.Next(2)), reception, random)
            : ToOfficeHours(reception.AddMinutes(10 + random.Next(110)));

        var u = random.NextDouble();
        var outcome = u < WithdrawnShare ? 7 : u < WithdrawnShare + StoppedShare ? 8 : 9;
        var supplements = random.NextDouble() < profile.Supplement
            ? (random.NextDouble() < SecondSupplementShare ? 2 : 1)
            : 0;
        var late = random.NextDouble() >= profile.OnTime;

        var cursor = dossier.Started;
        var due = dossier.Due;
        if (supplements > 0)
        {
            var requests = new List<SupplementRequest>(supplements);
            for (var k = 0; k < supplements; k++)
            {
                var window = WorkingDaysBetween(DateOf(cursor), DateOf(due));
                var requested = RandomOfficeTimeAfter(
                    AddWorkingDays(DateOf(cursor), window > 1 ? random.Next(window) : 0), cursor, random);
                if (random.NextDouble() < AbandonedSupplementShare)
                {
                    requests.Add(new SupplementRequest(requested, DossierLifecycle.Never, due, DossierLifecycle.Never));
                    dossier.Supplements = [.. requests];
                    // The applicant never supplies: the dossier is stopped or withdrawn weeks later.
                    var endDay = NextWorkingDay(DateOf(requested).AddDays(15 + random.Next(30)));
                    Finish(dossier, random.NextDouble() < 0.3 ? 7 : 8, RandomOfficeTime(endDay, random), random);
                    return;
                }
                var wait = Math.Min(30, 1 + (int)(-Math.Log(1 - random.NextDouble()) * 4));
                var provided = RandomOfficeTimeAfter(NextWorkingDay(DateOf(requested).AddDays(wait)), requested, random);
                var remaining = Math.Max(1, WorkingDaysBetween(DateOf(requested), DateOf(due)));
                var newDue = At(AddWorkingDays(DateOf(provided), remaining), due.TimeOfDay);
                requests.Add(new SupplementRequest(requested, provided, due, newDue));
                cursor = provided;
                due = newDue;
            }
            dossier.Supplements = [.. requests];
        }

        if (financial)
        {
            dossier.FinanceRequested = RandomOfficeTimeAfter(AddWorkingDays(DateOf(cursor), random.Next(2)), cursor, random);
            dossier.FinanceFulfilled = RandomOfficeTimeAfter(
                AddWorkingDays(DateOf(dossier.FinanceRequested), random.Next(4)), dossier.FinanceRequested, random);
            cursor = dossier.FinanceFulfilled;
            if (paysOnline)
            {
                dossier.PaidAt = cursor;
            }
        }

        if (outcome != 9)
        {
            var window = WorkingDaysBetween(DateOf(cursor), DateOf(due));
            var endDay = AddWorkingDays(DateOf(cursor), window > 0 ? random.Next(window + 1) : 0);
            Finish(dossier, outcome, RandomOfficeTimeAfter(endDay, cursor, random), random);
            return;
        }

        DateOnly processedDay;
        if (late)
        {
            var daysLate = 1 + (int)(-Math.Log(1 - random.NextDouble()) * 2.5);
            if (random.NextDouble() < 0.06)
            {
                daysLate += random.Next(8, 40);
            }
            processedDay = AddWorkingDays(DateOf(due), daysLate);
        }
        else
        {
            var window = WorkingDaysBetween(DateOf(cursor), DateOf(due));
            var offset = random.NextDouble() < 0.2 ? window : (int)(window * Math.Pow(random.NextDouble(), 1.6));
            processedDay = AddWorkingDays(DateOf(cursor), offset);
        }
        if (processedDay < DateOf(cursor))
        {
            processedDay = DateOf(cursor);
        }
        var processed = RandomOfficeTimeAfter(processedDay, cursor, random);
        Finish(dossier, 9, processed, random);

        if (random.NextDouble() < NotCollectedShare)
        {
            return;
        }
        dossier.Returned = dossier.Channel == 2 && random.NextDouble() < 0.7
            ? RandomOfficeTimeAfter(DateOf(processed), processed, random)
            : RandomOfficeTimeAfter(
                AddWorkingDays(DateOf(processed), (int)(-Math.Log(1 - random.NextDouble()) * 1.5)), processed, random);
        if (random.NextDouble() < ReturnOnlyShare)
        {
            dossier.OmitEndDate = true;
            dossier.End = dossier.Returned;
        }
    }

    private static void Finish(DossierLifecycle dossier, int status, DateTime at, Random random)
    {
        dossier.End = at;
        dossier.EndStatus = status;
        if (status is 7 or 8)
        {
            if (dossier.PaidAt > at)
            {
                // Withdrawn or stopped before the financial obligation was paid: no payment at all.
                dossier.PaidAt = DossierLifecycle.Never;
                dossier.PaidOnlineKind = 0;
                dossier.PaymentRecord = PaymentRecordKind.None;
            }
            AddRefund(dossier, at, random);
        }
    }

    private static void AddRefund(DossierLifecycle dossier, DateTime endedAt, Random random)
    {
        if (dossier.PaidAt != DossierLifecycle.Never && dossier.PaymentRecord != PaymentRecordKind.None)
        {
            var refundDay = AddWorkingDays(DateOf(endedAt), 1 + random.Next(5));
            dossier.RefundAt = RandomOfficeTimeAfter(refundDay, endedAt, random);
        }
    }
}

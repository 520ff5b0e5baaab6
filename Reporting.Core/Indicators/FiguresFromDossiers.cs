using Reporting.Core.Aggregates;
using Reporting.Core.Dossiers;
using Reporting.Core.Periods;

namespace Reporting.Core.Indicators;

/// <summary>
/// The window figures computed straight from dossiers by the definitions of dossiers.md, without
/// buckets. It is the yardstick the aggregates are tested against, and serves recomputation checks.
/// </summary>
public static class FiguresFromDossiers
{
    public static WindowFigures Compute(IEnumerable<Dossier> dossiers, DateWindow window)
    {
        var figures = new WindowFigures();
        var s = window.From.DayNumber;
        var e = window.To.DayNumber;
        foreach (var d in dossiers)
        {
            if (d.Status == DossierStatus.Refused && d.RefusedDay >= s && d.RefusedDay <= e)
            {
                figures.InWindow.Refused++;
            }

            if (!d.Counted)
            {
                continue;
            }

            var complaint = DossierFacts.IsComplaint(d);
            if (d.ReceivedDay >= s && d.ReceivedDay <= e)
            {
                DossierContribution.AddReceived(d, 1, figures.InWindow);

                if (d.Channel == Channel.Online) figures.ProceduresWithOnline.Add(d.ProcedureCode);
                if (d.FeeLine) figures.ProceduresWithFeeLine.Add(d.ProcedureCode);
                if (d.PaidOnline) figures.ProceduresPaidOnline.Add(d.ProcedureCode);

                if (DossierStatus.IsProcessed(d.Status) && d.EndDay <= e && d.ResultExpected && !d.ElectronicResult)
                {
                    if (d.Channel == Channel.Online) figures.OnlineWithoutResult++;
                    if (d.Digitised) figures.DigitisedWithoutResult++;
                }
            }

            if (d.EndDay is { } end && end >= s && end <= e)
            {
                var w = figures.InWindow;
                w.Handled++;
                if (d.Handling == HandlingClass.Early) w.HandledEarly++;
                if (d.Handling == HandlingClass.OnTime) w.HandledOnTime++;
                if (d.Handling == HandlingClass.Late) w.HandledLate++;
                if (d.OnTime766) w.HandledOnTime766++;
                if (DossierStatus.IsProcessed(d.Status) && d.ResultExpected)
                {
                    w.ResultExpected++;
                    if (d.ElectronicResult) w.ResultElectronic++;
                }
            }

            AddOpen(d, s - 1, complaint, figures.OpenAtStart);
            AddOpen(d, e, complaint, figures.OpenAtEnd);
        }

        return figures;
    }

    private static void AddOpen(Dossier d, int day, bool complaint, CountsTotal into)
    {
        if (!DossierClock.IsOpenAt(d, day))
        {
            return;
        }

        into.Open++;
        if (DossierClock.WithinAt(d, day)) into.OpenWithin++;
        if (DossierClock.Within766At(d, day)) into.OpenWithin766++;
        if (complaint) into.OpenComplaint++;
    }
}

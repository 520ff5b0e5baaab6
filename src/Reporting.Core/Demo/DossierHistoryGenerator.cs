using System.Globalization;

namespace Reporting.Core.Demo;

/// <summary>
/// Generates the province's dossier history: <see cref="DemoOptions.DossierCount"/> dossiers submitted
/// day by day from <see cref="DemoProvince.StartDate"/> to <see cref="DemoOptions.EndDate"/> (fewer at
/// weekends and on holidays, slowly growing), each a <see cref="DossierLifecycle"/>. Before
/// 01/07/2025 local dossiers go to the old communes and the districts, from then on to the new
/// communes. Returns the lifecycles in submission order, with their <c>MaHoSo</c>.
/// </summary>
internal static class DossierHistoryGenerator
{
    public static List<DossierLifecycle> Generate(DemoProvince province)
    {
        var options = province.Options;
        var random = new Random(DemoSeeds.Dossiers(options.Seed));
        var start = province.StartDate;
        var end = options.EndDate;
        var dayCount = end.DayNumber - start.DayNumber + 1;
        var weights = new double[dayCount];
        for (var i = 0; i < dayCount; i++)
        {
            weights[i] = DemoCalendar.VolumeWeight(start.AddDays(i)) * (0.9 + 0.2 * i / Math.Max(1, dayCount - 1));
        }
        var cumulative = DemoCalendar.Cumulative(weights);

        var lifecycles = new List<DossierLifecycle>(options.DossierCount);
        var counters = new int[province.Agencies.Count];
        var today = new List<DossierLifecycle>();
        long previousTarget = 0;
        for (var i = 0; i < dayCount; i++)
        {
            var day = start.AddDays(i);
            var target = (long)Math.Round(options.DossierCount * cumulative[i] / cumulative[^1]);
            var count = (int)(target - previousTarget);
            previousTarget = target;

            var sampler = province.SamplerFor(day);
            today.Clear();
            for (var n = 0; n < count; n++)
            {
                var (agency, procedure) = sampler.Sample(random);
                if (random.NextDouble() < DemoCatalogue.RetiredProcedureShare)
                {
                    procedure = province.RetiredProcedureFor(procedure, random);
                }
                today.Add(province.Factory.Create(random, day, agency, procedure));
            }

            var stamp = day.ToString("yyMMdd", CultureInfo.InvariantCulture);
            foreach (var dossier in today.OrderBy(d => d.SubmittedAt))
            {
                var sequence = ++counters[dossier.Agency.Ordinal];
                dossier.MaHoSo = $"{DemoAgencyNames.CodeSuffix}.{dossier.Agency.ShortCode}-{stamp}-{sequence:D4}";
                lifecycles.Add(dossier);
            }
            Array.Clear(counters);
        }
        return lifecycles;
    }
}

using System.Globalization;

namespace Reporting.Demo.Province;

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
        var weights = DayWeights(province);
        var cumulative = DemoCalendar.Cumulative(weights);

        var lifecycles = new List<DossierLifecycle>(options.DossierCount);
        long previousTarget = 0;
        for (var i = 0; i < weights.Length; i++)
        {
            var target = (long)Math.Round(options.DossierCount * cumulative[i] / cumulative[^1]);
            lifecycles.AddRange(Day(province, random, start.AddDays(i), (int)(target - previousTarget)));
            previousTarget = target;
        }
        return lifecycles;
    }

    /// <summary>Each history day's relative volume: weekday, holiday and season, growing by a fifth over the history.</summary>
    public static double[] DayWeights(DemoProvince province)
    {
        var start = province.StartDate;
        var dayCount = province.Options.EndDate.DayNumber - start.DayNumber + 1;
        var weights = new double[dayCount];
        for (var i = 0; i < dayCount; i++)
        {
            weights[i] = DemoCalendar.VolumeWeight(start.AddDays(i)) * (0.9 + 0.2 * i / Math.Max(1, dayCount - 1));
        }
        return weights;
    }

    /// <summary>
    /// The <paramref name="count"/> dossiers submitted on <paramref name="day"/>, drawn from <paramref name="random"/>
    /// in a fixed order, in submission order with their codes (sequence per agency and day).
    /// </summary>
    public static List<DossierLifecycle> Day(DemoProvince province, Random random, DateOnly day, int count)
    {
        var sampler = province.SamplerFor(day);
        var created = new List<DossierLifecycle>(count);
        for (var n = 0; n < count; n++)
        {
            var (agency, procedure) = sampler.Sample(random);
            if (random.NextDouble() < DemoCatalogue.RetiredProcedureShare)
            {
                procedure = province.RetiredProcedureFor(procedure, random);
            }
            created.Add(province.Factory.Create(random, day, agency, procedure));
        }

        var stamp = day.ToString("yyMMdd", CultureInfo.InvariantCulture);
        var counters = new int[province.Agencies.Count];
        var ordered = created.OrderBy(d => d.SubmittedAt).ToList();
        foreach (var dossier in ordered)
        {
            var sequence = ++counters[dossier.Agency.Ordinal];
            dossier.MaHoSo = $"{DemoAgencyNames.CodeSuffix}.{dossier.Agency.ShortCode}-{stamp}-{sequence:D4}";
        }
        return ordered;
    }
}

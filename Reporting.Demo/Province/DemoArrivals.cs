namespace Reporting.Demo.Province;

/// <summary>
/// The dossiers submitted after <see cref="DemoOptions.EndDate"/>, for simulators serving the days that follow:
/// each day's arrivals are drawn from the seed and the date only (the same day always gives the same dossiers,
/// whatever was asked before), at the volume of the history's last weeks, by the same lifecycle generator, so
/// they are handled, supplemented, paid, some late. Days are generated on demand; at most
/// <see cref="CachedDays"/> of them are kept, plus each generated day's last change, so memory stays bounded
/// however long a simulator runs, and a reader asking only for recent changes regenerates nothing old.
/// </summary>
internal sealed class DemoArrivals(DemoProvince province)
{
    /// <summary>About two months of arrivals (dossiers late or waiting for a supplement stay in the feed that long).</summary>
    public const int CachedDays = 62;

    private readonly Lock _lock = new();
    private readonly Dictionary<DateOnly, (List<DossierLifecycle> Dossiers, long LastUse)> _days = [];
    private readonly Dictionary<DateOnly, DateTime> _lastChange = [];
    private readonly Lazy<double> _perWeight = new(() => PerWeight(province));
    private long _uses;

    /// <summary>Days generated and kept now (for tests of the memory bound).</summary>
    public int CachedDayCount
    {
        get
        {
            lock (_lock)
            {
                return _days.Count;
            }
        }
    }

    /// <summary>
    /// The arrivals submitted from the day after the end date up to <paramref name="asOfLocal"/>'s day, skipping days
    /// known to have no change (event or refund) at or after <paramref name="changedSinceLocal"/>; each with its
    /// position key: <c>N</c> + days after the end date + position in the day, stable for ever.
    /// </summary>
    public IEnumerable<(DossierLifecycle Dossier, string Key)> Until(DateTime asOfLocal, DateTime changedSinceLocal)
    {
        var end = province.Options.EndDate;
        var last = DateOnly.FromDateTime(asOfLocal);
        for (var day = end.AddDays(1); day <= last; day = day.AddDays(1))
        {
            lock (_lock)
            {
                if (_lastChange.TryGetValue(day, out var lastChange) && lastChange < changedSinceLocal)
                {
                    continue;
                }
            }

            var dossiers = On(day);
            var offset = day.DayNumber - end.DayNumber;
            for (var i = 0; i < dossiers.Count; i++)
            {
                yield return (dossiers[i], $"N{offset:D4}{i:D5}");
            }
        }
    }

    /// <summary>The dossiers submitted on <paramref name="day"/> (after the end date), in submission order.</summary>
    public IReadOnlyList<DossierLifecycle> On(DateOnly day)
    {
        lock (_lock)
        {
            if (_days.TryGetValue(day, out var cached))
            {
                _days[day] = (cached.Dossiers, ++_uses);
                return cached.Dossiers;
            }
        }

        var generated = Generate(day);
        lock (_lock)
        {
            _days[day] = (generated, ++_uses);
            _lastChange[day] = generated.Count == 0 ? DateTime.MinValue : generated.Max(d => d.LastChangeAt);
            if (_days.Count > CachedDays)
            {
                _days.Remove(_days.MinBy(d => d.Value.LastUse).Key);
            }
        }
        return generated;
    }

    private List<DossierLifecycle> Generate(DateOnly day)
    {
        var random = new Random(DemoSeeds.Arrivals(province.Options.Seed, day));
        var expected = _perWeight.Value * DemoCalendar.VolumeWeight(day);
        var count = (int)Math.Floor(expected + random.NextDouble());
        return DossierHistoryGenerator.Day(province, random, day, count);
    }

    /// <summary>The history's dossiers per unit of day weight at its end (its growth included).</summary>
    private static double PerWeight(DemoProvince province)
    {
        var total = DossierHistoryGenerator.DayWeights(province).Sum();
        return total <= 0 ? 0 : province.Options.DossierCount * 1.1 / total;
    }
}

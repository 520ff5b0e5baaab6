namespace Reporting.Demo.Province;

/// <summary>
/// Draws which agency receives a dossier for which procedure, weighted by the procedure's popularity
/// and the agency's size, with fixed shares per group of agencies (departments, districts, communes).
/// </summary>
internal sealed class DossierSampler
{
    private readonly (DemoAgency Agency, DemoProcedure Procedure)[] _pairs;
    private readonly double[] _cumulative;

    private DossierSampler(List<(DemoAgency Agency, DemoProcedure Procedure, double Weight)> pairs)
    {
        _pairs = pairs.Select(p => (p.Agency, p.Procedure)).ToArray();
        _cumulative = DemoCalendar.Cumulative(pairs.Select(p => p.Weight).ToArray());
    }

    public (DemoAgency Agency, DemoProcedure Procedure) Sample(Random random) =>
        _pairs[DemoCalendar.Pick(_cumulative, random.NextDouble())];

    /// <summary>
    /// Builds a sampler from groups of (agency, procedure, weight) with each group's share of all
    /// dossiers, and records on every agency the share of its dossiers that could be submitted online.
    /// </summary>
    public static DossierSampler Create(params (double Share, List<(DemoAgency Agency, DemoProcedure Procedure, double Weight)> Pairs)[] groups)
    {
        var all = new List<(DemoAgency, DemoProcedure, double)>();
        foreach (var (share, pairs) in groups)
        {
            var total = pairs.Sum(p => p.Weight);
            if (total <= 0)
            {
                continue;
            }
            all.AddRange(pairs.Select(p => (p.Agency, p.Procedure, p.Weight * share / total)));
            foreach (var byAgency in pairs.GroupBy(p => p.Agency))
            {
                var agencyTotal = byAgency.Sum(p => p.Weight);
                var online = byAgency.Where(p => p.Procedure.CanBeOnline).Sum(p => p.Weight);
                byAgency.Key.Profile.OnlineCapableShare = agencyTotal > 0 ? Math.Max(0.05, online / agencyTotal) : 1;
            }
        }
        return new DossierSampler(all);
    }
}

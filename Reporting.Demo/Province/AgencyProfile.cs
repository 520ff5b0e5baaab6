namespace Reporting.Demo.Province;

/// <summary>
/// How one agency behaves in the demo data, drawn from the seed. The rates share a latent "quality",
/// so an agency that is good at one thing tends to be good at others, as in real rankings.
/// </summary>
internal sealed class AgencyProfile
{
    /// <summary>Volume multiplier (population, business activity).</summary>
    public double Size { get; init; } = 1;
    /// <summary>Target share of dossiers submitted online (channel 2): 0.48–0.75, ±5% over time.</summary>
    public double OnlineShare { get; init; } = 0.6;
    /// <summary>Share of dossiers handled by their promised date: 0.80–0.99.</summary>
    public double OnTime { get; init; } = 0.9;
    /// <summary>Share of fee-bearing dossiers paid online: 0.30–0.70.</summary>
    public double OnlinePayment { get; init; } = 0.5;
    /// <summary>Per submitted component: digitised (<c>DuocSoHoa</c>).</summary>
    public double Digitised { get; init; } = 0.7;
    /// <summary>Per component: reused digitised data (<c>DuocTaiSuDung</c>).</summary>
    public double Reused { get; init; } = 0.2;
    /// <summary>Per identity component: taken from the national data store (<c>DuocLayTuKhoDMQG</c>).</summary>
    public double FromNationalStore { get; init; } = 0.2;
    /// <summary>Electronic result (a result file link) of an online / in-person dossier.</summary>
    public double EResultOnline { get; init; } = 0.9;
    public double EResultInPerson { get; init; } = 0.3;
    /// <summary>Online applicants authenticated with VNeID.</summary>
    public double VneId { get; init; } = 0.6;
    /// <summary>Dossiers synced to DVCQG (<c>DongBoDVCQG</c> = 1).</summary>
    public double Synced { get; init; } = 0.9;
    /// <summary>Applicants who rate the service, and of those the share not satisfied.</summary>
    public double RatingShare { get; init; } = 0.35;
    public double Dissatisfied { get; init; } = 0.03;
    /// <summary>Dossiers with a supplement request.</summary>
    public double Supplement { get; init; } = 0.05;

    /// <summary>
    /// Share of this agency's expected dossiers whose procedure can be submitted online; set when the
    /// province is built, so that the online share of the agency's dossiers meets <see cref="OnlineShare"/>.
    /// </summary>
    public double OnlineCapableShare { get; set; } = 1;

    public static AgencyProfile Neutral { get; } = new();

    public static AgencyProfile Draw(Random random, string kind)
    {
        var quality = random.NextDouble();
        double Rate(double low, double high)
        {
            var position = Math.Clamp(quality + (random.NextDouble() - 0.5) * 0.5, 0, 1);
            return low + (high - low) * position;
        }

        var sizeSpread = kind == DemoAgencyKinds.Department ? 0.3 : 0.45;
        return new AgencyProfile
        {
            Size = Math.Exp(sizeSpread * Normal(random)),
            OnlineShare = Rate(0.48, 0.75),
            OnTime = Rate(0.80, 0.99),
            OnlinePayment = Rate(0.30, 0.70),
            Digitised = Rate(0.45, 0.97),
            Reused = Rate(0.05, 0.55),
            FromNationalStore = Rate(0.05, 0.50),
            EResultOnline = Rate(0.75, 0.99),
            EResultInPerson = Rate(0.10, 0.60),
            VneId = Rate(0.30, 0.90),
            Synced = Rate(0.84, 0.97),
            RatingShare = Rate(0.15, 0.55),
            Dissatisfied = Rate(0.06, 0.005),
            Supplement = Rate(0.07, 0.03),
        };
    }

    /// <summary>A standard normal draw (Box–Muller).</summary>
    public static double Normal(Random random)
    {
        var u1 = 1.0 - random.NextDouble();
        var u2 = random.NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
    }
}

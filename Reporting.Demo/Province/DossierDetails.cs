using Reporting.Core.Feeds;

namespace Reporting.Demo.Province;

/// <summary>
/// The parts of a dossier that do not change over its life (submitted components, whether its result
/// is electronic, the applicant's rating...), drawn from the dossier's own seed in a fixed order, so a
/// projection at any instant shows the same values without storing them.
/// </summary>
internal sealed class DossierDetails
{
    public required List<ComponentFeedItem> Components { get; init; }
    public bool ElectronicResult { get; init; }
    public bool VneId { get; init; }
    public bool Synced { get; init; }
    public bool Rates { get; init; }
    /// <summary>Uniform draw compared with the dissatisfaction rate.</summary>
    public double Satisfaction { get; init; }
    /// <summary>Uniform draw compared with the complaint rate.</summary>
    public double Complaint { get; init; }
    public bool SplitFee { get; init; }

    public static DossierDetails Draw(DossierLifecycle dossier)
    {
        var random = new Random(dossier.DetailSeed);
        var profile = dossier.Agency.Profile;
        var online = dossier.Channel == 2;
        var names = dossier.Procedure.Components;
        var count = 1 + random.Next(names.Length);
        var components = new List<ComponentFeedItem>(count);
        for (var i = 0; i < count; i++)
        {
            var identity = names[i].StartsWith("Căn cước", StringComparison.Ordinal);
            var digitised = random.NextDouble() < profile.Digitised * (online ? 1.0 : 0.75);
            var reused = random.NextDouble() < profile.Reused;
            var national = random.NextDouble() < profile.FromNationalStore * (identity ? 1.6 : 0.4);
            components.Add(new ComponentFeedItem
            {
                TenTaiLieu = names[i],
                DuocSoHoa = digitised ? 1 : 0,
                DuocTaiSuDung = reused ? 1 : 0,
                DuocLayTuKhoDMQG = national ? 1 : 0,
            });
        }

        return new DossierDetails
        {
            Components = components,
            ElectronicResult = random.NextDouble() < (online ? profile.EResultOnline : profile.EResultInPerson),
            VneId = random.NextDouble() < profile.VneId,
            Synced = random.NextDouble() < profile.Synced,
            Rates = random.NextDouble() < profile.RatingShare,
            Satisfaction = random.NextDouble(),
            Complaint = random.NextDouble(),
            SplitFee = random.NextDouble() < 0.5,
        };
    }
}

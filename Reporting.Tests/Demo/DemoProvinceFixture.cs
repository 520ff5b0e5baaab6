using System.Globalization;
using Reporting.Core.Feeds;
using Reporting.Demo.Province;

namespace Reporting.Tests.Demo;

/// <summary>One small demo province shared by the demo tests (generation is the slow part).</summary>
public sealed class DemoProvinceFixture
{
    public const int DossierCount = 20_000;

    public DemoProvinceFixture()
    {
        Province = DemoProvince.Build(new DemoOptions { DossierCount = DossierCount });
        Dossiers = Province.Dossiers().ToList();
        Agencies = Province.Tree.Items.ToDictionary(a => a.Code!);
        Procedures = Province.Procedures.ToDictionary(p => p.MaTTHC!);
    }

    public DemoProvince Province { get; }
    public IReadOnlyList<DossierFeedItem> Dossiers { get; }
    public IReadOnlyDictionary<string, AgencyTreeItem> Agencies { get; }
    public IReadOnlyDictionary<string, ProcedureFeedItem> Procedures { get; }

    public static DateOnly ParseDay(string text) => DateOnly.ParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    public bool IsValidOn(AgencyTreeItem agency, DateOnly day) =>
        day >= ParseDay(agency.ValidFrom!) && (agency.ValidTo is null || day <= ParseDay(agency.ValidTo));
}

[CollectionDefinition(Name)]
public sealed class DemoProvinceCollection : ICollectionFixture<DemoProvinceFixture>
{
    public const string Name = "Demo province";
}

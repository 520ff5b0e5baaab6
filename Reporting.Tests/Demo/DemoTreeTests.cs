using System.Text.RegularExpressions;
using Reporting.Demo.Province;

namespace Reporting.Tests.Demo;

[Collection(DemoProvinceCollection.Name)]
public sealed partial class DemoTreeTests(DemoProvinceFixture fixture)
{
    private const string Merger = "2025-07-01";
    private const string LastDayBefore = "2025-06-30";

    [GeneratedRegex(@"^000\.\d{2}\.\d{2}\.H98$")]
    private static partial Regex CodePattern();

    private IReadOnlyList<Reporting.Core.Feeds.AgencyTreeItem> Items => fixture.Province.Tree.Items;

    [Fact]
    public void Has_one_province_root_and_every_parent_exists()
    {
        var root = Assert.Single(Items, a => a.ParentCode is null);
        Assert.Equal(DemoAgencyKinds.Province, root.Kind);
        Assert.Equal("98", root.AdminUnitCode);
        Assert.Contains("Sơn Hà", root.Name);
        Assert.All(Items.Where(a => a.ParentCode is not null), a => Assert.True(fixture.Agencies.ContainsKey(a.ParentCode!), a.Code));
    }

    [Fact]
    public void Codes_and_admin_unit_codes_are_unique_and_well_formed()
    {
        Assert.Equal(Items.Count, Items.Select(a => a.Code).Distinct().Count());
        Assert.All(Items, a => Assert.Matches(CodePattern(), a.Code!));
        var unitCodes = Items.Where(a => a.AdminUnitCode is not null).Select(a => a.AdminUnitCode!).ToList();
        Assert.Equal(unitCodes.Count, unitCodes.Distinct().Count());
        Assert.All(Items.Where(a => a.Kind == DemoAgencyKinds.Commune), a => Assert.Matches(@"^\d{5}$", a.AdminUnitCode!));
        Assert.All(Items.Where(a => a.Kind == DemoAgencyKinds.District), a => Assert.Matches(@"^\d{3}$", a.AdminUnitCode!));
        Assert.Contains(Items, a => a.AdminUnitCode?.StartsWith('0') == true);
        Assert.All(Items, a => Assert.False(string.IsNullOrWhiteSpace(a.Name)));
        Assert.All(Items, a => Assert.NotNull(a.Order));
    }

    [Fact]
    public void Has_the_expected_kinds_and_counts()
    {
        int Count(string kind) => Items.Count(a => a.Kind == kind);
        Assert.InRange(Count(DemoAgencyKinds.Department), 15, 25);
        Assert.Equal(1, Count(DemoAgencyKinds.ServiceCentre));
        Assert.InRange(Count(DemoAgencyKinds.District), 8, 9);
        Assert.InRange(Items.Count(a => a.Kind == DemoAgencyKinds.Commune && a.ValidTo is not null), 150, 190);
        Assert.InRange(Items.Count(a => a.Kind == DemoAgencyKinds.Commune && a.ValidTo is null), 80, 100);
        Assert.Contains(Items, a => a.Name == "Trung tâm Phục vụ hành chính công tỉnh");
        Assert.Contains(Items, a => a.Name == "Sở Nông nghiệp và Môi trường");
        Assert.Contains(Items, a => a.Name!.StartsWith("Phường ", StringComparison.Ordinal) && a.ValidTo is null);
        Assert.Contains(Items, a => a.Name!.StartsWith("Xã ", StringComparison.Ordinal) && a.ValidTo is null);
    }

    [Fact]
    public void Districts_and_their_communes_end_before_the_merger_and_new_communes_start_with_it()
    {
        var districts = Items.Where(a => a.Kind == DemoAgencyKinds.District).ToList();
        Assert.All(districts, d => Assert.Equal(LastDayBefore, d.ValidTo));
        var oldCommunes = Items.Where(a => a.Kind == DemoAgencyKinds.Commune && a.ValidTo is not null).ToList();
        Assert.All(oldCommunes, c =>
        {
            Assert.Equal(LastDayBefore, c.ValidTo);
            Assert.Equal(DemoAgencyKinds.District, fixture.Agencies[c.ParentCode!].Kind);
            Assert.True(string.CompareOrdinal(c.ValidFrom, c.ValidTo) < 0);
        });
        var newCommunes = Items.Where(a => a.Kind == DemoAgencyKinds.Commune && a.ValidTo is null).ToList();
        Assert.All(newCommunes, c =>
        {
            Assert.Equal(Merger, c.ValidFrom);
            Assert.Equal(DemoAgencyKinds.Province, fixture.Agencies[c.ParentCode!].Kind);
        });
    }

    [Fact]
    public void Successor_links_point_to_agencies_starting_at_the_merger_with_exactly_one_primary()
    {
        var withSuccessors = Items.Where(a => a.Successors is { Count: > 0 }).ToList();
        Assert.All(withSuccessors, a =>
        {
            Assert.Equal(1, a.Successors!.Count(s => s.Primary));
            Assert.Equal(a.Successors!.Count, a.Successors.Select(s => s.Code).Distinct().Count());
            Assert.All(a.Successors!, s =>
            {
                Assert.True(fixture.Agencies.TryGetValue(s.Code!, out var successor), s.Code);
                Assert.Equal(Merger, successor!.ValidFrom);
                Assert.Equal(LastDayBefore, a.ValidTo);
            });
        });
        // Every ended agency has a successor; every new commune has a predecessor.
        Assert.All(Items.Where(a => a.ValidTo is not null), a => Assert.NotNull(a.Successors));
        var predecessors = withSuccessors.SelectMany(a => a.Successors!.Select(s => (s.Code, a.Kind))).ToLookup(x => x.Code);
        var newCommunes = Items.Where(a => a.Kind == DemoAgencyKinds.Commune && a.ValidTo is null).ToList();
        Assert.All(newCommunes, c => Assert.Contains(predecessors[c.Code], p => p.Kind == DemoAgencyKinds.Commune));
        // Mostly merges (2–3 old communes into one), a few splits (1 old into 2 new).
        var merged = newCommunes.Count(c => predecessors[c.Code].Count(p => p.Kind == DemoAgencyKinds.Commune) >= 2);
        Assert.True(merged > newCommunes.Count / 2, $"{merged} of {newCommunes.Count} new communes merge several old ones");
        Assert.InRange(withSuccessors.Count(a => a.Successors!.Count == 2), 2, 10);
    }
}

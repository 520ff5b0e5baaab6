using static Reporting.Demo.Province.DemoAgencyNames;

namespace Reporting.Demo.Province;

/// <summary>
/// Builds the agency tree of the demo province. The tree is fixed (its own generator seed), the same
/// for every <see cref="DemoOptions.Seed"/>:
/// <list type="bullet">
/// <item>the root (UBND tỉnh, <c>000.00.00.H98</c>), 18 departments (<c>000.00.01–18.H98</c>) and the
/// service centre (<c>000.00.25.H98</c>), valid since 2020-01-01;</item>
/// <item>9 former districts (<c>000.00.31–39.H98</c>, adminUnitCode <c>081</c>–<c>089</c>) with their
/// communes (<c>000.{31–39}.{01…}.H98</c>, adminUnitCode <c>08001…</c>), valid 2020-01-01 to 2025-06-30;</item>
/// <item>the new communes and wards directly under the province since 2025-07-01
/// (<c>000.{51–59}.{01…}.H98</c>, adminUnitCode <c>09001…</c>; the first two digits tell the former
/// district they lie in).</item>
/// </list>
/// Old communes merge 1–3 into one new commune (their only, primary successor); four of them are split
/// between two new communes (one primary). A district's successor is the new commune that took over its
/// seat (the town or the central wards), primary, so that district dossiers follow a current agency in
/// the "as today's structure" view.
/// </summary>
internal static class DemoTreeBuilder
{
    private static readonly DateOnly HistoryStart = new(2020, 1, 1);
    private static readonly DateOnly LastDayBeforeMerger = DemoCalendar.MergerDate.AddDays(-1);
    private static readonly int[] SplitDistricts = [1, 3, 5, 7];

    public static List<DemoAgency> Build()
    {
        var random = new Random(98);
        var root = new DemoAgency
        {
            Code = Code(0, 0), Name = RootName, Kind = DemoAgencyKinds.Province,
            AdminUnitCode = ProvinceAdminUnitCode, ValidFrom = HistoryStart, Order = 1,
        };
        var current = new List<DemoAgency> { root };
        for (var i = 0; i < Departments.Length; i++)
        {
            current.Add(new DemoAgency
            {
                Code = Code(0, i + 1), Name = Departments[i].Name, Kind = DemoAgencyKinds.Department, Parent = root,
                ValidFrom = HistoryStart, Order = i + 1, DepartmentKey = Departments[i].Key,
            });
        }
        current.Add(new DemoAgency
        {
            Code = Code(0, 25), Name = ServiceCentreName, Kind = DemoAgencyKinds.ServiceCentre, Parent = root,
            ValidFrom = HistoryStart, Order = Departments.Length + 1,
        });

        var history = new List<DemoAgency>();
        var usedNames = new HashSet<string>(Districts.Select(d => d.Name).Concat(CityWardNames));
        var oldSequence = 0;
        var newSequence = 0;
        for (var d = 0; d < Districts.Length; d++)
        {
            var seed = Districts[d];
            var district = new DemoAgency
            {
                Code = Code(0, 31 + d), Name = seed.FullName, Kind = DemoAgencyKinds.District, Parent = root,
                AdminUnitCode = $"08{d + 1}", ValidFrom = HistoryStart, ValidTo = LastDayBeforeMerger, Order = 300 + d,
            };
            history.Add(district);

            var oldNames = OldCommuneNames(seed, d, random, usedNames);
            var oldCommunes = new List<DemoAgency>();
            for (var i = 0; i < oldNames.Count; i++)
            {
                oldCommunes.Add(new DemoAgency
                {
                    Code = Code(31 + d, i + 1), Name = $"{oldNames[i].Prefix} {oldNames[i].Name}",
                    Kind = DemoAgencyKinds.Commune, Parent = district, AdminUnitCode = $"08{++oldSequence:D3}",
                    ValidFrom = HistoryStart, ValidTo = LastDayBeforeMerger, Order = i + 1,
                });
            }
            history.AddRange(oldCommunes);

            var groups = Group(oldNames, seed, random);
            var newCommunes = new List<DemoAgency>();
            for (var g = 0; g < groups.Count; g++)
            {
                var members = groups[g];
                var prefix = oldNames[members[0]].Prefix == "Phường" ? "Phường" : "Xã";
                var name = g == 0 ? seed.Name : oldNames[members[0]].Name;
                var commune = new DemoAgency
                {
                    Code = Code(51 + d, g + 1), Name = $"{prefix} {name}", Kind = DemoAgencyKinds.Commune, Parent = root,
                    AdminUnitCode = $"09{++newSequence:D3}", ValidFrom = DemoCalendar.MergerDate, Order = 100 + newSequence,
                };
                newCommunes.Add(commune);
                foreach (var member in members)
                {
                    oldCommunes[member].Successors.Add((commune, true));
                }
            }
            current.AddRange(newCommunes);
            district.Successors.Add((newCommunes[0], true));

            if (SplitDistricts.Contains(d))
            {
                AddSplit(groups, oldNames, oldCommunes, newCommunes);
            }
        }

        var all = current.Concat(history).ToList();
        for (var i = 0; i < all.Count; i++)
        {
            all[i].Ordinal = i;
        }
        return all;
    }

    /// <summary>Electronic identifier <c>000.AA.BB.H98</c>.</summary>
    private static string Code(int middle, int last) => $"000.{middle:D2}.{last:D2}.{CodeSuffix}";

    /// <summary>Old communes of a district, its seat first (the town, or the central ward).</summary>
    private static List<(string Prefix, string Name)> OldCommuneNames(
        DistrictSeed seed, int index, Random random, HashSet<string> usedNames)
    {
        var names = new List<(string, string)>();
        if (seed.IsUrban)
        {
            for (var i = 0; i < seed.Wards; i++)
            {
                names.Add(("Phường", index == 0 && i < CityWardNames.Length ? CityWardNames[i] : NewName(seed, random, usedNames)));
            }
        }
        else
        {
            names.Add(("Thị trấn", seed.Name));
        }
        for (var i = 0; i < seed.Communes; i++)
        {
            names.Add(("Xã", NewName(seed, random, usedNames)));
        }
        return names;
    }

    private static string NewName(DistrictSeed seed, Random random, HashSet<string> usedNames)
    {
        while (true)
        {
            var first = random.NextDouble() < 0.35 ? seed.FavouritePrefix : FirstSyllables[random.Next(FirstSyllables.Length)];
            var second = SecondSyllables[random.Next(SecondSyllables.Length)];
            if (first == second || (Directions.Contains(first) && Directions.Contains(second)))
            {
                continue;
            }
            var name = $"{first} {second}";
            if (usedNames.Add(name))
            {
                return name;
            }
        }
    }

    /// <summary>
    /// Groups consecutive old communes into new ones: the seat with its neighbours first (2 wards, or the
    /// town and 2 communes), then groups of 1 (20%), 2 (62%) or 3 (18%), never mixing wards and communes.
    /// </summary>
    private static List<List<int>> Group(List<(string Prefix, string Name)> names, DistrictSeed seed, Random random)
    {
        var groups = new List<List<int>>();
        var i = 0;
        var first = true;
        while (i < names.Count)
        {
            var isWard = names[i].Prefix == "Phường";
            var sameKind = 1;
            while (i + sameKind < names.Count && (names[i + sameKind].Prefix == "Phường") == isWard)
            {
                sameKind++;
            }
            int size;
            if (first)
            {
                size = seed.IsUrban ? 2 : 3;
                first = false;
            }
            else
            {
                var u = random.NextDouble();
                size = u < 0.20 ? 1 : u < 0.82 ? 2 : 3;
            }
            size = Math.Min(size, sameKind);
            groups.Add(Enumerable.Range(i, size).ToList());
            i += size;
        }
        return groups;
    }

    /// <summary>One old commune of the district is split: part of it goes to the next new commune.</summary>
    private static void AddSplit(
        List<List<int>> groups, List<(string Prefix, string Name)> names, List<DemoAgency> oldCommunes, List<DemoAgency> newCommunes)
    {
        for (var g = 1; g < groups.Count - 1; g++)
        {
            var last = groups[g][^1];
            var next = groups[g + 1][0];
            if (groups[g].Count >= 2 && names[last].Prefix == names[next].Prefix)
            {
                oldCommunes[last].Successors.Add((newCommunes[g + 1], false));
                return;
            }
        }
    }
}

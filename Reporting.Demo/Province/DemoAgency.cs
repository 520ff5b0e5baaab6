using System.Globalization;
using Reporting.Core.Feeds;

namespace Reporting.Demo.Province;

/// <summary>Agency kinds of the tree (spec agencies.md, <c>PUT /api/v1/agencies</c>).</summary>
public static class DemoAgencyKinds
{
    public const string Province = "Province";
    public const string Department = "Department";
    public const string ServiceCentre = "ServiceCentre";
    public const string District = "District";
    public const string Commune = "Commune";
}

/// <summary>One agency of the demo tree, with the behaviour its dossiers are generated from.</summary>
internal sealed class DemoAgency
{
    /// <summary>Position in the province's agency list.</summary>
    public int Ordinal { get; set; }
    public required string Code { get; init; }
    public required string Name { get; init; }
    public required string Kind { get; init; }
    public DemoAgency? Parent { get; init; }
    public string? AdminUnitCode { get; init; }
    public required DateOnly ValidFrom { get; init; }
    public DateOnly? ValidTo { get; init; }
    public required int Order { get; init; }
    /// <summary>Department key (<see cref="DemoAgencyNames.Departments"/>) for departments.</summary>
    public string? DepartmentKey { get; init; }
    public List<(DemoAgency Agency, bool Primary)> Successors { get; } = [];

    /// <summary>Part of <c>MaHoSo</c> naming the agency: "12" for <c>000.00.12.H98</c>, "31.05" for <c>000.31.05.H98</c>.</summary>
    public string ShortCode => _shortCode ??= ComputeShortCode();
    private string? _shortCode;

    /// <summary>Behaviour drawn from the seed; set when a province is built.</summary>
    public AgencyProfile Profile { get; set; } = AgencyProfile.Neutral;

    public bool IsValidOn(DateOnly day) => day >= ValidFrom && (ValidTo is not { } to || day <= to);

    public DemoAgency? PrimarySuccessor => Successors.Where(s => s.Primary).Select(s => s.Agency).FirstOrDefault();

    /// <summary>This agency, or the first primary successor valid on <paramref name="day"/>.</summary>
    public DemoAgency ValidOn(DateOnly day)
    {
        var agency = this;
        while (!agency.IsValidOn(day) && agency.PrimarySuccessor is { } next)
        {
            agency = next;
        }
        return agency;
    }

    private string ComputeShortCode()
    {
        var parts = Code.Split('.');
        return parts[1] == "00" ? parts[2] : $"{parts[1]}.{parts[2]}";
    }

    public AgencyTreeItem ToTreeItem() => new()
    {
        Code = Code,
        Name = Name,
        Kind = Kind,
        ParentCode = Parent?.Code,
        AdminUnitCode = AdminUnitCode,
        ValidFrom = ValidFrom.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        ValidTo = ValidTo?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        Order = Order,
        Successors = Successors.Count == 0
            ? null
            : Successors.Select(s => new AgencySuccessorItem { Code = s.Agency.Code, Primary = s.Primary }).ToList(),
    };
}

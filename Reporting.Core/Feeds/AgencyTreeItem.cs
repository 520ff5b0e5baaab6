using System.Text.Json.Serialization;

namespace Reporting.Core.Feeds;

/// <summary>One agency of <c>PUT /api/v1/agencies</c> (spec api.md). Dates are <c>yyyy-MM-dd</c>.</summary>
public sealed class AgencyTreeItem
{
    [JsonPropertyName("code")] public string? Code { get; set; }
    [JsonPropertyName("name")] public string? Name { get; set; }
    /// <summary>Province, Department, ServiceCentre, District, Commune or Other.</summary>
    [JsonPropertyName("kind")] public string? Kind { get; set; }
    [JsonPropertyName("parentCode")] public string? ParentCode { get; set; }
    [JsonPropertyName("adminUnitCode")] public string? AdminUnitCode { get; set; }
    [JsonPropertyName("validFrom")] public string? ValidFrom { get; set; }
    [JsonPropertyName("validTo")] public string? ValidTo { get; set; }
    [JsonPropertyName("order")] public int? Order { get; set; }
    [JsonPropertyName("successors")] public List<AgencySuccessorItem>? Successors { get; set; }
}

public sealed class AgencySuccessorItem
{
    [JsonPropertyName("code")] public string? Code { get; set; }
    [JsonPropertyName("primary")] public bool Primary { get; set; }
}

public sealed class AgencyTreeDocument
{
    [JsonPropertyName("items")] public List<AgencyTreeItem> Items { get; set; } = [];
}

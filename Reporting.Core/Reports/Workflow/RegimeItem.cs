using System.Text.Json.Serialization;

namespace Reporting.Core.Reports.Workflow;

/// <summary>A regime as <c>GET</c>/<c>PUT /api/v1/regimes</c> carry it (reporting.md), and as the admin page edits it.</summary>
public sealed class RegimeItem
{
    [JsonPropertyName("code")] public string? Code { get; set; }
    [JsonPropertyName("name")] public string? Name { get; set; }
    [JsonPropertyName("legalBasis")] public string? LegalBasis { get; set; }
    [JsonPropertyName("forms")] public List<string>? Forms { get; set; }

    /// <summary><c>month</c>, <c>quarter</c>, <c>half</c>, <c>9months</c> or <c>year</c>.</summary>
    [JsonPropertyName("frequency")] public string? Frequency { get; set; }

    /// <summary><c>cutoff</c> or <c>calendar</c>.</summary>
    [JsonPropertyName("window")] public string? Window { get; set; }

    [JsonPropertyName("deadlineWorkingDays")] public int? DeadlineWorkingDays { get; set; }
    [JsonPropertyName("deadlineSource")] public string? DeadlineSource { get; set; }

    /// <summary>Agency kinds that file the agency forms (<c>Department</c>, <c>Commune</c>, …).</summary>
    [JsonPropertyName("reporters")] public List<string>? Reporters { get; set; }

    [JsonPropertyName("recipient")] public string? Recipient { get; set; }
    [JsonPropertyName("confirmed")] public bool? Confirmed { get; set; }

    public static RegimeItem From(ReportRegime r) => new()
    {
        Code = r.Code,
        Name = r.Name,
        LegalBasis = r.LegalBasis,
        Forms = [.. r.Forms],
        Frequency = RegimeCodes.Frequency(r.Frequency),
        Window = RegimeCodes.Window(r.Window),
        DeadlineWorkingDays = r.DeadlineWorkingDays,
        DeadlineSource = r.DeadlineSource,
        Reporters = [.. r.Reporters.Select(k => k.ToString())],
        Recipient = r.Recipient,
        Confirmed = r.Confirmed,
    };
}

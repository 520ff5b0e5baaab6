namespace Reporting.Core.Dossiers;

/// <summary>The dossier's lists as received, kept with it as JSON (they are read whole, never queried).</summary>
public sealed class DossierLists
{
    public List<DossierFee> Fees { get; set; } = [];
    public List<DossierComponent> Components { get; set; } = [];
    public List<DossierResult> Results { get; set; } = [];
    public List<DossierSupplement> Supplements { get; set; } = [];
}

public sealed record DossierFee(string? Code, string? Name, decimal Amount, int? CollectionMethod);

public sealed record DossierComponent(string? Name, bool Digitised, bool Reused, bool FromNationalStore);

public sealed record DossierResult(string? Name, string? FileLink);

public sealed record DossierSupplement(DateTime RequestedAt, DateTime? SuppliedAt, DateTime? PromisedBefore, DateTime? PromisedAfter);

/// <summary>
/// Serialisation of <see cref="DossierLists"/> generated at build time (web defaults: camelCase), so the
/// ingest does not reflect over the types for every dossier it stores.
/// </summary>
[System.Text.Json.Serialization.JsonSourceGenerationOptions(System.Text.Json.JsonSerializerDefaults.Web)]
[System.Text.Json.Serialization.JsonSerializable(typeof(DossierLists))]
internal sealed partial class DossierListsJson : System.Text.Json.Serialization.JsonSerializerContext;

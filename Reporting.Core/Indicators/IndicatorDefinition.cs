namespace Reporting.Core.Indicators;

public enum IndicatorKind
{
    /// <summary>Computed from dossiers and scored.</summary>
    Computed,

    /// <summary>Computed from the procedure catalogue (and dossiers for activity), scored.</summary>
    Catalogue,

    /// <summary>Computed, shown for monitoring, not scored.</summary>
    Monitor,

    /// <summary>Entered per period by the provincial office with its source.</summary>
    Manual,
}

/// <summary>One item of the Decision 766 index as this product computes it (spec indicators.md).</summary>
public sealed record IndicatorDefinition(
    string Code,
    string Name,
    int Group,
    IndicatorKind Kind,
    decimal? MaxScore,
    decimal? Threshold,
    string Unit,
    string Numerator,
    string Denominator,
    string LegalBasis)
{
    public bool IsScored => MaxScore is not null;

    /// <summary>How the value comes from the numerator and the denominator, in Vietnamese (shown on the indicator page).</summary>
    public string Formula => IndicatorCatalog.FormulaOf(this);
}

public sealed record IndicatorGroup(int Number, string Name, decimal MaxScore);

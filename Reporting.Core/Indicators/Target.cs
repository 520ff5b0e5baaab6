using Reporting.Core.Agencies;

namespace Reporting.Core.Indicators;

/// <summary>A policy target for an indicator; data, never code (spec indicators.md, Targets).</summary>
public sealed class Target
{
    public int Id { get; set; }
    public required string IndicatorCode { get; set; }

    /// <summary>Null for all agencies; otherwise the kind the target applies to.</summary>
    public AgencyKind? AgencyKind { get; set; }

    /// <summary>Set for a target of one agency (takes precedence over a kind or all).</summary>
    public int? AgencyId { get; set; }
    public int Year { get; set; }
    public decimal Value { get; set; }

    /// <summary>True when higher is better (all percentages); false for e.g. average handling days.</summary>
    public bool HigherIsBetter { get; set; } = true;
    public required string LegalSource { get; set; }
}

/// <summary>A rating band of the 766 total score (configurable; official cut-offs unconfirmed).</summary>
public sealed class RatingBand
{
    public int Id { get; set; }
    public required string Name { get; set; }
    public decimal MinScore { get; set; }
    public required string LegalSource { get; set; }
}

/// <summary>A value entered by the provincial office for an item that cannot be computed.</summary>
public sealed class ManualIndicatorValue
{
    public int Id { get; set; }
    public required string IndicatorCode { get; set; }
    public int AgencyId { get; set; }
    public required string PeriodKey { get; set; }
    public decimal? Numerator { get; set; }
    public decimal? Denominator { get; set; }
    public decimal Value { get; set; }
    public required string Source { get; set; }
    public string? EnteredBy { get; set; }
    public DateTime EnteredAt { get; set; }
}

/// <summary>Application settings stored as data (status margin, total row position, …).</summary>
public sealed class Setting
{
    public required string Key { get; set; }
    public required string Value { get; set; }
    public string? Note { get; set; }
}

namespace Reporting.Core.Indicators;

/// <summary>Where an indicator stands against its target; shown by colour and by text or icon.</summary>
public enum TargetStatus
{
    NoTarget,
    Met,
    Near,
    Below,
    NotApplicable,
}

/// <summary>One indicator of one scope and window, with everything needed to trace it.</summary>
public sealed record IndicatorResult(
    IndicatorDefinition Definition,
    decimal? Numerator,
    decimal? Denominator,
    decimal? Value,
    decimal? Score,
    decimal? Target,
    TargetStatus Status,
    string? NotApplicableReason,
    string? ManualSource)
{
    public string Code => Definition.Code;
    public bool Manual => Definition.Kind == IndicatorKind.Manual;
}

public sealed record GroupScore(IndicatorGroup Group, decimal Score, IReadOnlyList<string> MissingItems);

/// <summary>The 766 scorecard: total out of 100, rating, groups, and what is missing.</summary>
public sealed record Scorecard(
    decimal TotalScore,
    decimal MaxScore,
    string? Rating,
    IReadOnlyList<GroupScore> Groups,
    IReadOnlyList<IndicatorResult> Indicators)
{
    public IReadOnlyList<string> MissingItems => Groups.SelectMany(g => g.MissingItems).ToList();

    public IndicatorResult? this[string code] => Indicators.FirstOrDefault(i => string.Equals(i.Code, code, StringComparison.OrdinalIgnoreCase));
}

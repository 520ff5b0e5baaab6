using Reporting.Core.Procedures;

namespace Reporting.Core.Indicators;

/// <summary>Targets, bands and manual values that apply to one computation.</summary>
public sealed record ScoringContext(
    Func<string, (decimal Value, bool HigherIsBetter)?> TargetFor,
    IReadOnlyDictionary<string, ManualIndicatorValue> ManualValues,
    IReadOnlyList<RatingBand> Bands,
    decimal NearMargin)
{
    public static ScoringContext None { get; } = new(_ => null, new Dictionary<string, ManualIndicatorValue>(), [], 10m);
}

/// <summary>
/// Turns window figures into the 766 items and the scorecard (spec indicators.md). Pure: the same
/// figures always give the same result, whether they came from aggregates or from dossiers.
/// </summary>
public static class IndicatorCalculator
{
    public const string ZeroDenominator = "Mẫu số bằng 0: không có dữ liệu trong kỳ.";
    public const string NoSyncData = "Không nguồn nào gửi trường DongBoDVCQG.";
    public const string NotEntered = "Chưa nhập giá trị cho kỳ này.";

    public static Scorecard Compute(WindowFigures f, IReadOnlyCollection<Procedure> catalogue, ScoringContext context)
    {
        var results = IndicatorCatalog.All.Select(d => ComputeOne(d, f, catalogue, context)).ToList();
        var groups = IndicatorCatalog.Groups.Select(g =>
        {
            var items = results.Where(r => r.Definition.Group == g.Number && r.Definition.IsScored).ToList();
            return new GroupScore(g, items.Sum(r => r.Score ?? 0), items.Where(r => r.Score is null).Select(r => r.Code).ToList());
        }).ToList();
        var total = groups.Sum(g => g.Score);
        var rating = context.Bands.OrderByDescending(b => b.MinScore).FirstOrDefault(b => total >= b.MinScore)?.Name;
        return new Scorecard(total, IndicatorCatalog.Groups.Sum(g => g.MaxScore), rating, groups, results);
    }

    /// <summary>
    /// One dossier-based item of <paramref name="f"/> without catalogue, targets or manual values: for
    /// figures of a part of an agency (2.1 of one procedure, for the worst-procedures list).
    /// </summary>
    public static IndicatorResult ComputeItem(string code, WindowFigures f) =>
        ComputeOne(IndicatorCatalog.Find(code) ?? throw new ArgumentException($"Unknown indicator {code}", nameof(code)), f, [], ScoringContext.None);

    private static IndicatorResult ComputeOne(IndicatorDefinition d, WindowFigures f, IReadOnlyCollection<Procedure> catalogue, ScoringContext context)
    {
        var w = f.InWindow;
        var received = w.Received;
        var onTimeNumerator = w.HandledOnTime766 + f.OpenAtEnd.OpenWithin766;
        switch (d.Code)
        {
            case "1.4":
                return w.SyncFieldPresent == 0 && received > 0
                    ? NotApplicable(d, w.Synced, received, NoSyncData, context)
                    : Ratio(d, w.Synced, received, context);
            case "2.1":
                return Ratio(d, onTimeNumerator, f.InScope, context);
            case "2.2":
                return w.Processed == 0
                    ? NotApplicable(d, 0, 0, ZeroDenominator, context)
                    : Finish(d, Math.Round(w.ProcessedSeconds / 86400m, 2), w.Processed,
                        Math.Round(w.ProcessedSeconds / 86400m / w.Processed, 2, MidpointRounding.AwayFromZero), context);
            case "3.1":
                return Ratio(d, catalogue.Count(p => p.OnlineLevel >= 1), catalogue.Count, context);
            case "3.2":
            {
                var online = catalogue.Where(p => p.OnlineLevel >= 1).ToList();
                return Ratio(d, online.Count(p => f.ProceduresWithOnline.Contains(p.Code)), online.Count, context);
            }

            case "3.3":
            {
                var numerator = w.ReceivedOnline - f.OnlineWithoutResult;
                if (received == 0)
                {
                    return NotApplicable(d, numerator, received, ZeroDenominator, context);
                }

                // Multiplied by the 1.4 ratio (1 when 1.4 is N/A) and rounded once.
                var syncRatio = w.SyncFieldPresent == 0 ? 1m : (decimal)w.Synced / received;
                var value = Math.Round((decimal)numerator / received * syncRatio * 100m, 2, MidpointRounding.AwayFromZero);
                return Finish(d, numerator, received, value, context);
            }

            case "ONLINE":
                return Ratio(d, w.ReceivedOnline, received, context);
            case "3.5":
            {
                var feeBearing = catalogue.Where(p => p.HasFee).ToList();
                return Ratio(d, feeBearing.Count(p => f.ProceduresWithFeeLine.Contains(p.Code)), feeBearing.Count, context);
            }

            case "3.5b":
            {
                var feeBearing = catalogue.Where(p => p.HasFee).ToList();
                return Ratio(d, feeBearing.Count(p => f.ProceduresPaidOnline.Contains(p.Code)), feeBearing.Count, context);
            }

            case "3.6":
                return Ratio(d, w.FeeBearingPaidOnline, w.FeeBearing, context);
            case "4.1":
                return Ratio(d, w.ResultElectronic, w.ResultExpected, context);
            case "4.2":
                return Ratio(d, w.Digitised - f.DigitisedWithoutResult, received, context);
            case "4.3":
                return Ratio(d, w.Reused, received, context);
            case "4.4":
                return Ratio(d, w.FromNationalStore, received, context);
            case "4.5b":
                return Ratio(d, w.ResidentData, received, context);
            case "5.4":
            {
                var inScope = f.InScope;
                var overdue = inScope - onTimeNumerator;
                var complaints = w.ReceivedComplaint + f.OpenAtStart.OpenComplaint;
                if (inScope == 0)
                {
                    // 5.4 scores 0 on an empty scope; the others score nothing.
                    return new IndicatorResult(d, overdue + complaints, 0, null, 0, TargetOf(d, context), TargetStatus.NotApplicable, ZeroDenominator, null);
                }

                var value = Math.Max(0m, 100m - Math.Round(((decimal)overdue / inScope + (decimal)complaints / inScope) * 100m, 2, MidpointRounding.AwayFromZero));
                return Finish(d, overdue + complaints, inScope, value, context);
            }

            default:
                return Manual(d, context);
        }
    }

    private static IndicatorResult Manual(IndicatorDefinition d, ScoringContext context)
    {
        if (!context.ManualValues.TryGetValue(d.Code, out var manual))
        {
            return new IndicatorResult(d, null, null, null, null, TargetOf(d, context), TargetStatus.NotApplicable, NotEntered, null);
        }

        var result = Finish(d, manual.Numerator, manual.Denominator, manual.Value, context);
        return result with { ManualSource = manual.Source };
    }

    private static IndicatorResult Ratio(IndicatorDefinition d, decimal numerator, decimal denominator, ScoringContext context) =>
        denominator == 0
            ? NotApplicable(d, numerator, denominator, ZeroDenominator, context)
            : Finish(d, numerator, denominator, Math.Round(numerator / denominator * 100m, 2, MidpointRounding.AwayFromZero), context);

    private static IndicatorResult NotApplicable(IndicatorDefinition d, decimal numerator, decimal denominator, string reason, ScoringContext context) =>
        new(d, numerator, denominator, null, null, TargetOf(d, context), TargetStatus.NotApplicable, reason, null);

    private static IndicatorResult Finish(IndicatorDefinition d, decimal? numerator, decimal? denominator, decimal value, ScoringContext context)
    {
        var target = context.TargetFor(d.Code);
        return new IndicatorResult(d, numerator, denominator, value, Score(d, value), target?.Value, StatusOf(value, target, context.NearMargin), null, null);
    }

    /// <summary>With a threshold T: full points at or above T, else rate × max / T; without: rate × max.</summary>
    public static decimal? Score(IndicatorDefinition d, decimal value)
    {
        if (d.MaxScore is not { } max)
        {
            return null;
        }

        var rate = value / 100m;
        var score = d.Threshold is { } threshold
            ? (value >= threshold ? max : rate * max / (threshold / 100m))
            : rate * max;
        return Math.Round(Math.Min(score, max), 2, MidpointRounding.AwayFromZero);
    }

    private static decimal? TargetOf(IndicatorDefinition d, ScoringContext context) => context.TargetFor(d.Code)?.Value;

    public static TargetStatus StatusOf(decimal value, (decimal Value, bool HigherIsBetter)? target, decimal margin)
    {
        if (target is not { } t)
        {
            return TargetStatus.NoTarget;
        }

        var gap = t.HigherIsBetter ? t.Value - value : value - t.Value;
        return gap <= 0 ? TargetStatus.Met : gap <= margin ? TargetStatus.Near : TargetStatus.Below;
    }
}

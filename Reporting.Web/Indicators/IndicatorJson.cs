using Reporting.Core.Indicators;
using Reporting.Web.Api;

namespace Reporting.Web.Indicators;

/// <summary>The JSON of <c>GET /api/v1/indicators</c> (spec api.md); extra fields only add detail.</summary>
public static class IndicatorJson
{
    public static object From(IndicatorAnswer answer) => new
    {
        agency = answer.Agency.Code,
        agencyName = answer.Agency.Name,
        period = ApiQuery.PeriodJson(answer.Period, answer.WindowKind, answer.Window),
        structure = answer.View.Name(),
        computedAt = answer.ComputedAt,
        totalScore = answer.Scorecard.TotalScore,
        maxScore = answer.Scorecard.MaxScore,
        rating = answer.Scorecard.Rating,
        missingItems = answer.Scorecard.MissingItems,
        groups = answer.Scorecard.Groups.Select(g => new
        {
            group = g.Group.Number,
            name = g.Group.Name,
            score = g.Score,
            maxScore = g.Group.MaxScore,
            missingItems = g.MissingItems,
        }),
        indicators = answer.Scorecard.Indicators.Select(i => new
        {
            code = i.Code,
            name = i.Definition.Name,
            group = i.Definition.Group,
            numerator = i.Numerator,
            denominator = i.Denominator,
            value = i.Value,
            unit = i.Definition.Unit,
            score = i.Score,
            maxScore = i.Definition.MaxScore,
            threshold = i.Definition.Threshold,
            target = i.Target,
            status = StatusName(i.Status),
            manual = i.Manual,
            notApplicableReason = i.NotApplicableReason,
            manualSource = i.ManualSource,
        }),
    };

    public static string StatusName(TargetStatus status) => status switch
    {
        TargetStatus.Met => "met",
        TargetStatus.Near => "near",
        TargetStatus.Below => "below",
        TargetStatus.NotApplicable => "notApplicable",
        _ => "noTarget",
    };
}

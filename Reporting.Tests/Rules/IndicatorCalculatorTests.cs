using Reporting.Core.Indicators;
using Reporting.Core.Procedures;
using static Reporting.Tests.Rules.RuleFixtures;

namespace Reporting.Tests.Rules;

public class IndicatorCalculatorTests
{
    private static readonly string[] ManualCodes = ["1.1", "1.2", "1.3", "5.2", "5.3", "4.5a", "4.6"];

    private static readonly RatingBand[] Bands =
    [
        new() { Name = "Xuất sắc", MinScore = 90, LegalSource = "test" },
        new() { Name = "Tốt", MinScore = 80, LegalSource = "test" },
        new() { Name = "Khá", MinScore = 70, LegalSource = "test" },
        new() { Name = "Trung bình", MinScore = 50, LegalSource = "test" },
        new() { Name = "Yếu", MinScore = 0, LegalSource = "test" },
    ];

    private static readonly Procedure[] FullCatalogue =
    [
        Procedure("P1", onlineLevel: 2, hasFee: true),
        Procedure("P2", onlineLevel: 1, hasFee: true),
    ];

    private static ScoringContext Context(
        IReadOnlyDictionary<string, ManualIndicatorValue>? manual = null,
        Func<string, (decimal Value, bool HigherIsBetter)?>? targets = null) =>
        new(targets ?? (_ => null), manual ?? new Dictionary<string, ManualIndicatorValue>(), Bands, 10m);

    private static ManualIndicatorValue ManualValue(string code, decimal value, string source = "Báo cáo số 12/BC-VP") =>
        new() { IndicatorCode = code, PeriodKey = "2026-Q1", Value = value, Source = source, Numerator = value, Denominator = 100 };

    /// <summary>100 received, all 60 handled and 40 in progress on time, every flag set: every computed item is 100%.</summary>
    private static WindowFigures Perfect()
    {
        var f = new WindowFigures();
        var w = f.InWindow;
        w.Received = 100;
        w.ReceivedOnline = 100;
        w.SyncFieldPresent = 100;
        w.Synced = 100;
        w.Digitised = 100;
        w.Reused = 100;
        w.FromNationalStore = 100;
        w.ResidentData = 100;
        w.FeeBearing = 50;
        w.FeeBearingPaidOnline = 50;
        w.Processed = 40;
        w.ProcessedSeconds = 40 * 86400L;
        w.Handled = 60;
        w.HandledOnTime766 = 60;
        w.ResultExpected = 40;
        w.ResultElectronic = 40;
        f.OpenAtEnd.Open = 40;
        f.OpenAtEnd.OpenWithin766 = 40;
        f.ProceduresWithOnline.UnionWith(["P1", "P2"]);
        f.ProceduresWithFeeLine.UnionWith(["P1", "P2"]);
        f.ProceduresPaidOnline.UnionWith(["P1", "P2"]);
        return f;
    }

    [Fact]
    public void Catalogue_points_add_up_to_the_group_maxima_and_100()
    {
        foreach (var g in IndicatorCatalog.Groups)
        {
            Assert.Equal(g.MaxScore, IndicatorCatalog.All.Where(d => d.Group == g.Number).Sum(d => d.MaxScore ?? 0));
        }

        Assert.Equal(100m, IndicatorCatalog.Groups.Sum(g => g.MaxScore));
        Assert.Equal(IndicatorCatalog.All.Count, IndicatorCatalog.All.Select(d => d.Code).Distinct().Count());
        Assert.Null(IndicatorCatalog.Find("2.2")!.MaxScore);
        Assert.Null(IndicatorCatalog.Find("ONLINE")!.MaxScore);
        Assert.Same(IndicatorCatalog.Find("3.5B"), IndicatorCatalog.Find("3.5b"));
    }

    [Fact]
    public void Zero_denominators_give_not_applicable_and_5_4_scores_zero()
    {
        var card = IndicatorCalculator.Compute(new WindowFigures(), [], Context());
        foreach (var r in card.Indicators.Where(r => !r.Manual && r.Code != "5.4"))
        {
            Assert.Null(r.Value);
            Assert.Null(r.Score);
            Assert.Equal(TargetStatus.NotApplicable, r.Status);
            Assert.Equal(IndicatorCalculator.ZeroDenominator, r.NotApplicableReason);
            Assert.Equal(0m, r.Denominator);
        }

        var s54 = card["5.4"]!;
        Assert.Null(s54.Value);
        Assert.Equal(0m, s54.Score);
        Assert.Equal(0m, s54.Denominator);
        Assert.Equal(IndicatorCalculator.ZeroDenominator, s54.NotApplicableReason);

        Assert.Equal(0m, card.TotalScore);
        Assert.Equal(100m, card.MaxScore);
        Assert.Equal("Yếu", card.Rating);
        Assert.DoesNotContain("5.4", card.MissingItems);
        Assert.DoesNotContain("2.2", card.MissingItems);
        Assert.DoesNotContain("ONLINE", card.MissingItems);
        Assert.Contains("2.1", card.MissingItems);
        Assert.Contains("3.1", card.MissingItems);
        Assert.Contains("1.1", card.MissingItems);
    }

    [Fact]
    public void Perfect_figures_score_every_computed_point_and_list_the_manual_items_missing()
    {
        var card = IndicatorCalculator.Compute(Perfect(), FullCatalogue, Context());
        foreach (var r in card.Indicators.Where(r => !r.Manual && r.Code != "2.2"))
        {
            Assert.Equal(100m, r.Value);
            Assert.Equal(r.Definition.MaxScore, r.Score);
            Assert.Null(r.NotApplicableReason);
        }

        Assert.Equal(ManualCodes, card.MissingItems);
        foreach (var code in ManualCodes)
        {
            Assert.Null(card[code]!.Value);
            Assert.Equal(IndicatorCalculator.NotEntered, card[code]!.NotApplicableReason);
        }

        Assert.Equal(72m, card.TotalScore);
        Assert.Equal("Khá", card.Rating);
        Assert.Equal(new[] { 6m, 20m, 12m, 10m, 6m, 18m }, card.Groups.Select(g => g.Score).ToArray());
    }

    [Fact]
    public void Manual_values_complete_the_scorecard_with_their_source()
    {
        var manual = ManualCodes.ToDictionary(c => c, c => ManualValue(c, 100m, "Nguồn " + c));
        var card = IndicatorCalculator.Compute(Perfect(), FullCatalogue, Context(manual));
        Assert.Empty(card.MissingItems);
        Assert.Equal(100m, card.TotalScore);
        Assert.True(card.TotalScore <= card.MaxScore);
        Assert.All(card.Groups, g => Assert.Equal(g.Group.MaxScore, g.Score));
        Assert.Equal("Xuất sắc", card.Rating);
        foreach (var code in ManualCodes)
        {
            Assert.True(card[code]!.Manual);
            Assert.Equal("Nguồn " + code, card[code]!.ManualSource);
        }

        Assert.Null(card["2.1"]!.ManualSource);
    }

    [Fact]
    public void A_manual_value_is_scored_like_a_computed_one()
    {
        var manual = new Dictionary<string, ManualIndicatorValue> { ["1.1"] = ManualValue("1.1", 90m) };
        var card = IndicatorCalculator.Compute(new WindowFigures(), [], Context(manual));
        var r = card["1.1"]!;
        Assert.Equal(90m, r.Value);
        Assert.Equal(90m, r.Numerator);
        Assert.Equal(100m, r.Denominator);
        Assert.Equal(3.6m, r.Score);
        Assert.Equal("Báo cáo số 12/BC-VP", r.ManualSource);
        Assert.DoesNotContain("1.1", card.MissingItems);
        Assert.Contains("1.2", card.MissingItems);
        Assert.Equal(3.6m, card.TotalScore);
    }

    [Theory]
    [InlineData("4.2", 80, 4)] // threshold 80, max 4: at the threshold
    [InlineData("4.2", 95, 4)]
    [InlineData("4.2", 60, 3)] // 0.6 × 4 / 0.8
    [InlineData("4.2", 0, 0)]
    [InlineData("5.4", 45, 3)] // threshold 90, max 6
    [InlineData("5.4", 70, 4.67)]
    [InlineData("3.3", 25, 3)] // threshold 50, max 6
    [InlineData("2.1", 75, 15)] // no threshold, max 20
    [InlineData("2.1", 100, 20)]
    [InlineData("3.6", 33.33, 2)] // 0.3333 × 6 = 1.9998
    [InlineData("1.1", 120, 4)] // capped at the maximum
    public void Scoring_with_and_without_threshold(string code, double value, double score) =>
        Assert.Equal((decimal)score, IndicatorCalculator.Score(IndicatorCatalog.Find(code)!, (decimal)value));

    [Fact]
    public void Monitor_items_are_not_scored()
    {
        Assert.Null(IndicatorCalculator.Score(IndicatorCatalog.Find("2.2")!, 5m));
        Assert.Null(IndicatorCalculator.Score(IndicatorCatalog.Find("ONLINE")!, 50m));
    }

    [Fact]
    public void Item_2_1_is_handled_on_time_766_plus_open_within_766_over_in_scope()
    {
        var f = new WindowFigures();
        f.InWindow.Received = 30;
        f.OpenAtStart.Open = 10;
        f.InWindow.Handled = 25;
        f.InWindow.HandledOnTime = 25; // Biểu 06 counts do not enter 2.1
        f.InWindow.HandledOnTime766 = 20;
        f.OpenAtEnd.Open = 15;
        f.OpenAtEnd.OpenWithin = 15;
        f.OpenAtEnd.OpenWithin766 = 9;
        var r = IndicatorCalculator.Compute(f, [], Context())["2.1"]!;
        Assert.Equal(29m, r.Numerator);
        Assert.Equal(40m, r.Denominator);
        Assert.Equal(72.5m, r.Value);
        Assert.Equal(14.5m, r.Score);
    }

    [Fact]
    public void Item_1_4_is_synced_over_received_and_not_applicable_when_no_source_sends_the_field()
    {
        var f = new WindowFigures();
        f.InWindow.Received = 8;
        f.InWindow.SyncFieldPresent = 5;
        f.InWindow.Synced = 3;
        var r = IndicatorCalculator.Compute(f, [], Context())["1.4"]!;
        Assert.Equal(37.5m, r.Value);
        Assert.Equal(2.25m, r.Score);

        f.InWindow.SyncFieldPresent = 0;
        f.InWindow.Synced = 0;
        var na = IndicatorCalculator.Compute(f, [], Context())["1.4"]!;
        Assert.Null(na.Value);
        Assert.Null(na.Score);
        Assert.Equal(8m, na.Denominator);
        Assert.Equal(IndicatorCalculator.NoSyncData, na.NotApplicableReason);
        Assert.Equal(TargetStatus.NotApplicable, na.Status);
    }

    [Fact]
    public void Item_3_3_is_multiplied_by_the_1_4_ratio_and_rounded_once()
    {
        // 2/3 online with a result, 2/3 synced: 44.444…% once; 66.67% × 66.67% would give 44.45.
        var f = new WindowFigures();
        f.InWindow.Received = 3;
        f.InWindow.ReceivedOnline = 3;
        f.OnlineWithoutResult = 1;
        f.InWindow.SyncFieldPresent = 3;
        f.InWindow.Synced = 2;
        var card = IndicatorCalculator.Compute(f, [], Context());
        var r = card["3.3"]!;
        Assert.Equal(2m, r.Numerator);
        Assert.Equal(3m, r.Denominator);
        Assert.Equal(44.44m, r.Value);
        Assert.Equal(5.33m, r.Score); // 0.4444 × 6 / 0.5
        Assert.Equal(100m, card["ONLINE"]!.Value);
    }

    [Fact]
    public void Item_3_3_uses_factor_1_when_1_4_is_not_applicable()
    {
        var f = new WindowFigures();
        f.InWindow.Received = 3;
        f.InWindow.ReceivedOnline = 2;
        var card = IndicatorCalculator.Compute(f, [], Context());
        Assert.Null(card["1.4"]!.Value);
        Assert.Equal(66.67m, card["3.3"]!.Value);
        Assert.Equal(6m, card["3.3"]!.Score);
    }

    [Fact]
    public void Item_3_3_with_a_sync_field_of_all_zeros_is_zero()
    {
        var f = new WindowFigures();
        f.InWindow.Received = 4;
        f.InWindow.ReceivedOnline = 4;
        f.InWindow.SyncFieldPresent = 4;
        var card = IndicatorCalculator.Compute(f, [], Context());
        Assert.Equal(0m, card["1.4"]!.Value);
        Assert.Equal(0m, card["3.3"]!.Value);
    }

    [Fact]
    public void Item_2_2_is_the_average_days_of_processed_dossiers()
    {
        var f = new WindowFigures();
        f.InWindow.Received = 10;
        f.InWindow.Processed = 4;
        f.InWindow.ProcessedSeconds = (long)(10.5 * 86400);
        var r = IndicatorCalculator.Compute(f, [], Context())["2.2"]!;
        Assert.Equal(10.5m, r.Numerator);
        Assert.Equal(4m, r.Denominator);
        Assert.Equal(2.63m, r.Value); // 2.625 rounded away from zero
        Assert.Null(r.Score);
    }

    [Fact]
    public void Item_5_4_is_100_minus_overdue_and_complaint_rates()
    {
        var f = new WindowFigures();
        f.InWindow.Received = 60;
        f.OpenAtStart.Open = 40;
        f.OpenAtStart.OpenComplaint = 5;
        f.InWindow.ReceivedComplaint = 5;
        f.InWindow.HandledOnTime766 = 50;
        f.OpenAtEnd.OpenWithin766 = 30;
        f.OpenAtEnd.OpenComplaint = 7; // complaints at the end are not the carried-over ones
        var r = IndicatorCalculator.Compute(f, [], Context())["5.4"]!;
        Assert.Equal(30m, r.Numerator);
        Assert.Equal(100m, r.Denominator);
        Assert.Equal(70m, r.Value);
        Assert.Equal(4.67m, r.Score);

        f.InWindow.HandledOnTime766 = 0;
        f.OpenAtEnd.OpenWithin766 = 20;
        f.InWindow.ReceivedComplaint = 30;
        var floor = IndicatorCalculator.Compute(f, [], Context())["5.4"]!;
        Assert.Equal(115m, floor.Numerator);
        Assert.Equal(0m, floor.Value);
        Assert.Equal(0m, floor.Score);
    }

    [Fact]
    public void Received_based_items_use_received_as_denominator()
    {
        var f = new WindowFigures();
        f.InWindow.Received = 200;
        f.InWindow.Digitised = 120;
        f.DigitisedWithoutResult = 20;
        f.InWindow.Reused = 50;
        f.InWindow.FromNationalStore = 30;
        f.InWindow.ResidentData = 90;
        f.InWindow.FeeBearing = 40;
        f.InWindow.FeeBearingPaidOnline = 10;
        f.InWindow.ResultExpected = 16;
        f.InWindow.ResultElectronic = 12;
        var card = IndicatorCalculator.Compute(f, [], Context());
        Assert.Equal(50m, card["4.2"]!.Value);
        Assert.Equal(2.5m, card["4.2"]!.Score);
        Assert.Equal(25m, card["4.3"]!.Value);
        Assert.Equal(15m, card["4.4"]!.Value);
        Assert.Equal(45m, card["4.5b"]!.Value);
        Assert.Equal(25m, card["3.6"]!.Value);
        Assert.Equal(75m, card["4.1"]!.Value);
        Assert.Equal(4.5m, card["4.1"]!.Score);
    }

    [Fact]
    public void Catalogue_items_count_procedures()
    {
        Procedure[] catalogue =
        [
            Procedure("P1", onlineLevel: 2, hasFee: true),
            Procedure("P2", onlineLevel: 1),
            Procedure("P3", onlineLevel: 0, hasFee: true),
            Procedure("P4", onlineLevel: 0),
            Procedure("P5", onlineLevel: 2, hasFee: true),
        ];
        var f = new WindowFigures();
        f.ProceduresWithOnline.UnionWith(["P1", "PX"]);
        f.ProceduresWithFeeLine.UnionWith(["P3", "PX"]);
        f.ProceduresPaidOnline.UnionWith(["P1", "P3", "P4"]);
        var card = IndicatorCalculator.Compute(f, catalogue, Context());

        Assert.Equal((3m, 5m, 60m, 1.5m), Parts(card["3.1"]!));
        Assert.Equal((1m, 3m, 33.33m, 1.33m), Parts(card["3.2"]!));
        Assert.Equal((1m, 3m, 33.33m, 0.83m), Parts(card["3.5"]!));
        Assert.Equal((2m, 3m, 66.67m, 1.67m), Parts(card["3.5b"]!));
    }

    [Fact]
    public void Catalogue_items_are_not_applicable_without_procedures_of_the_kind()
    {
        var card = IndicatorCalculator.Compute(new WindowFigures(), [Procedure("P4")], Context());
        Assert.Equal(0m, card["3.1"]!.Value);
        Assert.Null(card["3.2"]!.Value);
        Assert.Null(card["3.5"]!.Value);
        Assert.Null(card["3.5b"]!.Value);
    }

    [Theory]
    [InlineData(99.75, 89.99, "Tốt")]
    [InlineData(100, 90, "Xuất sắc")] // exactly at the band
    public void Rating_band_is_the_highest_reached(double item11, double total, string rating)
    {
        var manual = ManualCodes.ToDictionary(c => c, c => ManualValue(c, 100m));
        manual["1.1"] = ManualValue("1.1", (decimal)item11);
        manual["1.3"] = ManualValue("1.3", 0m); // −4
        manual["5.2"] = ManualValue("5.2", 0m); // −6
        var card = IndicatorCalculator.Compute(Perfect(), FullCatalogue, Context(manual));
        Assert.Equal((decimal)total, card.TotalScore);
        Assert.Equal(rating, card.Rating);
    }

    [Fact]
    public void No_bands_means_no_rating()
    {
        var card = IndicatorCalculator.Compute(Perfect(), FullCatalogue, ScoringContext.None);
        Assert.Null(card.Rating);
        Assert.All(card.Indicators.Where(r => r.Value is not null), r => Assert.Equal(TargetStatus.NoTarget, r.Status));
    }

    [Theory]
    [InlineData(95, 90, true, TargetStatus.Met)]
    [InlineData(90, 90, true, TargetStatus.Met)]
    [InlineData(85, 90, true, TargetStatus.Near)]
    [InlineData(80, 90, true, TargetStatus.Near)] // within the 10-point margin, inclusive
    [InlineData(79.99, 90, true, TargetStatus.Below)]
    [InlineData(4, 5, false, TargetStatus.Met)] // lower is better (days)
    [InlineData(5, 5, false, TargetStatus.Met)]
    [InlineData(12, 5, false, TargetStatus.Near)]
    [InlineData(15.01, 5, false, TargetStatus.Below)]
    public void Target_status_with_margin_and_direction(double value, double target, bool higherIsBetter, TargetStatus expected) =>
        Assert.Equal(expected, IndicatorCalculator.StatusOf((decimal)value, ((decimal)target, higherIsBetter), 10m));

    [Fact]
    public void Target_status_without_target_is_no_target() =>
        Assert.Equal(TargetStatus.NoTarget, IndicatorCalculator.StatusOf(50m, null, 10m));

    [Fact]
    public void Targets_are_applied_in_the_scorecard()
    {
        (decimal, bool)? Targets(string code) => code switch
        {
            "2.1" => (95m, true),
            "2.2" => (5m, false),
            "4.3" => (80m, true),
            _ => null,
        };
        var f = Perfect();
        f.InWindow.Reused = 0;
        f.InWindow.Received = 100;
        f.InWindow.ProcessedSeconds = 40 * 86400L * 6; // 6 days on average
        var card = IndicatorCalculator.Compute(f, FullCatalogue, Context(targets: Targets));
        Assert.Equal(TargetStatus.Met, card["2.1"]!.Status);
        Assert.Equal(95m, card["2.1"]!.Target);
        Assert.Equal(TargetStatus.Near, card["2.2"]!.Status);
        Assert.Equal(TargetStatus.Below, card["4.3"]!.Status);
        Assert.Equal(TargetStatus.NoTarget, card["4.4"]!.Status);

        var empty = IndicatorCalculator.Compute(new WindowFigures(), [], Context(targets: Targets));
        Assert.Equal(TargetStatus.NotApplicable, empty["2.1"]!.Status);
        Assert.Equal(95m, empty["2.1"]!.Target);
    }

    private static (decimal?, decimal?, decimal?, decimal?) Parts(IndicatorResult r) => (r.Numerator, r.Denominator, r.Value, r.Score);
}

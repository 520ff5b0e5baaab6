using System.Reflection;
using Reporting.Core.Aggregates;
using Reporting.Core.Dossiers;
using Reporting.Core.Indicators;
using Reporting.Core.Periods;
using Reporting.Core.Procedures;
using static Reporting.Tests.Rules.RuleFixtures;

namespace Reporting.Tests.Rules;

/// <summary>
/// Property: figures assembled from half-month aggregate cells (as AggregateReader does from the
/// tables) equal the figures computed straight from the dossiers, for every period key and both kinds
/// of window, and so do the scorecards.
/// </summary>
public class AggregationPropertyTests
{
    private const int Agencies = 3;
    private static readonly DateTime ReceivedFrom = new(2024, 6, 1);
    private static readonly DateTime ReceivedTo = new(2026, 12, 31, 23, 59, 59);
    private static readonly int Horizon = HalfMonth.Of(new DateOnly(2027, 6, 30));

    private static readonly Procedure[] Catalogue =
    [
        Procedure("1.000001", statutoryDays: 5, onlineLevel: 2, hasFee: true),
        Procedure("1.000002", statutoryDays: 15, onlineLevel: 1),
        Procedure("1.000003", onlineLevel: 0, hasFee: true),
        Procedure("1.000004", statutoryDays: 3, onlineLevel: 2, issuesResult: false),
        Procedure("1.000005", onlineLevel: 1, hasFee: true, issuesResult: false),
        Procedure("1.000006", statutoryDays: 10, onlineLevel: 0),
    ];

    private static readonly string[] ProcedureCodes = [.. Catalogue.Select(p => p.Code), "9.999999"];

    private static readonly PropertyInfo[] CountProperties = typeof(BucketCounts).GetProperties()
        .Where(p => p.PropertyType == typeof(int) || p.PropertyType == typeof(long))
        .ToArray();

    private static readonly ScoringContext Scoring = new(
        code => code switch { "2.1" => (90m, true), "2.2" => (5m, false), "3.3" => (50m, true), _ => null },
        new Dictionary<string, ManualIndicatorValue>
        {
            ["1.1"] = new() { IndicatorCode = "1.1", PeriodKey = "2026", Value = 95m, Source = "test" },
        },
        [
            new RatingBand { Name = "Xuất sắc", MinScore = 90, LegalSource = "test" },
            new RatingBand { Name = "Tốt", MinScore = 80, LegalSource = "test" },
            new RatingBand { Name = "Khá", MinScore = 70, LegalSource = "test" },
            new RatingBand { Name = "Trung bình", MinScore = 50, LegalSource = "test" },
            new RatingBand { Name = "Yếu", MinScore = 0, LegalSource = "test" },
        ],
        10m);

    [Fact]
    public void Aggregated_window_figures_equal_the_figures_computed_from_dossiers()
    {
        var dossiers = Generate(new Random(766), 4000);
        AssertGeneratorCoversTheRules(dossiers);

        var delta = new AggregateDelta();
        foreach (var d in dossiers)
        {
            DossierContribution.Apply(d, +1, Horizon, delta);
        }

        AssertEveryWindowMatches(dossiers, new Tables(delta));
    }

    [Fact]
    public void Replacing_a_version_equals_applying_only_the_new_one()
    {
        var random = new Random(2026);
        var first = Generate(random, 3000);
        var final = first.ToList();
        var replaced = new AggregateDelta();
        foreach (var d in first)
        {
            DossierContribution.Apply(d, +1, Horizon, replaced);
        }

        // Two rounds of new versions: some progress (same reception, later status), some change entirely.
        for (var round = 0; round < 2; round++)
        {
            for (var i = 0; i < final.Count; i++)
            {
                if (random.Next(100) >= 40)
                {
                    continue;
                }

                var next = random.Next(2) == 0 ? Progress(random, final[i]) : RandomDossier(random, final[i].Code);
                DossierContribution.Apply(final[i], -1, Horizon, replaced);
                DossierContribution.Apply(next, +1, Horizon, replaced);
                final[i] = next;
            }
        }

        var only = new AggregateDelta();
        foreach (var d in final)
        {
            DossierContribution.Apply(d, +1, Horizon, only);
        }

        var keys = replaced.Cells.Keys.Union(only.Cells.Keys).ToList();
        var nonZero = 0;
        foreach (var key in keys)
        {
            var expected = only.Cells.GetValueOrDefault(key) ?? new CountsTotal();
            var actual = replaced.Cells.GetValueOrDefault(key) ?? new CountsTotal();
            AssertSameCounts(expected, actual, $"cell {key}");
            nonZero += expected.IsZero ? 0 : 1;
        }

        Assert.True(nonZero > 1000);
        Assert.Contains(replaced.Cells.Values, c => c.IsZero); // some cells cancelled out completely

        foreach (var key in replaced.Gaps.Keys.Union(only.Gaps.Keys))
        {
            Assert.Equal(only.Gaps.GetValueOrDefault(key), replaced.Gaps.GetValueOrDefault(key));
        }

        AssertEveryWindowMatches(final, new Tables(replaced));
    }

    private static void AssertEveryWindowMatches(List<Dossier> dossiers, Tables tables)
    {
        var catalogue = Catalogue.ToList();
        var byAgency = Enumerable.Range(1, Agencies).ToDictionary(a => a, a => dossiers.Where(d => d.AgencyId == a).ToList());
        var windows = 0;
        var interesting = 0;
        foreach (var kind in new[] { WindowKind.Calendar, WindowKind.Cutoff })
        {
            for (var year = 2024; year <= 2026; year++)
            {
                foreach (var key in HalfMonthTests.AllKeys(year))
                {
                    var window = key.Window(kind);
                    var label = $"{key} {kind}";
                    var read = tables.ReadByAgency(window);
                    var total = new WindowFigures();
                    foreach (var (agency, own) in byAgency)
                    {
                        var expected = FiguresFromDossiers.Compute(own, window);
                        var actual = read.GetValueOrDefault(agency) ?? new WindowFigures();
                        AssertSameFigures(expected, actual, $"{label} agency {agency}");
                        AssertSameScorecard(
                            IndicatorCalculator.Compute(expected, catalogue, Scoring),
                            IndicatorCalculator.Compute(actual, catalogue, Scoring),
                            $"{label} agency {agency}");
                        total.Add(actual);
                    }

                    var all = FiguresFromDossiers.Compute(dossiers, window);
                    AssertSameFigures(all, total, $"{label} all agencies");
                    Assert.Equal(all.InScope, all.Handled + all.InProgress);
                    AssertSameScorecard(
                        IndicatorCalculator.Compute(all, catalogue, Scoring),
                        IndicatorCalculator.Compute(total, catalogue, Scoring),
                        label);

                    windows++;
                    if (all.CarriedOver > 0 && all.InWindow.HandledOnTime766 < all.Handled && all.OnlineWithoutResult > 0)
                    {
                        interesting++;
                    }
                }
            }
        }

        Assert.Equal(120, windows);
        Assert.True(interesting > 60, $"only {interesting} windows exercise carried over, late and missing results");
    }

    private static void AssertSameFigures(WindowFigures expected, WindowFigures actual, string what)
    {
        AssertSameCounts(expected.InWindow, actual.InWindow, what + " window");
        AssertSameCounts(expected.OpenAtStart, actual.OpenAtStart, what + " open at start");
        AssertSameCounts(expected.OpenAtEnd, actual.OpenAtEnd, what + " open at end");
        Assert.True(expected.OnlineWithoutResult == actual.OnlineWithoutResult, $"{what}: OnlineWithoutResult {expected.OnlineWithoutResult} ≠ {actual.OnlineWithoutResult}");
        Assert.True(expected.DigitisedWithoutResult == actual.DigitisedWithoutResult, $"{what}: DigitisedWithoutResult {expected.DigitisedWithoutResult} ≠ {actual.DigitisedWithoutResult}");
        Assert.True(expected.ProceduresWithOnline.SetEquals(actual.ProceduresWithOnline), what + ": procedures with online dossiers");
        Assert.True(expected.ProceduresWithFeeLine.SetEquals(actual.ProceduresWithFeeLine), what + ": procedures with fee lines");
        Assert.True(expected.ProceduresPaidOnline.SetEquals(actual.ProceduresPaidOnline), what + ": procedures paid online");
    }

    private static void AssertSameCounts(BucketCounts expected, BucketCounts actual, string what)
    {
        foreach (var p in CountProperties)
        {
            var e = Convert.ToInt64(p.GetValue(expected), System.Globalization.CultureInfo.InvariantCulture);
            var a = Convert.ToInt64(p.GetValue(actual), System.Globalization.CultureInfo.InvariantCulture);
            Assert.True(e == a, $"{what}: {p.Name} expected {e}, aggregated {a}");
        }
    }

    private static void AssertSameScorecard(Scorecard expected, Scorecard actual, string what)
    {
        Assert.Equal(expected.Indicators.Count, actual.Indicators.Count);
        foreach (var (e, a) in expected.Indicators.Zip(actual.Indicators))
        {
            Assert.True(e == a, $"{what}: {e.Code} from dossiers {e} ≠ from aggregates {a}");
        }

        Assert.True(expected.TotalScore == actual.TotalScore, $"{what}: total {expected.TotalScore} ≠ {actual.TotalScore}");
        Assert.Equal(expected.Rating, actual.Rating);
        Assert.Equal(expected.MissingItems, actual.MissingItems);
        Assert.Equal(expected.Groups.Select(g => g.Score), actual.Groups.Select(g => g.Score));
        Assert.InRange(actual.TotalScore, 0m, 100m);
    }

    private static void AssertGeneratorCoversTheRules(List<Dossier> dossiers)
    {
        for (var status = 1; status <= 10; status++)
        {
            Assert.Contains(dossiers, d => d.Status == status);
        }

        Assert.Contains(dossiers, d => d.SupplementCount == 2);
        Assert.Contains(dossiers, d => d.SupplementCount == 1 && d.SupplementSuppliedDay is null);
        Assert.Contains(dossiers, d => d.Status == DossierStatus.WaitingSupplement && d.SupplementCount == 0);
        Assert.Contains(dossiers, d => d.PromisedEstimated);
        Assert.Contains(dossiers, d => d.PromisedUnknown && d.Counted);
        Assert.Contains(dossiers, d => d.Handling == HandlingClass.Late);
        Assert.Contains(dossiers, d => d.Handling == HandlingClass.OnTime);
        Assert.Contains(dossiers, d => d.Handling == HandlingClass.Early);
        Assert.Contains(dossiers, d => d.Handling != HandlingClass.Late && d.EndDay is not null && !d.OnTime766);
        Assert.Contains(dossiers, d => d.HandlingEndedAt is null && d.ReturnedAt is not null && d.EndDay is not null);
        Assert.Contains(dossiers, d => !d.ProcedureKnown && d.Counted);
        Assert.Contains(dossiers, d => d.FeeBearing && !d.FeeLine);
        Assert.Contains(dossiers, d => d.PaidByPaymentFeed && d.OnlinePayment == 0);
    }

    private static List<Dossier> Generate(Random random, int count) =>
        Enumerable.Range(0, count).Select(i => RandomDossier(random, $"HS-{i:D5}")).ToList();

    private static readonly int[] StatusWeights = [3, 5, 4, 10, 6, 3, 4, 3, 12, 50];

    private static int RandomStatus(Random random)
    {
        var roll = random.Next(StatusWeights.Sum());
        for (var i = 0; i < StatusWeights.Length; i++)
        {
            roll -= StatusWeights[i];
            if (roll < 0)
            {
                return i + 1;
            }
        }

        return DossierStatus.Returned;
    }

    private static Dossier RandomDossier(Random random, string code)
    {
        var received = ReceivedFrom.AddSeconds(random.NextInt64((long)(ReceivedTo - ReceivedFrom).TotalSeconds));
        return Build(random, code, received, RandomStatus(random));
    }

    /// <summary>A later version of the same dossier: same reception, a status at least as far along.</summary>
    private static Dossier Progress(Random random, Dossier d) =>
        d.ReceivedAt is { } received && d.Counted
            ? Build(random, d.Code, received, random.Next(Math.Max(d.Status, DossierStatus.InProgress), 11), d.AgencyId, d.ProcedureCode)
            : Build(random, d.Code, d.ReceivedAt ?? ReceivedFrom.AddDays(random.Next(900)), random.Next(1, 11), d.AgencyId, d.ProcedureCode);

    private static Dossier Build(Random random, string code, DateTime received, int status, int? agencyId = null, string? procedureCode = null)
    {
        var agency = agencyId ?? random.Next(1, Agencies + 1);
        var procedureIndex = procedureCode is null ? random.Next(ProcedureCodes.Length) : Array.IndexOf(ProcedureCodes, procedureCode);
        var procedure = procedureIndex < Catalogue.Length ? Catalogue[procedureIndex] : null;

        DateTime? promised = random.Next(100) < 85 ? received.Date.AddDays(random.Next(0, 30)).AddHours(random.Next(8, 18)) : null;
        DateTime? ended = null;
        DateTime? returned = null;
        if (DossierStatus.IsFinished(status))
        {
            var end = received.AddMinutes(random.Next(random.Next(4) == 0 ? 60 * 12 : 60 * 24 * 60));
            if (status == DossierStatus.Returned && random.Next(100) < 30)
            {
                returned = end;
            }
            else
            {
                ended = end;
                returned = random.Next(2) == 0 ? end.AddHours(random.Next(1, 72)) : null;
            }
        }
        else if (random.Next(10) == 0)
        {
            ended = received.AddDays(random.Next(1, 20)); // an end date on an unfinished dossier is not an end
        }

        var supplements = new List<DossierSupplement>();
        var supplementCount = status == DossierStatus.WaitingSupplement && random.Next(2) == 0 ? 0 : random.Next(100) switch
        {
            < 65 => 0,
            < 90 => 1,
            _ => 2,
        };
        var requestAt = received;
        for (var s = 0; s < supplementCount; s++)
        {
            requestAt = requestAt.AddHours(random.Next(1, 24 * 15));
            DateTime? supplied = random.Next(100) < 30 ? null : requestAt.AddHours(random.Next(1, 24 * 20));
            DateTime? before = random.Next(100) < 80 ? promised ?? received.Date.AddDays(random.Next(3, 20)) : null;
            DateTime? after = (before ?? promised)?.AddDays(random.Next(0, 15));
            supplements.Add(Supplement(requestAt, supplied, before, after));
        }

        var online = random.Next(100) < 45;
        var channel = online ? Channel.Online : random.Next(3) == 0 ? Channel.Postal : Channel.InPerson;
        var receivedAt = status is DossierStatus.Submitted or DossierStatus.Refused && random.Next(2) == 0 ? (DateTime?)null : received;
        if (receivedAt is null)
        {
            ended = null;
            returned = null;
        }

        return Make(
            status,
            receivedAt,
            promised,
            ended,
            returned,
            channel,
            [.. supplements.OrderBy(_ => random.Next())],
            procedure,
            Calendar2026,
            code: code,
            agencyId: agency,
            with: d =>
            {
                d.ProcedureCode = procedure?.Code ?? ProcedureCodes[^1];
                d.SubmittedAt = received.AddHours(-random.Next(0, 48));
                d.RefusedAt = status == DossierStatus.Refused && random.Next(3) > 0 ? received.AddHours(random.Next(0, 30)) : null;
                d.OnlinePayment = random.Next(100) switch { < 70 => 0, < 85 => 1, _ => 2 };
                d.PaidByPaymentFeed = random.Next(10) == 0;
                d.VneIdVerified = random.Next(3) == 0;
                d.SyncedToDvcqg = agency == Agencies ? null : random.Next(100) switch { < 20 => null, < 40 => 0, _ => 1 };
                d.Satisfaction = random.Next(100) switch { < 60 => null, < 90 => 1, _ => 2 };
                d.Complaint = random.Next(20) == 0;
            },
            lists: l =>
            {
                for (var i = random.Next(3); i > 0; i--)
                {
                    l.Fees.Add(new DossierFee("LP" + i, "Lệ phí", random.Next(3) == 0 ? 0m : random.Next(1, 50) * 10_000m, 1));
                }

                for (var i = random.Next(4); i > 0; i--)
                {
                    l.Components.Add(new DossierComponent("TP" + i, random.Next(3) == 0, random.Next(5) == 0, random.Next(6) == 0));
                }

                for (var i = random.Next(3); i > 0; i--)
                {
                    l.Results.Add(new DossierResult("KQ" + i, random.Next(2) == 0 ? "https://kq/" + code : random.Next(2) == 0 ? " " : null));
                }
            });
    }

    /// <summary>The aggregate tables as a delta holds them, read the way AggregateReader reads the database.</summary>
    private sealed class Tables(AggregateDelta delta)
    {
        private readonly List<(int AgencyId, int Bucket, CountsTotal Counts)> _agencyRows =
            delta.AgencyCells().Select(kv => (kv.Key.AgencyId, kv.Key.Bucket, kv.Value)).ToList();

        private readonly List<ProcedureYearActivity> _activity = delta.ActivityChanges().Values.Select(c => c.Raised).ToList();

        public Dictionary<int, WindowFigures> ReadByAgency(DateWindow window)
        {
            var (first, last) = window.Buckets;
            var result = new Dictionary<int, WindowFigures>();
            WindowFigures For(int agency)
            {
                if (!result.TryGetValue(agency, out var f))
                {
                    f = new WindowFigures();
                    result[agency] = f;
                }

                return f;
            }

            foreach (var (agency, bucket, row) in _agencyRows.Where(r => r.Bucket >= first - 1 && r.Bucket <= last))
            {
                var f = For(agency);
                if (bucket == first - 1)
                {
                    CopyOpen(row, f.OpenAtStart);
                    continue;
                }

                f.InWindow.Add(row);
                if (bucket == last)
                {
                    CopyOpen(row, f.OpenAtEnd);
                }
            }

            foreach (var f in result.Values)
            {
                f.InWindow.Open = 0;
                f.InWindow.OpenWithin = 0;
                f.InWindow.OpenWithin766 = 0;
                f.InWindow.OpenComplaint = 0;
            }

            var gaps = delta.Gaps
                .Where(g => g.Key.ReceivedBucket >= first && g.Key.ReceivedBucket <= last && g.Key.EndedBucket <= last)
                .GroupBy(g => g.Key.AgencyId)
                .Select(g => new { AgencyId = g.Key, Online = g.Sum(x => x.Value.Online), Digitised = g.Sum(x => x.Value.Digitised) });
            foreach (var gap in gaps)
            {
                var f = For(gap.AgencyId);
                f.OnlineWithoutResult += gap.Online;
                f.DigitisedWithoutResult += gap.Digitised;
            }

            // Items 3.2/3.5/3.5b from the per-year activity bits, as the writer keeps them from the cells.
            foreach (var a in _activity)
            {
                var mask = ProcedureYearActivity.WindowMask(a.Year, window);
                if (((a.OnlineBuckets | a.FeeLineBuckets | a.PaidOnlineBuckets) & mask) == 0) continue;
                var f = For(a.AgencyId);
                if ((a.OnlineBuckets & mask) != 0) f.ProceduresWithOnline.Add(a.ProcedureCode);
                if ((a.FeeLineBuckets & mask) != 0) f.ProceduresWithFeeLine.Add(a.ProcedureCode);
                if ((a.PaidOnlineBuckets & mask) != 0) f.ProceduresPaidOnline.Add(a.ProcedureCode);
            }

            return result;
        }

        private static void CopyOpen(BucketCounts from, BucketCounts into)
        {
            into.Open += from.Open;
            into.OpenWithin += from.OpenWithin;
            into.OpenWithin766 += from.OpenWithin766;
            into.OpenComplaint += from.OpenComplaint;
        }
    }
}

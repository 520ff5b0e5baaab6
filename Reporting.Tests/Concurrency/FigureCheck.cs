using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Reporting.Core.Agencies;
using Reporting.Core.Dossiers;
using Reporting.Core.Indicators;
using Reporting.Core.Ingest;
using Reporting.Core.Periods;
using Reporting.Core.Persistence;

namespace Reporting.Tests.Concurrency;

/// <summary>
/// After any interleaving, every figure must be what the records as sent give with the final reference
/// data: the stored dossiers' facts equal the facts derived afresh from the records, and the engine's
/// figures (from the aggregates) equal <see cref="FiguresFromDossiers"/> on the stored dossiers and on the
/// records as sent.
/// </summary>
public static class FigureCheck
{
    /// <summary>A record sent to the product: its source and JSON, in the order sent.</summary>
    public sealed record Sent(string Source, JsonElement Json);

    public static async Task AssertRightAsync(IServiceProvider services, IReadOnlyList<Sent> dossiers, IReadOnlyList<JsonElement> payments,
        IReadOnlyList<PeriodKey> periods, int agencySamples = 3)
    {
        var reference = await services.GetRequiredService<ReferenceData>().GetAsync();
        var expected = FromRecords(dossiers, payments, reference);
        List<Dossier> stored;
        await using (var db = await services.GetRequiredService<IDbContextFactory<ReportingDbContext>>().CreateDbContextAsync())
        {
            stored = await db.Dossiers.AsNoTracking().ToListAsync();
        }

        // 1. Stored facts: equal to the facts of the records as sent, dossier by dossier.
        var storedByKey = stored.ToDictionary(d => (d.Source, d.Code));
        Assert.Equal(expected.Count, stored.Count);
        foreach (var (key, want) in expected)
        {
            Assert.True(storedByKey.TryGetValue(key, out var have), $"dossier {key} was sent but is not stored");
            Assert.Equal(Facts(want), Facts(have));
        }

        // 2. Figures: engine (aggregates) = yardstick on stored dossiers = yardstick on the records as sent.
        var indicators = services.GetRequiredService<IndicatorService>();
        var tree = reference.Tree;
        var agencies = new List<Agency> { tree.Root! };
        agencies.AddRange(tree.Children(tree.Root!.Id).Where(a => a.ValidTo is null && stored.Any(d => d.AgencyId == a.Id)).Take(agencySamples));
        foreach (var period in periods)
        {
            foreach (var window in new[] { WindowKind.Calendar, WindowKind.Cutoff })
            {
                foreach (var view in new[] { HistoryView.Current, HistoryView.Historical })
                {
                    foreach (var agency in agencies)
                    {
                        var answer = await indicators.GetAsync(new IndicatorQuery(agency.Code, period, window, view));
                        var members = tree.Members(answer.Agency.Id, view);
                        var catalogue = IndicatorService.CatalogueFor(answer.Agency, reference.Procedures.Values);
                        var fromStored = IndicatorCalculator.Compute(
                            FiguresFromDossiers.Compute(stored.Where(d => members.Contains(d.AgencyId)), period.Window(window)), catalogue, ScoringContext.None);
                        var fromSent = IndicatorCalculator.Compute(
                            FiguresFromDossiers.Compute(expected.Values.Where(d => members.Contains(d.AgencyId)), period.Window(window)), catalogue, ScoringContext.None);
                        foreach (var item in answer.Scorecard.Indicators.Where(i => i.Definition.Kind != IndicatorKind.Manual))
                        {
                            var where = $"{agency.Code} {period} {window} {view} {item.Code}";
                            Assert.Equal(Figure(fromSent[item.Code]!), Figure(fromStored[item.Code]!));
                            Assert.True(Figure(fromSent[item.Code]!) == Figure(item), $"{where}: engine {Figure(item)}, records as sent {Figure(fromSent[item.Code]!)}");
                        }
                    }
                }
            }
        }
    }

    /// <summary>The dossiers the records should have given: newest version per key, facts from the final reference data.</summary>
    public static Dictionary<(string Source, string Code), Dossier> FromRecords(IReadOnlyList<Sent> dossiers, IReadOnlyList<JsonElement> payments, ReferenceSnapshot reference)
    {
        var newestPayment = new Dictionary<string, Payment>();
        foreach (var json in payments)
        {
            if (PaymentRecordReader.Read(json, "payments", []) is { } p
                && (!newestPayment.TryGetValue(p.TransactionCode, out var before) || p.UpdatedAt > before.UpdatedAt))
            {
                newestPayment[p.TransactionCode] = p;
            }
        }

        var paid = newestPayment.Values.Where(p => p.State == Payment.Succeeded).Select(p => p.DossierCode).ToHashSet();
        var result = new Dictionary<(string, string), (Dossier Dossier, DossierLists Lists)>();
        foreach (var sent in dossiers)
        {
            if (DossierRecordReader.Read(sent.Json, sent.Source, []) is not { } parsed
                || reference.Tree.Resolve(parsed.Dossier.AgencyCode, parsed.AgencyDate) is not { } agency)
            {
                continue;
            }

            var d = parsed.Dossier;
            d.AgencyId = agency.Id;
            var key = (d.Source, d.Code);
            if (!result.TryGetValue(key, out var before) || d.UpdatedAt > before.Dossier.UpdatedAt)
            {
                result[key] = (d, parsed.Lists);
            }
        }

        return result.ToDictionary(r => r.Key, r =>
        {
            var (d, lists) = r.Value;
            reference.Procedures.TryGetValue(d.ProcedureCode, out var procedure);
            d.PaidByPaymentFeed = paid.Contains(d.Code);
            DossierFacts.Apply(d, lists, procedure, reference.Calendar);
            return d;
        });
    }

    /// <summary>Every stored field but the storing time, as JSON: equal strings, equal dossiers.</summary>
    private static string Facts(Dossier d)
    {
        var stored = d.StoredAt;
        d.StoredAt = default;
        var json = JsonSerializer.Serialize(d);
        d.StoredAt = stored;
        return json;
    }

    private static (decimal? Numerator, decimal? Denominator, decimal? Value) Figure(IndicatorResult r) => (r.Numerator, r.Denominator, r.Value);
}

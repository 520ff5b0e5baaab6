using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Reporting.Core.Access;
using Reporting.Core.Periods;
using Reporting.Core.Persistence;

namespace Reporting.Core.Ingest;

/// <summary>
/// Runs pending quarantined records through ingest again, for instance after the missing agency
/// was added. A record that passes is marked re-processed; one that fails again keeps its place
/// with its new reasons. Nothing is duplicated. A record is held to the scope it was pushed with, so
/// pressing "Xử lý lại" never stores what the sender was not allowed to write.
/// </summary>
public sealed class QuarantineReprocessor(
    IDbContextFactory<ReportingDbContext> dbFactory,
    DossierIngestor dossiers,
    PaymentIngestor payments,
    ReferenceData referenceData,
    TimeProvider clock,
    ILogger<QuarantineReprocessor> logger)
{
    private const int Batch = 2000;

    public async Task<(int Tried, int Stored)> ReprocessAsync(string? reasonCode = null, string? source = null, IReadOnlyCollection<long>? ids = null, CancellationToken ct = default)
    {
        var tried = 0;
        var stored = 0;
        long after = 0;
        while (true)
        {
            List<QuarantinedRecord> page;
            await using (var db = await dbFactory.CreateDbContextAsync(ct))
            {
                var query = db.Quarantine.AsNoTracking().Where(q => q.State == QuarantineState.Pending && q.Id > after);
                if (reasonCode is not null) query = query.Where(q => q.ReasonCodes.Contains(reasonCode));
                if (source is not null) query = query.Where(q => q.Source == source);
                if (ids is not null) query = query.Where(q => ids.Contains(q.Id));
                page = await query.OrderBy(q => q.Id).Take(Batch).ToListAsync(ct);
            }

            if (page.Count == 0)
            {
                break;
            }

            after = page[^1].Id;
            var tree = (await referenceData.GetAsync(ct)).Tree;
            foreach (var group in page.GroupBy(q => (q.Source, q.Kind, q.ScopeAgency)))
            {
                var records = group.Select(ToRecord).ToList();
                var scope = AgencyScope.Of(tree, group.Key.ScopeAgency, VietnamTime.Today(clock));
                var report = group.Key.Kind == RecordKinds.Payment
                    ? await payments.IngestAsync(group.Key.Source, records, scope, ct)
                    : await dossiers.IngestAsync(group.Key.Source, records, scope, ct);
                tried += records.Count;
                stored += report.Records.Count(r => r.Outcome != RecordOutcome.Quarantined);
            }
        }

        logger.LogInformation("Re-processed {Tried} quarantined records: {Stored} accepted", tried, stored);
        return (tried, stored);
    }

    private static IngestRecord ToRecord(QuarantinedRecord q)
    {
        JsonElement json;
        try
        {
            json = JsonDocument.Parse(q.RawJson).RootElement;
        }
        catch (JsonException)
        {
            json = JsonSerializer.SerializeToElement(q.RawJson);
        }

        return new IngestRecord(json, q.Id);
    }
}

using Microsoft.EntityFrameworkCore;
using Reporting.Core.Periods;
using Reporting.Core.Persistence;
using Reporting.Core.Reports.Templates;

namespace Reporting.Core.Reports.Workflow;

/// <summary>
/// The province's consolidated Biểu 06 (reporting.md): each agency's row from the total of its latest
/// accepted version; an agency without one is taken from live data and marked pending ("chưa
/// duyệt") on screen, in Excel and in the payload; subtotals and the total are re-added.
/// </summary>
public sealed class ReportConsolidation(IDbContextFactory<ReportingDbContext> dbFactory, ReportEngine engine)
{
    public async Task<ReportDocument> BuildAsync(PeriodKey period, WindowKind windowKind = WindowKind.Cutoff, CancellationToken ct = default)
    {
        var live = await engine.BuildAsync(ReportForms.Bieu06, null, period, windowKind, ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var key = period.ToString();
        var accepted = await db.ReportInstances.AsNoTracking()
            .Where(i => i.FormCode == ReportForms.Bieu06 && i.PeriodKey == key && i.WindowKind == windowKind && i.State == ReportState.Accepted)
            .Join(db.ReportVersions.AsNoTracking(), i => new { Id = i.Id, Number = i.Version }, v => new { Id = v.InstanceId, v.Number },
                (i, v) => new { i.AgencyCode, v.RowsJson })
            .ToListAsync(ct);
        var totals = accepted.ToDictionary(
            a => a.AgencyCode,
            a => StoredJson.Read<StoredDocument>(a.RowsJson).Rows.Single(r => r.Kind == ReportRowKind.Total).ToRow());

        var rows = live.Rows.Select(row => row.Kind != ReportRowKind.Item
            ? row
            : totals.TryGetValue(row.Key, out var total)
                ? row with { Cells = total.Cells, Pending = false }
                : row with { Pending = true }).ToList();
        return live with { Rows = ReportComposer.Retotal(live.Template, rows) };
    }
}

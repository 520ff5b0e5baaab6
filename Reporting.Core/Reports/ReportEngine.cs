using Reporting.Core.Indicators;
using Reporting.Core.Periods;
using Reporting.Core.Reports.Bieu06;
using Reporting.Core.Reports.Bieu07b;
using Reporting.Core.Reports.Templates;

namespace Reporting.Core.Reports;

/// <summary>
/// Fills any form of <see cref="ReportForms"/> for an agency and a window. The API's
/// <c>GET /reports/{form}</c>, the report instances and the consolidation all read through here, so
/// a pre-filled instance holds the same numbers as the API's form.
/// </summary>
public sealed class ReportEngine(Bieu06Calculator bieu06, Bieu07bCalculator bieu07b)
{
    /// <exception cref="QueryException">Unknown form (type <c>form-not-found</c>) or agency, a form not made by that agency, a period that has not started.</exception>
    public async Task<ReportDocument> BuildAsync(string form, string? agencyCode, PeriodKey period, WindowKind windowKind = WindowKind.Cutoff, CancellationToken ct = default)
    {
        switch (form.Trim().ToLowerInvariant())
        {
            case ReportForms.Bieu06:
                return (await bieu06.BuildAsync(agencyCode, period, windowKind, ct)).ToDocument();
            case ReportForms.Bieu06a:
                return (await bieu06.BuildServiceCentreAsync(agencyCode, period, windowKind, ct)).ToDocument();
            case ReportForms.Bieu07b:
                return await bieu07b.BuildAsync(agencyCode, period, windowKind, ct);
            default:
                throw new QueryException("Không có biểu báo cáo",
                    $"Không có biểu '{form}'. Các biểu: {string.Join(", ", ReportForms.Codes)}.", "form-not-found");
        }
    }
}

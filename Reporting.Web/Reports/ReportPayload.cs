using Reporting.Core.Reports;
using Reporting.Web.Api;

namespace Reporting.Web.Reports;

/// <summary>The JSON body of a filled form (api.md), shared by <c>GET /reports/{form}</c> and the instance pages' downloads.</summary>
public static class ReportPayload
{
    public static object Of(ReportDocument report) => new
    {
        form = report.Template.Code,
        formNumber = report.Template.FormNumber,
        title = report.Template.Title,
        legalBasis = report.Template.LegalBasis,
        agency = report.Agency.Code,
        agencyName = report.Agency.Name,
        period = ApiQuery.PeriodJson(report.Period, report.WindowKind, report.Window),
        computedAt = report.ComputedAt,
        reportingUnit = report.ReportingUnit,
        receivingUnit = report.ReceivingUnit,
        columns = ReportJson.Columns(report),
        rows = ReportJson.Rows(report),
        pending = report.Pending,
        adjustments = report.Overrides,
        violations = ReportJson.Violations(ReportIdentities.Check(report)),
    };
}

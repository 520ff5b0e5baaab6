using Reporting.Core.Access;
using Reporting.Core.Indicators;
using Reporting.Core.Periods;
using Reporting.Core.Persistence;
using Reporting.Core.Reports.Bieu06;
using Reporting.Web.Api;

namespace Reporting.Web.Reports;

public static class ReportsApi
{
    private const string XlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static IEndpointRouteBuilder MapReportsApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/v1/reports/{form}", GetReport).RequireAuthorization(ApiScopes.Read).WithTags("Báo cáo").WithName("GetReport");
        return app;
    }

    private static async Task<IResult> GetReport(
        string form, string? agency, string? period, string? window, string? format,
        Bieu06Calculator bieu06, ReferenceData reference, TimeProvider clock, HttpContext http, CancellationToken ct)
    {
        if (!ApiQuery.TryParse(agency, period, window, null, WindowKind.Cutoff, out var query, out var errors) | format is not (null or "json" or "xlsx"))
        {
            if (format is not (null or "json" or "xlsx")) errors["format"] = [$"format phải là json hoặc xlsx, không phải '{format}'."];
            return Problems.Validation(errors);
        }

        switch (form.ToLowerInvariant())
        {
            case "bieu-06":
                break;
            case "bieu-ii-06a" or "bieu-ii-07b":
                return Problems.Result(StatusCodes.Status404NotFound, "form-not-available", "Biểu chưa được cung cấp",
                    $"Biểu '{form}' chưa được triển khai trong phiên bản này; hiện có: bieu-06.");
            default:
                return Problems.Result(StatusCodes.Status404NotFound, "form-not-found", "Không có biểu báo cáo",
                    $"Không có biểu '{form}'. Các biểu: bieu-06, bieu-ii-06a, bieu-ii-07b.");
        }

        var tree = (await reference.GetAsync(ct)).Tree;
        if (!AgencyScope.For(http.User, tree, clock.Today()).TryResolve(tree, query.AgencyCode, clock.Today(), out var effective))
        {
            return ScopeProblems.Forbidden(query.AgencyCode);
        }

        Bieu06Report report;
        try
        {
            report = await bieu06.BuildAsync(effective, query.Period, query.WindowKind, ct);
        }
        catch (QueryException e)
        {
            return Problems.From(e);
        }

        if (format == "xlsx")
        {
            var stream = new MemoryStream();
            Bieu06ExcelWriter.Write(report, stream);
            stream.Position = 0;
            var name = $"bieu-06_{report.Agency.Code}_{report.Period}_{query.WindowKind.Name()}.xlsx";
            return Results.File(stream, XlsxType, name);
        }

        return Results.Ok(new
        {
            form = report.FormCode,
            title = report.Title,
            agency = report.Agency.Code,
            agencyName = report.Agency.Name,
            period = ApiQuery.PeriodJson(report.Period, report.WindowKind, report.Window),
            computedAt = report.ComputedAt,
            reportingUnit = report.ReportingUnit,
            receivingUnit = report.ReceivingUnit,
            rows = report.Rows.Select(r => new
            {
                kind = r.Kind.ToString().ToLowerInvariant(),
                key = r.Key,
                label = r.Label,
                values = r.Values,
            }),
            violations = Bieu06Identities.Check(report).Select(v => new { row = v.RowKey, column = v.Column, message = v.Message }),
        });
    }
}

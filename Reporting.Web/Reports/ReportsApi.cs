using Reporting.Core.Access;
using Reporting.Core.Indicators;
using Reporting.Core.Periods;
using Reporting.Core.Persistence;
using Reporting.Core.Reports;
using Reporting.Core.Reports.Excel;
using Reporting.Core.Reports.Templates;
using Reporting.Web.Api;

namespace Reporting.Web.Reports;

public static class ReportsApi
{
    public static IEndpointRouteBuilder MapReportsApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/v1/reports/{form}", GetReport).RequireAuthorization(ApiScopes.Read).WithTags("Báo cáo").WithName("GetReport");
        return app;
    }

    private static async Task<IResult> GetReport(
        string form, string? agency, string? period, string? window, string? format,
        ReportEngine engine, ReferenceData reference, TimeProvider clock, HttpContext http, CancellationToken ct)
    {
        if (!ApiQuery.TryParse(agency, period, window, null, WindowKind.Cutoff, out var query, out var errors) | format is not (null or "json" or "xlsx"))
        {
            if (format is not (null or "json" or "xlsx")) errors["format"] = [$"format phải là json hoặc xlsx, không phải '{format}'."];
            return Problems.Validation(errors);
        }

        if (!ReportForms.IsKnown(form))
        {
            return Problems.Result(StatusCodes.Status404NotFound, "form-not-found", "Không có biểu báo cáo",
                $"Không có biểu '{form}'. Các biểu: {string.Join(", ", ReportForms.Codes)}.");
        }

        var tree = (await reference.GetAsync(ct)).Tree;
        if (!AgencyScope.For(http.User, tree, clock.Today()).TryResolve(tree, query.AgencyCode, clock.Today(), out var effective))
        {
            return ScopeProblems.Forbidden(query.AgencyCode);
        }

        ReportDocument report;
        try
        {
            report = await engine.BuildAsync(form, effective, query.Period, query.WindowKind, ct);
        }
        catch (QueryException e)
        {
            return Problems.From(e);
        }

        if (format == "xlsx")
        {
            var stream = new MemoryStream();
            ReportExcelWriter.Write(report, stream);
            stream.Position = 0;
            return Results.File(stream, ReportExcelWriter.ContentType, ReportExcelWriter.FileName(report));
        }

        return Results.Ok(ReportPayload.Of(report));
    }
}

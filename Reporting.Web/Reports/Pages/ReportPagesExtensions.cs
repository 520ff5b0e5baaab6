using Reporting.Core.Reports.Excel;
using Reporting.Core.Reports.Workflow;

namespace Reporting.Web.Reports.Pages;

/// <summary>The periodic report pages (<c>/bao-cao</c>, <c>/bao-cao/{id}</c>) and their Excel download of the current form.</summary>
public static class ReportPagesExtensions
{
    public static IServiceCollection AddReportPages(this IServiceCollection services) =>
        services.AddScoped<ReportWorklist>();

    /// <summary>
    /// <c>GET /exports/report-instances/{id}.xlsx</c>: the form as the page shows it now (the live draft, or
    /// the latest version), through the same workflow check as the page; frozen versions download from the API.
    /// </summary>
    public static IEndpointRouteBuilder MapReportPageExports(this IEndpointRouteBuilder app)
    {
        app.MapGet("/exports/report-instances/{id:int}.xlsx", ExportAsync).WithName("ExportReportInstance").ExcludeFromDescription();
        return app;
    }

    public static string ExportPath(int id) => $"/exports/report-instances/{id}.xlsx";

    public static string VersionPath(int id, int number) => $"/api/v1/report-instances/{id}/versions/{number}?format=xlsx";

    private static Task<IResult> ExportAsync(int id, ReportWorkflow workflow, ReportCallers callers, HttpContext http, CancellationToken ct) =>
        ReportInstancesApi.Run(async () =>
        {
            var view = await workflow.GetAsync(await callers.ForAsync(http, ct), id, ct);
            var stream = new MemoryStream();
            ReportExcelWriter.Write(view.Document, stream);
            stream.Position = 0;
            var suffix = view.Summary.State == ReportState.Draft ? "_du-thao" : $"_v{view.Summary.Version}";
            return Results.File(stream, ReportExcelWriter.ContentType, ReportExcelWriter.FileName(view.Document, suffix));
        });
}

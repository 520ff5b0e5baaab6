using Reporting.Core.Access;
using Reporting.Core.Feeds;
using Reporting.Core.Procedures;
using Reporting.Web.Agencies;
using Reporting.Web.Api;

namespace Reporting.Web.Procedures;

public static class ProceduresApi
{
    public static IEndpointRouteBuilder MapProceduresApi(this IEndpointRouteBuilder app)
    {
        app.MapPut("/api/v1/procedures", PutProcedures).RequireAuthorization(ApiScopes.Admin).WithTags("Thủ tục hành chính").WithName("PutProcedures");
        return app;
    }

    private static async Task<IResult> PutProcedures(HttpRequest request, ProcedureCatalogImport import, CancellationToken ct)
    {
        var (items, problem) = await ImportProblems.ReadItemsAsync<ProcedureFeedItem>(request, ct);
        if (problem is not null)
        {
            return problem;
        }

        var result = await import.ReplaceAsync(items!, ct,
            Reporting.Core.Audit.AuditActor.From(request.HttpContext.User, request.HttpContext.Connection.RemoteIpAddress?.ToString()));
        if (!result.Succeeded)
        {
            return ImportProblems.Refused(result, "Danh mục TTHC");
        }

        // Fees, results and statutory times feed dossier facts: the import re-derived the dossiers they touch.
        return Results.Ok(new { counts = ImportProblems.Counts(result.Counts), changedProcedures = result.ChangedProcedureCodes.Count, dossiersRecomputed = result.DossiersRecomputed });
    }
}

using Reporting.Core.Access;
using Reporting.Core.Feeds;
using Reporting.Core.Procedures;
using Reporting.Web.Api;

namespace Reporting.Web.Procedures;

public static class ProceduresApi
{
    public static IEndpointRouteBuilder MapProceduresApi(this IEndpointRouteBuilder app)
    {
        app.MapPut("/api/v1/procedures", PutProcedures).RequireAuthorization(ApiScopes.Admin).WithTags("Thủ tục hành chính").WithName("PutProcedures");
        return app;
    }

    // Fees, results and statutory times feed dossier facts: the import re-derived the dossiers they touch.
    private static Task<IResult> PutProcedures(HttpRequest request, ProcedureCatalogImport import, CancellationToken ct) =>
        ImportProblems.ReplaceAsync<ProcedureFeedItem>(request, "Danh mục TTHC",
            items => import.ReplaceAsync(items, ct, ImportProblems.Actor(request)),
            result => new { counts = ImportProblems.Counts(result.Counts), changedProcedures = result.ChangedProcedureCodes.Count, dossiersRecomputed = result.DossiersRecomputed },
            ct);
}

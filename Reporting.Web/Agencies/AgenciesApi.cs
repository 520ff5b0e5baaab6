using Reporting.Core.Access;
using Reporting.Core.Agencies;
using Reporting.Core.Feeds;
using Reporting.Core.Ingest;
using Reporting.Core.Persistence;
using Reporting.Web.Api;

namespace Reporting.Web.Agencies;

public static class AgenciesApi
{
    public static IEndpointRouteBuilder MapAgenciesApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/v1/agencies", GetAgencies).RequireAuthorization(ApiScopes.Read).WithTags("Đơn vị").WithName("GetAgencies");
        app.MapPut("/api/v1/agencies", PutAgencies).RequireAuthorization(ApiScopes.Admin).WithTags("Đơn vị").WithName("PutAgencies");
        return app;
    }

    private static Task<IResult> PutAgencies(HttpRequest request, AgencyTreeImport import, CancellationToken ct) =>
        ImportProblems.ReplaceAsync<AgencyTreeItem>(request, "Cây đơn vị",
            items => import.ReplaceAsync(items, ct, ImportProblems.Actor(request)),
            result => new { counts = ImportProblems.Counts(result.Counts), quarantineReprocessed = result.QuarantineReprocessed, quarantineAccepted = result.QuarantineAccepted },
            ct);

    private static async Task<IResult> GetAgencies(ReferenceData reference, CancellationToken ct)
    {
        var tree = (await reference.GetAsync(ct)).Tree;
        return Results.Ok(new
        {
            items = tree.All.Select(a => new
            {
                code = a.Code,
                name = a.Name,
                kind = a.Kind.ToString(),
                parentCode = a.ParentId is { } p ? tree.Find(p)?.Code : null,
                adminUnitCode = a.AdminUnitCode,
                validFrom = a.ValidFrom.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
                validTo = a.ValidTo?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
                order = a.Order,
                successors = tree.SuccessorsOf(a.Id).Select(s => new { code = tree.Find(s.SuccessorId)?.Code, primary = s.IsPrimary }),
            }),
        });
    }
}

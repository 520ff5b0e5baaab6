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

    private static async Task<IResult> PutAgencies(HttpRequest request, AgencyTreeImport import, CancellationToken ct)
    {
        var (items, problem) = await ImportProblems.ReadItemsAsync<AgencyTreeItem>(request, ct);
        if (problem is not null)
        {
            return problem;
        }

        var result = await import.ReplaceAsync(items!, ct,
            Reporting.Core.Audit.AuditActor.From(request.HttpContext.User, request.HttpContext.Connection.RemoteIpAddress?.ToString()));
        if (!result.Succeeded)
        {
            return ImportProblems.Refused(result, "Cây đơn vị");
        }

        return Results.Ok(new { counts = ImportProblems.Counts(result.Counts), quarantineReprocessed = result.QuarantineReprocessed, quarantineAccepted = result.QuarantineAccepted });
    }

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

using Reporting.Core.Access;
using Reporting.Core.Indicators;
using Reporting.Core.Periods;
using Reporting.Core.Persistence;
using Reporting.Web.Api;

namespace Reporting.Web.Indicators;

public static class IndicatorsApi
{
    public static IEndpointRouteBuilder MapIndicatorsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/indicators").RequireAuthorization(ApiScopes.Read).WithTags("Chỉ số");
        group.MapGet("/", GetIndicators).WithName("GetIndicators");
        group.MapGet("/{code}/dossiers", GetDossiers).WithName("GetIndicatorDossiers");
        return app;
    }

    private static async Task<IResult> GetIndicators(
        string? agency, string? period, string? window, string? structure,
        IndicatorService service, ReferenceData reference, TimeProvider clock, HttpContext http, CancellationToken ct)
    {
        if (!ApiQuery.TryParse(agency, period, window, structure, WindowKind.Calendar, out var query, out var errors))
        {
            return Problems.Validation(errors);
        }

        var tree = (await reference.GetAsync(ct)).Tree;
        if (!AgencyScope.For(http.User, tree, clock.Today()).TryResolve(tree, query.AgencyCode, clock.Today(), out var effective))
        {
            return ScopeProblems.Forbidden(query.AgencyCode);
        }

        try
        {
            var answer = await service.GetAsync(query with { AgencyCode = effective }, ct);
            return Results.Ok(IndicatorJson.From(answer));
        }
        catch (QueryException e)
        {
            return Problems.From(e);
        }
    }

    private static async Task<IResult> GetDossiers(
        string code, string? agency, string? period, string? window, string? structure, string? part, int? page, int? pageSize,
        IndicatorDossierService service, ReferenceData reference, TimeProvider clock, HttpContext http, CancellationToken ct)
    {
        var ok = ApiQuery.TryParse(agency, period, window, structure, WindowKind.Calendar, out var query, out var errors);
        var dossierPart = DossierPart.Numerator;
        switch (part?.Trim().ToLowerInvariant())
        {
            case null or "" or "numerator": break;
            case "denominator": dossierPart = DossierPart.Denominator; break;
            case "rest": dossierPart = DossierPart.Rest; break;
            default: errors["part"] = [$"part phải là numerator, denominator hoặc rest, không phải '{part}'."]; break;
        }

        var (pageNumber, size) = ApiPaging.Read(page, pageSize, 50, errors, IndicatorDossierService.MaxPageSize);
        if (!ok || errors.Count > 0)
        {
            return Problems.Validation(errors);
        }

        var tree = (await reference.GetAsync(ct)).Tree;
        if (!AgencyScope.For(http.User, tree, clock.Today()).TryResolve(tree, query.AgencyCode, clock.Today(), out var effective))
        {
            return ScopeProblems.Forbidden(query.AgencyCode);
        }

        try
        {
            var result = await service.GetAsync(new DossierListQuery(code, query with { AgencyCode = effective }, dossierPart, pageNumber, size), ct);
            return Results.Ok(new
            {
                indicator = result.IndicatorCode,
                part = result.Part.ToString().ToLowerInvariant(),
                agency = result.Agency.Code,
                agencyName = result.Agency.Name,
                period = ApiQuery.PeriodJson(query.Period, query.WindowKind, result.Window),
                structure = query.View.Name(),
                page = result.Page,
                pageSize = result.PageSize,
                total = result.Total,
                items = result.Items.Select(d => new
                {
                    source = d.Source,
                    code = d.Code,
                    procedureCode = d.ProcedureCode,
                    procedureName = d.ProcedureName,
                    agencyCode = d.AgencyCode,
                    agencyName = d.AgencyName,
                    channel = d.Channel,
                    status = d.Status,
                    receivedAt = Offset(d.ReceivedAt),
                    promisedAt = Offset(d.PromisedAt),
                    endedAt = Offset(d.EndedAt),
                    paidOnline = d.PaidOnline,
                    electronicResult = d.ElectronicResult,
                }),
            });
        }
        catch (QueryException e)
        {
            return Problems.From(e);
        }
    }

    internal static DateTimeOffset? Offset(DateTime? local) => local is { } t ? VietnamTime.ToOffset(t) : null;
}

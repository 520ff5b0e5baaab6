using Microsoft.EntityFrameworkCore;
using Reporting.Core.Access;
using Reporting.Core.Ingest;
using Reporting.Core.Persistence;
using Reporting.Web.Api;
using Reporting.Web.Indicators;

namespace Reporting.Web.Quarantine;

public static class QuarantineApi
{
    public static IEndpointRouteBuilder MapQuarantineApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/v1/quarantine", GetQuarantine).RequireAuthorization(ApiScopes.Read).WithTags("Cách ly").WithName("GetQuarantine");
        return app;
    }

    private static async Task<IResult> GetQuarantine(
        string? source, string? reason, string? state, string? from, string? to, int? page, int? pageSize,
        IDbContextFactory<ReportingDbContext> dbFactory, Reporting.Web.Access.CallerScope callers, HttpContext http, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        var fromDay = ApiPaging.Day(from, nameof(from), errors);
        var toDay = ApiPaging.Day(to, nameof(to), errors);
        var (number, size) = ApiPaging.Read(page, pageSize, 100, errors);
        if (fromDay > toDay)
        {
            errors[nameof(from)] = [$"Ngày bắt đầu ({from}) sau ngày kết thúc ({to})."];
        }

        if (errors.Count > 0)
        {
            return Problems.Validation(errors);
        }

        var wanted = state?.ToLowerInvariant() switch
        {
            "all" => (QuarantineState?)null,
            "reprocessed" => QuarantineState.Reprocessed,
            "superseded" => QuarantineState.Superseded,
            _ => QuarantineState.Pending,
        };
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var query = db.Quarantine.AsNoTracking().Filter(new QuarantineFilter(source, reason, wanted, fromDay, toDay));
        var scope = await callers.ForAsync(http.User, ct);
        if (!scope.IsEverything)
        {
            // A scoped caller sees the records pushed within its scope and those naming one of its agencies.
            var codes = scope.Codes.ToList();
            query = query.Where(q => (q.ScopeAgency != null && codes.Contains(q.ScopeAgency)) || (q.AgencyCode != null && codes.Contains(q.AgencyCode)));
        }

        var total = await query.CountAsync(ct);
        var items = await query.OrderByDescending(q => q.Id).Skip(ApiPaging.Skip(number, size)).Take(size).ToListAsync(ct);
        return Results.Ok(new
        {
            total,
            page = number,
            pageSize = size,
            items = items.Select(q => new
            {
                id = q.Id,
                source = q.Source,
                kind = q.Kind,
                key = q.RecordKey,
                reasonCodes = q.ReasonCodes.Split(',', StringSplitOptions.RemoveEmptyEntries),
                reasons = q.Reasons.Split('\n', StringSplitOptions.RemoveEmptyEntries),
                quarantinedAt = IndicatorsApi.Offset(q.QuarantinedAt),
                state = q.State.ToString().ToLowerInvariant(),
                resolvedAt = IndicatorsApi.Offset(q.ResolvedAt),
                raw = System.Text.Json.JsonDocument.Parse(q.RawJson).RootElement,
            }),
        });
    }
}

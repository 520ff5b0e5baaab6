using System.Globalization;
using Microsoft.EntityFrameworkCore;
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
        var fromDay = Day(from, nameof(from), errors);
        var toDay = Day(to, nameof(to), errors);
        if (fromDay > toDay)
        {
            errors[nameof(from)] = [$"Ngày bắt đầu ({from}) sau ngày kết thúc ({to})."];
        }

        if (errors.Count > 0)
        {
            return Problems.Validation(errors);
        }

        var size = Math.Clamp(pageSize ?? 100, 1, 1000);
        var number = Math.Max(1, page ?? 1);
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
        var items = await query.OrderByDescending(q => q.Id).Skip((number - 1) * size).Take(size).ToListAsync(ct);
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

    /// <summary>A day <c>yyyy-MM-dd</c> (Vietnam time), null when absent; a malformed one is an error of the field.</summary>
    private static DateOnly? Day(string? value, string field, Dictionary<string, string[]> errors)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        if (DateOnly.TryParseExact(value.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            return day;
        }

        errors[field] = [$"{field} phải là ngày dạng yyyy-MM-dd (ví dụ 2026-11-20), không phải '{value}'."];
        return null;
    }
}

using System.Globalization;
using MiniExcelLibs;
using Reporting.Core.Access;
using Reporting.Core.Audit;
using Reporting.Core.Periods;
using Reporting.Web.Api;

namespace Reporting.Web.Access;

/// <summary><c>GET/PUT /api/v1/users</c>, <c>GET /api/v1/audit</c> (scope admin) and the audit's Excel export.</summary>
public static class AccessApi
{
    public sealed record UserBody(string? DisplayName, string? Email, string? Agency, List<string>? Roles, bool? Active, string? Password);

    public static IEndpointRouteBuilder MapAccessApi(this IEndpointRouteBuilder app)
    {
        var users = app.MapGroup("/api/v1/users").RequireAuthorization(ApiScopes.Admin).WithTags("Người dùng");
        users.MapGet("/", ListUsersAsync).WithName("GetUsers");
        users.MapPut("/{userName}", PutUserAsync).WithName("PutUser");
        app.MapGet("/api/v1/audit", GetAuditAsync).RequireAuthorization(ApiScopes.Admin).WithTags("Nhật ký").WithName("GetAudit");
        app.MapGet("/exports/audit.xlsx", ExportAuditAsync).RequireAuthorization(ApiScopes.Admin).ExcludeFromDescription();
        return app;
    }

    private static async Task<IResult> ListUsersAsync(UserAdmin admin, HttpContext http, CancellationToken ct) =>
        Results.Ok((await admin.ListAsync(http.User, ct)).Select(Json));

    private static async Task<IResult> PutUserAsync(string userName, UserBody body, UserAdmin admin, HttpContext http, CancellationToken ct)
    {
        var result = await admin.SaveAsync(http.User, http.Connection.RemoteIpAddress?.ToString(), userName,
            new UserChange(body.DisplayName, body.Email, body.Agency, body.Roles?.Select(r => r.Trim().ToLowerInvariant()).ToList(), body.Active, body.Password), ct);
        if (!result.Ok)
        {
            return Problems.Validation(result.Errors.ToDictionary());
        }

        return result.Created ? Results.Created($"/api/v1/users/{Uri.EscapeDataString(userName)}", Json(result.User!)) : Results.Ok(Json(result.User!));
    }

    private static object Json(UserView u) => new
    {
        userName = u.UserName,
        displayName = u.DisplayName,
        email = u.Email,
        agency = u.Agency,
        roles = u.Roles,
        active = u.Active,
        lockedUntil = u.LockedUntil,
    };

    private static async Task<IResult> GetAuditAsync(string? from, string? to, string? actor, string? action, string? target, int? page, int? pageSize,
        AuditReader reader, HttpContext http, CancellationToken ct)
    {
        if (!TryFilter(from, to, actor, action, target, out var filter, out var errors))
        {
            return Problems.Validation(errors);
        }

        var (pageNumber, size) = ApiPaging.Read(page, pageSize, 100, errors);
        if (errors.Count > 0)
        {
            return Problems.Validation(errors);
        }

        var result = await reader.ReadAsync(http.User, filter, pageNumber, size, ct);
        return Results.Ok(new
        {
            total = result.Total,
            page = pageNumber,
            pageSize = size,
            items = result.Items.Select(a => new
            {
                id = a.Id,
                at = VietnamTime.ToOffset(a.At),
                actorKind = a.ActorKind,
                actor = a.Actor,
                address = a.Address,
                action = a.Action,
                target = a.Target,
                before = a.Before,
                after = a.After,
            }),
        });
    }

    private static async Task ExportAuditAsync(string? from, string? to, string? actor, string? action, string? target,
        AuditReader reader, HttpContext http, CancellationToken ct)
    {
        if (!TryFilter(from, to, actor, action, target, out var filter, out var errors))
        {
            await Problems.Validation(errors).ExecuteAsync(http);
            return;
        }

        var rows = new List<Dictionary<string, object?>>();
        await foreach (var a in reader.StreamAsync(http.User, filter, ct))
        {
            rows.Add(new Dictionary<string, object?>
            {
                ["Thời điểm"] = a.At,
                ["Loại"] = a.ActorKind == "key" ? "Khóa API" : a.ActorKind == "user" ? "Người dùng" : "Hệ thống",
                ["Người thực hiện"] = a.Actor,
                ["Địa chỉ"] = a.Address,
                ["Thao tác"] = AuditActions.Label(a.Action),
                ["Mã thao tác"] = a.Action,
                ["Đối tượng"] = a.Target,
                ["Trước"] = a.Before,
                ["Sau"] = a.After,
            });
        }

        http.Response.ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
        http.Response.Headers.ContentDisposition = "attachment; filename=\"nhat-ky-kiem-toan.xlsx\"";
        var buffer = new MemoryStream();
        await MiniExcel.SaveAsAsync(buffer, rows, sheetName: "Nhật ký", cancellationToken: ct);
        buffer.Position = 0;
        http.Response.ContentLength = buffer.Length;
        await buffer.CopyToAsync(http.Response.Body, ct);
    }

    internal static bool TryFilter(string? from, string? to, string? actor, string? action, string? target, out AuditFilter filter, out Dictionary<string, string[]> errors)
    {
        errors = [];
        var fromDay = ApiPaging.Day(from, "from", errors);
        var toDay = ApiPaging.Day(to, "to", errors);
        if (!string.IsNullOrWhiteSpace(action) && !AuditActions.All.Contains(action.Trim()))
        {
            errors["action"] = [$"Thao tác '{action}' không có; các thao tác: {string.Join(", ", AuditActions.All)}."];
        }

        filter = new AuditFilter(fromDay, toDay, actor, action, target);
        return errors.Count == 0;
    }
}

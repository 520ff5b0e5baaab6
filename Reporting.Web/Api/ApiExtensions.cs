using Microsoft.AspNetCore.Diagnostics;
using Reporting.Core.Indicators;

namespace Reporting.Web.Api;

public static class ApiExtensions
{
    /// <summary>API keys with scopes, Vietnamese problem details for every error, and the OpenAPI document.</summary>
    public static IHostApplicationBuilder AddReportingApi(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<ApiOptions>().BindConfiguration(ApiOptions.Section);
        // Authentication (keys, cookies, SSO) and the policies: Reporting.Web/Access/AccessExtensions.cs.
        services.AddProblemDetails();
        // Before the catch-all below: handlers are asked in registration order.
        services.AddExceptionHandler<BadHttpRequestExceptionHandler>();
        services.AddExceptionHandler<QueryExceptionHandler>();
        services.AddOpenApi();
        builder.AddRequestLimits();
        return builder;
    }
}

/// <summary>Maps domain query errors to 400/404 problems; anything else becomes a 500 without details.</summary>
internal sealed class QueryExceptionHandler : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext http, Exception exception, CancellationToken ct)
    {
        if (exception is Reporting.Core.Access.AccessDeniedException denied)
        {
            await Problems.Result(StatusCodes.Status403Forbidden, "forbidden", Reporting.Core.Access.AccessDeniedException.Title, denied.Message).ExecuteAsync(http);
            return true;
        }

        if (exception is BadHttpRequestException bad)
        {
            // Malformed requests (bad form, body too large) are the client's: their own status, never a 500.
            await Problems.Result(bad.StatusCode, "bad-request", "Yêu cầu không hợp lệ", "Yêu cầu gửi lên không đọc được.").ExecuteAsync(http);
            return true;
        }

        if (exception is not QueryException query)
        {
            http.Response.StatusCode = StatusCodes.Status500InternalServerError;
            await http.Response.WriteAsJsonAsync(Problems.Create(500, "internal-error", "Lỗi hệ thống",
                "Đã xảy ra lỗi khi xử lý yêu cầu. Lỗi đã được ghi nhật ký; vui lòng thử lại hoặc báo quản trị viên."),
                options: null, contentType: "application/problem+json", cancellationToken: ct);
            return true;
        }

        await Problems.From(query).ExecuteAsync(http);
        return true;
    }
}

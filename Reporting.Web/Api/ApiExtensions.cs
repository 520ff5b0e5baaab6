using Microsoft.AspNetCore.Authentication;
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
        services.AddAuthentication(ApiKeyAuthenticationHandler.SchemeName)
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthenticationHandler.SchemeName, null);
        services.AddAuthorizationBuilder()
            .AddPolicy(ApiScopes.Read, p => p.RequireClaim(ApiKeyAuthenticationHandler.ScopeClaim, ApiScopes.Read, ApiScopes.Admin))
            .AddPolicy(ApiScopes.Ingest, p => p.RequireClaim(ApiKeyAuthenticationHandler.ScopeClaim, ApiScopes.Ingest))
            .AddPolicy(ApiScopes.Report, p => p.RequireClaim(ApiKeyAuthenticationHandler.ScopeClaim, ApiScopes.Report, ApiScopes.Admin))
            .AddPolicy(ApiScopes.Admin, p => p.RequireClaim(ApiKeyAuthenticationHandler.ScopeClaim, ApiScopes.Admin));
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

using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace Reporting.Web.Api;

public static class RequestLimits
{
    /// <summary>
    /// Kestrel's limits from the <c>Kestrel:Limits</c> section (<c>MaxRequestBodySize</c> in bytes, 30 MB by default):
    /// the host only reads endpoints from that section by itself. A body over the limit is answered 413 by
    /// <see cref="BadHttpRequestExceptionHandler"/>.
    /// </summary>
    public static IHostApplicationBuilder AddRequestLimits(this IHostApplicationBuilder builder)
    {
        builder.Services.Configure<KestrelServerOptions>(o => builder.Configuration.GetSection("Kestrel:Limits").Bind(o.Limits));
        return builder;
    }
}

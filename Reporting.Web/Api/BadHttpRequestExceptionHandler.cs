using Microsoft.AspNetCore.Diagnostics;

namespace Reporting.Web.Api;

/// <summary>
/// A request the server itself refused while reading it (a body over Kestrel's <c>MaxRequestBodySize</c>, a
/// parameter that does not bind, a cut-off body): the client's fault, answered with the status Kestrel or
/// the binder chose (413, 400 …) as a Vietnamese problem, never a 500.
/// </summary>
internal sealed class BadHttpRequestExceptionHandler(ILogger<BadHttpRequestExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext http, Exception exception, CancellationToken ct)
    {
        if (exception is not BadHttpRequestException bad || http.Response.HasStarted)
        {
            return false;
        }

        logger.LogInformation("Bad request {Method} {Path}: {Status} {Reason}", http.Request.Method, http.Request.Path, bad.StatusCode, bad.Message);
        var problem = bad.StatusCode == StatusCodes.Status413PayloadTooLarge
            ? Problems.Create(413, "body-too-large", "Nội dung gửi lên quá lớn",
                "Nội dung yêu cầu vượt giới hạn kích thước của máy chủ (Kestrel:Limits:MaxRequestBodySize); hãy chia nhỏ dữ liệu thành nhiều lần gửi.")
            : Problems.Create(bad.StatusCode, "bad-request", "Yêu cầu không hợp lệ",
                "Yêu cầu không đọc được: tham số hoặc nội dung không đúng định dạng.");
        http.Response.StatusCode = bad.StatusCode;
        await http.Response.WriteAsJsonAsync(problem, options: null, contentType: "application/problem+json", cancellationToken: ct);
        return true;
    }
}

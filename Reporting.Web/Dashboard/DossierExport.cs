using MiniExcelLibs;
using Reporting.Core.Indicators;
using Reporting.Core.Periods;
using Reporting.Web.Api;

namespace Reporting.Web.Dashboard;

/// <summary>
/// <c>GET /exports/indicators/{code}/dossiers.xlsx</c>: the dossiers behind a figure as an Excel file,
/// streamed from the database over plain HTTP (not through the Blazor circuit).
/// </summary>
public static class DossierExport
{
    public static IEndpointRouteBuilder MapDossierExport(this IEndpointRouteBuilder app)
    {
        app.MapGet("/exports/indicators/{code}/dossiers.xlsx", ExportAsync).WithName("ExportIndicatorDossiers").ExcludeFromDescription();
        return app;
    }

    private static async Task ExportAsync(
        string code, string? agency, string? period, string? window, string? structure, string? part,
        DashboardService service, Reporting.Web.Access.CallerScope callers, HttpContext http, CancellationToken ct)
    {
        var query = DashboardQuery.From(period, window, structure, agency, service.Today);
        var dossierPart = part?.ToLowerInvariant() switch
        {
            "denominator" => DossierPart.Denominator,
            "rest" => DossierPart.Rest,
            _ => DossierPart.Numerator,
        };

        // Validation errors (unknown code, agency, period not started) surface before the file starts.
        var scope = await callers.ForAsync(http.User, ct);
        var rows = await service.StreamDossiersAsync(scope, query, code, dossierPart, ct);
        await using var e = rows.GetAsyncEnumerator(ct);
        var hasFirst = await e.MoveNextAsync();

        var fileName = $"ho-so-{code}-{dossierPart.ToString().ToLowerInvariant()}-{query.Period}.xlsx";
        http.Response.ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
        http.Response.Headers.ContentDisposition = $"attachment; filename=\"{fileName}\"";

        // MiniExcel writes synchronously from an IEnumerable; buffer to a temp file, then stream it.
        var temp = Path.Combine(Path.GetTempPath(), $"reporting-export-{Guid.NewGuid():N}.xlsx");
        try
        {
            await using (var file = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16, FileOptions.Asynchronous))
            {
                await MiniExcel.SaveAsAsync(file, Rows(e, hasFirst, ct), sheetName: "Hồ sơ", cancellationToken: ct);
            }

            await using var read = new FileStream(temp, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.Asynchronous | FileOptions.DeleteOnClose);
            http.Response.ContentLength = read.Length;
            await read.CopyToAsync(http.Response.Body, ct);
        }
        finally
        {
            if (File.Exists(temp))
            {
                File.Delete(temp);
            }
        }
    }

    private static IEnumerable<Dictionary<string, object?>> Rows(IAsyncEnumerator<DossierListItem> e, bool hasFirst, CancellationToken ct)
    {
        if (!hasFirst)
        {
            yield break;
        }

        do
        {
            ct.ThrowIfCancellationRequested();
            var d = e.Current;
            yield return new Dictionary<string, object?>
            {
                ["Nguồn"] = d.Source,
                ["Mã hồ sơ"] = d.Code,
                ["Mã TTHC"] = d.ProcedureCode,
                ["Tên TTHC"] = d.ProcedureName,
                ["Mã đơn vị"] = d.AgencyCode,
                ["Đơn vị"] = d.AgencyName,
                ["Kênh"] = ChannelName(d.Channel),
                ["Trạng thái"] = d.Status,
                ["Ngày tiếp nhận"] = d.ReceivedAt,
                ["Hạn giải quyết"] = d.PromisedAt,
                ["Ngày kết thúc"] = d.EndedAt,
                ["Thanh toán trực tuyến"] = d.PaidOnline ? "Có" : "Không",
                ["Kết quả điện tử"] = d.ElectronicResult ? "Có" : "Không",
            };
        }
        while (e.MoveNextAsync().AsTask().GetAwaiter().GetResult());
    }

    public static string ChannelName(int channel) => channel switch
    {
        1 => "Trực tiếp",
        2 => "Trực tuyến",
        3 => "Bưu chính",
        _ => channel.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };
}

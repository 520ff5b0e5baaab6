using System.Globalization;
using Quartz;
using Reporting.Core.Collectors;
using Reporting.Core.Ingest;
using Reporting.Core.Persistence;

namespace Reporting.Collectors;

/// <summary>A source as the configuration, the admin API or the collectors page gives it, before it is checked.</summary>
public sealed record CollectorSourceInput(string? Name, string? Kind, string? BaseUrl, string? ApiKey, string? Cron, int? PageSize);

/// <summary>One refused field of a source: its name as in configuration (<c>BaseUrl</c>) and why, in Vietnamese.</summary>
public sealed record SourceFieldError(string Field, string Message);

/// <summary>
/// The rules a collector source must meet, one set for the configuration (start-up), the admin API and
/// the collectors page, so a source the page accepts is one the configuration would accept too.
/// </summary>
public static class CollectorSourceRules
{
    /// <summary>The widths of the <c>CollectorSources</c> columns (the key is stored encrypted, so its input limit is its own).</summary>
    public const int MaxUrlLength = ColumnWidths.CollectorBaseUrl;
    public const int MaxApiKeyLength = 500;
    public const int MaxCronLength = ColumnWidths.CollectorCron;
    public const int MaxPageSize = 100_000;

    private static readonly CultureInfo Vi = CultureInfo.GetCultureInfo("vi-VN");

    /// <summary>
    /// Every rule that needs no network: with a <paramref name="policy"/>, an address literal (or <c>localhost</c>) in
    /// the URL is checked too. The configuration is checked this way at start-up (a name server may be down then);
    /// the admin API and the page use <see cref="CheckAsync"/>, and every connection is checked again at run time.
    /// </summary>
    public static IReadOnlyList<SourceFieldError> Check(CollectorSourceInput input, CollectorNetworkPolicy? policy = null)
    {
        var errors = new List<SourceFieldError>();
        if (string.IsNullOrWhiteSpace(input.Name))
        {
            errors.Add(new("Name", "Nguồn thu thập phải có tên."));
        }
        else if (SourceName.Problem(input.Name, "motcua-tinh") is { } nameProblem)
        {
            errors.Add(new("Name", nameProblem));
        }

        if (!Enum.TryParse<CollectorKind>(input.Kind, ignoreCase: true, out var kind) || !Enum.IsDefined(kind) || int.TryParse(input.Kind, out _))
        {
            errors.Add(new("Kind", "Loại nguồn phải là DossierFeed (hồ sơ), PaymentFeed (thanh toán) hoặc ProcedureCatalog (danh mục thủ tục)."));
        }

        if (!Uri.TryCreate(input.BaseUrl, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            errors.Add(new("BaseUrl", "Địa chỉ phải là URL http(s) đầy đủ, ví dụ https://motcua.tinh.gov.vn/api."));
        }
        else if (input.BaseUrl!.Length > MaxUrlLength)
        {
            errors.Add(new("BaseUrl", $"Địa chỉ dài tối đa {MaxUrlLength} ký tự."));
        }
        else if (!string.IsNullOrEmpty(uri.UserInfo))
        {
            errors.Add(new("BaseUrl", "Địa chỉ không được chứa tên đăng nhập hoặc mật khẩu; khóa truy cập nhập ở ô riêng."));
        }
        else if (policy is not null && LiteralAddress(uri) is { } literal && policy.Problem(literal) is { } refused)
        {
            errors.Add(new("BaseUrl", Refused(refused)));
        }

        if (input.ApiKey is { Length: > MaxApiKeyLength })
        {
            errors.Add(new("ApiKey", $"Khóa truy cập dài tối đa {MaxApiKeyLength} ký tự."));
        }

        if (CronProblem(input.Cron) is { } problem)
        {
            errors.Add(new("Cron", $"Biểu thức cron không hợp lệ ({problem}); ví dụ 0 */5 * * * ? là 5 phút một lần."));
        }

        if (input.PageSize is < 1 or > MaxPageSize)
        {
            errors.Add(new("PageSize", $"Kích thước trang phải từ 1 đến {MaxPageSize.ToString("N0", Vi)}."));
        }

        return errors;
    }

    /// <summary><see cref="Check"/>, then the host resolved and each of its addresses checked against <paramref name="policy"/>.</summary>
    public static async Task<IReadOnlyList<SourceFieldError>> CheckAsync(CollectorSourceInput input, CollectorNetworkPolicy policy, CancellationToken ct = default)
    {
        var errors = Check(input, policy).ToList();
        if (errors.All(e => e.Field != "BaseUrl") && Uri.TryCreate(input.BaseUrl, UriKind.Absolute, out var uri))
        {
            if (await policy.HostProblemAsync(uri.Host, ct) is { } problem)
            {
                errors.Add(new("BaseUrl", Refused(problem)));
            }
        }

        return errors;
    }

    /// <summary>The scheme, host and port of a URL, to tell whether a source moved to another server.</summary>
    public static string? Authority(string? url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) ? uri.GetLeftPart(UriPartial.Authority).ToLowerInvariant() : null;

    private static string Refused(string problem) => $"Không được phép thu thập từ địa chỉ này: {problem}.";

    private static System.Net.IPAddress? LiteralAddress(Uri uri) =>
        uri.HostNameType is UriHostNameType.IPv4 or UriHostNameType.IPv6 && System.Net.IPAddress.TryParse(uri.Host.Trim('[', ']'), out var address) ? address
        : string.Equals(uri.Host, "localhost", StringComparison.OrdinalIgnoreCase) ? System.Net.IPAddress.Loopback
        : null;

    /// <summary>Why a Quartz cron expression is refused, or null when it is valid.</summary>
    public static string? CronProblem(string? cron)
    {
        if (string.IsNullOrWhiteSpace(cron))
        {
            return "trống";
        }

        if (cron.Length > MaxCronLength)
        {
            return $"dài quá {MaxCronLength} ký tự";
        }

        try
        {
            CronExpression.Parse(cron);
            return null;
        }
        catch (FormatException e)
        {
            return e.Message;
        }
    }
}

using System.Globalization;
using Quartz;
using Reporting.Core.Collectors;
using Reporting.Core.Ingest;

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
    /// <summary>The widths of the <c>CollectorSources</c> columns.</summary>
    public const int MaxUrlLength = 500;
    public const int MaxApiKeyLength = 500;
    public const int MaxCronLength = 120;
    public const int MaxPageSize = 100_000;

    private static readonly CultureInfo Vi = CultureInfo.GetCultureInfo("vi-VN");

    public static IReadOnlyList<SourceFieldError> Check(CollectorSourceInput input)
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

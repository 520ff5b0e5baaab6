using System.Globalization;
using Reporting.Core.Periods;

namespace Reporting.Web.Api;

/// <summary>
/// The bounds of list parameters (spec access.md "Hardening rules"): <c>page</c> and <c>pageSize</c> within
/// 1 … 1,000 and days within <see cref="DateBounds"/>; outside is a 400 with the field, never a clamp that
/// hides the mistake and never an overflow of the offset.
/// </summary>
public static class ApiPaging
{
    public const int MaxPage = 1000;
    public const int MaxPageSize = 1000;

    /// <summary>The page and size (defaults when absent); an error per field when outside the bounds.</summary>
    public static (int Page, int Size) Read(int? page, int? pageSize, int defaultSize, Dictionary<string, string[]> errors, int maxPageSize = MaxPageSize)
    {
        if (page is < 1 or > MaxPage)
        {
            errors["page"] = [$"page phải từ 1 đến {MaxPage.ToString("N0", Vi)}."];
        }

        if (pageSize is { } size && (size < 1 || size > maxPageSize))
        {
            errors["pageSize"] = [$"pageSize phải từ 1 đến {maxPageSize.ToString("N0", Vi)}."];
        }

        return (page ?? 1, pageSize ?? defaultSize);
    }

    /// <summary>The number of items before a page; in long, so no page and size can overflow it.</summary>
    public static int Skip(int page, int size) => (int)Math.Min(int.MaxValue, (page - 1L) * size);

    /// <summary>A day <c>yyyy-MM-dd</c> within <see cref="DateBounds"/>, null when absent; otherwise an error of the field.</summary>
    public static DateOnly? Day(string? value, string field, Dictionary<string, string[]> errors)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        if (!DateOnly.TryParseExact(value.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            errors[field] = [$"{field} phải là ngày dạng yyyy-MM-dd (ví dụ 2026-11-20), không phải '{value}'."];
            return null;
        }

        if (!DateBounds.Contains(day))
        {
            errors[field] = [$"{field} phải {DateBounds.Range}, không phải '{value}'."];
            return null;
        }

        return day;
    }

    private static readonly CultureInfo Vi = CultureInfo.GetCultureInfo("vi-VN");
}

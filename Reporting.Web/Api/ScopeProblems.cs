using Reporting.Core.Periods;

namespace Reporting.Web.Api;

/// <summary>The API's answer to a read or write outside the caller's agency scope (the rule: Core/Access/AgencyScope).</summary>
public static class ScopeProblems
{
    public static IResult Forbidden(string? requested) => Problems.Result(StatusCodes.Status403Forbidden, "outside-agency-scope",
        "Không có quyền", string.IsNullOrWhiteSpace(requested)
            ? "Người gọi không được gán đơn vị nào trong cây đơn vị."
            : $"Đơn vị '{requested}' nằm ngoài phạm vi đơn vị của người gọi.");

    public static DateOnly Today(this TimeProvider clock) => VietnamTime.Today(clock);
}

using System.Globalization;
using Reporting.Core.Periods;

namespace Reporting.Web.Reports.National;

/// <summary>Times of the national submission as officials read them: Vietnam time, dd/MM/yyyy HH:mm:ss.</summary>
public static class NationalFormat
{
    private static readonly CultureInfo Vi = CultureInfo.GetCultureInfo("vi-VN");

    public static string Time(DateTimeOffset at) => at.ToOffset(VietnamTime.Offset).ToString("dd/MM/yyyy HH:mm:ss", Vi);

    /// <summary>The receiver's <c>receivedAt</c> (ISO 8601 text); as given when it is not a time.</summary>
    public static string Time(string at) => DateTimeOffset.TryParse(at, CultureInfo.InvariantCulture, DateTimeStyles.None, out var t) ? Time(t) : at;
}

using System.Globalization;

namespace Reporting.Core.Feeds;

/// <summary>The feeds' date format: local Asia/Ho_Chi_Minh time as <c>yyyyMMddHHmmss</c>.</summary>
public static class FeedDates
{
    public const string Format = "yyyyMMddHHmmss";

    public static string Format14(DateTime local) => local.ToString(Format, CultureInfo.InvariantCulture);

    public static bool TryParse(string? text, out DateTime local) =>
        DateTime.TryParseExact(text, Format, CultureInfo.InvariantCulture, DateTimeStyles.None, out local);
}

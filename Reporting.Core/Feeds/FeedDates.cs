using System.Globalization;

namespace Reporting.Core.Feeds;

/// <summary>The feeds' date format: local Asia/Ho_Chi_Minh time as <c>yyyyMMddHHmmss</c>.</summary>
public static class FeedDates
{
    public const string Format = "yyyyMMddHHmmss";

    public static string Format14(DateTime local) => local.ToString(Format, CultureInfo.InvariantCulture);

    public static bool TryParse(string? text, out DateTime local) =>
        DateTime.TryParseExact(text, Format, CultureInfo.InvariantCulture, DateTimeStyles.None, out local);

    /// <summary>
    /// The same parse of exactly 14 ASCII digits as UTF-8, without a string: true with the value
    /// <see cref="TryParse(string?, out DateTime)"/> gives whenever this returns true. False for anything else (other lengths,
    /// a non-digit, a day or time out of range), after which a caller that needs the exact outcome and reason parses the text.
    /// <c>FeedDatesTests</c> holds the two equal.
    /// </summary>
    public static bool TryParseDigits(ReadOnlySpan<byte> utf8, out DateTime local)
    {
        local = default;
        if (utf8.Length != 14)
        {
            return false;
        }

        foreach (var b in utf8)
        {
            if ((uint)(b - '0') > 9) return false;
        }

        var year = Number(utf8, 0, 4);
        var month = Number(utf8, 4, 2);
        var day = Number(utf8, 6, 2);
        var hour = Number(utf8, 8, 2);
        var minute = Number(utf8, 10, 2);
        var second = Number(utf8, 12, 2);
        if (year < 1 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month) || hour > 23 || minute > 59 || second > 59)
        {
            return false;
        }

        local = new DateTime(year, month, day, hour, minute, second, DateTimeKind.Unspecified);
        return true;
    }

    private static int Number(ReadOnlySpan<byte> digits, int start, int length)
    {
        var value = 0;
        for (var i = start; i < start + length; i++)
        {
            value = value * 10 + (digits[i] - '0');
        }

        return value;
    }
}

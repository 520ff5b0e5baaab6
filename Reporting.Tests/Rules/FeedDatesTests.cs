using System.Globalization;
using System.Text;
using Reporting.Core.Feeds;

namespace Reporting.Tests.Rules;

/// <summary>
/// The byte parse of feed dates (ADR 021) is only a shortcut: whenever it accepts a text, the value is the one
/// <c>DateTime.TryParseExact("yyyyMMddHHmmss")</c> gives; everything it refuses goes to that parse.
/// </summary>
public sealed class FeedDatesTests
{
    [Theory]
    [InlineData("20260101000000")]
    [InlineData("20261231235959")]
    [InlineData("20240229120000")] // leap day
    [InlineData("20000229000000")] // leap century
    [InlineData("00010101000000")]
    [InlineData("99991231235959")]
    public void Accepted_dates_equal_the_exact_parse(string text)
    {
        Assert.True(FeedDates.TryParseDigits(Encoding.UTF8.GetBytes(text), out var quick));
        Assert.True(FeedDates.TryParse(text, out var exact));
        Assert.Equal(exact, quick);
        Assert.Equal(exact.Kind, quick.Kind);
    }

    [Theory]
    [InlineData("20250229120000")] // no leap day
    [InlineData("19000229000000")] // no leap century
    [InlineData("20261301000000")]
    [InlineData("20260001000000")]
    [InlineData("20260100000000")]
    [InlineData("20260431000000")]
    [InlineData("20260101240000")]
    [InlineData("20260101006000")]
    [InlineData("20260101000060")]
    [InlineData("00000101000000")]
    [InlineData("2026010100000")]
    [InlineData("202601010000000")]
    [InlineData(" 2026010100000")]
    [InlineData("2026-1-1000000")]
    [InlineData("2026010100000a")]
    [InlineData("２０２６0101000000")]
    [InlineData("")]
    public void Refused_texts_are_left_to_the_exact_parse(string text)
    {
        Assert.False(FeedDates.TryParseDigits(Encoding.UTF8.GetBytes(text), out _));
    }

    [Fact]
    public void Every_month_day_and_a_spread_of_times_agree_with_the_exact_parse()
    {
        var checkedCount = 0;
        foreach (var year in new[] { 1, 1900, 1999, 2000, 2024, 2025, 2026, 2100, 9999 })
        {
            for (var month = 0; month <= 13; month++)
            {
                for (var day = 0; day <= 32; day++)
                {
                    var text = string.Create(CultureInfo.InvariantCulture, $"{year:0000}{month:00}{day:00}{(day * 7) % 25:00}{(day * 13) % 61:00}{(month * 11) % 61:00}");
                    var quick = FeedDates.TryParseDigits(Encoding.UTF8.GetBytes(text), out var quickValue);
                    var exact = FeedDates.TryParse(text, out var exactValue);
                    if (quick)
                    {
                        Assert.True(exact, text);
                        Assert.Equal(exactValue, quickValue);
                        checkedCount++;
                    }
                    else
                    {
                        // A refusal costs only the slower parse; it must not refuse an ordinary valid date.
                        Assert.False(exact && exactValue.Second < 60 && text.Length == 14, text);
                    }
                }
            }
        }

        Assert.True(checkedCount > 2000);
    }
}

using System.Globalization;
using System.Text;
using Reporting.Core.Persistence;

namespace Reporting.Tests.Collectors;

/// <summary>
/// Row writes format dates digit by digit (docs/decisions/027); a stored date must stay the text Microsoft.Data.Sqlite
/// writes, or EF's reads, comparisons and the rebuild's parser would see another value.
/// </summary>
public sealed class RowDatesTests
{
    public static TheoryData<DateTime> Dates() =>
    [
        new DateTime(2026, 11, 23, 8, 0, 0),
        new DateTime(2026, 11, 23, 8, 0, 0, 500),
        new DateTime(2026, 3, 4, 5, 6, 7).AddTicks(1),
        new DateTime(2026, 3, 4, 5, 6, 7).AddTicks(1_234_567),
        new DateTime(2026, 3, 4, 5, 6, 7).AddTicks(1_000_000),
        new DateTime(2026, 3, 4, 5, 6, 7).AddTicks(9_999_999),
        new DateTime(2026, 12, 31, 23, 59, 59).AddTicks(10),
        DateTime.MinValue,
        DateTime.MaxValue,
        new DateTime(999, 1, 2, 3, 4, 5).AddTicks(120),
    ];

    [Theory]
    [MemberData(nameof(Dates))]
    public void A_date_is_written_as_the_sqlite_provider_writes_it(DateTime value)
    {
        Span<byte> text = stackalloc byte[32];
        var written = SqliteRowStatement.FormatDate(value, text);
        Assert.Equal(value.ToString(@"yyyy\-MM\-dd HH\:mm\:ss.FFFFFFF", CultureInfo.InvariantCulture), Encoding.ASCII.GetString(text[..written]));
    }

    [Fact]
    public void Random_dates_are_written_as_the_sqlite_provider_writes_them()
    {
        var random = new Random(13);
        Span<byte> text = stackalloc byte[32];
        for (var i = 0; i < 100_000; i++)
        {
            var value = new DateTime(random.NextInt64(DateTime.MinValue.Ticks, DateTime.MaxValue.Ticks));
            if (i % 3 == 0)
            {
                value = value.AddTicks(-(value.Ticks % 10_000)); // whole milliseconds, as most feeds send
            }

            var written = SqliteRowStatement.FormatDate(value, text);
            Assert.Equal(value.ToString(@"yyyy\-MM\-dd HH\:mm\:ss.FFFFFFF", CultureInfo.InvariantCulture), Encoding.ASCII.GetString(text[..written]));
        }
    }
}

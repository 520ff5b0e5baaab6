using System.Reflection;
using Reporting.Core.Aggregates;

namespace Reporting.Tests.Rules;

/// <summary>
/// The counters are written out by hand in <see cref="BucketCounts.Add"/> and <see cref="BucketCounts.IsZero"/>
/// (straight-line code on the ingest's hot path, docs/decisions/019): a counter added to the class and
/// forgotten in either fails here, one counter at a time.
/// </summary>
public sealed class BucketCountsTests
{
    public static TheoryData<string> Counters() => [.. CounterProperties().Select(p => p.Name)];

    private static IEnumerable<PropertyInfo> CounterProperties() =>
        typeof(BucketCounts).GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.CanWrite && (p.PropertyType == typeof(int) || p.PropertyType == typeof(long)));

    [Fact]
    public void There_are_the_twenty_nine_counters_of_the_three_families() => Assert.Equal(29, CounterProperties().Count());

    [Theory]
    [MemberData(nameof(Counters))]
    public void Add_carries_every_counter_with_its_sign(string counter)
    {
        var property = typeof(BucketCounts).GetProperty(counter)!;
        var one = new CountsTotal();
        property.SetValue(one, Convert.ChangeType(3, property.PropertyType, System.Globalization.CultureInfo.InvariantCulture));
        var sum = new CountsTotal();

        sum.Add(one);
        Assert.Equal(3L, Convert.ToInt64(property.GetValue(sum), System.Globalization.CultureInfo.InvariantCulture));
        Assert.False(sum.IsZero, $"{counter} = 3 but IsZero");

        sum.Add(one, -1);
        Assert.Equal(0L, Convert.ToInt64(property.GetValue(sum), System.Globalization.CultureInfo.InvariantCulture));
        Assert.True(sum.IsZero);
    }
}

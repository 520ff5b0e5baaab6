using Reporting.Web.Memory;

namespace Reporting.Tests.Rules;

public sealed class MemoryTrimScheduleTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 27, 8, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Quiet = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(60);

    [Fact]
    public void The_first_trim_waits_for_the_requests_to_be_quiet()
    {
        Assert.Equal(T0 + Quiet, MemoryTrimSchedule.RunAt(T0, lastTrim: null, Quiet, Interval));
    }

    [Fact]
    public void Tabs_closing_one_after_another_move_the_trim_to_the_last_one()
    {
        var lastOfTheWall = T0 + TimeSpan.FromSeconds(7);
        Assert.Equal(lastOfTheWall + Quiet, MemoryTrimSchedule.RunAt(lastOfTheWall, lastTrim: null, Quiet, Interval));
    }

    [Fact]
    public void A_trim_soon_after_another_waits_for_the_interval()
    {
        var lastTrim = T0;
        var request = T0 + TimeSpan.FromSeconds(5);
        Assert.Equal(lastTrim + Interval, MemoryTrimSchedule.RunAt(request, lastTrim, Quiet, Interval));
        var late = T0 + TimeSpan.FromMinutes(5);
        Assert.Equal(late + Quiet, MemoryTrimSchedule.RunAt(late, lastTrim, Quiet, Interval));
    }
}

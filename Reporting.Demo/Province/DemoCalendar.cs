namespace Reporting.Demo.Province;

/// <summary>
/// Calendar of the demo generator. Working days are Monday to Friday: promised dates
/// (<c>NgayHenTra</c>) skip weekends only. Public holidays only lower the number of dossiers received.
/// Office hours are 07:30–11:30 and 13:30–17:00. All times are local (Asia/Ho_Chi_Minh), whole seconds.
/// </summary>
internal static class DemoCalendar
{
    /// <summary>Districts ended on 30/06/2025; the new communes started the next day.</summary>
    public static readonly DateOnly MergerDate = new(2025, 7, 1);

    private static readonly TimeSpan MorningStart = new(7, 30, 0);
    private static readonly TimeSpan MorningEnd = new(11, 30, 0);
    private static readonly TimeSpan AfternoonStart = new(13, 30, 0);
    private static readonly TimeSpan AfternoonEnd = new(17, 0, 0);
    private const int MorningMinutes = 240;
    private const int AfternoonMinutes = 210;

    /// <summary>Relative chance of an online submission in each hour of the day.</summary>
    private static readonly double[] OnlineHourWeights =
        [1, 0.5, 0.3, 0.2, 0.2, 0.5, 2, 5, 8, 9, 8, 6, 4, 6, 8, 8, 7, 5, 4, 5, 5, 4, 3, 2];
    private static readonly double[] OnlineHourCumulative = Cumulative(OnlineHourWeights);

    /// <summary>Public holidays 2024–2027 (Tết Dương lịch, Tết Nguyên đán, Giỗ Tổ, 30/4–1/5, Quốc khánh), approximate.</summary>
    private static readonly HashSet<DateOnly> Holidays = BuildHolidays();

    public static bool IsWorkingDay(DateOnly day) => day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday);

    public static bool IsHoliday(DateOnly day) => Holidays.Contains(day);

    public static DateOnly NextWorkingDay(DateOnly day)
    {
        while (!IsWorkingDay(day))
        {
            day = day.AddDays(1);
        }
        return day;
    }

    /// <summary>The date <paramref name="days"/> working days after <paramref name="day"/>.</summary>
    public static DateOnly AddWorkingDays(DateOnly day, int days)
    {
        while (days > 0)
        {
            day = day.AddDays(1);
            if (IsWorkingDay(day))
            {
                days--;
            }
        }
        return day;
    }

    /// <summary>Working days in (<paramref name="from"/>, <paramref name="to"/>]; 0 when <c>to ≤ from</c>.</summary>
    public static int WorkingDaysBetween(DateOnly from, DateOnly to)
    {
        var count = 0;
        for (var day = from.AddDays(1); day <= to; day = day.AddDays(1))
        {
            if (IsWorkingDay(day))
            {
                count++;
            }
        }
        return count;
    }

    public static DateOnly DateOf(DateTime instant) => DateOnly.FromDateTime(instant);

    public static DateTime At(DateOnly day, TimeSpan timeOfDay) => day.ToDateTime(TimeOnly.MinValue) + timeOfDay;

    /// <summary>A random instant within office hours of <paramref name="day"/>.</summary>
    public static DateTime RandomOfficeTime(DateOnly day, Random random)
    {
        var minute = random.Next(MorningMinutes + AfternoonMinutes);
        var start = minute < MorningMinutes
            ? MorningStart + TimeSpan.FromMinutes(minute)
            : AfternoonStart + TimeSpan.FromMinutes(minute - MorningMinutes);
        return At(day, start + TimeSpan.FromSeconds(random.Next(60)));
    }

    /// <summary>A random instant within the morning office hours of <paramref name="day"/>.</summary>
    public static DateTime RandomMorningTime(DateOnly day, Random random) =>
        At(day, MorningStart + TimeSpan.FromMinutes(random.Next(MorningMinutes)) + TimeSpan.FromSeconds(random.Next(60)));

    /// <summary>
    /// A random office-hours instant on <paramref name="day"/> strictly after <paramref name="after"/>;
    /// when the day's office hours are over, shortly after <paramref name="after"/> on the same day.
    /// </summary>
    public static DateTime RandomOfficeTimeAfter(DateOnly day, DateTime after, Random random)
    {
        var afterDay = DateOf(after);
        if (day < afterDay)
        {
            day = afterDay;
        }
        var candidate = RandomOfficeTime(day, random);
        if (candidate > after)
        {
            return candidate;
        }
        var later = after.AddMinutes(random.Next(3, 90)).AddSeconds(random.Next(60));
        return DateOf(later) == afterDay ? later : after.AddSeconds(1 + random.Next(59));
    }

    /// <summary>The first office-hours instant at or after <paramref name="instant"/>.</summary>
    public static DateTime ToOfficeHours(DateTime instant)
    {
        var day = DateOf(instant);
        if (IsWorkingDay(day))
        {
            var time = instant.TimeOfDay;
            if (time < MorningStart)
            {
                return At(day, MorningStart);
            }
            if (time < MorningEnd)
            {
                return instant;
            }
            if (time < AfternoonStart)
            {
                return At(day, AfternoonStart);
            }
            if (time < AfternoonEnd)
            {
                return instant;
            }
        }
        return At(NextWorkingDay(day.AddDays(1)), MorningStart);
    }

    /// <summary>A random instant of <paramref name="day"/> as online submissions spread over the day and night.</summary>
    public static DateTime RandomOnlineTime(DateOnly day, Random random)
    {
        var hour = Pick(OnlineHourCumulative, random.NextDouble());
        return At(day, new TimeSpan(hour, random.Next(60), random.Next(60)));
    }

    /// <summary>Relative number of dossiers received on <paramref name="day"/> (weekday, holiday, season).</summary>
    public static double VolumeWeight(DateOnly day)
    {
        var weight = day.DayOfWeek switch
        {
            DayOfWeek.Saturday => 0.12,
            DayOfWeek.Sunday => 0.05,
            DayOfWeek.Monday => 1.1,
            DayOfWeek.Friday => 0.95,
            _ => 1.0,
        };
        if (IsHoliday(day))
        {
            weight = 0.05;
        }
        return weight * day.Month switch
        {
            12 => 1.1,
            1 => 1.05,
            2 => 0.9,
            _ => 1.0,
        };
    }

    public static double[] Cumulative(IReadOnlyList<double> weights)
    {
        var cumulative = new double[weights.Count];
        var sum = 0.0;
        for (var i = 0; i < weights.Count; i++)
        {
            sum += weights[i];
            cumulative[i] = sum;
        }
        return cumulative;
    }

    /// <summary>Index of the weighted item for a uniform draw <paramref name="u"/> in [0, 1).</summary>
    public static int Pick(double[] cumulative, double u)
    {
        var target = u * cumulative[^1];
        var index = Array.BinarySearch(cumulative, target);
        index = index >= 0 ? index + 1 : ~index;
        return Math.Min(index, cumulative.Length - 1);
    }

    private static HashSet<DateOnly> BuildHolidays()
    {
        var days = new HashSet<DateOnly>();
        void Range(int year, int month, int day, int count)
        {
            for (var i = 0; i < count; i++)
            {
                days.Add(new DateOnly(year, month, day).AddDays(i));
            }
        }
        Range(2024, 1, 1, 1); Range(2024, 2, 8, 7); Range(2024, 4, 18, 1); Range(2024, 4, 29, 3); Range(2024, 9, 2, 2);
        Range(2025, 1, 1, 1); Range(2025, 1, 25, 9); Range(2025, 4, 7, 1); Range(2025, 4, 30, 2); Range(2025, 9, 1, 2);
        Range(2026, 1, 1, 1); Range(2026, 2, 14, 9); Range(2026, 4, 27, 1); Range(2026, 4, 30, 2); Range(2026, 9, 1, 2);
        Range(2027, 1, 1, 1); Range(2027, 2, 4, 7); Range(2027, 4, 16, 1); Range(2027, 4, 30, 2); Range(2027, 9, 2, 2);
        return days;
    }
}

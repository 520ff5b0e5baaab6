namespace Reporting.Demo.Province;

/// <summary>
/// Independent generator streams derived from <see cref="DemoOptions.Seed"/>, so that, for instance,
/// asking for more dossiers does not change the agencies' profiles or the bad records.
/// </summary>
internal static class DemoSeeds
{
    public static int Profiles(int seed) => Mix(seed, 1);
    public static int Dossiers(int seed) => Mix(seed, 2);
    public static int Catalogue(int seed) => Mix(seed, 3);
    public static int BadRecords(int seed) => Mix(seed, 4);
    public static int Payments(int seed) => Mix(seed, 5);

    /// <summary>One stream per day after the end date: a day's arrivals never depend on the days asked before.</summary>
    public static int Arrivals(int seed, DateOnly day) => Mix(Mix(seed, 6), day.DayNumber);

    private static int Mix(int seed, int stream)
    {
        unchecked
        {
            var x = (uint)seed * 0x9E3779B1u + (uint)stream * 0x85EBCA77u;
            x ^= x >> 15;
            x *= 0x2C1B3C6Du;
            x ^= x >> 12;
            return (int)(x & 0x7FFFFFFF);
        }
    }
}

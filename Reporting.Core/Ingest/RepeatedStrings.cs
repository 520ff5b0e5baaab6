namespace Reporting.Core.Ingest;

/// <summary>
/// One string instance per distinct short text on each thread, for record fields whose values repeat from record to
/// record (a province has a few hundred procedures and agencies, but sends their codes and names with every dossier):
/// about 600 bytes a record not allocated (docs/benchmarks.md, issue 13). Per thread, so no lock; bounded: when it
/// holds <see cref="MaxEntries"/> texts it starts again empty, so a stream of distinct values costs a look-up each
/// and a few hundred kilobytes per thread at most.
/// </summary>
internal static class RepeatedStrings
{
    /// <summary>Longer texts are not shared (decoded as before).</summary>
    public const int MaxLength = 256;

    public const int MaxEntries = 4096;

    [ThreadStatic]
    private static Dictionary<string, string>? t_strings;

    public static string Get(ReadOnlySpan<char> text)
    {
        var strings = t_strings ??= new Dictionary<string, string>(StringComparer.Ordinal);
        var lookup = strings.GetAlternateLookup<ReadOnlySpan<char>>();
        if (lookup.TryGetValue(text, out var existing))
        {
            return existing;
        }

        if (strings.Count >= MaxEntries)
        {
            strings.Clear();
        }

        var created = new string(text);
        strings[created] = created;
        return created;
    }
}

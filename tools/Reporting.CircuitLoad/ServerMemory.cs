using System.Diagnostics;
using System.Globalization;

namespace Reporting.CircuitLoad;

/// <summary>What the server process holds: resident memory from /proc, the managed heap after a full collection from dotnet-gcdump.</summary>
public sealed record MemorySample(long ResidentBytes, long? LiveHeapBytes)
{
    public override string ToString() =>
        $"resident {Mib(ResidentBytes)}" + (LiveHeapBytes is { } h ? $", live managed heap after a full GC {Mib(h)}" : "");

    public static string Mib(long bytes) => (bytes / 1048576.0).ToString("N1", CultureInfo.InvariantCulture) + " MiB";
}

public static class ServerMemory
{
    public static long Resident(int pid)
    {
        foreach (var line in File.ReadLines($"/proc/{pid}/status"))
        {
            if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
            {
                return long.Parse(line["VmRSS:".Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture) * 1024;
            }
        }

        throw new InvalidOperationException($"No VmRSS for process {pid}.");
    }

    /// <summary>
    /// Takes a gcdump (which induces a full blocking collection first) and reads its total, then the
    /// resident size after that collection. Needs the tool manifest's dotnet-gcdump (<c>dotnet tool restore</c>): run from the repository.
    /// </summary>
    public static async Task<MemorySample> AfterFullCollectionAsync(int pid, string dumpPath)
    {
        // A collection on a busy machine sometimes fails to start; a second or third try gets it.
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await RunAsync("dotnet", $"dotnet-gcdump collect -p {pid} -o \"{dumpPath}\"");
                break;
            }
            catch (InvalidOperationException e) when (attempt < 3)
            {
                Console.WriteLine($"  gcdump attempt {attempt} failed, trying again: {e.Message.Split('\n')[0]}");
            }
        }

        var report = await RunAsync("dotnet", $"dotnet-gcdump report \"{dumpPath}\"");
        long? heap = null;
        foreach (var line in report.Split('\n'))
        {
            if (line.Contains("GC Heap bytes", StringComparison.Ordinal))
            {
                heap = long.Parse(line.Trim().Split(' ')[0], NumberStyles.AllowThousands, CultureInfo.InvariantCulture);
            }
        }

        return new MemorySample(Resident(pid), heap);
    }

    private static async Task<string> RunAsync(string file, string arguments)
    {
        using var process = Process.Start(new ProcessStartInfo(file, arguments)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        }) ?? throw new InvalidOperationException($"Cannot start {file}.");
        var output = await process.StandardOutput.ReadToEndAsync();
        var error = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{file} {arguments} failed ({process.ExitCode}): {error}{output}");
        }

        return output;
    }
}

namespace Reporting.Tests;

/// <summary>
/// A measurement for docs/benchmarks.md, not a check: skipped (and reported as skipped) unless
/// <c>REPORTING_BENCHMARK=1</c> and every variable it names is set, so it never passes by measuring nothing.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class BenchmarkFactAttribute : FactAttribute
{
    public BenchmarkFactAttribute(params string[] requiredVariables)
    {
        if (Environment.GetEnvironmentVariable("REPORTING_BENCHMARK") != "1")
        {
            Skip = "Benchmark: set REPORTING_BENCHMARK=1 (Release build) to run it.";
            return;
        }

        var missing = requiredVariables.Where(v => string.IsNullOrEmpty(Environment.GetEnvironmentVariable(v))).ToList();
        if (missing.Count > 0)
        {
            Skip = $"Benchmark: set {string.Join(", ", missing)} to run it.";
        }
    }
}

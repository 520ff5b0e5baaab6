using Quartz;

namespace Reporting.Collectors;

/// <summary>
/// The Quartz job of one source (one job detail per source, keyed by its name): never two runs of one
/// source at once; the scheduler's token stops it at the next page boundary on shutdown.
/// </summary>
[DisallowConcurrentExecution]
public sealed class CollectorJob(CollectorRunner runner) : IJob
{
    public const string SourceKey = "source";
    public const string Group = "collectors";

    public static JobKey KeyOf(string source) => new(source, Group);

    public static TriggerKey TriggerOf(string source) => new(source, Group);

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        var source = context.MergedJobDataMap.GetString(SourceKey)!;
        await runner.RunAsync(source, cancellationToken);
    }
}

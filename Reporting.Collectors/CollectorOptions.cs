using System.ComponentModel.DataAnnotations;
using Quartz;
using Reporting.Core.Collectors;

namespace Reporting.Collectors;

/// <summary>Section <c>Collectors</c> (contract keys: <c>Collectors:Sources:N:Name</c>, <c>Kind</c>, <c>BaseUrl</c>, <c>ApiKey</c>, <c>Cron</c>, <c>PageSize</c>).</summary>
public sealed class CollectorOptions : IValidatableObject
{
    public const string Section = "Collectors";

    /// <summary>Run the scheduler at all (the sources and their runs can still be triggered by hand when off).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>The initial set of sources: seeded into the database on first start; the database wins afterwards.</summary>
    public List<CollectorSourceOptions> Sources { get; set; } = [];

    public CollectorHttpOptions Http { get; set; } = new();

    /// <summary>
    /// Private networks (CIDRs, e.g. <c>10.20.0.0/16</c>) collectors may reach, beside public addresses: provincial
    /// systems often live behind the integration platform. Loopback only when listed (or in demo mode); link-local
    /// and cloud metadata addresses never (<see cref="CollectorNetworkPolicy"/>).
    /// </summary>
    public List<string> AllowedNetworks { get; set; } = [];

    /// <summary>Largest answer read from a source, in megabytes; a larger one fails the run (the page is not stored).</summary>
    [Range(1, 1024, ErrorMessage = "Collectors:MaxResponseMegabytes phải từ 1 đến 1024 (MB).")]
    public int MaxResponseMegabytes { get; set; } = 50;

    public long MaxResponseBytes => MaxResponseMegabytes * 1024L * 1024L;

    /// <summary>Demo mode (<c>Demo:Enabled</c>): the product's own simulators on loopback may be read. Set by the host, not bound.</summary>
    public bool DemoLoopback { get; internal set; }

    /// <summary>A source without a successful run for longer than this is flagged stale (dashboards warn).</summary>
    [Range(1, 100_000)] public int StaleAfterMinutes { get; set; } = 60;

    /// <summary>A payment whose dossier has not arrived after this many days (since it was stored) is listed for administrators.</summary>
    [Range(0, 3650, ErrorMessage = "Collectors:UnmatchedPaymentDays phải từ 0 đến 3650 (ngày).")]
    public int UnmatchedPaymentDays { get; set; } = 7;

    /// <summary>
    /// For the dashboards: not paused, and a scheduled run was due more than <see cref="StaleAfterMinutes"/> ago with
    /// no success since (the first scheduled time after the last success, so a daily source is not flagged between
    /// its runs); a source that never succeeded, once its first run (<paramref name="firstRunAtLocal"/>) is that old.
    /// A source that never ran is waiting for its first run, not stale.
    /// </summary>
    public bool IsStale(CollectorSource source, DateTime? firstRunAtLocal, DateTime nowLocal)
    {
        if (source.Paused)
        {
            return false;
        }

        DateTime due;
        if (source.LastSuccessAt is { } success)
        {
            var next = CollectorSourceRules.CronProblem(source.Cron) is null
                ? new CronExpression(source.Cron, Reporting.Core.Periods.VietnamTime.Zone).GetNextValidTimeAfter(Reporting.Core.Periods.VietnamTime.ToOffset(success))
                : null;
            due = next is { } n ? Reporting.Core.Periods.VietnamTime.ToLocal(n) : success;
        }
        else if (firstRunAtLocal is { } first)
        {
            due = first;
        }
        else
        {
            return false;
        }

        return nowLocal > due.AddMinutes(StaleAfterMinutes);
    }

    public CollectorQuartzOptions Quartz { get; set; } = new();

    /// <summary>Each configured source against <see cref="CollectorSourceRules"/>, and names unique.</summary>
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        for (var i = 0; i < AllowedNetworks.Count; i++)
        {
            if (CollectorNetworkPolicy.CidrProblem(AllowedNetworks[i]) is { } cidr)
            {
                yield return new ValidationResult($"Collectors:AllowedNetworks:{i}: {cidr}.", [$"Collectors:AllowedNetworks:{i}"]);
            }
        }

        if (AllowedNetworks.Any(n => CollectorNetworkPolicy.CidrProblem(n) is not null))
        {
            yield break;
        }

        var policy = CollectorNetworkPolicy.From(this);
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < Sources.Count; i++)
        {
            var s = Sources[i];
            var at = $"Collectors:Sources:{i}";
            foreach (var error in CollectorSourceRules.Check(new CollectorSourceInput(s.Name, s.Kind.ToString(), s.BaseUrl, s.ApiKey, s.Cron, s.PageSize), policy))
            {
                yield return new ValidationResult($"{at}:{error.Field}: {error.Message} (giá trị '{ValueOf(s, error.Field)}')", [$"{at}:{error.Field}"]);
            }

            if (!string.IsNullOrWhiteSpace(s.Name) && !names.Add(s.Name))
            {
                yield return new ValidationResult($"{at}:Name: tên nguồn '{s.Name}' bị trùng.", [$"{at}:Name"]);
            }
        }
    }

    // The key is never echoed, even in a start-up error.
    private static string ValueOf(CollectorSourceOptions s, string field) => field switch
    {
        nameof(CollectorSourceOptions.Name) => s.Name,
        nameof(CollectorSourceOptions.Kind) => s.Kind.ToString(),
        nameof(CollectorSourceOptions.BaseUrl) => s.BaseUrl,
        nameof(CollectorSourceOptions.Cron) => s.Cron,
        nameof(CollectorSourceOptions.PageSize) => s.PageSize.ToString(System.Globalization.CultureInfo.InvariantCulture),
        _ => "…",
    };
}

public sealed class CollectorSourceOptions
{
    public string Name { get; set; } = "";
    public CollectorKind Kind { get; set; }
    public string BaseUrl { get; set; } = "";
    public string? ApiKey { get; set; }
    public string Cron { get; set; } = "0 */5 * * * ?";
    public int PageSize { get; set; } = 500;
}

/// <summary>Section <c>Collectors:Http</c>: timeouts and retries of the source clients.</summary>
public sealed class CollectorHttpOptions
{
    [Range(1, 600)] public double AttemptTimeoutSeconds { get; set; } = 30;
    [Range(1, 3600)] public double TotalTimeoutSeconds { get; set; } = 120;
    [Range(0, 10)] public int Retries { get; set; } = 3;
    [Range(1, 60_000)] public int BackoffMilliseconds { get; set; } = 2000;
}

/// <summary>Section <c>Collectors:Quartz</c>: the job store (in memory on SQLite, ADO.NET on SQL Server).</summary>
public sealed class CollectorQuartzOptions
{
    /// <summary>SQL Server only: share the jobs between several web nodes through the Quartz tables.</summary>
    public bool Clustered { get; set; }

    /// <summary>SQL Server only: prefix of the Quartz tables (the official schema script uses <c>QRTZ_</c>).</summary>
    public string TablePrefix { get; set; } = "QRTZ_";

    /// <summary>SQL Server only: create the Quartz tables at start-up when missing (off where a DBA applies the script).</summary>
    public bool ProvisionSchema { get; set; }

    /// <summary>Node id in a cluster; <c>AUTO</c> lets Quartz generate one.</summary>
    public string InstanceId { get; set; } = "AUTO";

    [Range(1, 100)] public int MaxConcurrency { get; set; } = 4;

    /// <summary>After a missed schedule (server down): false = wait for the next time (do nothing), true = run once at once.</summary>
    public bool FireOnceAfterMisfire { get; set; }
}

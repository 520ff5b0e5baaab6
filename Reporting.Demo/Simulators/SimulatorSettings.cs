namespace Reporting.Demo.Simulators;

/// <summary>What a simulator does wrong on purpose (for the demo and the tests of collectors).</summary>
public enum SimulatorFailure
{
    None,

    /// <summary>Every feed answers HTTP 500.</summary>
    ServerError,

    /// <summary>Every feed waits <see cref="SimulatorSettings.SlowSeconds"/> before answering.</summary>
    Slow,

    /// <summary>Every feed answers 200 with truncated JSON.</summary>
    BrokenJson,

    /// <summary>The dossier feed adds the demo province's bad records to its last page.</summary>
    BadRecords,

    /// <summary>Every feed answers HTTP 401.</summary>
    Unauthorized,
}

/// <summary>
/// Section <c>Simulators</c>: the simulators of the one-stop system (<c>/simulators/motcua</c>), the payment
/// platform (<c>/simulators/thanhtoan</c>) and the procedure catalogue (<c>/simulators/danhmuc</c>), serving
/// the demo province as it evolves: simulated time = 07:30 of the first working day after <c>Demo:EndDate</c>
/// + real time since start × <see cref="Speed"/>, never past the server's clock (it catches up, then runs in real
/// time); new dossiers arrive as the simulated time goes on.
/// </summary>
public sealed class SimulatorSettings
{
    public const string Section = "Simulators";

    /// <summary>Serve the simulators; default: when <c>Demo:Enabled</c> is true.</summary>
    public bool? Enabled { get; set; }

    /// <summary>
    /// Simulated seconds per real second while the simulated clock is behind the server's (60: a simulated hour each
    /// real minute); once it has caught up it follows the server's clock.
    /// </summary>
    public double Speed { get; set; } = 60;

    public SimulatorFailure Failure { get; set; }

    public double SlowSeconds { get; set; } = 30;

    /// <summary>When set, requests without this <c>X-Api-Key</c> get 401, as a real system would.</summary>
    public string? ApiKey { get; set; }

    /// <summary>In demo mode, register collector sources that read these simulators over HTTP on the server's own address.</summary>
    public bool RegisterDemoSources { get; set; } = true;

    /// <summary>Schedule of the demo sources (Quartz cron with seconds).</summary>
    public string DemoCron { get; set; } = "0 * * * * ?";

    /// <summary>The server's own base address for the demo sources; default: the first address Kestrel listens on.</summary>
    public string? SelfBaseUrl { get; set; }
}

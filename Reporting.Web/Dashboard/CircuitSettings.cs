using System.ComponentModel.DataAnnotations;

namespace Reporting.Web.Dashboard;

/// <summary>
/// How long the server keeps the circuit of a page whose connection dropped (section <c>Circuits</c>; issue 13, ADR 022).
/// A tab that closes normally says so and its circuit goes at once; one that vanishes (a wall screen switched off, a laptop
/// lid closed, a network cut) keeps its whole circuit for this long, in case it reconnects.
/// </summary>
public sealed class CircuitSettings
{
    public const string Section = "Circuits";

    /// <summary>Seconds a disconnected circuit is kept for its page to reconnect (Blazor's default is 180).</summary>
    [Range(5, 3600)]
    public int DisconnectedRetentionSeconds { get; set; } = 60;

    /// <summary>At most this many disconnected circuits kept at once; older ones go first (Blazor's default, 100).</summary>
    [Range(0, 100_000)]
    public int DisconnectedMaxRetained { get; set; } = 100;
}

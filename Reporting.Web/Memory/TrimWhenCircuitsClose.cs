using Microsoft.AspNetCore.Components.Server.Circuits;

namespace Reporting.Web.Memory;

/// <summary>A closed circuit (a tab closed, or its disconnection retention over) asks for a trim.</summary>
public sealed class TrimWhenCircuitsClose(MemoryTrimmer trimmer) : CircuitHandler
{
    public override Task OnCircuitClosedAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        trimmer.Request("circuits closed");
        return Task.CompletedTask;
    }
}

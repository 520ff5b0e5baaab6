using System.Collections.Concurrent;

namespace Reporting.Web.Memory;

/// <summary>
/// One logger per category for the whole process (issue 13, ADR 028). Serilog's logger factory (<c>AddSerilog</c>) builds a new
/// logger on every <see cref="ILoggerFactory.CreateLogger"/> call, each with its own Serilog logger and event-id property
/// cache, where Microsoft's factory keeps one per category; Blazor's per-circuit services (renderer, JS runtime, navigation,
/// hub) ask the factory when a circuit starts, so every open circuit held 19 of them (≈ 10 KB, gcdump of 1,000 circuits).
/// Loggers are thread-safe and hold no state of their caller, so sharing them changes nothing in what is logged.
/// </summary>
public sealed class LoggersByCategory(ILoggerFactory inner) : ILoggerFactory
{
    /// <summary>Categories are type and area names; past this many (a caller making names up) loggers are no longer kept.</summary>
    public const int Limit = 4096;

    private readonly ConcurrentDictionary<string, ILogger> _loggers = new(StringComparer.Ordinal);

    public ILogger CreateLogger(string categoryName) =>
        _loggers.TryGetValue(categoryName, out var logger) ? logger
        : _loggers.Count >= Limit ? inner.CreateLogger(categoryName)
        : _loggers.GetOrAdd(categoryName, inner.CreateLogger);

    public void AddProvider(ILoggerProvider provider)
    {
        // Loggers made before the provider would not write to it.
        _loggers.Clear();
        inner.AddProvider(provider);
    }

    public void Dispose() => inner.Dispose();
}

public static class LoggersByCategoryExtensions
{
    /// <summary>Wraps the registered <see cref="ILoggerFactory"/> (call after <c>AddSerilog</c>) in <see cref="LoggersByCategory"/>.</summary>
    public static IServiceCollection AddLoggersByCategory(this IServiceCollection services)
    {
        var registered = services.LastOrDefault(d => d.ServiceType == typeof(ILoggerFactory))
            ?? throw new InvalidOperationException("No ILoggerFactory registered: call AddSerilog (or AddLogging) first.");
        services.Remove(registered);
        services.AddSingleton<ILoggerFactory>(s => new LoggersByCategory(Inner(s, registered)));
        return services;
    }

    private static ILoggerFactory Inner(IServiceProvider services, ServiceDescriptor registered) =>
        registered.ImplementationInstance as ILoggerFactory
        ?? (ILoggerFactory?)registered.ImplementationFactory?.Invoke(services)
        ?? (ILoggerFactory)ActivatorUtilities.CreateInstance(services, registered.ImplementationType!);
}

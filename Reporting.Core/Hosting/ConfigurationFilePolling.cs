using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Configuration.Json;
using Microsoft.Extensions.FileProviders;

namespace Reporting.Core.Hosting;

/// <summary>
/// The host watches its JSON settings files for changes with a file-system watcher on the whole content root, and the
/// SQLite database lives under the content root by default (<c>data/reporting.db</c>): every write to the database and
/// its WAL then woke the watcher's thread, 4–6 % of an ingest's CPU (docs/benchmarks.md, issue 13 fourth pass).
/// Polling the settings files themselves (a stat of each every few seconds) keeps their reload and stops that work.
/// </summary>
public static class ConfigurationFilePolling
{
    public static void PollSettingsFiles(this IConfigurationBuilder configuration)
    {
        var watched = new List<PhysicalFileProvider>();
        for (var i = 0; i < configuration.Sources.Count; i++)
        {
            if (configuration.Sources[i] is JsonConfigurationSource { ReloadOnChange: true, FileProvider: PhysicalFileProvider { UsePollingFileWatcher: false } physical } json)
            {
                configuration.Sources[i] = new JsonConfigurationSource
                {
                    Path = json.Path!,
                    Optional = json.Optional,
                    ReloadOnChange = true,
                    ReloadDelay = json.ReloadDelay,
                    OnLoadException = json.OnLoadException,
                    FileProvider = new PhysicalFileProvider(physical.Root) { UsePollingFileWatcher = true, UseActivePolling = true },
                };
                watched.Add(physical);
            }
        }

        // The replaced providers' watchers would go on waking for every write under the root; nothing else uses them
        // (the host's content-root and web-root providers are other instances).
        foreach (var provider in watched.Distinct().Where(p => !configuration.Sources.OfType<FileConfigurationSource>().Any(s => ReferenceEquals(s.FileProvider, p))))
        {
            provider.Dispose();
        }
    }
}

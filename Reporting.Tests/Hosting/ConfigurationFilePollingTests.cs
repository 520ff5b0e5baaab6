using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Configuration.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.FileProviders;
using Reporting.Core.Hosting;
using Reporting.Tests.Integration;

namespace Reporting.Tests.Hosting;

public sealed class ConfigurationFilePollingTests
{
    [Fact]
    public async Task A_settings_file_is_still_reloaded_when_it_changes()
    {
        var directory = Directory.CreateTempSubdirectory("reporting-settings-").FullName;
        try
        {
            var file = Path.Combine(directory, "appsettings.json");
            await File.WriteAllTextAsync(file, """{ "Api": { "Value": "1" } }""");
            var configuration = new ConfigurationManager();
            configuration.SetBasePath(directory);
            configuration.AddJsonFile("appsettings.json", optional: false, reloadOnChange: true);
            configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["Later"] = "kept" });

            configuration.PollSettingsFiles();

            var source = Assert.Single(configuration.Sources.OfType<JsonConfigurationSource>());
            // UsePollingFileWatcher reads false once the watcher exists; active polling is the flag that stays visible.
            Assert.True(Assert.IsType<PhysicalFileProvider>(source.FileProvider).UseActivePolling);
            Assert.IsNotType<JsonConfigurationSource>(configuration.Sources[^1]);
            Assert.Equal("1", configuration["Api:Value"]);

            await File.WriteAllTextAsync(file, """{ "Api": { "Value": "2" } }""");
            await Eventually.True(() => Task.FromResult(configuration["Api:Value"] == "2"), "the changed settings file read again");
            Assert.Equal("kept", configuration["Later"]);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Fact]
    public void The_server_polls_its_settings_files_instead_of_watching_its_content_root()
    {
        using var factory = new ReportingAppFactory();
        _ = factory.Server;
        var root = Assert.IsAssignableFrom<IConfigurationRoot>(factory.Services.GetRequiredService<IConfiguration>());
        var files = root.Providers.OfType<JsonConfigurationProvider>().Where(p => p.Source.ReloadOnChange).ToList();
        Assert.NotEmpty(files);
        Assert.All(files, p => Assert.True(Assert.IsType<PhysicalFileProvider>(p.Source.FileProvider).UseActivePolling, p.Source.Path));
    }
}

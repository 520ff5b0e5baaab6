using Microsoft.Extensions.Configuration;
using Reporting.Web.Collectors;

namespace Reporting.Tests.Collectors;

/// <summary><c>quartz-schema sqlserver</c> writes the SQL Server schema embedded in the pinned Quartz package, with the configured prefix.</summary>
public sealed class QuartzSchemaCommandTests
{
    private static readonly string[] Tables =
        ["JOB_DETAILS", "TRIGGERS", "SIMPLE_TRIGGERS", "CRON_TRIGGERS", "SIMPROP_TRIGGERS", "BLOB_TRIGGERS", "CALENDARS",
         "PAUSED_TRIGGER_GRPS", "FIRED_TRIGGERS", "SCHEDULER_STATE", "LOCKS"];

    private static (bool Ran, string Output, string Error) Run(string[] args, string? prefix = null)
    {
        var settings = new Dictionary<string, string?>();
        if (prefix is not null)
        {
            settings["Collectors:Quartz:TablePrefix"] = prefix;
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        using var output = new StringWriter();
        using var error = new StringWriter();
        var ran = QuartzSchemaCommand.TryRun(args, configuration, output, error);
        return (ran, output.ToString(), error.ToString());
    }

    [Fact]
    public void Writes_CREATE_TABLE_for_every_Quartz_table_with_the_default_prefix()
    {
        var (ran, output, _) = Run(["quartz-schema", "sqlserver"]);

        Assert.True(ran);
        Assert.All(Tables, t => Assert.Contains($"CREATE TABLE QRTZ_{t} (", output));
        Assert.Contains("CONSTRAINT PK_QRTZ_JOB_DETAILS PRIMARY KEY", output);
        Assert.DoesNotContain("{0}", output);
        Assert.DoesNotContain("{1}", output);
    }

    [Fact]
    public void Uses_the_configured_prefix_and_keeps_the_schema_qualifier_out_of_constraint_names()
    {
        var (_, output, _) = Run(["QUARTZ-SCHEMA", "SqlServer"], "sched.BCQ_");

        Assert.All(Tables, t => Assert.Contains($"CREATE TABLE sched.BCQ_{t} (", output));
        Assert.Contains("CONSTRAINT PK_BCQ_JOB_DETAILS PRIMARY KEY", output);
        Assert.DoesNotContain("QRTZ_", output);
    }

    [Fact]
    public void Other_arguments_start_the_server_and_an_unknown_dialect_is_refused_in_Vietnamese()
    {
        Assert.False(Run(["--urls", "http://127.0.0.1:5080"]).Ran);

        var previous = Environment.ExitCode;
        try
        {
            var (ran, output, error) = Run(["quartz-schema", "postgres"]);
            Assert.True(ran);
            Assert.Empty(output);
            Assert.Contains("chỉ có lược đồ SQL Server", error);
            Assert.Equal(2, Environment.ExitCode);
        }
        finally
        {
            Environment.ExitCode = previous;
        }
    }
}

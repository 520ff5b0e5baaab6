using System.Net;
using Reporting.Collectors;

namespace Reporting.Tests.Hardening;

/// <summary><see cref="CollectorNetworkPolicy"/> and the address part of <see cref="CollectorSourceRules"/>: which addresses a collector may reach.</summary>
public sealed class CollectorNetworkTests
{
    private static readonly CollectorNetworkPolicy Default = new([], allowLoopback: false);

    [Theory]
    [InlineData("169.254.169.254")]
    [InlineData("169.254.1.1")]
    [InlineData("100.100.100.200")]
    [InlineData("168.63.129.16")]
    [InlineData("fd00:ec2::254")]
    [InlineData("fe80::1")]
    [InlineData("127.0.0.1")]
    [InlineData("127.8.9.10")]
    [InlineData("::1")]
    [InlineData("0.0.0.0")]
    [InlineData("::")]
    [InlineData("::ffff:169.254.169.254")]
    [InlineData("::ffff:127.0.0.1")]
    [InlineData("10.1.2.3")]
    [InlineData("172.16.0.1")]
    [InlineData("192.168.1.10")]
    [InlineData("100.64.0.1")]
    [InlineData("fd12:3456::1")]
    [InlineData("224.0.0.1")]
    [InlineData("255.255.255.255")]
    public void Internal_addresses_are_refused_by_default(string address) =>
        Assert.NotNull(Default.Problem(IPAddress.Parse(address)));

    [Theory]
    [InlineData("203.0.113.10")]
    [InlineData("8.8.8.8")]
    [InlineData("2001:4860:4860::8888")]
    public void Public_addresses_are_allowed(string address) =>
        Assert.Null(Default.Problem(IPAddress.Parse(address)));

    [Fact]
    public void AllowedNetworks_open_private_ranges_and_loopback_but_never_link_local_or_metadata()
    {
        var policy = new CollectorNetworkPolicy([IPNetwork.Parse("10.20.0.0/16"), IPNetwork.Parse("127.0.0.0/8"), IPNetwork.Parse("169.254.0.0/16")], allowLoopback: false);

        Assert.Null(policy.Problem(IPAddress.Parse("10.20.3.4")));
        Assert.Null(policy.Problem(IPAddress.Parse("127.0.0.1")));
        Assert.NotNull(policy.Problem(IPAddress.Parse("10.21.0.1")));
        Assert.NotNull(policy.Problem(IPAddress.Parse("169.254.169.254")));
    }

    [Fact]
    public void Demo_mode_allows_loopback_only()
    {
        var demo = new CollectorNetworkPolicy([], allowLoopback: true);

        Assert.Null(demo.Problem(IPAddress.Loopback));
        Assert.NotNull(demo.Problem(IPAddress.Parse("10.0.0.1")));
        Assert.NotNull(demo.Problem(IPAddress.Parse("169.254.169.254")));
    }

    [Theory]
    [InlineData("http://169.254.169.254/latest/meta-data/")]
    [InlineData("http://127.0.0.1:8080/api")]
    [InlineData("http://localhost:5080/simulators/motcua")]
    [InlineData("http://[::1]:8080/")]
    [InlineData("http://10.0.0.5/api")]
    [InlineData("http://0.0.0.0:22/")]
    [InlineData("https://user:secret@203.0.113.10/api")]
    public async Task The_rules_refuse_a_source_url_that_points_inside(string url)
    {
        var input = new CollectorSourceInput("nguon", "DossierFeed", url, null, "0 */5 * * * ?", 100);

        Assert.Equal("BaseUrl", Assert.Single(CollectorSourceRules.Check(input, Default)).Field);
        Assert.Equal("BaseUrl", Assert.Single(await CollectorSourceRules.CheckAsync(input, Default)).Field);
    }

    [Fact]
    public async Task A_name_that_resolves_to_loopback_is_refused_when_saved()
    {
        // "localhost" is caught without a name server too; a name is resolved and each of its addresses checked.
        var problem = await Default.HostProblemAsync("localhost", CancellationToken.None);
        Assert.NotNull(problem);
    }

    [Fact]
    public void The_configuration_is_checked_against_the_same_rules_at_start_up()
    {
        var options = new CollectorOptions
        {
            AllowedNetworks = ["10.20.0.0/16", "not-a-cidr"],
            Sources = [new CollectorSourceOptions { Name = "meta", Kind = Reporting.Core.Collectors.CollectorKind.DossierFeed, BaseUrl = "http://169.254.169.254/" }],
        };
        var errors = options.Validate(new System.ComponentModel.DataAnnotations.ValidationContext(options)).ToList();
        Assert.Contains(errors, e => e.MemberNames.Contains("Collectors:AllowedNetworks:1"));

        options.AllowedNetworks = ["10.20.0.0/16"];
        errors = options.Validate(new System.ComponentModel.DataAnnotations.ValidationContext(options)).ToList();
        Assert.Contains(errors, e => e.MemberNames.Contains("Collectors:Sources:0:BaseUrl"));
    }
}

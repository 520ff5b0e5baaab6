using System.Reflection;

namespace Reporting.Tests.Architecture;

/// <summary>
/// The design card's dependency rule, read from the compiled assemblies: Core depends on nothing of ours,
/// Collectors and Demo on Core only, the web host on all. A reference the wrong way fails here before a
/// reviewer has to notice it.
/// </summary>
public sealed class ProjectDependencyTests
{
    [Theory]
    [InlineData("Reporting.Core", new string[0])]
    [InlineData("Reporting.Collectors", new[] { "Reporting.Core" })]
    [InlineData("Reporting.Demo", new[] { "Reporting.Core" })]
    [InlineData("Reporting.Web", new[] { "Reporting.Collectors", "Reporting.Core", "Reporting.Demo" })]
    public void Each_project_references_only_what_the_design_card_allows(string project, string[] allowed)
    {
        var ours = Assembly.Load(project).GetReferencedAssemblies()
            .Select(a => a.Name!)
            .Where(n => n.StartsWith("Reporting.", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal);

        Assert.Equal(allowed, ours);
    }

    [Fact]
    public void The_demo_lives_in_its_own_project()
    {
        var core = Assembly.Load("Reporting.Core");
        var web = Assembly.Load("Reporting.Web");

        Assert.DoesNotContain(core.GetTypes(), t => t.Namespace?.Contains(".Demo", StringComparison.Ordinal) == true);
        Assert.DoesNotContain(web.GetTypes(), t => t.Namespace?.Contains("Simulators", StringComparison.Ordinal) == true);
    }
}

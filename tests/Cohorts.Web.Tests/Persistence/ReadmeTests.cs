using Cohorts.Domain.Applications;
using Cohorts.Domain.Enrollments;

namespace Cohorts.Web.Tests.Persistence;

public sealed class ReadmeTests
{
    private static string Readme()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "Cohorts.sln"))) folder = folder.Parent;
        return File.ReadAllText(Path.Combine(folder?.FullName ?? throw new InvalidOperationException("Cohorts.sln not found"), "README.md"));
    }

    [Fact]
    public void The_README_shows_the_diagrams_generated_from_the_lifecycles()
    {
        var readme = Readme().ReplaceLineEndings("\n");
        foreach (var (name, diagram) in new[] { ("application", ApplicationWorkflow.Definition.ToMermaid()), ("enrollment", EnrollmentWorkflow.Definition.ToMermaid()) })
        {
            var block = "```mermaid\n" + diagram + "```";
            Assert.True(readme.Contains(block, StringComparison.Ordinal),
                $"The {name} diagram in README.md is stale; replace it with:\n{block}");
        }
    }
}

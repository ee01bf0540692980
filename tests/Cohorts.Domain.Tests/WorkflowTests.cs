using Cohorts.Domain.Applications;
using Cohorts.Domain.Workflow;

namespace Cohorts.Domain.Tests;

public sealed class WorkflowTests
{
    [Fact]
    public void The_application_diagram_draws_every_transition_from_the_table()
    {
        var diagram = ApplicationWorkflow.Definition.ToMermaid();
        Assert.StartsWith("stateDiagram-v2\n    [*] --> Draft\n", diagram, StringComparison.Ordinal);
        Assert.Contains("    Draft --> Submitted : Submit\n", diagram, StringComparison.Ordinal);
        Assert.Contains("    Waitlisted --> Admitted : AdmitFromWaitlist\n", diagram, StringComparison.Ordinal);
        Assert.Contains("    Withdrawn --> [*]\n", diagram, StringComparison.Ordinal);
        var arrows = ApplicationWorkflow.Definition.Transitions.Sum(t => t.From.Count);
        Assert.Equal(arrows, diagram.Split('\n').Count(l => l.Contains(" : ", StringComparison.Ordinal)));
    }
}

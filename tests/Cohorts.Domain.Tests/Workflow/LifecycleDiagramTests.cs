using Cohorts.Domain.Applications;
using Cohorts.Domain.Enrollments;
using Cohorts.Domain.Workflow;

namespace Cohorts.Domain.Tests.Workflow;

public sealed class LifecycleDiagramTests
{
    [Fact]
    public void The_application_diagram_names_states_and_arrows_in_French()
    {
        var diagram = ApplicationWorkflow.Definition.ToDiagram();

        Assert.Equal(15, diagram.States.Count);
        Assert.Equal(new DiagramState("Draft", "Brouillon", Initial: true, Final: false), diagram.States.Single(s => s.Initial));
        Assert.Contains(new DiagramState("Waitlisted", "Sur liste complémentaire", Initial: false, Final: false), diagram.States);
        Assert.Equal(["Avis hiérarchique défavorable", "Non retenue", "Place acceptée", "Place déclinée", "Proposition expirée", "Non recevable", "Retirée"],
            diagram.States.Where(s => s.Final).Select(s => s.Label));

        Assert.Equal(31, diagram.Arrows.Count);
        Assert.Contains(new DiagramArrow("Draft", "Submitted", "Soumettre"), diagram.Arrows);
        Assert.Contains(new DiagramArrow("Waitlisted", "Admitted", "Admettre depuis la liste complémentaire"), diagram.Arrows);
        Assert.Contains(new DiagramArrow("AwaitingEndorsement", "AwaitingEndorsement", "Demander l'avis hiérarchique"), diagram.Arrows);
        Assert.Equal(8, diagram.Arrows.Count(a => a.Label == "Retirer la candidature"));
    }

    [Fact]
    public void The_enrollment_diagram_names_states_and_arrows_in_French()
    {
        var diagram = EnrollmentWorkflow.Definition.ToDiagram();

        Assert.Equal(["Inscrit", "En formation", "Parcours terminé", "Certifié", "Non certifié", "Abandon"], diagram.States.Select(s => s.Label));
        Assert.Equal(
            [
                new("Enrolled", "InProgress", "Commencer le parcours"), new("InProgress", "Completed", "Terminer le parcours"),
                new("Completed", "Certified", "Certifier"), new("Completed", "NotCertified", "Constater la non-certification"),
                new("Enrolled", "Dropped", "Abandonner"), new("InProgress", "Dropped", "Abandonner"),
            ],
            diagram.Arrows);
    }

    [Fact]
    public void Every_arrow_joins_two_states_of_its_diagram()
    {
        foreach (var diagram in new[] { ApplicationWorkflow.Definition.ToDiagram(), EnrollmentWorkflow.Definition.ToDiagram() })
        {
            var ids = diagram.States.Select(s => s.Id).ToHashSet();
            Assert.All(diagram.Arrows, a => Assert.True(ids.Contains(a.From) && ids.Contains(a.To), $"{a.From} → {a.To}"));
        }
    }

    [Fact]
    public void The_README_diagram_keeps_the_code_names()
    {
        var mermaid = ApplicationWorkflow.Definition.ToMermaid();

        Assert.Contains("    Waitlisted --> Admitted : AdmitFromWaitlist\n", mermaid, StringComparison.Ordinal);
        Assert.DoesNotContain("Brouillon", mermaid, StringComparison.Ordinal);
    }
}

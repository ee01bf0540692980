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

        Assert.Equal(
            [
                "Draft → Submitted : Soumettre",
                "Submitted, AwaitingEndorsement → AwaitingEndorsement : Demander l'avis hiérarchique",
                "AwaitingEndorsement → Endorsed : Émettre un avis favorable",
                "AwaitingEndorsement → EndorsementRefused : Émettre un avis défavorable",
                "Submitted → UnderReview : Passer à l'examen",
                "Endorsed → UnderReview : Passer à l'examen",
                "UnderReview → Interview : Convoquer à un entretien",
                "UnderReview, Interview → Admitted : Admettre",
                "UnderReview, Interview → Waitlisted : Inscrire sur liste complémentaire",
                "UnderReview, Interview → Rejected : Ne pas retenir",
                "Waitlisted → Admitted : Admettre depuis la liste complémentaire",
                "Admitted → OfferAccepted : Accepter la place",
                "Admitted → OfferDeclined : Décliner la place",
                "Admitted → OfferExpired : Faire expirer la proposition",
                "Submitted, AwaitingEndorsement, Endorsed, UnderReview, Interview → Ineligible : Déclarer non recevable",
                "Draft, Submitted, AwaitingEndorsement, Endorsed, UnderReview, Interview, Admitted, Waitlisted → Withdrawn : Retirer la candidature",
            ],
            diagram.Arrows.Select(Line));
    }

    private static string Line(DiagramArrow arrow) => $"{string.Join(", ", arrow.From)} → {arrow.To} : {arrow.Label}";

    [Fact]
    public void The_enrollment_diagram_names_states_and_arrows_in_French()
    {
        var diagram = EnrollmentWorkflow.Definition.ToDiagram();

        Assert.Equal(["Inscrit", "En formation", "Parcours terminé", "Certifié", "Non certifié", "Abandon"], diagram.States.Select(s => s.Label));
        Assert.Equal(
            [
                "Enrolled → InProgress : Commencer le parcours", "InProgress → Completed : Terminer le parcours",
                "Completed → Certified : Certifier", "Completed → NotCertified : Constater la non-certification",
                "Enrolled, InProgress → Dropped : Abandonner",
            ],
            diagram.Arrows.Select(Line));
    }

    [Fact]
    public void Every_arrow_joins_two_states_of_its_diagram()
    {
        foreach (var diagram in new[] { ApplicationWorkflow.Definition.ToDiagram(), EnrollmentWorkflow.Definition.ToDiagram() })
        {
            var ids = diagram.States.Select(s => s.Id).ToHashSet();
            Assert.All(diagram.Arrows, a => Assert.True(a.From.Count > 0 && a.From.All(ids.Contains) && ids.Contains(a.To), Line(a)));
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

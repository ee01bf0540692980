using Cohorts.Domain.Applications;
using Cohorts.Domain.Enrollments;
using Cohorts.Domain.Workflow;
using static Cohorts.Domain.Applications.ApplicationState;
using static Cohorts.Domain.Applications.ApplicationTrigger;

namespace Cohorts.Domain.Tests.Workflow;

public sealed class GuardDescriptionTests
{
    // What staff must read for each guarded move, written here rather than read from the table under test.
    private static readonly Dictionary<(ApplicationTrigger, ApplicationState), string> ApplicationConditions = new()
    {
        [(Submit, Draft)] = "Avant la date limite de dépôt des candidatures",
        [(RequestEndorsement, Submitted)] = "Le programme demande un avis hiérarchique",
        [(RequestEndorsement, AwaitingEndorsement)] = "Le programme demande un avis hiérarchique",
        [(RefuseEndorsement, AwaitingEndorsement)] = "Un motif est indiqué",
        [(StartReview, Submitted)] = "Le programme ne demande pas d'avis hiérarchique",
        [(InviteToInterview, UnderReview)] = "Le programme prévoit un entretien",
        [(MarkIneligible, Submitted)] = "Un motif est indiqué",
        [(MarkIneligible, AwaitingEndorsement)] = "Un motif est indiqué",
        [(MarkIneligible, Endorsed)] = "Un motif est indiqué",
        [(MarkIneligible, UnderReview)] = "Un motif est indiqué",
        [(MarkIneligible, Interview)] = "Un motif est indiqué",
    };

    private static readonly Dictionary<(EnrollmentTrigger, EnrollmentState), string> EnrollmentConditions = new()
    {
        [(EnrollmentTrigger.Certify, EnrollmentState.Completed)] = "Les conditions de certification du programme sont remplies",
        [(EnrollmentTrigger.FailCertification, EnrollmentState.Completed)] = "Les conditions de certification du programme ne sont pas remplies",
        [(EnrollmentTrigger.Drop, EnrollmentState.Enrolled)] = "Un motif d'abandon est indiqué",
        [(EnrollmentTrigger.Drop, EnrollmentState.InProgress)] = "Un motif d'abandon est indiqué",
    };

    [Fact]
    public void Each_application_move_states_its_condition_in_words_and_unguarded_moves_state_none()
    {
        var described = ApplicationWorkflow.Definition.Transitions
            .SelectMany(t => t.From.Select(from => ((t.Trigger, from), t.Guard?.Description)))
            .Where(row => row.Description is not null)
            .ToDictionary(row => row.Item1, row => row.Description!);

        Assert.Equal(ApplicationConditions.OrderBy(c => c.Key), described.OrderBy(c => c.Key));
    }

    [Fact]
    public void Each_enrollment_move_states_its_condition_in_words_and_unguarded_moves_state_none()
    {
        var described = EnrollmentWorkflow.Definition.Transitions
            .SelectMany(t => t.From.Select(from => ((t.Trigger, from), t.Guard?.Description)))
            .Where(row => row.Description is not null)
            .ToDictionary(row => row.Item1, row => row.Description!);

        Assert.Equal(EnrollmentConditions.OrderBy(c => c.Key), described.OrderBy(c => c.Key));
    }

    public static TheoryData<string, string> EveryGuard()
    {
        var guards = new TheoryData<string, string>();
        foreach (var t in ApplicationWorkflow.Definition.Transitions.Where(t => t.Guard is not null))
            guards.Add(t.Trigger.ToString(), t.Guard!.Description);
        foreach (var t in EnrollmentWorkflow.Definition.Transitions.Where(t => t.Guard is not null))
            guards.Add(t.Trigger.ToString(), t.Guard!.Description);
        return guards;
    }

    [Theory]
    [MemberData(nameof(EveryGuard))]
    public void Every_guard_reads_as_a_French_condition_not_as_a_code_name_or_a_refusal(string trigger, string description)
    {
        Assert.False(string.IsNullOrWhiteSpace(description), $"{trigger} has a guard without words");
        Assert.True(char.IsUpper(description[0]), $"{trigger}: « {description} » should start with a capital");
        Assert.False(description.EndsWith('.'), $"{trigger}: « {description} » is a condition, not a sentence of refusal");
        Assert.DoesNotContain(trigger, description, StringComparison.OrdinalIgnoreCase);
        Assert.Contains(" ", description, StringComparison.Ordinal);
    }

    [Fact]
    public void A_guard_holds_when_its_words_are_true_and_refuses_in_French_otherwise()
    {
        var submit = ApplicationWorkflow.Definition.Find(Draft, Submit)!.Guard!;
        var deadline = new DateTimeOffset(2026, 5, 20, 0, 0, 0, TimeSpan.Zero);
        var before = new ApplicationContext(deadline.AddDays(-1), deadline, RequiresEndorsement: false, HasInterview: false);

        Assert.Equal("Avant la date limite de dépôt des candidatures", submit.Description);
        Assert.Null(submit.Check(before));
        Assert.Equal("La date limite de dépôt des candidatures est dépassée : la candidature ne peut plus être modifiée ni soumise.",
            submit.Check(before with { Now = deadline }));
    }
}

using Cohorts.Domain.Enrollments;
using Cohorts.Domain.Workflow;
using static Cohorts.Domain.Enrollments.EnrollmentState;
using static Cohorts.Domain.Enrollments.EnrollmentTrigger;
using static Cohorts.Domain.Workflow.Actor;

namespace Cohorts.Domain.Tests.Enrollments;

/// <summary>What a move needs besides its state and its actor.</summary>
internal enum EnrollmentNeeds { None, RulesMet, RulesNotMet, Reason }

internal sealed record ExpectedEnrollmentMove(
    EnrollmentTrigger Trigger, IReadOnlyList<EnrollmentState> From, EnrollmentState To, IReadOnlyList<Actor> By, EnrollmentNeeds Needs,
    EnrollmentEvent Raises);

/// <summary>
/// The enrollment lifecycle as DESIGN.md states it ("Enrolled -> InProgress -> Completed -> Certified, or NotCertified
/// when the program's rules are not met, or Dropped"), written here on its own so that the tests compare
/// <see cref="EnrollmentWorkflow"/> with it rather than with itself.
/// </summary>
internal static class ExpectedEnrollmentLifecycle
{
    public static IReadOnlyList<ExpectedEnrollmentMove> Moves { get; } =
    [
        //  trigger            from                    to            by                               needs                        raises
        new(Start,             [Enrolled],             InProgress,   [ProgramManager, Admin, Actor.System],EnrollmentNeeds.None,        EnrollmentEvent.Started),
        new(Complete,          [InProgress],           Completed,    [ProgramManager, Admin, Actor.System],EnrollmentNeeds.None,        EnrollmentEvent.Completed),
        // "When a cohort ends, a job evaluates every enrollment": the verdict of the rules decides which of the two.
        new(Certify,           [Completed],            Certified,    [ProgramManager, Admin, Actor.System],EnrollmentNeeds.RulesMet,    EnrollmentEvent.Certified),
        new(FailCertification, [Completed],            NotCertified, [ProgramManager, Admin, Actor.System],EnrollmentNeeds.RulesNotMet, EnrollmentEvent.NotCertified),
        // One drops out of a course still running, never out of a finished one, and says why.
        new(Drop,              [Enrolled, InProgress], Dropped,      [ProgramManager, Admin, Candidate],EnrollmentNeeds.Reason,      EnrollmentEvent.Dropped),
    ];

    public static IReadOnlyList<EnrollmentState> FinalStates { get; } =
        Enum.GetValues<EnrollmentState>().Where(s => !Moves.Any(m => m.From.Contains(s))).ToList();

    /// <summary>The move the lifecycle makes, or null when it must refuse.</summary>
    public static ExpectedEnrollmentMove? Allowed(EnrollmentState from, EnrollmentTrigger trigger, Actor actor, EnrollmentContext context) =>
        Moves.SingleOrDefault(m => m.Trigger == trigger && m.From.Contains(from) && m.By.Contains(actor) && m.Needs switch
        {
            EnrollmentNeeds.RulesMet => context.RulesMet,
            EnrollmentNeeds.RulesNotMet => !context.RulesMet,
            EnrollmentNeeds.Reason => !string.IsNullOrWhiteSpace(context.Reason),
            _ => true,
        });
}

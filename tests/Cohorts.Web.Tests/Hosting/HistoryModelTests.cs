using Cohorts.Domain.Enrollments;
using Cohorts.Domain.Workflow;
using Cohorts.Web.Pages;

namespace Cohorts.Web.Tests.Hosting;

/// <summary>The one history mechanism serves any lifecycle as it is: here the enrollment's, which has no page yet.</summary>
public sealed class HistoryModelTests
{
    private sealed class EnrollmentLine(EnrollmentState? from, EnrollmentState to, EnrollmentTrigger? trigger, ActorRef actor, DateTimeOffset at, string? reason)
        : TransitionRecord<EnrollmentState, EnrollmentTrigger>(from, to, trigger, actor, at, reason);

    [Fact]
    public void An_enrollment_history_reads_in_the_enrollment_lifecycles_own_words_in_time_order()
    {
        var at = new DateTimeOffset(2027, 1, 4, 9, 0, 0, TimeSpan.Zero);
        var manager = new ActorRef(Actor.ProgramManager, "staff-1", "Paul Responsable");
        EnrollmentLine[] lines =
        [
            new(EnrollmentState.Enrolled, EnrollmentState.Dropped, EnrollmentTrigger.Drop, manager, at.AddDays(3), "Mutation"),
            new(null, EnrollmentState.Enrolled, null, ActorRef.System, at, null),
        ];

        var history = HistoryModel.Of(lines, EnrollmentWorkflow.Definition, "Parcours ouvert");

        Assert.Equal(
            [("Parcours ouvert", EnrollmentWorkflow.Label(EnrollmentState.Enrolled), null, "Motif"),
             (EnrollmentWorkflow.Label(EnrollmentTrigger.Drop), EnrollmentWorkflow.Label(EnrollmentState.Dropped), "Mutation", "Motif")],
            history.Lines.Select(l => (l.Move, l.To, l.Reason, l.ReasonLabel)));
        Assert.DoesNotContain(history.Lines, l => l.Move == nameof(EnrollmentTrigger.Drop) || l.To == nameof(EnrollmentState.Dropped));
    }
}

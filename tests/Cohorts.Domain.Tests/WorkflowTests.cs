using Cohorts.Domain.Applications;
using Cohorts.Domain.Enrollments;
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

    public static TheoryData<EnrollmentState, EnrollmentTrigger> EveryEnrollmentPair()
    {
        var pairs = new TheoryData<EnrollmentState, EnrollmentTrigger>();
        foreach (var state in Enum.GetValues<EnrollmentState>())
            foreach (var trigger in Enum.GetValues<EnrollmentTrigger>())
                pairs.Add(state, trigger);
        return pairs;
    }

    [Theory]
    [MemberData(nameof(EveryEnrollmentPair))]
    public void Enrollment_pairs_are_decided_by_the_table(EnrollmentState state, EnrollmentTrigger trigger)
    {
        var lifecycle = EnrollmentWorkflow.Definition;
        var transition = lifecycle.Find(state, trigger);
        var context = new EnrollmentContext(DateTimeOffset.UnixEpoch, RulesMet: trigger == EnrollmentTrigger.Certify, Reason: "Raison");
        if (transition is null)
            Assert.Throws<DomainException>(() => lifecycle.Decide(state, trigger, Actor.ProgramManager, context));
        else
            Assert.Equal(transition.To, lifecycle.Decide(state, trigger, Actor.ProgramManager, context).To);
    }

    [Fact]
    public void Certification_follows_the_verdict_of_the_rules()
    {
        var lifecycle = EnrollmentWorkflow.Definition;
        var failed = new EnrollmentContext(DateTimeOffset.UnixEpoch, RulesMet: false);
        Assert.Throws<DomainException>(() => lifecycle.Decide(EnrollmentState.Completed, EnrollmentTrigger.Certify, Actor.System, failed));
        Assert.Equal(EnrollmentState.NotCertified, lifecycle.Decide(EnrollmentState.Completed, EnrollmentTrigger.FailCertification, Actor.System, failed).To);
        Assert.Equal([EnrollmentState.Certified, EnrollmentState.NotCertified, EnrollmentState.Dropped], lifecycle.FinalStates);
    }
}

using Cohorts.Domain.Enrollments;
using Cohorts.Domain.Workflow;

namespace Cohorts.Domain.Tests.Enrollments;

public sealed class EnrollmentWorkflowTests
{
    private static readonly EnrollmentContext[] Contexts =
        (from rulesMet in new[] { true, false }
         from reason in new[] { " Déménagement ", "  ", null }
         select new EnrollmentContext(DateTimeOffset.UnixEpoch, rulesMet, reason)).ToArray();

    public static TheoryData<EnrollmentState, EnrollmentTrigger> EveryPair()
    {
        var pairs = new TheoryData<EnrollmentState, EnrollmentTrigger>();
        foreach (var state in Enum.GetValues<EnrollmentState>())
            foreach (var trigger in Enum.GetValues<EnrollmentTrigger>())
                pairs.Add(state, trigger);
        return pairs;
    }

    [Theory]
    [MemberData(nameof(EveryPair))]
    public void Every_state_and_trigger_pair_moves_as_expected_for_every_actor_or_is_refused_in_French(EnrollmentState state, EnrollmentTrigger trigger)
    {
        var lifecycle = EnrollmentWorkflow.Definition;
        foreach (var actor in Enum.GetValues<Actor>())
            foreach (var context in Contexts)
            {
                var expected = ExpectedEnrollmentLifecycle.Allowed(state, trigger, actor, context);
                var situation = $"{trigger} at {state} by {actor}, rules {(context.RulesMet ? "met" : "not met")}, reason '{context.Reason}'";
                if (expected is null)
                {
                    var error = Assert.Throws<DomainException>(() => lifecycle.Decide(state, trigger, actor, context));
                    Assert.False(string.IsNullOrWhiteSpace(error.Message), situation);
                }
                else
                {
                    var transition = lifecycle.Decide(state, trigger, actor, context);
                    Assert.True((expected.To, expected.Raises) == (transition.To, transition.Event),
                        $"{situation}: reached {transition.To} raising {transition.Event}, expected {expected.To} raising {expected.Raises}");
                }
                Assert.True(lifecycle.Available(state, actor, context).Contains(trigger) == expected is not null, $"{situation}: offered or not");
            }
    }

    [Fact]
    public void Certification_follows_the_verdict_of_the_rules()
    {
        var lifecycle = EnrollmentWorkflow.Definition;
        var failed = new EnrollmentContext(DateTimeOffset.UnixEpoch, RulesMet: false);
        var error = Assert.Throws<DomainException>(() => lifecycle.Decide(EnrollmentState.Completed, EnrollmentTrigger.Certify, Actor.System, failed));
        Assert.Equal("Les conditions de certification du programme ne sont pas remplies.", error.Message);
        Assert.Equal(EnrollmentState.NotCertified, lifecycle.Decide(EnrollmentState.Completed, EnrollmentTrigger.FailCertification, Actor.System, failed).To);
    }

    [Fact]
    public void Dropping_out_needs_a_reason()
    {
        var error = Assert.Throws<DomainException>(() =>
            EnrollmentWorkflow.Definition.Decide(EnrollmentState.InProgress, EnrollmentTrigger.Drop, Actor.Candidate, new(DateTimeOffset.UnixEpoch, true, " ")));
        Assert.Equal("Indiquez le motif de l'abandon.", error.Message);
    }

    [Fact]
    public void The_final_states_are_exactly_the_documented_ones()
    {
        EnrollmentState[] documented = [EnrollmentState.Certified, EnrollmentState.NotCertified, EnrollmentState.Dropped];
        Assert.Equal(documented, ExpectedEnrollmentLifecycle.FinalStates);
        Assert.Equal(documented, EnrollmentWorkflow.Definition.FinalStates);
    }
}

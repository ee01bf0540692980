using Cohorts.Domain.Applications;
using Cohorts.Domain.Workflow;
using CsCheck;
using static Cohorts.Domain.Tests.Applications.ApplicationFactory;

namespace Cohorts.Domain.Tests.Applications;

public sealed class ApplicationPropertyTests
{
    private static readonly ApplicationTrigger[] Triggers = Enum.GetValues<ApplicationTrigger>();
    private static readonly ActorRef[] Actors = [Candidate, OtherCandidate, Manager, Staff, ActorRef.System];
    private static readonly string?[] Reasons = [null, "  ", " Motif "];

    /// <summary>
    /// One random call. Half the time the trigger is one that leaves the current state, half the time the actor is
    /// the one who makes it in real life: sequences then get past the first steps instead of being refused throughout.
    /// </summary>
    private sealed record Step(bool Leaving, int Trigger, bool Natural, int Actor, bool StaffScreen, int Reason, int Link, int Minutes);

    private static readonly Gen<Step> Steps = Gen.Select(Gen.Bool, Gen.Int[0, 99], Gen.Bool, Gen.Int[0, Actors.Length - 1],
        Gen.Int[0, 4].Select(i => i == 0), Gen.Int[0, Reasons.Length - 1], Gen.Int[0, 3], Gen.Int[0, 720],
        (leaving, trigger, natural, actor, screen, reason, link, minutes) => new Step(leaving, trigger, natural, actor, screen, reason, link, minutes));

    [Fact]
    public void Random_public_calls_keep_the_application_where_the_expected_lifecycle_says()
    {
        Gen.Select(Gen.Bool, Gen.Bool, Steps.Array[0, 60]).Sample((endorsement, interview, steps) =>
        {
            var journey = new Journey(Draft());
            var application = journey.Application;
            var expectedState = ApplicationState.Draft;
            var now = Now;
            foreach (var step in steps)
            {
                now = now.AddMinutes(step.Minutes);
                var call = CallFor(step, journey, expectedState, new ApplicationContext(now, Deadline, endorsement, interview, Reasons[step.Reason]));
                var expected = ExpectedApplicationLifecycle.Predict(expectedState, Candidate.UserId!, call, linkIsLatest: call.Link == journey.LatestLink);
                var (stateBefore, rowsBefore) = (application.State, application.History.ToList());

                var differences = journey.Differences(call, expected);
                Assert.True(differences.Count == 0, string.Join('\n', differences));

                expectedState = expected?[^1].To ?? expectedState;
                Assert.Equal(expectedState, application.State);
                Assert.Equal(rowsBefore, application.History.Take(rowsBefore.Count));
                if (ExpectedApplicationLifecycle.FinalStates.Contains(stateBefore))
                    Assert.Equal((stateBefore, rowsBefore.Count), (application.State, application.History.Count));
            }

            // Read whole: the history starts with the creation, each row leaves the state the previous one reached, in order.
            Assert.Null(application.History[0].From);
            Assert.Equal(ApplicationState.Draft, application.History[0].To);
            for (var i = 1; i < application.History.Count; i++)
            {
                Assert.Equal(application.History[i - 1].To, application.History[i].From);
                Assert.True(application.History[i - 1].At <= application.History[i].At);
            }
            Assert.Equal(application.State, application.History[^1].To);
        }, iter: 1000);
    }

    private static Call CallFor(Step step, Journey journey, ApplicationState state, ApplicationContext context)
    {
        // Withdrawing leaves almost every state and ends the journey: among the forward picks it would end most sequences early.
        var leaving = ExpectedApplicationLifecycle.Leaving(state).Where(t => t != ApplicationTrigger.Withdraw).ToList();
        var trigger = step.Leaving && leaving.Count > 0 ? leaving[step.Trigger % leaving.Count] : Triggers[step.Trigger % Triggers.Length];
        var link = step.Link switch
        {
            0 => Guid.NewGuid(),
            1 when journey.Links.Count > 1 => journey.Links[^2],
            _ => journey.LatestLink ?? Guid.NewGuid(),
        };
        return new Call(trigger, step.Natural ? Natural(trigger) : Actors[step.Actor], context,
            step.StaffScreen ? Way.StaffScreen : Way.OwnMethod, link);
    }
}

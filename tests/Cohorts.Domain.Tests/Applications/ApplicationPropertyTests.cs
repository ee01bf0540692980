using Cohorts.Domain.Applications;
using Cohorts.Domain.Workflow;
using CsCheck;
using static Cohorts.Domain.Tests.Applications.ApplicationFactory;

namespace Cohorts.Domain.Tests.Applications;

public sealed class ApplicationPropertyTests
{
    private static readonly ApplicationTrigger[] Triggers = Enum.GetValues<ApplicationTrigger>();
    private static readonly Actor[] Actors = Enum.GetValues<Actor>();

    /// <summary>One random attempt: a trigger, an actor, a program shape, a reason or none, minutes elapsed.</summary>
    private static readonly Gen<(int Trigger, int Actor, bool Endorsement, bool Interview, bool Reason, int Minutes)> Step =
        Gen.Select(Gen.Int[0, Triggers.Length - 1], Gen.Int[0, Actors.Length - 1], Gen.Bool, Gen.Bool, Gen.Bool, Gen.Int[0, 20000]);

    [Fact]
    public void Random_trigger_sequences_never_break_the_invariants()
    {
        Step.Array[0, 40].Sample(steps =>
        {
            var application = Draft();
            var now = Now;
            var moves = 0;
            foreach (var step in steps)
            {
                now = now.AddMinutes(step.Minutes);
                var before = application.State;
                var actor = new ActorRef(Actors[step.Actor], Actors[step.Actor] == Actor.Candidate ? Candidate.UserId : "someone", "Quelqu'un");
                var context = new ApplicationContext(now, Deadline, step.Endorsement, step.Interview, step.Reason ? "Motif" : null);
                try
                {
                    application.Fire(Triggers[step.Trigger], actor, context);
                    moves++;
                    Assert.DoesNotContain(before, ApplicationWorkflow.Definition.FinalStates);
                }
                catch (DomainException)
                {
                    Assert.Equal(before, application.State);
                }
            }

            // The history is complete (one line per move, plus the creation) and ordered, and it chains.
            Assert.Equal(moves + 1, application.History.Count);
            Assert.Null(application.History[0].From);
            for (var i = 1; i < application.History.Count; i++)
            {
                var line = application.History[i];
                Assert.Equal(application.History[i - 1].To, line.From);
                Assert.True(application.History[i - 1].At <= line.At);
                Assert.NotNull(ApplicationWorkflow.Definition.Find(line.From!.Value, line.Trigger!.Value));
            }
            Assert.Equal(application.State, application.History[^1].To);
        }, iter: 2000);
    }
}

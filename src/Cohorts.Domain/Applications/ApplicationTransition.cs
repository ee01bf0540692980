using Cohorts.Domain.Workflow;

namespace Cohorts.Domain.Applications;

/// <summary>One line of an application's history (see <see cref="TransitionRecord{TState, TTrigger}"/>).</summary>
public sealed class ApplicationTransition : TransitionRecord<ApplicationState, ApplicationTrigger>
{
    private ApplicationTransition() { }

    internal ApplicationTransition(ApplicationState? from, ApplicationState to, ApplicationTrigger? trigger, ActorRef actor,
        DateTimeOffset at, string? reason)
        : base(from, to, trigger, actor, at, reason)
    {
    }

    public Guid ApplicationId { get; private set; }
}

/// <summary>An event an application raised, the move (history row) that raised it, and for a request the link it sent.</summary>
public sealed record ApplicationRaised(ApplicationEvent Event, ApplicationTransition Move, Guid? EndorsementLink = null);

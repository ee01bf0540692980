using Cohorts.Domain.Workflow;

namespace Cohorts.Domain.Applications;

/// <summary>One line of an application's history. Written once, never changed.</summary>
public sealed class ApplicationTransition
{
    private ApplicationTransition() { }

    internal ApplicationTransition(ApplicationState? from, ApplicationState to, ApplicationTrigger? trigger, ActorRef actor,
        DateTimeOffset at, string? reason)
    {
        From = from;
        To = to;
        Trigger = trigger;
        ActorKind = actor.Kind;
        ActorUserId = actor.UserId;
        ActorName = actor.Name;
        At = at;
        Reason = reason;
    }

    public long Id { get; private set; }
    public Guid ApplicationId { get; private set; }
    /// <summary>Null for the creation of the application.</summary>
    public ApplicationState? From { get; private set; }
    public ApplicationState To { get; private set; }
    public ApplicationTrigger? Trigger { get; private set; }
    public Actor ActorKind { get; private set; }
    public string? ActorUserId { get; private set; }
    public string ActorName { get; private set; } = "";
    public DateTimeOffset At { get; private set; }
    public string? Reason { get; private set; }
}

/// <summary>An event an application raised, the move (history row) that raised it, and for a request the link it sent.</summary>
public sealed record ApplicationRaised(ApplicationEvent Event, ApplicationTransition Move, Guid? EndorsementLink = null);

namespace Cohorts.Domain.Workflow;

/// <summary>
/// One line of a lifecycle's history: from, to, the trigger, who, when, why. Written once, never changed. Each
/// lifecycle's history (applications today; enrollments, offers, certificates, attendance next) is a subclass that
/// only adds the key of what moved, so that one partial renders any of them with the lifecycle's own labels.
/// </summary>
public abstract class TransitionRecord<TState, TTrigger>
    where TState : struct, Enum
    where TTrigger : struct, Enum
{
    protected TransitionRecord() { }

    protected TransitionRecord(TState? from, TState to, TTrigger? trigger, ActorRef actor, DateTimeOffset at, string? reason)
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
    /// <summary>Null for the line that records the creation.</summary>
    public TState? From { get; private set; }
    public TState To { get; private set; }
    /// <summary>Null for the line that records the creation.</summary>
    public TTrigger? Trigger { get; private set; }
    public Actor ActorKind { get; private set; }
    public string? ActorUserId { get; private set; }
    public string ActorName { get; private set; } = "";
    public DateTimeOffset At { get; private set; }
    public string? Reason { get; private set; }
}

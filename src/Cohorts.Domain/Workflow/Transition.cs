namespace Cohorts.Domain.Workflow;

/// <summary>
/// One named move of a lifecycle: from which states, to which state, who may fire it, what must hold
/// (the guard, in words and as a check) and the event it raises.
/// </summary>
public sealed record Transition<TState, TTrigger, TContext, TEvent>(
    TTrigger Trigger,
    IReadOnlyList<TState> From,
    TState To,
    IReadOnlyList<Actor> Actors,
    TEvent Event,
    Guard<TContext>? Guard = null)
    where TState : struct, Enum
    where TTrigger : struct, Enum
    where TEvent : struct, Enum;

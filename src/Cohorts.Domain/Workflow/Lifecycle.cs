using System.Text;

namespace Cohorts.Domain.Workflow;

/// <summary>
/// A lifecycle as data: its transitions, its final states, and the one place that decides a move.
/// Illegal moves are refused with a <see cref="DomainException"/>; nothing is ever changed silently.
/// </summary>
public sealed class Lifecycle<TState, TTrigger, TContext, TEvent>(
    TState initial,
    IReadOnlyList<Transition<TState, TTrigger, TContext, TEvent>> transitions,
    Func<TState, string> stateLabel,
    Func<TTrigger, string> triggerLabel)
    where TState : struct, Enum
    where TTrigger : struct, Enum
    where TEvent : struct, Enum
{
    public TState Initial { get; } = initial;
    public IReadOnlyList<Transition<TState, TTrigger, TContext, TEvent>> Transitions { get; } = transitions;

    public string Label(TState state) => stateLabel(state);
    public string Label(TTrigger trigger) => triggerLabel(trigger);

    /// <summary>States no transition leaves.</summary>
    public IReadOnlyList<TState> FinalStates =>
        Enum.GetValues<TState>().Where(s => !Transitions.Any(t => t.From.Contains(s))).ToList();

    public Transition<TState, TTrigger, TContext, TEvent>? Find(TState from, TTrigger trigger) =>
        Transitions.FirstOrDefault(t => t.Trigger.Equals(trigger) && t.From.Contains(from));

    /// <summary>The transition to take, or a domain error saying in French why the move is refused.</summary>
    public Transition<TState, TTrigger, TContext, TEvent> Decide(TState from, TTrigger trigger, Actor actor, TContext context)
    {
        var transition = Find(from, trigger)
            ?? throw new DomainException($"Action « {triggerLabel(trigger)} » impossible à l'état « {stateLabel(from)} ».");
        if (!MayFire(transition, actor))
            throw new DomainException($"Action « {triggerLabel(trigger)} » non autorisée pour vous.");
        if (transition.Guard?.Check(context) is { } refusal)
            throw new DomainException(refusal);
        return transition;
    }

    /// <summary>
    /// A job's way to move (Hangfire's "expected states"): the transition to take if the state is still one of those
    /// the job expected, or null, refusing nothing, when it has moved on meanwhile (someone acted first, or an earlier
    /// run did). From an expected state the move is decided as for people: a refusal there is the job's mistake.
    /// </summary>
    public Transition<TState, TTrigger, TContext, TEvent>? TryDecide(TState from, IReadOnlyCollection<TState> expected, TTrigger trigger,
        Actor actor, TContext context) =>
        expected.Contains(from) ? Decide(from, trigger, actor, context) : null;

    /// <summary>The triggers an actor may fire from a state in a context: those whose guard holds.</summary>
    public IReadOnlyList<TTrigger> Available(TState from, Actor actor, TContext context) =>
        Transitions.Where(t => t.From.Contains(from) && MayFire(t, actor) && t.Guard?.Check(context) is null)
            .Select(t => t.Trigger).Distinct().ToList();

    /// <summary>
    /// Whether an actor may fire a transition: those the table names, and an administrator wherever a program
    /// manager may. Decided here, once, so that the tables keep naming the role whose job the move is, and an
    /// administrator standing in for them still acts (and is recorded) as themself.
    /// </summary>
    private static bool MayFire(Transition<TState, TTrigger, TContext, TEvent> transition, Actor actor) =>
        transition.Actors.Contains(actor) || actor == Actor.Admin && transition.Actors.Contains(Actor.ProgramManager);

    /// <summary>The diagram the lifecycle page draws, generated from the table, with the French labels.</summary>
    public LifecycleDiagram ToDiagram()
    {
        var finals = FinalStates;
        return new(
            Enum.GetValues<TState>().Select(s => new DiagramState(s.ToString(), stateLabel(s), s.Equals(Initial), finals.Contains(s))).ToList(),
            Transitions.Select(t => new DiagramArrow(t.From.Select(from => from.ToString()).ToList(), t.To.ToString(), triggerLabel(t.Trigger))).ToList());
    }

    /// <summary>The diagram of the lifecycle for the README, generated from the table (Mermaid state diagram, code names).</summary>
    public string ToMermaid()
    {
        var diagram = new StringBuilder("stateDiagram-v2\n");
        diagram.Append("    [*] --> ").Append(Initial).Append('\n');
        foreach (var transition in Transitions)
            foreach (var from in transition.From)
                diagram.Append("    ").Append(from).Append(" --> ").Append(transition.To).Append(" : ").Append(transition.Trigger).Append('\n');
        foreach (var final in FinalStates)
            diagram.Append("    ").Append(final).Append(" --> [*]\n");
        return diagram.ToString();
    }
}

using Cohorts.Domain.Workflow;

namespace Cohorts.Web.Pages;

/// <summary>One line of a history as the timeline shows it (partial <c>_History</c>).</summary>
public sealed record HistoryLine(DateTimeOffset At, string Move, string To, Actor ActorKind, string ActorName, string? Reason, string ReasonLabel);

/// <summary>The history of anything that moves through a lifecycle, as a timeline, in that lifecycle's own words.</summary>
public sealed record HistoryModel(IReadOnlyList<HistoryLine> Lines)
{
    /// <param name="created">What the first line, the creation, says ("Candidature créée").</param>
    /// <param name="comment">The moves whose reason is a comment rather than a "motif" (an endorsement's, say).</param>
    public static HistoryModel Of<TState, TTrigger, TContext, TEvent>(IEnumerable<TransitionRecord<TState, TTrigger>> records,
        Lifecycle<TState, TTrigger, TContext, TEvent> lifecycle, string created, Func<TTrigger, bool>? comment = null)
        where TState : struct, Enum
        where TTrigger : struct, Enum
        where TEvent : struct, Enum =>
        new([
            .. records.OrderBy(r => r.At).ThenBy(r => r.Id).Select(r => new HistoryLine(
                r.At,
                r.Trigger is { } trigger ? lifecycle.Label(trigger) : created,
                lifecycle.Label(r.To),
                r.ActorKind,
                r.ActorName,
                r.Reason,
                r.Trigger is { } t && comment?.Invoke(t) == true ? "Commentaire" : "Motif")),
        ]);
}

namespace Cohorts.Domain.Workflow;

/// <summary>
/// A lifecycle as people read it: every state and every arrow of the table with its French label, in table order.
/// Ids are the code names, so that arrows can name their ends; they are never shown.
/// </summary>
public sealed record LifecycleDiagram(IReadOnlyList<DiagramState> States, IReadOnlyList<DiagramArrow> Arrows);

public sealed record DiagramState(string Id, string Label, bool Initial, bool Final);

public sealed record DiagramArrow(string From, string To, string Label);

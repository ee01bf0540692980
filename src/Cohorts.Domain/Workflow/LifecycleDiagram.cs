namespace Cohorts.Domain.Workflow;

/// <summary>
/// A lifecycle as people read it: every state, and one arrow per row of the table with its French label, in table
/// order. A row that leaves several states is one arrow with several origins, drawn with one label.
/// Ids are the code names, so that arrows can name their ends; they are never shown.
/// </summary>
public sealed record LifecycleDiagram(IReadOnlyList<DiagramState> States, IReadOnlyList<DiagramArrow> Arrows);

public sealed record DiagramState(string Id, string Label, bool Initial, bool Final);

public sealed record DiagramArrow(IReadOnlyList<string> From, string To, string Label);

namespace Cohorts.Domain.Workflow;

/// <summary>
/// What must hold for a move: the condition in words, as the lifecycle page shows it to staff, and the check
/// that answers null when it holds or the French reason for a refusal. Kept together so the words cannot drift
/// from the rule.
/// </summary>
public sealed record Guard<TContext>(string Description, Func<TContext, string?> Check);

using Cohorts.Domain.Applications;

namespace Cohorts.Domain.Selection;

// Placeholder declarations of the algorithms branch's types, removed when it merges (see /tmp/i8/DESIGN-issue8.md).
public sealed record DiversityCaps(int? MaxPerAdministration, int? MaxPerMinistry, IReadOnlyDictionary<ServiceCategory, int> MinimumSharePercent);

public enum OverrideDecision { Admit, Waitlist, Reject }

public sealed record ProposalOverrideInput(Guid ApplicationId, OverrideDecision Decision, string Reason);

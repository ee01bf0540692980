using Cohorts.Domain.Workflow;

namespace Cohorts.Domain.Selection;

/// <summary>
/// The committee's decision on one line of the admission proposal, against what the ranking and the caps proposed,
/// with its written reason. One per application; replacing or lifting it is kept in the application's history.
/// </summary>
public sealed class ProposalOverride
{
    private ProposalOverride() { }

    public Guid ApplicationId { get; private set; }
    public int CohortId { get; private set; }
    public OverrideDecision Decision { get; private set; }
    public string Reason { get; private set; } = "";
    public string? ActorUserId { get; private set; }
    public string ActorName { get; private set; } = "";
    public DateTimeOffset At { get; private set; }

    public const int ReasonMaxLength = 2000;

    public static ProposalOverride Decide(int cohortId, Guid applicationId, OverrideDecision decision, string? reason, ActorRef by, DateTimeOffset now)
    {
        if (!Enum.IsDefined(decision)) throw new DomainException("Choisissez la décision du jury.");
        if (string.IsNullOrWhiteSpace(reason)) throw new DomainException("Indiquez par écrit le motif de la décision du jury.");
        if (reason.Trim().Length > ReasonMaxLength) throw new DomainException($"Le motif ne doit pas dépasser {ReasonMaxLength} caractères.");
        return new ProposalOverride
        {
            CohortId = cohortId,
            ApplicationId = applicationId,
            Decision = decision,
            Reason = reason.Trim(),
            ActorUserId = by.UserId,
            ActorName = by.Name,
            At = now,
        };
    }

    public ProposalOverrideInput AsInput => new(ApplicationId, Decision, Reason);

    public static string Label(OverrideDecision decision) => decision switch
    {
        OverrideDecision.Admit => "Admettre",
        OverrideDecision.Waitlist => "Liste complémentaire",
        OverrideDecision.Reject => "Ne pas retenir",
        _ => throw new ArgumentOutOfRangeException(nameof(decision), decision, null),
    };
}

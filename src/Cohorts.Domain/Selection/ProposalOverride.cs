using Cohorts.Domain.Workflow;

namespace Cohorts.Domain.Selection;

/// <summary>
/// The committee's decision on one line of the admission proposal, against what the ranking and the caps proposed,
/// with its written reason. The rows are a log, never changed nor deleted: an application's override in force is its
/// latest row (highest <see cref="Id"/>), and a lifted override is a row without a decision. So every change of the
/// committee's mind stays readable, with who, when and why.
/// </summary>
public sealed class ProposalOverride
{
    private ProposalOverride() { }

    public long Id { get; private set; }
    public Guid ApplicationId { get; private set; }
    public int CohortId { get; private set; }
    /// <summary>Null on the row that lifts the override: the ranking and the caps decide again.</summary>
    public OverrideDecision? Decision { get; private set; }
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

    /// <summary>Lifts the override in force: the line goes back to what the ranking and the caps propose.</summary>
    public static ProposalOverride Lift(int cohortId, Guid applicationId, string? reason, ActorRef by, DateTimeOffset now)
    {
        if (string.IsNullOrWhiteSpace(reason)) throw new DomainException("Indiquez par écrit pourquoi la décision du jury est levée.");
        if (reason.Trim().Length > ReasonMaxLength) throw new DomainException($"Le motif ne doit pas dépasser {ReasonMaxLength} caractères.");
        return new ProposalOverride
        {
            CohortId = cohortId,
            ApplicationId = applicationId,
            Decision = null,
            Reason = reason.Trim(),
            ActorUserId = by.UserId,
            ActorName = by.Name,
            At = now,
        };
    }

    /// <summary>What the proposal reads, or null when this row lifted the override.</summary>
    public ProposalOverrideInput? AsInput => Decision is { } decision ? new(ApplicationId, decision, Reason) : null;

    /// <summary>« Admettre », or « Décision du jury levée » for a lifted one.</summary>
    public string Label() => Decision is { } decision ? Label(decision) : "Décision du jury levée";

    public static string Label(OverrideDecision decision) => decision switch
    {
        OverrideDecision.Admit => "Admettre",
        OverrideDecision.Waitlist => "Liste complémentaire",
        OverrideDecision.Reject => "Ne pas retenir",
        _ => throw new ArgumentOutOfRangeException(nameof(decision), decision, null),
    };
}

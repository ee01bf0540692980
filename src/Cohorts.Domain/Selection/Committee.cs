using Cohorts.Domain.Workflow;

namespace Cohorts.Domain.Selection;

/// <summary>A reviewer on a cohort's committee ("jury").</summary>
public sealed class CommitteeMember(int cohortId, string reviewerId, DateTimeOffset addedAt)
{
    public int CohortId { get; private set; } = cohortId;
    public string ReviewerId { get; private set; } = reviewerId;
    public DateTimeOffset AddedAt { get; private set; } = addedAt;
}

public enum AssignmentRemoval { Unassigned, Conflict }

/// <summary>One application given to one reviewer to score. Removed, it stays as a record; only an active one can be scored.</summary>
public sealed class ReviewAssignment
{
    private ReviewAssignment() { }

    public Guid Id { get; private set; }
    public int CohortId { get; private set; }
    public Guid ApplicationId { get; private set; }
    public string ReviewerId { get; private set; } = "";
    public DateTimeOffset AssignedAt { get; private set; }
    public DateTimeOffset? RemovedAt { get; private set; }
    public AssignmentRemoval? Removal { get; private set; }

    public bool Active => RemovedAt is null;

    public static ReviewAssignment Create(int cohortId, Guid applicationId, string reviewerId, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(now),
        CohortId = cohortId,
        ApplicationId = applicationId,
        ReviewerId = reviewerId,
        AssignedAt = now,
    };

    public void Remove(AssignmentRemoval why, DateTimeOffset now)
    {
        if (!Active) throw new DomainException("Cette attribution a déjà été retirée.");
        RemovedAt = now;
        Removal = why;
    }
}

public enum AssignmentChangeKind { Assigned, Unassigned, ConflictDeclared }

/// <summary>One line of the assignments' history: who got or lost which application, by whom, automatically or not, why.</summary>
public sealed class AssignmentChange
{
    private AssignmentChange() { }

    public long Id { get; private set; }
    public int CohortId { get; private set; }
    public Guid ApplicationId { get; private set; }
    public string ReviewerId { get; private set; } = "";
    public string ReviewerName { get; private set; } = "";
    public AssignmentChangeKind Kind { get; private set; }
    public bool Automatic { get; private set; }
    public Actor ActorKind { get; private set; }
    public string? ActorUserId { get; private set; }
    public string ActorName { get; private set; } = "";
    public DateTimeOffset At { get; private set; }
    public string? Reason { get; private set; }

    public static AssignmentChange Of(ReviewAssignment assignment, string reviewerName, AssignmentChangeKind kind, bool automatic,
        ActorRef by, DateTimeOffset at, string? reason = null) => new()
    {
        CohortId = assignment.CohortId,
        ApplicationId = assignment.ApplicationId,
        ReviewerId = assignment.ReviewerId,
        ReviewerName = reviewerName,
        Kind = kind,
        Automatic = automatic,
        ActorKind = by.Kind,
        ActorUserId = by.UserId,
        ActorName = by.Name,
        At = at,
        Reason = string.IsNullOrWhiteSpace(reason) ? null : reason.Trim(),
    };

    public static string Label(AssignmentChangeKind kind) => kind switch
    {
        AssignmentChangeKind.Assigned => "Attribuée",
        AssignmentChangeKind.Unassigned => "Retirée",
        AssignmentChangeKind.ConflictDeclared => "Conflit d'intérêts déclaré",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };
}

/// <summary>A reviewer's declared conflict of interest on an application: it is never theirs again.</summary>
public sealed class ConflictOfInterest
{
    private ConflictOfInterest() { }

    public Guid ApplicationId { get; private set; }
    public string ReviewerId { get; private set; } = "";
    public int CohortId { get; private set; }
    public DateTimeOffset At { get; private set; }
    public string Reason { get; private set; } = "";

    public const int ReasonMaxLength = 1000;

    /// <summary>Declares the conflict and removes the assignment; the caller reassigns the application.</summary>
    public static ConflictOfInterest Declare(ReviewAssignment assignment, string? reason, DateTimeOffset now)
    {
        if (string.IsNullOrWhiteSpace(reason)) throw new DomainException("Indiquez la nature du conflit d'intérêts.");
        if (reason.Trim().Length > ReasonMaxLength) throw new DomainException($"Le motif ne doit pas dépasser {ReasonMaxLength} caractères.");
        assignment.Remove(AssignmentRemoval.Conflict, now);
        return new ConflictOfInterest
        {
            ApplicationId = assignment.ApplicationId,
            ReviewerId = assignment.ReviewerId,
            CohortId = assignment.CohortId,
            At = now,
            Reason = reason.Trim(),
        };
    }
}

using Cohorts.Domain;
using Cohorts.Domain.Applications;
using Cohorts.Domain.Selection;
using Cohorts.Domain.Workflow;
using Cohorts.Web.Data;
using Cohorts.Web.Identity;
using Microsoft.EntityFrameworkCore;

namespace Cohorts.Web.Selection;

/// <summary>
/// Who reviews what in a cohort: the one place that turns the cohort's data (its committee, the applications under
/// review, the active assignments, the conflicts and earlier removals) into <see cref="AutoAssignment"/>'s inputs, and
/// that makes every change of an assignment with its line of history. Each method only adds to the context: the caller
/// saves, in the same transaction as what caused the change (a declared conflict, a member leaving the committee).
/// What the context holds and has not saved yet (an assignment just removed, a conflict just declared, a member just
/// taken off) counts as if saved.
/// </summary>
public static class Assignments
{
    /// <summary>The states in which an application is given reviewers.</summary>
    public static readonly ApplicationState[] Reviewable = [ApplicationState.UnderReview, ApplicationState.Interview];

    public const int ReasonMaxLength = 2000;

    /// <summary>
    /// Gives one application the reviewers it lacks (e.g. after a conflict of interest removed one), the least loaded
    /// committee members first; nothing when it is no longer under review. The changes are recorded as automatic, by
    /// <paramref name="by"/>.
    /// </summary>
    public static async Task<AssignmentPlan> ReassignAsync(this CohortsDbContext db, Guid applicationId, ActorRef by, DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        var cohortId = await db.Applications.Where(a => a.Id == applicationId).Select(a => (int?)a.CohortId).SingleOrDefaultAsync(cancellationToken);
        if (cohortId is null) return new AssignmentPlan([], []);
        return await AssignAsync(db, cohortId.Value, applicationId, by, now, cancellationToken);
    }

    /// <summary>Gives every application under review of the cohort the reviewers it lacks, in the order they were submitted.</summary>
    public static Task<AssignmentPlan> AssignCohortAsync(this CohortsDbContext db, int cohortId, ActorRef by, DateTimeOffset now,
        CancellationToken cancellationToken) =>
        AssignAsync(db, cohortId, null, by, now, cancellationToken);

    /// <summary>A staff member gives the application to one committee member; refused, in French, when the rules forbid it.</summary>
    public static async Task AddAsync(this CohortsDbContext db, Guid applicationId, string? reviewerId, ActorRef by, DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        var application = await db.Applications.Where(a => a.Id == applicationId)
            .Select(a => new { a.CohortId, a.AdministrationId, a.State }).SingleAsync(cancellationToken);
        if (!Reviewable.Contains(application.State))
            throw new DomainException("Cette candidature n'est pas en cours d'évaluation : elle ne reçoit plus de membre du jury.");
        var committee = await CommitteeAsync(db, application.CohortId, cancellationToken);
        var reviewer = committee.FirstOrDefault(r => r.ReviewerId == reviewerId)
            ?? throw new DomainException("Choisissez un membre du jury de cette promotion.");
        if (application.AdministrationId is { } administration && reviewer.AdministrationId == administration)
            throw new DomainException($"{reviewer.Name} travaille dans l'administration du candidat : cette candidature ne peut pas lui être attribuée.");
        var conflicts = await ConflictsAsync(db, application.CohortId, cancellationToken);
        if (conflicts.Contains(new AssignmentPair(applicationId, reviewer.ReviewerId)))
            throw new DomainException($"{reviewer.Name} a déclaré un conflit d'intérêts sur cette candidature : elle ne peut plus lui être attribuée.");
        var assignments = await AssignmentsAsync(db, application.CohortId, cancellationToken);
        if (assignments.Any(a => a.Active && a.ApplicationId == applicationId && a.ReviewerId == reviewer.ReviewerId))
            throw new DomainException($"Cette candidature est déjà attribuée à {reviewer.Name}.");
        Add(db, application.CohortId, new AssignmentPair(applicationId, reviewer.ReviewerId), reviewer.Name, automatic: false, by, now);
    }

    /// <summary>A staff member takes an application back from a reviewer, with an optional reason; it is not given to anyone else.</summary>
    public static async Task RemoveAsync(this CohortsDbContext db, Guid assignmentId, string? reason, ActorRef by, DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        if ((reason?.Trim().Length ?? 0) > ReasonMaxLength) throw new DomainException($"Le motif ne doit pas dépasser {ReasonMaxLength} caractères.");
        var assignment = await db.ReviewAssignments.SingleAsync(a => a.Id == assignmentId, cancellationToken);
        var name = await NameOfAsync(db, assignment.ReviewerId, cancellationToken);
        Remove(db, assignment, name, reason, by, now);
    }

    /// <summary>
    /// A reviewer leaves the cohort's committee: the applications they had are taken back, recorded, and given to the
    /// other members automatically. Their reviews stay as they were.
    /// </summary>
    public static async Task<AssignmentPlan> RemoveMemberAsync(this CohortsDbContext db, int cohortId, string reviewerId, ActorRef by,
        DateTimeOffset now, CancellationToken cancellationToken)
    {
        var member = await db.CommitteeMembers.SingleOrDefaultAsync(m => m.CohortId == cohortId && m.ReviewerId == reviewerId, cancellationToken)
            ?? throw new DomainException("Ce compte n'est pas membre du jury de cette promotion.");
        db.CommitteeMembers.Remove(member);
        var name = await NameOfAsync(db, reviewerId, cancellationToken);
        foreach (var assignment in (await AssignmentsAsync(db, cohortId, cancellationToken)).Where(a => a.Active && a.ReviewerId == reviewerId).ToList())
            Remove(db, assignment, name, "Retiré(e) du jury de la promotion", by, now);
        return await AssignCohortAsync(db, cohortId, by, now, cancellationToken);
    }

    private static async Task<AssignmentPlan> AssignAsync(CohortsDbContext db, int cohortId, Guid? onlyApplication, ActorRef by, DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        var perApplication = (await db.SelectionSettings.FindAsync([cohortId], cancellationToken) ?? SelectionSettings.For(cohortId))
            .ReviewersPerApplication;
        var applications = await db.Applications.AsNoTracking()
            .Where(a => a.CohortId == cohortId && Reviewable.Contains(a.State) && (onlyApplication == null || a.Id == onlyApplication))
            .OrderBy(a => a.SubmittedAt).ThenBy(a => a.Id)
            .Select(a => new AssignableApplication(a.Id, a.AdministrationId))
            .ToListAsync(cancellationToken);
        if (applications.Count == 0) return new AssignmentPlan([], []);
        var committee = await CommitteeAsync(db, cohortId, cancellationToken);
        var assignments = await AssignmentsAsync(db, cohortId, cancellationToken);
        var active = assignments.Where(a => a.Active).Select(a => new AssignmentPair(a.ApplicationId, a.ReviewerId)).ToList();
        // A member taken off an application (by hand, or by a conflict) does not get it back automatically.
        var excluded = assignments.Where(a => !a.Active).Select(a => new AssignmentPair(a.ApplicationId, a.ReviewerId))
            .Concat(await ConflictsAsync(db, cohortId, cancellationToken)).Distinct().ToList();

        var plan = AutoAssignment.Assign(applications, committee, active, excluded, perApplication);
        var names = committee.ToDictionary(r => r.ReviewerId, r => r.Name);
        foreach (var pair in plan.Added) Add(db, cohortId, pair, names[pair.ReviewerId], automatic: true, by, now);
        return plan;
    }

    /// <summary>The committee members who can review: an active account that still holds the Reviewer role.</summary>
    private static async Task<IReadOnlyList<CommitteeReviewer>> CommitteeAsync(CohortsDbContext db, int cohortId, CancellationToken cancellationToken)
    {
        await db.CommitteeMembers.Where(m => m.CohortId == cohortId).LoadAsync(cancellationToken);
        // Local leaves out a member removed and not saved yet, and holds one added and not saved yet.
        var ids = db.CommitteeMembers.Local.Where(m => m.CohortId == cohortId).Select(m => m.ReviewerId).ToList();
        var reviewerRole = db.Roles.Where(r => r.Name == Roles.Reviewer).Select(r => r.Id);
        return await db.Users.AsNoTracking()
            .Where(u => ids.Contains(u.Id) && u.DeactivatedAt == null
                        && db.UserRoles.Any(ur => ur.UserId == u.Id && reviewerRole.Contains(ur.RoleId)))
            .OrderBy(u => u.Id)
            .Select(u => new CommitteeReviewer(u.Id, (u.FirstName + " " + u.LastName).Trim(), u.AdministrationId))
            .ToListAsync(cancellationToken);
    }

    /// <summary>Every assignment of the cohort, active or removed, as the context holds them (its unsaved changes included).</summary>
    private static async Task<IReadOnlyList<ReviewAssignment>> AssignmentsAsync(CohortsDbContext db, int cohortId, CancellationToken cancellationToken)
    {
        await db.ReviewAssignments.Where(a => a.CohortId == cohortId).LoadAsync(cancellationToken);
        return db.ReviewAssignments.Local.Where(a => a.CohortId == cohortId).ToList();
    }

    private static async Task<IReadOnlyList<AssignmentPair>> ConflictsAsync(CohortsDbContext db, int cohortId, CancellationToken cancellationToken)
    {
        await db.ConflictsOfInterest.Where(c => c.CohortId == cohortId).LoadAsync(cancellationToken);
        return db.ConflictsOfInterest.Local.Where(c => c.CohortId == cohortId).Select(c => new AssignmentPair(c.ApplicationId, c.ReviewerId)).ToList();
    }

    private static Task<string> NameOfAsync(CohortsDbContext db, string reviewerId, CancellationToken cancellationToken) =>
        db.Users.Where(u => u.Id == reviewerId).Select(u => (u.FirstName + " " + u.LastName).Trim()).SingleAsync(cancellationToken);

    private static void Add(CohortsDbContext db, int cohortId, AssignmentPair pair, string reviewerName, bool automatic, ActorRef by, DateTimeOffset now)
    {
        var assignment = ReviewAssignment.Create(cohortId, pair.ApplicationId, pair.ReviewerId, now);
        db.ReviewAssignments.Add(assignment);
        db.AssignmentChanges.Add(AssignmentChange.Of(assignment, reviewerName, AssignmentChangeKind.Assigned, automatic, by, now));
    }

    private static void Remove(CohortsDbContext db, ReviewAssignment assignment, string reviewerName, string? reason, ActorRef by, DateTimeOffset now)
    {
        assignment.Remove(AssignmentRemoval.Unassigned, now);
        db.AssignmentChanges.Add(AssignmentChange.Of(assignment, reviewerName, AssignmentChangeKind.Unassigned, automatic: false, by, now, reason));
    }
}

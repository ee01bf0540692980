using Cohorts.Domain.Applications;
using Cohorts.Domain.Selection;
using Cohorts.Domain.Workflow;
using Cohorts.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Cohorts.Web.Selection;

// Stand-in for the committee branch's file of the same path (its ReassignAsync, same signature and contract); the
// lead's merge keeps that one.
public static class Assignments
{
    /// <summary>
    /// Gives the application the reviewers it lacks, from the cohort's committee, as the automatic assignment does.
    /// Reads the context's unsaved changes as saved (a removed assignment, a new conflict) and only adds rows.
    /// </summary>
    public static async Task<AssignmentPlan> ReassignAsync(this CohortsDbContext db, Guid applicationId, ActorRef by, DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        var application = await db.Applications.AsNoTracking().Where(a => a.Id == applicationId)
            .Select(a => new { a.Id, a.CohortId, a.AdministrationId, a.State }).SingleAsync(cancellationToken);
        if (application.State is not (ApplicationState.UnderReview or ApplicationState.Interview)) return new AssignmentPlan([], []);
        var cohortId = application.CohortId;
        var perApplication = await db.SelectionSettings.Where(s => s.CohortId == cohortId).Select(s => (int?)s.ReviewersPerApplication)
            .SingleOrDefaultAsync(cancellationToken) ?? SelectionSettings.For(cohortId).ReviewersPerApplication;
        var reviewers = await db.CommitteeMembers.Where(m => m.CohortId == cohortId)
            .Join(db.Users.Where(u => u.DeactivatedAt == null), m => m.ReviewerId, u => u.Id,
                (_, u) => new CommitteeReviewer(u.Id, u.FirstName + " " + u.LastName, u.AdministrationId))
            .ToListAsync(cancellationToken);

        var tracked = db.ChangeTracker.Entries<ReviewAssignment>().Select(e => e.Entity).ToList();
        var stored = await db.ReviewAssignments.AsNoTracking().Where(a => a.CohortId == cohortId).ToListAsync(cancellationToken);
        var assignments = stored.Where(s => tracked.All(t => t.Id != s.Id)).Concat(tracked.Where(t => t.CohortId == cohortId)).ToList();
        var active = assignments.Where(a => a.Active).Select(a => new AssignmentPair(a.ApplicationId, a.ReviewerId)).ToList();
        var conflicts = await db.ConflictsOfInterest.AsNoTracking().Where(c => c.ApplicationId == applicationId)
            .Select(c => new AssignmentPair(c.ApplicationId, c.ReviewerId)).ToListAsync(cancellationToken);
        var excluded = assignments.Where(a => !a.Active && a.ApplicationId == applicationId).Select(a => new AssignmentPair(a.ApplicationId, a.ReviewerId))
            .Concat(conflicts)
            .Concat(db.ChangeTracker.Entries<ConflictOfInterest>().Select(e => new AssignmentPair(e.Entity.ApplicationId, e.Entity.ReviewerId)))
            .ToList();

        var plan = AutoAssignment.Assign([new AssignableApplication(applicationId, application.AdministrationId)], reviewers, active, excluded, perApplication);
        foreach (var pair in plan.Added)
        {
            var assignment = ReviewAssignment.Create(cohortId, pair.ApplicationId, pair.ReviewerId, now);
            db.ReviewAssignments.Add(assignment);
            db.AssignmentChanges.Add(AssignmentChange.Of(assignment, reviewers.Single(r => r.ReviewerId == pair.ReviewerId).Name,
                AssignmentChangeKind.Assigned, automatic: true, by, now));
        }
        return plan;
    }
}

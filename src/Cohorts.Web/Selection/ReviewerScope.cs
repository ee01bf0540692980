using System.Security.Claims;
using Cohorts.Domain.Selection;
using Cohorts.Web.Data;
using Cohorts.Web.Identity;

namespace Cohorts.Web.Selection;

/// <summary>
/// The one place that says what a reviewer may open: their active assignments, on an application they have declared
/// no conflict of interest on. The reviewer's pages and the CV download filter through it, so that any other
/// assignment, application or CV does not exist for them (404).
/// </summary>
public static class ReviewerScope
{
    public static IQueryable<ReviewAssignment> AssignmentsOf(this CohortsDbContext db, ClaimsPrincipal user)
    {
        var userId = user.FindFirstValue(ClaimTypes.NameIdentifier);
        if (!user.IsInRole(Roles.Reviewer) || userId is null) return db.ReviewAssignments.Where(_ => false);
        // A declared conflict removes the assignment; the second condition holds even if staff gave it back by mistake.
        return db.ReviewAssignments.Where(a => a.ReviewerId == userId && a.RemovedAt == null
            && !db.ConflictsOfInterest.Any(c => c.ApplicationId == a.ApplicationId && c.ReviewerId == userId));
    }

    /// <summary>The CVs of the applications assigned to the reviewer, and no other document.</summary>
    public static IQueryable<Guid> CvsReviewableBy(this CohortsDbContext db, ClaimsPrincipal user) =>
        db.AssignmentsOf(user).Join(db.Applications, a => a.ApplicationId, application => application.Id, (_, application) => application.CvDocumentId)
            .Where(cv => cv != null).Select(cv => cv!.Value);
}

using Cohorts.Domain.Selection;
using Cohorts.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Cohorts.Web.Selection;

/// <summary>
/// An application's committee as staff see it on the application's page: who reviews it now and where each review stands
/// (not its scores), and every change of its assignments.
/// </summary>
public sealed record ApplicationJury(IReadOnlyList<ApplicationJury.Reviewer> Reviewers, IReadOnlyList<AssignmentChange> History)
{
    public sealed record Reviewer(string Name, DateTimeOffset AssignedAt, ReviewStatus Status);

    public static async Task<ApplicationJury> OfAsync(CohortsDbContext db, Guid applicationId, CancellationToken cancellationToken)
    {
        var reviewers = await (
            from a in db.ReviewAssignments.AsNoTracking().Where(a => a.ApplicationId == applicationId && a.RemovedAt == null)
            join u in db.Users on a.ReviewerId equals u.Id
            orderby a.AssignedAt, u.LastName
            select new
            {
                Name = (u.FirstName + " " + u.LastName).Trim(), a.AssignedAt,
                Started = db.Reviews.Any(r => r.AssignmentId == a.Id),
                Submitted = db.Reviews.Any(r => r.AssignmentId == a.Id && r.SubmittedAt != null),
            }).ToListAsync(cancellationToken);
        var history = await db.AssignmentChanges.AsNoTracking().Where(c => c.ApplicationId == applicationId)
            .OrderBy(c => c.At).ThenBy(c => c.Id).ToListAsync(cancellationToken);
        return new ApplicationJury(reviewers.Select(r => new Reviewer(r.Name, r.AssignedAt, ReviewStatuses.Of(r.Started, r.Submitted))).ToList(), history);
    }
}

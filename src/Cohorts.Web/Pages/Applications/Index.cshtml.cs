using Cohorts.Domain.Applications;
using Cohorts.Domain.Selection;
using Cohorts.Web.Data;
using Cohorts.Web.Identity;
using Cohorts.Web.Selection;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Cohorts.Web.Pages.Applications;

/// <summary>"Mes candidatures": the candidate's own applications and where each stands, with the seat offers to answer.</summary>
public sealed class IndexModel(CohortsDbContext db, UserManager<CohortsUser> users, TimeProvider clock) : PageModel
{
    public IReadOnlyList<Row> Applications { get; private set; } = [];

    public sealed record Row(Guid Id, string Program, string Cohort, ApplicationState State, DateTimeOffset UpdatedAt, OfferView Offer,
        Interview? Interview);

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var userId = users.GetUserId(User);
        var own = await db.Applications.AsNoTracking()
            .Where(a => a.CandidateId == userId)
            .OrderByDescending(a => a.UpdatedAt)
            .Join(db.Cohorts, a => a.CohortId, c => c.Id, (a, c) => new
            {
                Application = a, Program = c.Program.Name, Cohort = c.Name, c.Seats,
                // The interview is shown while the candidate is waiting for it; its score and notes are not the candidate's to read.
                Interview = a.State == ApplicationState.Interview ? db.Interviews.FirstOrDefault(i => i.ApplicationId == a.Id) : null,
            })
            .ToListAsync(cancellationToken);
        // One query each for the counts and the enrollments, whatever the number of applications.
        var offered = own.Where(r => r.Application.State == ApplicationState.Admitted).Select(r => r.Application.CohortId).Distinct().ToList();
        var accepted = await db.Applications.Where(a => offered.Contains(a.CohortId) && a.State == ApplicationState.OfferAccepted)
            .GroupBy(a => a.CohortId).Select(g => new { CohortId = g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.CohortId, g => g.Count, cancellationToken);
        var acceptedIds = own.Where(r => r.Application.State == ApplicationState.OfferAccepted).Select(r => r.Application.Id).ToList();
        var enrollments = await db.Enrollments.Where(e => acceptedIds.Contains(e.ApplicationId))
            .Select(e => new { e.ApplicationId, Summary = new EnrollmentSummary(e.State, e.CreatedAt) })
            .ToDictionaryAsync(e => e.ApplicationId, e => e.Summary, cancellationToken);
        var now = clock.GetUtcNow();
        Applications = own.Select(r => new Row(r.Application.Id, r.Program, r.Cohort, r.Application.State, r.Application.UpdatedAt,
            OfferView.Of(r.Application, r.Seats, accepted.GetValueOrDefault(r.Application.CohortId), enrollments.GetValueOrDefault(r.Application.Id), now),
            r.Interview))
            .ToList();
    }
}

using Cohorts.Domain.Applications;
using Cohorts.Domain.Selection;
using Cohorts.Web.Data;
using Cohorts.Web.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Cohorts.Web.Pages.Applications;

/// <summary>"Mes candidatures": the candidate's own applications and where each stands.</summary>
public sealed class IndexModel(CohortsDbContext db, UserManager<CohortsUser> users) : PageModel
{
    public IReadOnlyList<Row> Applications { get; private set; } = [];

    public sealed record Row(Guid Id, string Program, string Cohort, ApplicationState State, DateTimeOffset UpdatedAt, DateTimeOffset Deadline,
        Interview? Interview);

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var userId = users.GetUserId(User);
        Applications = await db.Applications.AsNoTracking()
            .Where(a => a.CandidateId == userId)
            .OrderByDescending(a => a.UpdatedAt)
            .Join(db.Cohorts, a => a.CohortId, c => c.Id, (a, c) => new Row(a.Id, c.Program.Name, c.Name, a.State, a.UpdatedAt, c.ApplicationsCloseAt,
                // The interview is shown while the candidate is waiting for it; its score and notes are not the candidate's to read.
                a.State == ApplicationState.Interview ? db.Interviews.FirstOrDefault(i => i.ApplicationId == a.Id) : null))
            .ToListAsync(cancellationToken);
    }
}

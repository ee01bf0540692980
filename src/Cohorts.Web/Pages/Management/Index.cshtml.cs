using Cohorts.Domain.Applications;
using Cohorts.Domain.Catalogue;
using Cohorts.Web.Catalogue;
using Cohorts.Web.Data;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Cohorts.Web.Pages.Management;

/// <summary>
/// The staff's entry: every cohort of the programs they run, with its submitted applications counted by state by the
/// database. Drafts are the candidate's until submitted: only their number shows.
/// </summary>
public sealed class IndexModel(CohortsDbContext db, TimeProvider clock) : PageModel
{
    public IReadOnlyList<CohortRow> Cohorts { get; private set; } = [];
    public DateTimeOffset Now { get; private set; }

    public sealed record CohortRow(Cohort Cohort, int Drafts, int Submitted, IReadOnlyDictionary<ApplicationState, int> ByState);

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Now = clock.GetUtcNow();
        var cohorts = await db.Cohorts.AsNoTracking().ManagedBy(db, User).Include(c => c.Program)
            .OrderBy(c => c.Program.Name).ThenByDescending(c => c.StartsOn).ToListAsync(cancellationToken);
        // One GROUP BY for every cohort; a draft withdrawn before it was sent was never submitted: it counts nowhere.
        var counts = (await db.Applications.AsNoTracking().ManagedBy(db, User)
            .GroupBy(a => new { a.CohortId, a.State, Submitted = a.SubmittedAt != null })
            .Select(g => new { g.Key.CohortId, g.Key.State, g.Key.Submitted, Count = g.Count() })
            .ToListAsync(cancellationToken)).ToLookup(x => x.CohortId);
        Cohorts = cohorts.Select(c =>
        {
            var mine = counts[c.Id];
            var byState = mine.Where(x => x.Submitted).ToDictionary(x => x.State, x => x.Count);
            var drafts = mine.Where(x => x.State == ApplicationState.Draft).Sum(x => x.Count);
            return new CohortRow(c, drafts, byState.Values.Sum(), byState);
        }).ToList();
    }
}

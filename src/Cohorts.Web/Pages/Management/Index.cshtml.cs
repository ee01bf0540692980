using Cohorts.Domain.Applications;
using Cohorts.Domain.Catalogue;
using Cohorts.Web.Data;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Cohorts.Web.Pages.Management;

/// <summary>The staff's entry: every cohort, with its applications counted by state.</summary>
public sealed class IndexModel(CohortsDbContext db, TimeProvider clock) : PageModel
{
    public IReadOnlyList<CohortRow> Cohorts { get; private set; } = [];
    public DateTimeOffset Now { get; private set; }

    public sealed record CohortRow(Cohort Cohort, int Drafts, int Submitted, IReadOnlyDictionary<ApplicationState, int> ByState);

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Now = clock.GetUtcNow();
        var cohorts = await db.Cohorts.AsNoTracking().Include(c => c.Program)
            .OrderBy(c => c.Program.Name).ThenByDescending(c => c.StartsOn).ToListAsync(cancellationToken);
        var counts = await db.Applications.AsNoTracking()
            .GroupBy(a => new { a.CohortId, a.State })
            .Select(g => new { g.Key.CohortId, g.Key.State, Count = g.Count() })
            .ToListAsync(cancellationToken);
        Cohorts = cohorts.Select(c =>
        {
            var byState = counts.Where(x => x.CohortId == c.Id).ToDictionary(x => x.State, x => x.Count);
            var drafts = byState.GetValueOrDefault(ApplicationState.Draft);
            return new CohortRow(c, drafts, byState.Values.Sum() - drafts, byState);
        }).ToList();
    }
}

using Cohorts.Domain.Catalogue;
using Cohorts.Web.Data;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Cohorts.Web.Pages;

/// <summary>The catalogue: every program, with the published cohorts one can apply to now or soon.</summary>
public sealed class IndexModel(CohortsDbContext db, TimeProvider clock) : PageModel
{
    public IReadOnlyList<ProgramCard> Programs { get; private set; } = [];
    public DateTimeOffset Now { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Now = clock.GetUtcNow();
        var now = Now;
        var programs = await db.Programs.AsNoTracking().OrderBy(p => p.Name)
            .Select(p => new { p.Id, p.Slug, p.Name, p.Summary, p.Format })
            .ToListAsync(cancellationToken);
        var cohorts = await db.Cohorts.AsNoTracking()
            .Where(c => c.Published && c.ApplicationsCloseAt > now)
            .OrderBy(c => c.ApplicationsOpenAt)
            .ToListAsync(cancellationToken);
        Programs = programs
            .Select(p => new ProgramCard(p.Slug, p.Name, p.Summary, p.Format, cohorts.Where(c => c.ProgramId == p.Id).ToList()))
            .ToList();
    }

    public sealed record ProgramCard(string Slug, string Name, string Summary, string Format, IReadOnlyList<Cohort> Cohorts);
}

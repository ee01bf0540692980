using Cohorts.Domain.Catalogue;
using Cohorts.Web.Catalogue;
using Cohorts.Web.Data;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Cohorts.Web.Pages.Catalogue.Programs;

/// <summary>The programs a staff member runs (an Admin: all), each with its number of cohorts.</summary>
public sealed class IndexModel(CohortsDbContext db) : PageModel
{
    public IReadOnlyList<Row> Programs { get; private set; } = [];

    public sealed record Row(int Id, string Name, CampusExpertise Expertise, int Cohorts);

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Programs = await db.Programs.AsNoTracking().ManagedBy(db, User).OrderBy(p => p.Name)
            .Select(p => new Row(p.Id, p.Name, p.Expertise, db.Cohorts.Count(c => c.ProgramId == p.Id)))
            .ToListAsync(cancellationToken);
}

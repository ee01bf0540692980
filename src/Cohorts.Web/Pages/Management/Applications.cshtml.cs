using Cohorts.Domain.Applications;
using Cohorts.Domain.Catalogue;
using Cohorts.Web.Applications;
using Cohorts.Web.Catalogue;
using Cohorts.Web.Data;
using Cohorts.Web.Lists;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Cohorts.Web.Pages.Management;

/// <summary>
/// The submitted applications of a cohort, 50 a page: filtered by state, ministry, administration and category,
/// searched by name, sorted by any column; all of it in the URL, which the CSV export reads too.
/// </summary>
public sealed class ApplicationsModel(CohortsDbContext db) : PageModel
{
    [BindProperty(SupportsGet = true)] public ApplicationState? State { get; set; }
    [BindProperty(SupportsGet = true)] public int? Ministry { get; set; }
    [BindProperty(SupportsGet = true)] public int? Administration { get; set; }
    [BindProperty(SupportsGet = true)] public ServiceCategory? Category { get; set; }

    public Cohort Cohort { get; private set; } = null!;
    public ListQuery List { get; private set; } = null!;
    public ListPage<StaffApplicationRow> Applications { get; private set; } = null!;
    public ListLinks Links { get; private set; } = null!;
    public IReadOnlyList<(int Id, string Name)> Ministries { get; private set; } = [];
    public IReadOnlyList<(int Id, string Name)> Administrations { get; private set; } = [];

    public StaffApplicationFilter Filter => new(State, Ministry, Administration, Category);

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        var cohort = await db.Cohorts.AsNoTracking().ManagedBy(db, User).Include(c => c.Program).SingleOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (cohort is null) return NotFound();
        Cohort = cohort;
        Ministries = (await db.Ministries.AsNoTracking().OrderBy(m => m.Name).Select(m => new { m.Id, m.Name }).ToListAsync(cancellationToken))
            .Select(m => (m.Id, m.Name)).ToList();
        Administrations = (await db.Administrations.AsNoTracking().OrderBy(a => a.Name).Select(a => new { a.Id, a.Name }).ToListAsync(cancellationToken))
            .Select(a => (a.Id, a.Name)).ToList();

        List = ListQuery.Read(Request, StaffApplicationList.SortKeys);
        Applications = await List.PageAsync(StaffApplicationList.Query(db, id, Filter, List.Search).Sorted(List), cancellationToken);
        Links = new ListLinks(Request.Path, Request.Query, List, Applications.PageNumber, Applications.PageCount);
        return Page();
    }
}

using Cohorts.Domain.Applications;
using Cohorts.Domain.Catalogue;
using Cohorts.Web.Catalogue;
using Cohorts.Web.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Cohorts.Web.Pages.Management;

/// <summary>
/// The submitted applications of a cohort, filtered by state, ministry, administration and category. Drafts are the
/// candidate's until submitted: staff never see them, nor a draft withdrawn before it was sent.
/// </summary>
public sealed class ApplicationsModel(CohortsDbContext db) : PageModel
{
    [BindProperty(SupportsGet = true)] public ApplicationState? State { get; set; }
    [BindProperty(SupportsGet = true)] public int? Ministry { get; set; }
    [BindProperty(SupportsGet = true)] public int? Administration { get; set; }
    [BindProperty(SupportsGet = true)] public ServiceCategory? Category { get; set; }

    public Cohort Cohort { get; private set; } = null!;
    public IReadOnlyList<Row> Applications { get; private set; } = [];
    public IReadOnlyList<(int Id, string Name)> Ministries { get; private set; } = [];
    public IReadOnlyList<(int Id, string Name)> Administrations { get; private set; } = [];

    public sealed record Row(Guid Id, string Name, string? Administration, string? Ministry, ServiceCategory? Category,
        ApplicationState State, DateTimeOffset? SubmittedAt);

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        var cohort = await db.Cohorts.AsNoTracking().ManagedBy(db, User).Include(c => c.Program).SingleOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (cohort is null) return NotFound();
        Cohort = cohort;
        Ministries = (await db.Ministries.AsNoTracking().OrderBy(m => m.Name).Select(m => new { m.Id, m.Name }).ToListAsync(cancellationToken))
            .Select(m => (m.Id, m.Name)).ToList();
        Administrations = (await db.Administrations.AsNoTracking().OrderBy(a => a.Name).Select(a => new { a.Id, a.Name }).ToListAsync(cancellationToken))
            .Select(a => (a.Id, a.Name)).ToList();

        var query = db.Applications.AsNoTracking().Where(a => a.CohortId == id && a.SubmittedAt != null);
        if (State is { } state) query = query.Where(a => a.State == state);
        if (Category is { } category) query = query.Where(a => a.Category == category);
        if (Administration is { } administration) query = query.Where(a => a.AdministrationId == administration);
        if (Ministry is { } ministry)
            query = query.Where(a => db.Administrations.Any(x => x.Id == a.AdministrationId && x.MinistryId == ministry));
        Applications = await query
            .OrderBy(a => a.LastName).ThenBy(a => a.FirstName)
            .Select(a => new Row(a.Id, a.FirstName + " " + a.LastName,
                db.Administrations.Where(x => x.Id == a.AdministrationId).Select(x => x.Name).FirstOrDefault(),
                db.Administrations.Where(x => x.Id == a.AdministrationId).Select(x => x.Ministry.Acronym).FirstOrDefault(),
                a.Category, a.State, a.SubmittedAt))
            .ToListAsync(cancellationToken);
        return Page();
    }
}

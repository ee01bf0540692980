using Cohorts.Domain.Applications;
using Cohorts.Web.Applications;
using Cohorts.Web.Catalogue;
using Cohorts.Web.Data;
using Cohorts.Web.Lists;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Cohorts.Web.Pages.Management;

/// <summary>A cohort's submitted applications as CSV, with the filters, search and order of the list's URL (every page).</summary>
public sealed class ApplicationsExportModel(CohortsDbContext db) : PageModel
{
    [BindProperty(SupportsGet = true)] public ApplicationState? State { get; set; }
    [BindProperty(SupportsGet = true)] public int? Ministry { get; set; }
    [BindProperty(SupportsGet = true)] public int? Administration { get; set; }
    [BindProperty(SupportsGet = true)] public ServiceCategory? Category { get; set; }

    private static readonly string[] Headers =
        ["Nom", "Prénom", "Adresse électronique professionnelle", "Administration", "Ministère", "Catégorie", "Grade", "Fonction", "État", "Soumise le"];

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        // Another program's cohort does not exist for this staff member (see StaffScope).
        var cohort = await db.Cohorts.AsNoTracking().ManagedBy(db, User).Where(c => c.Id == id).Select(c => new { c.Name, Program = c.Program.Name })
            .SingleOrDefaultAsync(cancellationToken);
        if (cohort is null) return NotFound();
        var list = ListQuery.Read(Request, StaffApplicationList.SortKeys);
        var rows = StaffApplicationList.Query(db, id, new StaffApplicationFilter(State, Ministry, Administration, Category), list.Search).Sorted(list);
        return new CsvFile<StaffApplicationRow>(Csv.FileName("candidatures", cohort.Program, cohort.Name), Headers, rows.AsAsyncEnumerable(), r =>
        [
            r.LastName, r.FirstName, r.ProfessionalEmail, r.Administration ?? r.UnlistedAdministration, r.Ministry, r.Category?.ToString(),
            r.Grade, r.Position, ApplicationWorkflow.Label(r.State), r.SubmittedAt is { } at ? Display.Spreadsheet(at) : null,
        ]);
    }
}

using Cohorts.Domain;
using Cohorts.Domain.Catalogue;
using Cohorts.Web.Catalogue;
using Cohorts.Web.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Cohorts.Web.Pages.Catalogue.Programs;

/// <summary>A program's staff create a cohort; it stays out of the catalogue until they publish it.</summary>
public sealed class CreateCohortModel(CohortsDbContext db) : PageModel
{
    [BindProperty] public CohortInput Input { get; set; } = new() { Seats = 30 };

    public TrainingProgram Program { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int programId, CancellationToken cancellationToken) =>
        await LoadAsync(programId, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(int programId, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(programId, cancellationToken)) return NotFound();
        if (!ModelState.IsValid) return Page();
        Cohort cohort;
        try
        {
            cohort = Cohort.Create(Program, Input.Name!, Input.Seats!.Value, Input.StartsOn!.Value, Input.EndsOn!.Value,
                Input.OpensAtUtc(), Input.ClosesAtUtc(), Input.Place ?? "", Input.Format ?? "");
            if (Input.Published) cohort.Publish();
        }
        catch (DomainException e)
        {
            ModelState.AddModelError("", e.Message);
            return Page();
        }
        if (await db.Cohorts.AnyAsync(c => c.ProgramId == programId && c.Name == cohort.Name, cancellationToken))
        {
            ModelState.AddModelError("Input.Name", "Ce programme a déjà une promotion de ce nom.");
            return Page();
        }
        db.Cohorts.Add(cohort);
        await db.SaveChangesAsync(cancellationToken);
        TempData["Message"] = $"La promotion « {cohort.Name} » est créée{(cohort.Published ? " et publiée" : " ; elle n'est pas encore publiée")}.";
        return RedirectToPage("/Catalogue/Programs/EditCohort", new { id = cohort.Id });
    }

    private async Task<bool> LoadAsync(int programId, CancellationToken cancellationToken)
    {
        var program = await db.Programs.ManagedBy(db, User).SingleOrDefaultAsync(p => p.Id == programId, cancellationToken);
        if (program is null) return false;
        Program = program;
        return true;
    }
}

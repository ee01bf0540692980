using Cohorts.Domain.Applications;
using Cohorts.Domain.Catalogue;
using Cohorts.Domain.Workflow;
using Cohorts.Web.Catalogue;
using Cohorts.Web.Data;
using Cohorts.Web.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Cohorts.Web.Pages.Catalogue;

/// <summary>A cohort's page: what the program is, when, how many seats, how selection goes; where one applies.</summary>
public sealed class CohortModel(CohortsDbContext db, UserManager<CohortsUser> users, TimeProvider clock) : PageModel
{
    public Cohort Cohort { get; private set; } = null!;
    public CohortPhase Phase { get; private set; }
    public Guid? ExistingApplicationId { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is { } notFound) return notFound;
        if (User.IsInRole(Roles.Candidate))
        {
            var userId = users.GetUserId(User);
            ExistingApplicationId = await db.Applications.Where(a => a.CohortId == id && a.CandidateId == userId && a.State != ApplicationState.Withdrawn)
                .Select(a => (Guid?)a.Id).SingleOrDefaultAsync(cancellationToken);
        }
        return Page();
    }

    /// <summary>
    /// Starts a draft, prefilled from the account; a second application to the cohort leads to the first. A withdrawn
    /// application keeps its history, and no longer stands in the way of a new one while the call is open.
    /// </summary>
    public async Task<IActionResult> OnPostApplyAsync(int id, CancellationToken cancellationToken)
    {
        if (User.Identity?.IsAuthenticated != true) return RedirectToPage("/Account/Login", new { ReturnUrl = $"/promotions/{id}" });
        if (!User.IsInRole(Roles.Candidate)) return Forbid();
        if (await LoadAsync(id, cancellationToken) is { } notFound) return notFound;
        var user = (await users.GetUserAsync(User))!;
        var existing = await db.Applications.Where(a => a.CohortId == id && a.CandidateId == user.Id && a.State != ApplicationState.Withdrawn)
            .Select(a => (Guid?)a.Id)
            .SingleOrDefaultAsync(cancellationToken);
        if (existing is { } existingId)
        {
            TempData["Message"] = "Vous avez déjà une candidature pour cette promotion : la voici.";
            return RedirectToPage("/Applications/Status", new { id = existingId });
        }
        if (Phase != CohortPhase.OpenForApplications)
        {
            ModelState.AddModelError("", "Les candidatures ne sont pas ouvertes pour cette promotion.");
            return Page();
        }
        var application = Application.Start(id, user.As(Actor.Candidate),
            ApplicationDetails.Empty with { FirstName = user.FirstName, LastName = user.LastName, ProfessionalEmail = user.Email ?? "" },
            clock.GetUtcNow());
        db.Applications.Add(application);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException e) when (e.InnerException is Npgsql.PostgresException { SqlState: Npgsql.PostgresErrorCodes.UniqueViolation })
        {
            // The same candidate clicked twice at once: the other click created it.
            return RedirectToPage("/Applications/Index");
        }
        return RedirectToPage("/Applications/Edit", new { id = application.Id });
    }

    private async Task<IActionResult?> LoadAsync(int id, CancellationToken cancellationToken)
    {
        // An unpublished cohort exists only for its staff, who check it here before publishing.
        var managed = db.ProgramsManagedBy(User);
        var cohort = await db.Cohorts.AsNoTracking().Include(c => c.Program)
            .SingleOrDefaultAsync(c => c.Id == id && (c.Published || managed.Contains(c.ProgramId)), cancellationToken);
        if (cohort is null) return NotFound();
        Cohort = cohort;
        Phase = cohort.PhaseAt(clock.GetUtcNow());
        return null;
    }
}

using Cohorts.Domain.Applications;
using Cohorts.Domain.Catalogue;
using Cohorts.Domain.Workflow;
using Cohorts.Web.Applications;
using Cohorts.Web.Data;
using Cohorts.Web.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Cohorts.Web.Pages.Applications;

/// <summary>
/// Withdrawing, after a confirmation: final for this application, so the page says so before the candidate
/// confirms. Only offered where the workflow allows it; a new application can be started while the call is open.
/// </summary>
public sealed class WithdrawModel(CohortsDbContext db, UserManager<CohortsUser> users, TimeProvider clock) : PageModel
{
    public Application Application { get; private set; } = null!;
    public Cohort Cohort { get; private set; } = null!;
    public bool CallOpen => Cohort.PhaseAt(clock.GetUtcNow()) == CohortPhase.OpenForApplications;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ?? Page();

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is { } other) return other;
        var user = (await users.GetUserAsync(User))!;
        var outcome = await db.MoveAndSaveAsync(
            () => Application.Withdraw(ApplicationContext.For(Cohort, clock.GetUtcNow()), user.As(Actor.Candidate)), cancellationToken);
        if (!outcome.Saved)
        {
            ModelState.AddModelError("", outcome.Refusal ?? "Votre candidature vient de changer d'état. Consultez-la avant de recommencer.");
            return Page();
        }
        TempData["Message"] = "Votre candidature est retirée.";
        return RedirectToPage("/Applications/Status", new { id });
    }

    private async Task<IActionResult?> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        var application = await db.FindOwnAsync(id, users.GetUserId(User), cancellationToken);
        if (application is null) return NotFound();
        if (ApplicationWorkflow.Definition.Find(application.State, ApplicationTrigger.Withdraw) is null)
        {
            TempData["Message"] = $"Cette candidature ne peut plus être retirée : elle est à l'état « {ApplicationWorkflow.Label(application.State)} ».";
            return RedirectToPage("/Applications/Status", new { id });
        }
        Application = application;
        Cohort = await db.CohortOfAsync(application, cancellationToken);
        return null;
    }
}

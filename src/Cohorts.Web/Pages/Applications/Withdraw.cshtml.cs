using Cohorts.Domain.Applications;
using Cohorts.Domain.Catalogue;
using Cohorts.Domain.Workflow;
using Cohorts.Web.Applications;
using Cohorts.Web.Data;
using Cohorts.Web.Identity;
using Cohorts.Web.Selection;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Cohorts.Web.Pages.Applications;

/// <summary>
/// Withdrawing, after a confirmation: final for this application, so the page says so before the candidate
/// confirms. Only offered where the workflow allows it; a new application can be started while the call is open.
/// </summary>
public sealed class WithdrawModel(CohortsDbContext db, UserManager<CohortsUser> users, Offers offers, TimeProvider clock) : PageModel
{
    public Application Application { get; private set; } = null!;
    public Cohort Cohort { get; private set; } = null!;
    public bool CallOpen => Cohort.PhaseAt(clock.GetUtcNow()) == CohortPhase.OpenForApplications;

    public static bool AffectsSeats(ApplicationState state) => state is ApplicationState.Admitted or ApplicationState.Waitlisted;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ?? Page();

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is { } other) return other;
        var user = (await users.GetUserAsync(User))!;
        // An admitted or waitlisted candidate's withdrawal changes who holds the cohort's seats: it is made under the cohort's lock.
        var underLock = AffectsSeats(Application.State);
        var outcome = underLock
            ? await offers.WithdrawAsync(id, user.As(Actor.Candidate), cancellationToken)
            : await db.MoveAndSaveAsync(
                () => Application.Withdraw(ApplicationContext.For(Cohort, clock.GetUtcNow()), user.As(Actor.Candidate)), cancellationToken);
        if (!outcome.Saved)
        {
            // The offers' unit of work is dropped after a refusal: what the page shows is read again.
            if (underLock && await LoadAsync(id, cancellationToken) is { } gone) return gone;
            ModelState.AddModelError("", outcome.CandidateMessage);
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

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
/// Declining the seat offered, after a confirmation: final, and the seat goes at once to the waitlist, so the page
/// says so before the candidate confirms. An offer no longer open (answered in another tab, lapsed) is said in words.
/// </summary>
public sealed class DeclineModel(CohortsDbContext db, UserManager<CohortsUser> users, Offers offers, TimeProvider clock) : PageModel
{
    public Application Application { get; private set; } = null!;
    public Cohort Cohort { get; private set; } = null!;
    public OfferView Offer { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ?? Page();

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is { } notFound) return notFound;
        var user = (await users.GetUserAsync(User))!;
        var outcome = await offers.DeclineAsync(id, user.As(Actor.Candidate), cancellationToken);
        if (!outcome.Saved)
        {
            await LoadAsync(id, cancellationToken);
            ModelState.AddModelError("", outcome.CandidateMessage);
            return Page();
        }
        TempData["Message"] = "Vous avez décliné la place : elle est proposée à un autre candidat.";
        return RedirectToPage("/Applications/Status", new { id });
    }

    private async Task<IActionResult?> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        var application = await db.FindOwnAsync(id, users.GetUserId(User), cancellationToken);
        if (application is null) return NotFound();
        Application = application;
        Cohort = await db.CohortOfAsync(application, cancellationToken);
        Offer = await OfferView.OfAsync(db, application, Cohort, clock.GetUtcNow(), cancellationToken);
        return null;
    }
}

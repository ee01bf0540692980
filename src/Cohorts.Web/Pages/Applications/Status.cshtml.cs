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
using Microsoft.EntityFrameworkCore;

namespace Cohorts.Web.Pages.Applications;

/// <summary>
/// One of the candidate's applications: its state in words, the seat offer to answer (or the waitlist rank, or the
/// enrollment), its history as a timeline, what was sent. Accepting the offer is posted here.
/// </summary>
public sealed class StatusModel(CohortsDbContext db, UserManager<CohortsUser> users, Offers offers, TimeProvider clock) : PageModel
{
    public Application Application { get; private set; } = null!;
    public Cohort Cohort { get; private set; } = null!;
    public string? AdministrationLabel { get; private set; }
    public CvInfo? Cv { get; private set; }
    public bool CanWithdraw { get; private set; }
    public OfferView Offer { get; private set; } = null!;
    /// <summary>The interview the candidate is invited to, while they wait for it.</summary>
    public InterviewSummary? Interview { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ?? Page();

    public async Task<IActionResult> OnPostAcceptAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is { } notFound) return notFound;
        var user = (await users.GetUserAsync(User))!;
        var outcome = await offers.AcceptAsync(id, user.As(Actor.Candidate), cancellationToken);
        if (!outcome.Saved)
        {
            await LoadAsync(id, cancellationToken);
            ModelState.AddModelError("", outcome.CandidateMessage);
            return Page();
        }
        TempData["Message"] = "Place acceptée : vous êtes inscrit(e) à la promotion.";
        return RedirectToPage(new { id });
    }

    private async Task<IActionResult?> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        var application = await db.FindOwnAsync(id, users.GetUserId(User), cancellationToken);
        if (application is null) return NotFound();
        Application = application;
        (Cohort, AdministrationLabel, Cv) = await db.SurroundingsOfAsync(application, cancellationToken);
        CanWithdraw = ApplicationWorkflow.Definition.Find(application.State, ApplicationTrigger.Withdraw) is not null;
        Offer = await OfferView.OfAsync(db, application, Cohort, clock.GetUtcNow(), cancellationToken);
        if (application.State == ApplicationState.Interview
            && await db.Interviews.AsNoTracking().SingleOrDefaultAsync(i => i.ApplicationId == id, cancellationToken) is { } interview)
            Interview = await InterviewSummary.OfAsync(db, interview, showScore: false, cancellationToken);
        return null;
    }
}

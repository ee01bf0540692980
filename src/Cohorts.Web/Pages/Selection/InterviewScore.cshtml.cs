using Cohorts.Domain;
using Cohorts.Domain.Catalogue;
using Cohorts.Web.Applications;
using Cohorts.Web.Data;
using Cohorts.Web.Identity;
using Cohorts.Web.Selection;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Cohorts.Web.Pages.Selection;

/// <summary>
/// A member of an interview's panel records its score and notes. The page exists only for a reviewer on that panel who
/// is still on the cohort's committee and declared no conflict on the application: to anyone else, it does not exist.
/// </summary>
[Authorize(Roles = Roles.Reviewer)]
public sealed class InterviewScoreModel(CohortsDbContext db, UserManager<CohortsUser> users, TimeProvider clock) : PageModel
{
    [BindProperty(Name = nameof(Grade))] public InterviewScoreInput Grade { get; set; } = new();

    public string Candidate { get; private set; } = "";
    public Cohort Cohort { get; private set; } = null!;
    public Domain.Selection.Interview Interview { get; private set; } = null!;
    public InterviewSummary Summary { get; private set; } = null!;
    public InterviewScale Scale { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid applicationId, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(applicationId, cancellationToken)) return NotFound();
        Grade = InterviewScoreInput.Of(Interview);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid applicationId, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(applicationId, cancellationToken)) return NotFound();
        if (!ModelState.IsValid) return Page();
        var user = (await users.GetUserAsync(User))!;
        try
        {
            InterviewScoring.Record(Interview, Scale, Grade, user.FullName, clock.GetUtcNow());
        }
        catch (DomainException e)
        {
            ModelState.AddModelError("Grade.Score", e.Message);
            return Page();
        }
        await db.SaveChangesAsync(cancellationToken);
        TempData["Message"] = "La note d'entretien est enregistrée.";
        return RedirectToPage(new { applicationId });
    }

    private async Task<bool> LoadAsync(Guid applicationId, CancellationToken cancellationToken)
    {
        var reviewerId = users.GetUserId(User);
        var interview = await db.Interviews.SingleOrDefaultAsync(i => i.ApplicationId == applicationId, cancellationToken);
        if (interview is null || reviewerId is null || !interview.PanelIds.Contains(reviewerId)) return false;
        var allowed = await db.CommitteeMembers.AnyAsync(m => m.CohortId == interview.CohortId && m.ReviewerId == reviewerId, cancellationToken)
                      && !await db.ConflictsOfInterest.AnyAsync(c => c.ApplicationId == applicationId && c.ReviewerId == reviewerId, cancellationToken);
        if (!allowed) return false;
        var application = await db.Applications.AsNoTracking().SingleAsync(a => a.Id == applicationId, cancellationToken);
        Candidate = $"{application.FirstName} {application.LastName}";
        Cohort = await db.CohortOfAsync(application, cancellationToken);
        Interview = interview;
        Summary = await InterviewSummary.OfAsync(db, interview, showScore: true, cancellationToken);
        Scale = await db.ScaleOfAsync(Cohort, cancellationToken);
        return true;
    }
}

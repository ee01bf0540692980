using Cohorts.Domain.Applications;
using Cohorts.Domain.Catalogue;
using Cohorts.Web.Applications;
using Cohorts.Web.Data;
using Cohorts.Web.Identity;
using Cohorts.Web.Selection;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Cohorts.Web.Pages.Applications;

/// <summary>One of the candidate's applications: its state in words, its history as a timeline, what was sent.</summary>
public sealed class StatusModel(CohortsDbContext db, UserManager<CohortsUser> users) : PageModel
{
    public Application Application { get; private set; } = null!;
    public Cohort Cohort { get; private set; } = null!;
    public string? AdministrationLabel { get; private set; }
    public CvInfo? Cv { get; private set; }
    public bool CanWithdraw { get; private set; }
    /// <summary>The interview the candidate is invited to, while they wait for it.</summary>
    public InterviewSummary? Interview { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        var application = await db.FindOwnAsync(id, users.GetUserId(User), cancellationToken);
        if (application is null) return NotFound();
        Application = application;
        (Cohort, AdministrationLabel, Cv) = await db.SurroundingsOfAsync(application, cancellationToken);
        CanWithdraw = ApplicationWorkflow.Definition.Find(application.State, ApplicationTrigger.Withdraw) is not null;
        if (application.State == ApplicationState.Interview
            && await db.Interviews.AsNoTracking().SingleOrDefaultAsync(i => i.ApplicationId == id, cancellationToken) is { } interview)
            Interview = await InterviewSummary.OfAsync(db, interview, showScore: false, cancellationToken);
        return Page();
    }
}

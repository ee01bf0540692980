using System.ComponentModel.DataAnnotations;
using Cohorts.Domain.Applications;
using Cohorts.Domain.Catalogue;
using Cohorts.Domain.Workflow;
using Cohorts.Web.Applications;
using Cohorts.Web.Catalogue;
using Cohorts.Web.Data;
using Cohorts.Web.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Cohorts.Web.Pages.Management;

/// <summary>
/// An application as staff see it: details, CV, history, and the moves staff may make at this stage.
/// The form carries the version the staff member saw: if someone else moved the application meanwhile,
/// the move is refused and nothing is lost.
/// </summary>
public sealed class ApplicationModel(CohortsDbContext db, UserManager<CohortsUser> users, TimeProvider clock) : PageModel
{
    /// <summary>
    /// The moves offered here; admission decisions belong to the selection committee's pages, and the invitation to an
    /// interview to the interview page, where its date, place and panel are given.
    /// </summary>
    public static readonly IReadOnlySet<ApplicationTrigger> Offered =
        new HashSet<ApplicationTrigger>
        {
            ApplicationTrigger.RequestEndorsement, ApplicationTrigger.StartReview, ApplicationTrigger.MarkIneligible,
        };

    [BindProperty] public ApplicationTrigger Trigger { get; set; }
    [BindProperty, StringLength(2000, ErrorMessage = "Le motif ne doit pas dépasser 2000 caractères.")]
    public string? Reason { get; set; }
    [BindProperty] public uint Version { get; set; }

    public Application Application { get; private set; } = null!;
    public Cohort Cohort { get; private set; } = null!;
    public string? AdministrationLabel { get; private set; }
    public CvInfo? Cv { get; private set; }
    public IReadOnlyList<ApplicationTrigger> Actions { get; private set; } = [];
    public Cohorts.Web.Selection.ApplicationJury Jury { get; private set; } = null!;
    /// <summary>"Convoquer à un entretien" leads to the interview page, and so does an interview already fixed.</summary>
    public bool CanInvite { get; private set; }
    /// <summary>The committee's overrides of this application's line in the admission proposal, latest first.</summary>
    public IReadOnlyList<Domain.Selection.ProposalOverride> JuryDecisions { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is { } notFound) return notFound;
        Version = Application.Version;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is { } notFound) return notFound;
        if (ModelState.GetFieldValidationState(nameof(Trigger)) == ModelValidationState.Invalid || !Offered.Contains(Trigger))
        {
            ModelState.AddModelError("", "Cette action n'est pas proposée ici.");
            return Page();
        }
        if (!ModelState.IsValid) return Page();
        var user = (await users.GetUserAsync(User))!;
        // Compare with the version the staff member saw, not the one just loaded.
        db.Entry(Application).Property(a => a.Version).OriginalValue = Version;
        var outcome = await db.MoveAndSaveAsync(
            () => Application.Act(Trigger, user.As(Roles.ManagementActor(User)), ApplicationContext.For(Cohort, clock.GetUtcNow(), Reason)),
            cancellationToken);
        if (outcome.Refusal is { } refusal)
        {
            ModelState.AddModelError(nameof(Reason), refusal);
            return Page();
        }
        if (outcome.ChangedMeanwhile)
        {
            db.ChangeTracker.Clear();
            await LoadAsync(id, cancellationToken);
            Version = Application.Version;
            ModelState.Clear();
            ModelState.AddModelError("", "Cette candidature vient d'être modifiée par quelqu'un d'autre : votre action n'a pas été enregistrée. Voici son état actuel ; recommencez si besoin.");
            return Page();
        }
        TempData["Message"] = $"Action enregistrée : {ApplicationWorkflow.Label(Trigger)}.";
        return RedirectToPage(new { id });
    }

    private async Task<IActionResult?> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        // A draft is the candidate's until submitted, another program's application is not theirs: to staff neither exists.
        var application = await db.Applications.ManagedBy(db, User).Include(a => a.History)
            .SingleOrDefaultAsync(a => a.Id == id && a.SubmittedAt != null, cancellationToken);
        if (application is null) return NotFound();
        Application = application;
        (Cohort, AdministrationLabel, Cv) = await db.SurroundingsOfAsync(application, cancellationToken);
        Jury = await Cohorts.Web.Selection.ApplicationJury.OfAsync(db, id, cancellationToken);
        JuryDecisions = await db.ProposalOverrides.AsNoTracking().Where(o => o.ApplicationId == id).OrderByDescending(o => o.Id).ToListAsync(cancellationToken);
        // The form asks for a reason where one is needed: offer those moves as if it were given.
        var context = ApplicationContext.For(Cohort, clock.GetUtcNow(), reason: "…");
        var available = ApplicationWorkflow.Definition.Available(application.State, Roles.ManagementActor(User), context).ToList();
        Actions = available.Where(Offered.Contains).ToList();
        CanInvite = available.Contains(ApplicationTrigger.InviteToInterview);
        return null;
    }
}

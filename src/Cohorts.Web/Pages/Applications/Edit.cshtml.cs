using Cohorts.Domain.Applications;
using Cohorts.Domain.Catalogue;
using Cohorts.Domain.Workflow;
using Cohorts.Web.Applications;
using Cohorts.Web.Data;
using Cohorts.Web.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Cohorts.Web.Pages.Applications;

/// <summary>
/// The application form of a draft: save it as often as wanted, then submit it before the deadline.
/// Nothing typed is lost: a draft saves every field as typed, wrong formats included (they are shown, and
/// only stop the submission); a value beyond a hard limit is not saved, and the page says which.
/// </summary>
[RequestFormLimits(MultipartBodyLengthLimit = 20 * 1024 * 1024)]
[RequestSizeLimit(20 * 1024 * 1024)]
public sealed class EditModel(CohortsDbContext db, UserManager<CohortsUser> users, TimeProvider clock) : PageModel
{
    [BindProperty] public ApplicationForm Input { get; set; } = new();
    /// <summary>PostgreSQL's xmin of the draft as this form was shown: a save from an older tab does not overwrite a newer one.</summary>
    [BindProperty] public uint? Version { get; set; }

    public Application Application { get; private set; } = null!;
    public bool PastDeadline => ApplicationContext.For(Cohort, clock.GetUtcNow()).PastDeadline;
    public Cohort Cohort { get; private set; } = null!;
    public CvInfo? Cv { get; private set; }
    public IReadOnlyList<AdministrationChoice> Administrations { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is { } other) return other;
        Input = ApplicationForm.From(Application, Administrations);
        Version = Application.Version;
        // What was saved with a wrong format is shown as such: it will stop the submission.
        ApplicationForm.AddProblems(ModelState, Application.Details.Problems(forSubmission: false));
        return Page();
    }

    public async Task<IActionResult> OnPostSaveAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is { } other) return other;
        if (!await SaveDraftAsync(cancellationToken)) return Page();
        TempData["Message"] = Application.Details.Problems(forSubmission: false).Count > 0
            ? "Brouillon enregistré. Avant de soumettre, corrigez les champs signalés ci-dessous."
            : "Brouillon enregistré. Vous pouvez y revenir jusqu'à la date limite.";
        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnPostSubmitAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is { } other) return other;
        if (!await SaveDraftAsync(cancellationToken)) return Page();
        var problems = Application.ProblemsBeforeSubmission();
        if (problems.Count > 0)
        {
            // The wrong formats are already shown by the save.
            ApplicationForm.AddProblems(ModelState, problems.Where(p => p.Kind != ProblemKind.Format));
            ModelState.AddModelError("", "Votre brouillon est enregistré, mais la candidature ne peut pas encore être soumise : complétez les champs signalés.");
            return Page();
        }
        var user = (await users.GetUserAsync(User))!;
        var outcome = await db.MoveAndSaveAsync(
            () => Application.Submit(ApplicationContext.For(Cohort, clock.GetUtcNow()), user.As(Actor.Candidate)), cancellationToken);
        if (!outcome.Saved)
        {
            ModelState.AddModelError("", outcome.Refusal ?? ChangedElsewhere);
            return Page();
        }
        TempData["Message"] = "Votre candidature est soumise. Un courriel de confirmation vous a été envoyé.";
        return RedirectToPage("/Applications/Status", new { id });
    }

    private const string ChangedElsewhere =
        "Votre brouillon a été enregistré depuis un autre onglet ou une autre fenêtre après l'ouverture de cette page : rien n'a été enregistré ici, " +
        "pour ne pas effacer ces modifications. Ce que vous avez saisi est ci-dessous : enregistrez à nouveau pour le garder, ou rechargez la page pour voir l'autre version.";

    /// <summary>
    /// Saves what can be saved: every field within its limits, and a valid CV. Returns false, with each refused
    /// field and the reason in the model state, when something typed or attached could not be kept.
    /// </summary>
    private async Task<bool> SaveDraftAsync(CancellationToken cancellationToken)
    {
        var context = ApplicationContext.For(Cohort, clock.GetUtcNow());
        if (context.PastDeadline)
        {
            ModelState.AddModelError("", ApplicationContext.PastDeadlineMessage);
            return false;
        }
        // Compare with the version the form was shown with, not the one just loaded.
        if (Version is { } shown) db.Entry(Application).Property(a => a.Version).OriginalValue = shown;
        var refused = new List<FieldProblem>();
        var details = Input.ToDetails(Application.Details, Administrations, refused);
        refused.AddRange(Application.SaveDraft(details, context));
        var cv = await CvReplacement.AttachAsync(db, Application, Input.Cv, context, cancellationToken);
        if (cv.Refusal is { } refusal) refused.Add(refusal);
        Cv = cv.Attached ?? Cv;
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            // A second save of this form takes what it shows over the other tab's version: the candidate has seen the warning.
            db.ChangeTracker.Clear();
            var stored = await db.Applications.AsNoTracking().SingleAsync(a => a.Id == Application.Id, cancellationToken);
            (Version, Cv) = (stored.Version, await db.CvOfAsync(stored, cancellationToken));
            ModelState.Remove(nameof(Version));
            ModelState.AddModelError("", ChangedElsewhere);
            return false;
        }
        Version = Application.Version;
        ModelState.Remove(nameof(Version));
        await cv.DeleteReplacedAsync(db, cancellationToken);
        ApplicationForm.AddProblems(ModelState, details.Problems(forSubmission: false).Where(p => p.Kind == ProblemKind.Format));
        if (refused.Count == 0) return true;
        foreach (var problem in refused)
            ModelState.AddModelError(ApplicationForm.Field(problem.Field),
                $"{problem.Message} {(problem.Field == "Cv" ? "Ce fichier n'a pas été enregistré." : "Ce champ n'a pas été enregistré.")}");
        var fields = string.Join(", ", refused.Select(p => ApplicationForm.Labels[p.Field]).Distinct());
        ModelState.AddModelError("", $"Votre brouillon est enregistré, sauf : {fields}. Corrigez ce qui est signalé puis enregistrez à nouveau.");
        return false;
    }

    private async Task<IActionResult?> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        var application = await db.FindOwnAsync(id, users.GetUserId(User), cancellationToken);
        if (application is null) return NotFound();
        if (application.State != ApplicationState.Draft)
        {
            TempData["Message"] = "Cette candidature est soumise : elle n'est plus modifiable.";
            return RedirectToPage("/Applications/Status", new { id });
        }
        Application = application;
        (Cohort, _, Cv) = await db.SurroundingsOfAsync(application, cancellationToken);
        Administrations = await AdministrationChoices.AllAsync(db, cancellationToken);
        return null;
    }
}

using Cohorts.Domain;
using Cohorts.Domain.Applications;
using Cohorts.Domain.Catalogue;
using Cohorts.Domain.Workflow;
using Cohorts.Web.Applications;
using Cohorts.Web.Data;
using Cohorts.Web.Documents;
using Cohorts.Web.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Cohorts.Web.Pages.Applications;

/// <summary>
/// The application form of a draft: save it as often as wanted, then submit it before the deadline.
/// Nothing typed is lost on an error: the form comes back as typed, and what could be saved is saved.
/// </summary>
[RequestFormLimits(MultipartBodyLengthLimit = 20 * 1024 * 1024)]
[RequestSizeLimit(20 * 1024 * 1024)]
public sealed class EditModel(CohortsDbContext db, UserManager<CohortsUser> users, ApplicationNotifications notifications,
    TimeProvider clock) : PageModel
{
    [BindProperty] public ApplicationForm Input { get; set; } = new();

    public Application Application { get; private set; } = null!;
    public bool PastDeadline => clock.GetUtcNow() >= Cohort.ApplicationsCloseAt;
    public Cohort Cohort { get; private set; } = null!;
    public CvInfo? Cv { get; private set; }
    public IReadOnlyList<AdministrationChoice> Administrations { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is { } other) return other;
        Input = await ApplicationForm.FromAsync(Application, db, cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostSaveAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is { } other) return other;
        if (!await SaveDraftAsync(cancellationToken)) return Page();
        TempData["Message"] = "Brouillon enregistré. Vous pouvez y revenir jusqu'à la date limite.";
        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnPostSubmitAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is { } other) return other;
        if (!await SaveDraftAsync(cancellationToken)) return Page();
        var problems = Application.ProblemsBeforeSubmission();
        if (problems.Count > 0)
        {
            ApplicationForm.AddProblems(ModelState, problems);
            ModelState.AddModelError("", "Votre brouillon est enregistré, mais la candidature ne peut pas encore être soumise : complétez les champs signalés.");
            return Page();
        }
        var user = (await users.GetUserAsync(User))!;
        try
        {
            var events = Application.Submit(ApplicationContext.For(Cohort, clock.GetUtcNow()), user.As(Actor.Candidate));
            await notifications.AfterAsync(Application, Cohort, events, cancellationToken);
        }
        catch (DomainException e)
        {
            ModelState.AddModelError("", e.Message);
            return Page();
        }
        await db.SaveChangesAsync(cancellationToken);
        TempData["Message"] = "Votre candidature est soumise. Un courriel de confirmation vous a été envoyé.";
        return RedirectToPage("/Applications/Status", new { id });
    }

    /// <summary>
    /// Saves what can be saved: a valid CV in any case, the fields when their formats are right.
    /// Returns false, with the errors in the model state, when the fields could not be saved.
    /// </summary>
    private async Task<bool> SaveDraftAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var context = ApplicationContext.For(Cohort, now);
        if (now >= Cohort.ApplicationsCloseAt)
        {
            ModelState.AddModelError("", "La date limite de dépôt des candidatures est dépassée : la candidature ne peut plus être modifiée ni soumise.");
            return false;
        }
        var details = await Input.ToDetailsAsync(db, ModelState, cancellationToken);
        var replacedCv = (Guid?)null;
        if (Input.Cv is { } file)
        {
            var upload = await PdfUpload.ReadAsync(file, Application.CandidateId, now, cancellationToken);
            if (upload.Document is { } document)
            {
                db.Documents.Add(document);
                replacedCv = Application.CvDocumentId;
                Application.AttachCv(document.Id, context);
                Cv = new(document.Id, document.FileName, document.Size);
            }
            else
            {
                ModelState.AddModelError("Input.Cv", upload.Error!);
            }
        }
        var fieldsValid = !ModelState.Any(e => e.Key != "Input.Cv" && e.Value!.Errors.Count > 0);
        if (fieldsValid) Application.UpdateDraft(details, context);
        await db.SaveChangesAsync(cancellationToken);
        // A replaced CV is personal data nobody needs any more.
        if (replacedCv is { } previous) await db.Documents.Where(d => d.Id == previous).ExecuteDeleteAsync(cancellationToken);
        return ModelState.ErrorCount == 0;
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
        Cohort = await db.CohortOfAsync(application, cancellationToken);
        Administrations = await AdministrationChoices.AllAsync(db, cancellationToken);
        Cv = await db.CvOfAsync(application, cancellationToken);
        return null;
    }
}

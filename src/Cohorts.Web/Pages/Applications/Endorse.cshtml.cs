using System.ComponentModel.DataAnnotations;
using Cohorts.Domain.Applications;
using Cohorts.Domain.Catalogue;
using Cohorts.Domain.Workflow;
using Cohorts.Web.Applications;
using Cohorts.Web.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Cohorts.Web.Pages.Applications;

/// <summary>
/// The line manager, without an account, reads the application's summary and endorses or refuses it,
/// through the signed link received by email. The link expires, and works once.
/// </summary>
public sealed class EndorseModel(CohortsDbContext db, EndorsementLinks links, TimeProvider clock) : PageModel
{
    private const string AlreadyUsed = "Ce lien a déjà été utilisé : un avis a déjà été donné sur cette candidature, ou elle a été retirée.";

    [BindProperty(SupportsGet = true)] public string Token { get; set; } = "";
    [BindProperty] public string? Decision { get; set; }
    [BindProperty, StringLength(2000, ErrorMessage = "Le commentaire ne doit pas dépasser 2000 caractères.")]
    public string? Comment { get; set; }

    public string? Refusal { get; private set; }
    public Application? Application { get; private set; }
    public Cohort? Cohort { get; private set; }
    public string? AdministrationLabel { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken)) return Page();
        if (Decision is not ("favourable" or "unfavourable"))
            ModelState.AddModelError(nameof(Decision), "Choisissez un avis : favorable ou défavorable.");
        if (Decision == "unfavourable" && string.IsNullOrWhiteSpace(Comment))
            ModelState.AddModelError(nameof(Comment), "Expliquez votre avis défavorable en quelques mots : le candidat le lira.");
        if (!ModelState.IsValid) return Page();

        var application = Application!;
        var manager = new ActorRef(Actor.LineManager, null, application.ManagerName);
        var context = ApplicationContext.For(Cohort!, clock.GetUtcNow());
        var nonce = links.Read(Token).Nonce;
        var outcome = await db.MoveAndSaveAsync(() =>
        {
            if (Decision == "favourable") application.Endorse(context, manager, nonce, Comment);
            else application.RefuseEndorsement(context, manager, nonce, Comment);
        }, cancellationToken);
        // Whatever stopped it, the link is spent: someone answered, or the application moved on, meanwhile.
        if (!outcome.Saved)
        {
            Refusal = AlreadyUsed;
            return Page();
        }
        TempData["Message"] = Decision == "favourable"
            ? "Merci : votre avis favorable est enregistré et le candidat en est informé."
            : "Merci : votre avis défavorable est enregistré et le candidat en est informé.";
        return RedirectToPage("/Applications/Endorsed");
    }

    /// <summary>False, with <see cref="Refusal"/> set, when the link cannot be used.</summary>
    private async Task<bool> LoadAsync(CancellationToken cancellationToken)
    {
        var reading = links.Read(Token);
        if (reading.Outcome == EndorsementLinks.Outcome.Invalid)
        {
            Refusal = "Ce lien n'est pas valide. Vérifiez que vous avez copié l'adresse complète reçue par courriel.";
            return false;
        }
        if (reading.Outcome == EndorsementLinks.Outcome.Expired)
        {
            Refusal = "Ce lien a expiré. Le responsable du programme peut vous en envoyer un nouveau : le candidat peut le lui demander.";
            return false;
        }
        Application = await db.Applications.Include(a => a.History).SingleOrDefaultAsync(a => a.Id == reading.ApplicationId, cancellationToken);
        if (Application is null || Application.State != ApplicationState.AwaitingEndorsement || Application.EndorsementNonce != reading.Nonce)
        {
            Refusal = AlreadyUsed;
            Application = null;
            return false;
        }
        (Cohort, AdministrationLabel, _) = await db.SurroundingsOfAsync(Application, cancellationToken);
        return true;
    }
}

using Cohorts.Domain;
using Cohorts.Domain.Applications;
using Cohorts.Domain.Catalogue;
using Cohorts.Domain.Workflow;
using Cohorts.Web.Catalogue;
using Cohorts.Web.Data;
using Cohorts.Web.Emails;
using Cohorts.Web.Hosting;
using Cohorts.Web.Identity;
using Cohorts.Web.Sessions;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Cohorts.Web.Pages.Catalogue.Programs;

/// <summary>
/// A cohort's staff change it. A new deadline, once candidates have applied, is recorded and told to every candidate
/// who still has a draft: they plan their submission on it.
/// </summary>
public sealed class EditCohortModel(CohortsDbContext db, UserManager<CohortsUser> users, Outbox outbox, PublicLinks links, TimeProvider clock) : PageModel
{
    [BindProperty] public CohortInput Input { get; set; } = new();

    public Cohort Cohort { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken)) return NotFound();
        Input = CohortInput.Of(Cohort);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken)) return NotFound();
        if (!ModelState.IsValid) return Page();
        var accepted = await db.Applications.CountAsync(a => a.CohortId == id && a.State == ApplicationState.OfferAccepted, cancellationToken);
        var hasApplications = await db.Applications.AnyAsync(a => a.CohortId == id, cancellationToken);
        var user = (await users.GetUserAsync(User))!;
        DeadlineChange? change;
        try
        {
            change = Cohort.Edit(Input.Name!, Input.Seats!.Value, Input.StartsOn!.Value, Input.EndsOn!.Value, Input.OpensAtUtc(), Input.ClosesAtUtc(),
                Input.Place ?? "", Input.Format ?? "", Input.Published, accepted, hasApplications, user.As(Roles.ManagementActor(User)), clock.GetUtcNow());
        }
        catch (DomainException e)
        {
            ModelState.AddModelError("", e.Message);
            return Page();
        }
        if (await SessionsOutside.MessageAsync(db, Cohort, cancellationToken) is { } outside)
        {
            ModelState.AddModelError("Input.StartsOn", outside);
            return Page();
        }
        if (change is not null) await TellDraftsAsync(change, cancellationToken);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException e) when (e.InnerException is Npgsql.PostgresException { ConstraintName: SessionsOutside.Constraint })
        {
            ModelState.AddModelError("Input.StartsOn", SessionsOutside.Message);
            return Page();
        }
        catch (DbUpdateException e) when (e.InnerException is Npgsql.PostgresException { SqlState: Npgsql.PostgresErrorCodes.UniqueViolation })
        {
            ModelState.AddModelError("Input.Name", "Ce programme a déjà une promotion de ce nom.");
            return Page();
        }
        TempData["Message"] = change is null ? "La promotion est enregistrée."
            : "La promotion est enregistrée ; les candidats qui ont un brouillon sont prévenus de la nouvelle date limite.";
        return RedirectToPage(new { id });
    }

    private async Task TellDraftsAsync(DeadlineChange change, CancellationToken cancellationToken)
    {
        // The address of the candidate's account: confirmed, unlike the one typed in the form.
        var drafts = await db.Applications.AsNoTracking().Where(a => a.CohortId == Cohort.Id && a.State == ApplicationState.Draft)
            .Join(db.Users, a => a.CandidateId, u => u.Id, (a, u) => new { a.Id, a.FirstName, u.Email })
            .ToListAsync(cancellationToken);
        foreach (var draft in drafts.Where(d => d.Email is not null))
            outbox.Add(draft.Email!, new DeadlineChangedMessage(draft.FirstName, Cohort.Program.Name, Cohort.Name,
                Pages.Display.DateTime(change.From), Pages.Display.DateTime(change.To), links.Page("/Applications/Edit", new { id = draft.Id })),
                new MessageConcerns(Cohort.Id, draft.Id));
    }

    private async Task<bool> LoadAsync(int id, CancellationToken cancellationToken)
    {
        var cohort = await db.Cohorts.ManagedBy(db, User).Include(c => c.Program).Include(c => c.DeadlineChanges)
            .SingleOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (cohort is null) return false;
        Cohort = cohort;
        return true;
    }
}

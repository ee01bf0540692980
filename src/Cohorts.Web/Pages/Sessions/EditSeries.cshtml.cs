using Cohorts.Domain;
using Cohorts.Domain.Sessions;
using Cohorts.Web.Data;
using Cohorts.Web.Emails;
using Cohorts.Web.Hosting;
using Cohorts.Web.Sessions;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Cohorts.Web.Pages.Sessions;

/// <summary>
/// Staff change a series as a whole: its occurrences still to come (past and cancelled ones stay as they were), each
/// on its own day, at the hours typed in Paris time. The form shows what they share; what is typed differently applies to
/// all of them, and what an occurrence changed on its own (and the form left as shown) stays. All are saved in one go or none; the people concerned get one
/// email with every changed occurrence's event.
/// </summary>
[Authorize(Policy = Policies.Staff)]
public sealed class EditSeriesModel(CohortsDbContext db, Outbox outbox, IOptions<MailOptions> mail, TimeProvider clock) : SessionPage(db)
{
    [BindProperty(Name = nameof(Input))] public SessionInput Input { get; set; } = new();

    public SessionChoices Choices { get; private set; } = null!;
    public IReadOnlyList<Session> ToCome { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid seriesId, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(seriesId, cancellationToken)) return NotFound();
        Input = ToCome.Count > 0 ? SessionInput.SharedBy(ToCome) : SessionInput.Of(Session);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid seriesId, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(seriesId, cancellationToken)) return NotFound();
        Input.Kind = Session.Kind;
        await Choices.CheckAsync(Db, Cohort.Id, Input, ModelState, needsDate: false, cancellationToken);
        if (ToCome.Count == 0) ModelState.AddModelError("", "Cette série n'a plus de séance à venir : il n'y a rien à modifier.");
        if (!ModelState.IsValid) return Page();
        var now = clock.GetUtcNow();
        var named = ToCome.SelectMany(SessionNotices.Named).ToHashSet(StringComparer.Ordinal);
        var shared = SessionInput.SharedBy(ToCome);
        var changed = new List<Session>();
        foreach (var occurrence in ToCome)
        {
            try
            {
                var day = DateOnly.FromDateTime(ParisTime.ToParis(occurrence.StartsAt).DateTime);
                if (occurrence.Change(Input.AppliedTo(occurrence, shared).Details(day), SessionWindow.Of(Cohort), now))
                    changed.Add(occurrence);
            }
            catch (DomainException e)
            {
                return await RefusedAsync([$"Séance du {SessionText.When(occurrence)} : {e.Message}"], () => LoadAsync(seriesId, cancellationToken));
            }
        }
        if (changed.Count == 0)
        {
            TempData["Message"] = "Rien n'a changé : les séances à venir de la série sont telles qu'elles étaient.";
            return RedirectToPage("/Sessions/Details", new { id = Session.Id });
        }
        await SessionNotices.ChangedAsync(Db, outbox, mail.Value.BaseUrl, Cohort, changed, named, now, cancellationToken);
        var refusals = await SaveAsync(changed, cancellationToken);
        if (refusals.Count > 0) return await RefusedAsync(refusals, () => LoadAsync(seriesId, cancellationToken));
        TempData["Message"] = $"La série est modifiée : {changed.Count} séance{(changed.Count > 1 ? "s" : "")} à venir ; la personne qui anime et les participants sont prévenus.";
        return RedirectToPage("/Sessions/Details", new { id = changed[0].Id });
    }


    private async Task<bool> LoadAsync(Guid seriesId, CancellationToken cancellationToken)
    {
        if (await LoadSeriesAsync(seriesId, clock.GetUtcNow(), cancellationToken) is not { } toCome) return false;
        ToCome = toCome;
        Choices = await SessionChoices.ForAsync(Db, Cohort.Id, cancellationToken);
        return true;
    }
}

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
/// Staff change one session (one occurrence of a series only): its kind stays. The lead and the people who attend a
/// session not over yet are emailed the new event, in the same transaction as the change; a clash is refused and said.
/// </summary>
[Authorize(Policy = Policies.Staff)]
public sealed class EditSessionModel(CohortsDbContext db, Outbox outbox, IOptions<MailOptions> mail, TimeProvider clock) : SessionPage(db)
{
    [BindProperty(Name = nameof(Input))] public SessionInput Input { get; set; } = new();

    public SessionChoices Choices { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken)) return NotFound();
        Input = SessionInput.Of(Session);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken)) return NotFound();
        Input.Kind = Session.Kind;
        await Choices.CheckAsync(Db, Cohort.Id, Input, ModelState, needsDate: true, cancellationToken);
        if (!ModelState.IsValid) return Page();
        var now = clock.GetUtcNow();
        var named = SessionNotices.Named(Session);
        var wasToCome = !Session.HasEnded(now);
        try
        {
            if (!Session.Change(Input.Details(Input.Date!.Value), SessionWindow.Of(Cohort), now))
            {
                TempData["Message"] = "Rien n'a changé : la séance est telle qu'elle était.";
                return RedirectToPage("/Sessions/Details", new { id });
            }
        }
        catch (DomainException e)
        {
            return await RefusedAsync([e.Message], () => LoadAsync(id, cancellationToken));
        }
        if (wasToCome || !Session.HasEnded(now))
            await SessionNotices.ChangedAsync(Db, outbox, mail.Value.BaseUrl, Cohort, [Session], named, now, cancellationToken);
        var refusals = await SaveAsync([Session], cancellationToken);
        if (refusals.Count > 0) return await RefusedAsync(refusals, () => LoadAsync(id, cancellationToken));
        TempData["Message"] = wasToCome || !Session.HasEnded(now)
            ? "La séance est modifiée ; la personne qui l'anime et les participants reçoivent la nouvelle invitation pour leur agenda."
            : "La séance est modifiée.";
        return RedirectToPage("/Sessions/Details", new { id });
    }


    private async Task<bool> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadSessionAsync(id, cancellationToken)) return false;
        Choices = await SessionChoices.ForAsync(Db, Cohort.Id, cancellationToken);
        return true;
    }
}

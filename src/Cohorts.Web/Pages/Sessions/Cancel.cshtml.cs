using System.ComponentModel.DataAnnotations;
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

/// <summary>Which sessions a cancellation takes: this one, or this one and the rest of its series.</summary>
public enum CancelScope { One, Rest }

public sealed class CancelInput
{
    [StringLength(Session.TextMaxLength, ErrorMessage = "Le motif ne doit pas dépasser 500 caractères.")]
    public string? Reason { get; set; }

    public CancelScope Scope { get; set; } = CancelScope.One;
}

/// <summary>
/// Staff cancel a session not started yet, or it and the rest of its series, with a reason. The sessions stay, marked
/// cancelled (feeds carry the cancellation); the lead and the people who attend are emailed the cancellation.
/// </summary>
[Authorize(Policy = Policies.Staff)]
public sealed class CancelSessionModel(CohortsDbContext db, Outbox outbox, IOptions<MailOptions> mail, TimeProvider clock) : SessionPage(db)
{
    public const string StartedMessage = "Cette séance a déjà commencé : elle ne s'annule plus (ses présences se notent).";

    [BindProperty(Name = nameof(Input))] public CancelInput Input { get; set; } = new();

    public DateTimeOffset Now { get; private set; }
    public IReadOnlyList<Session> Rest { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken)) return NotFound();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken)) return NotFound();
        if (Session.HasStarted(Now)) ModelState.AddModelError("", StartedMessage);
        if (!ModelState.IsValid) return Page();
        var sessions = Input.Scope == CancelScope.Rest ? [Session, .. Rest] : new List<Session> { Session };
        try
        {
            foreach (var session in sessions) session.Cancel(Input.Reason, Now);
        }
        catch (DomainException e)
        {
            return await RefusedAsync([e.Message], () => LoadAsync(id, cancellationToken));
        }
        await SessionNotices.CancelledAsync(Db, outbox, mail.Value.BaseUrl, Cohort, sessions, Now, cancellationToken);
        var refusals = await SaveAsync(sessions, cancellationToken);
        if (refusals.Count > 0) return await RefusedAsync(refusals, () => LoadAsync(id, cancellationToken));
        TempData["Message"] = sessions.Count == 1
            ? "La séance est annulée ; la personne qui l'anime et les participants sont prévenus."
            : $"{sessions.Count} séances de la série sont annulées ; la personne qui les anime et les participants sont prévenus.";
        return RedirectToPage("/Sessions/Details", new { id });
    }


    private async Task<bool> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadSessionAsync(id, cancellationToken)) return false;
        Now = clock.GetUtcNow();
        Rest = Session.SeriesId is { } series
            ? (await FutureOfSeriesAsync(series, Now, cancellationToken)).Where(s => s.Id != Session.Id && s.StartsAt > Session.StartsAt).ToList()
            : [];
        return true;
    }
}

using System.Security.Claims;
using Cohorts.Domain.Sessions;
using Cohorts.Web.Data;
using Cohorts.Web.Hosting;
using Cohorts.Web.Identity;
using Cohorts.Web.Sessions;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Cohorts.Web.Pages.Agenda;

/// <summary>
/// « Mon agenda »: a person's private calendar feed (the sessions they attend or lead), to create, regenerate and revoke.
/// The feed's address holds its secret token: it is shown once, right after it is made, and never again (only its hash is
/// kept). Open to any account with sessions in its calendar, an enrollment, or the Coach role (facilitators and coaches); a
/// feed made before the account lost its calendar can still be regenerated or revoked.
/// </summary>
[Authorize]
public sealed class CalendarIndexModel(CohortsDbContext db, PublicLinks links, TimeProvider clock) : PageModel
{
    public const string NoCalendarMessage = "Vous n'avez aucune séance à suivre ni à animer : il n'y a pas encore d'agenda à partager.";
    public const string AlreadyCreatedMessage = "Votre lien d'agenda existe déjà : régénérez-le si vous avez besoin d'un nouveau lien.";
    public const string NoFeedMessage = "Vous n'avez pas de lien d'agenda : créez-en un.";
    public const int UpcomingShown = 10;
    private const string TokenKey = "CalendarFeedToken";

    public bool HasCalendar { get; private set; }
    public DateTimeOffset? FeedCreatedAt { get; private set; }
    /// <summary>The feed's address, only in the answer that follows its creation or regeneration.</summary>
    public string? FeedUrl { get; private set; }
    public IReadOnlyList<Session> Upcoming { get; private set; } = [];
    public int UpcomingCount { get; private set; }

    private string UserId => User.FindFirstValue(ClaimTypes.NameIdentifier)!;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        if (FeedCreatedAt is not null && TempData[TokenKey] is string token) FeedUrl = links.Page("/Agenda/Feed", new { token });
        return Page();
    }

    public async Task<IActionResult> OnPostCreateAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        if (!HasCalendar) return Refused(NoCalendarMessage);
        if (FeedCreatedAt is not null) return Refused(AlreadyCreatedMessage);
        var (feed, token) = CalendarFeed.Create(UserId, clock.GetUtcNow());
        db.CalendarFeeds.Add(feed);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // The same person created it meanwhile (another tab): one feed per account, the first one stays.
            return Refused(AlreadyCreatedMessage);
        }
        return Shown(token, "Votre lien d'agenda est créé.");
    }

    public async Task<IActionResult> OnPostRegenerateAsync(CancellationToken cancellationToken)
    {
        var feed = await db.CalendarFeeds.SingleOrDefaultAsync(f => f.UserId == UserId, cancellationToken);
        if (feed is null) return await RefusedAsync(NoFeedMessage, cancellationToken);
        var token = feed.Regenerate(clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return Shown(token, "Un nouveau lien d'agenda remplace l'ancien : l'ancien lien ne fonctionne plus. Abonnez votre agenda au nouveau.");
    }

    public async Task<IActionResult> OnPostRevokeAsync(CancellationToken cancellationToken)
    {
        var deleted = await db.CalendarFeeds.Where(f => f.UserId == UserId).ExecuteDeleteAsync(cancellationToken);
        if (deleted == 0) return await RefusedAsync(NoFeedMessage, cancellationToken);
        TempData["Message"] = "Votre lien d'agenda est révoqué : il ne fonctionne plus. Les séances déjà importées restent dans votre agenda jusqu'à ce que vous vous en désabonniez.";
        return RedirectToPage();
    }

    private RedirectToPageResult Shown(string token, string message)
    {
        TempData[TokenKey] = token;
        TempData["Message"] = message;
        return RedirectToPage();
    }

    private PageResult Refused(string message)
    {
        ModelState.AddModelError("", message);
        return Page();
    }

    private async Task<IActionResult> RefusedAsync(string message, CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        return Refused(message);
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var calendar = db.Sessions.AsNoTracking().InCalendarOf(db, UserId);
        HasCalendar = User.IsInRole(Roles.Coach) || await db.CohortsOf(UserId).AnyAsync(cancellationToken) || await calendar.AnyAsync(cancellationToken);
        FeedCreatedAt = await db.CalendarFeeds.Where(f => f.UserId == UserId).Select(f => (DateTimeOffset?)f.CreatedAt).SingleOrDefaultAsync(cancellationToken);
        var upcoming = calendar.Where(s => s.EndsAt > now && s.CancelledAt == null);
        UpcomingCount = await upcoming.CountAsync(cancellationToken);
        Upcoming = await upcoming.OrderBy(s => s.StartsAt).ThenBy(s => s.Id).Take(UpcomingShown).ToListAsync(cancellationToken);
    }
}

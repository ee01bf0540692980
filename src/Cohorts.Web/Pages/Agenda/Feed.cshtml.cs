using Cohorts.Web.Data;
using Cohorts.Web.Sessions;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Cohorts.Web.Pages.Agenda;

/// <summary>
/// A person's calendar feed, for their calendar client (which signs in with nothing but the URL): every session of
/// <see cref="SessionAccess.InCalendarOf"/>, cancelled ones as STATUS:CANCELLED. A token malformed, unknown, revoked or
/// of a deactivated account answers 404, the same for all, and nothing is cached on the way.
/// </summary>
[AllowAnonymous]
public sealed class CalendarFeedModel(CohortsDbContext db, TimeProvider clock) : PageModel
{
    public async Task<IActionResult> OnGetAsync(string? token, CancellationToken cancellationToken)
    {
        Response.Headers.CacheControl = "no-store";
        if (!CalendarFeed.LooksLikeToken(token)) return NotFound();
        var hash = CalendarFeed.Hash(token!);
        var owner = await (
            from f in db.CalendarFeeds.AsNoTracking()
            join u in db.Users on f.UserId equals u.Id
            where f.TokenHash == hash && u.DeactivatedAt == null
            select new { u.Id, u.FirstName, u.LastName }).SingleOrDefaultAsync(cancellationToken);
        if (owner is null) return NotFound();
        var sessions = await (
            from s in db.Sessions.AsNoTracking().InCalendarOf(db, owner.Id)
            join c in db.Cohorts on s.CohortId equals c.Id
            join lead in db.Users on s.LeadId equals lead.Id
            orderby s.StartsAt, s.Id
            select new { Session = s, Program = c.Program.Name, Cohort = c.Name, Lead = (lead.FirstName + " " + lead.LastName).Trim() })
            .ToListAsync(cancellationToken);
        var feed = SessionCalendar.Feed($"{owner.FirstName} {owner.LastName}".Trim(),
            sessions.Select(s => new CalendarSession(s.Session, s.Program, s.Cohort, s.Lead)), clock.GetUtcNow());
        return Content(feed, SessionCalendar.FeedContentType);
    }
}

using Cohorts.Domain.Catalogue;
using Cohorts.Domain.Sessions;
using Cohorts.Web.Catalogue;
using Cohorts.Web.Data;
using Cohorts.Web.Hosting;
using Cohorts.Web.Journey;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Cohorts.Web.Pages.Journey;

/// <summary>
/// A cohort's satisfaction, for its program's staff: per session held, how many gave their opinion out of those who
/// attended and the average score; the cohort's average over all its ratings; the comments, without the names of who
/// wrote them (the rating form says so to participants). Another program's cohort is not found.
/// </summary>
[Authorize(Policy = Policies.Staff)]
public sealed class CohortSatisfactionModel(CohortsDbContext db, TimeProvider clock) : PageModel
{
    public Cohort Cohort { get; private set; } = null!;
    public IReadOnlyList<SessionRow> Sessions { get; private set; } = [];
    public RatingStats Overall { get; private set; } = new(0, null);
    public IReadOnlyList<CommentRow> Comments { get; private set; } = [];

    public sealed record SessionRow(Guid Id, string Title, SessionKind Kind, DateTimeOffset StartsAt, DateTimeOffset EndsAt, string LeadName,
        int Attended, RatingStats Ratings);

    public sealed record CommentRow(Guid SessionId, string SessionTitle, DateTimeOffset StartsAt, DateTimeOffset EndsAt, int Score, string Comment);

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        var cohort = await db.Cohorts.ManagedBy(db, User).AsNoTracking().Include(c => c.Program).SingleOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (cohort is null) return NotFound();
        Cohort = cohort;
        var now = clock.GetUtcNow();
        var ratings = db.RatingsOfCohorts(db.Cohorts.Where(c => c.Id == id).Select(c => c.Id));
        var stats = await ratings.GroupBy(r => r.SessionId)
            .Select(g => new { SessionId = g.Key, Count = g.Count(), Average = g.Average(r => (double)r.Score) })
            .ToDictionaryAsync(g => g.SessionId, g => new RatingStats(g.Count, g.Average), cancellationToken);
        var attended = await db.Attendances.Where(a => db.Sessions.Any(s => s.Id == a.SessionId && s.CohortId == id)
                && (a.Status == AttendanceStatus.Present || a.Status == AttendanceStatus.Late))
            .GroupBy(a => a.SessionId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
        var sessions = await (
            from session in db.Sessions.AsNoTracking()
            where session.CohortId == id && session.CancelledAt == null && session.EndsAt <= now
            join lead in db.Users on session.LeadId equals lead.Id
            orderby session.StartsAt
            select new { session.Id, session.Title, session.Kind, session.StartsAt, session.EndsAt, Lead = lead.FirstName + " " + lead.LastName })
            .ToListAsync(cancellationToken);
        Sessions = sessions.Select(s => new SessionRow(s.Id, s.Title, s.Kind, s.StartsAt, s.EndsAt, s.Lead, attended.GetValueOrDefault(s.Id),
            stats.GetValueOrDefault(s.Id) ?? new RatingStats(0, null))).ToList();
        Overall = new RatingStats(await ratings.CountAsync(cancellationToken), await ratings.AverageAsync(r => (double?)r.Score, cancellationToken));
        // Who wrote a comment is not read: staff see what was said, not by whom.
        Comments = await (
            from rating in ratings
            where rating.Comment != ""
            join session in db.Sessions on rating.SessionId equals session.Id
            orderby session.StartsAt, rating.RatedAt
            select new CommentRow(session.Id, session.Title, session.StartsAt, session.EndsAt, rating.Score, rating.Comment))
            .ToListAsync(cancellationToken);
        return Page();
    }
}

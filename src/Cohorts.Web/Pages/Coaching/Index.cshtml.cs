using System.Security.Claims;
using Cohorts.Domain.Sessions;
using Cohorts.Web.Data;
using Cohorts.Web.Identity;
using Cohorts.Web.Sessions;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Cohorts.Web.Pages.Coaching;

/// <summary>
/// « Mon accompagnement »: a coach's or facilitator's space. The cohorts they accompany with their coachees, the sessions
/// they lead (every kind), upcoming then past, and the coaching sessions held whose log is still to write. Nobody
/// else's coachees or sessions.
/// </summary>
[Authorize(Roles = Roles.Coach)]
public sealed class IndexModel(CohortsDbContext db, TimeProvider clock) : PageModel
{
    /// <summary>How many past sessions the page lists, the latest first.</summary>
    public const int PastShown = 50;

    public DateTimeOffset Now { get; private set; }
    public IReadOnlyList<CohortView> Cohorts { get; private set; } = [];
    public IReadOnlyList<SessionRow> Upcoming { get; private set; } = [];
    public IReadOnlyList<SessionRow> Past { get; private set; } = [];
    public IReadOnlyList<SessionRow> AwaitingLog { get; private set; } = [];

    public string UpcomingCaption => Upcoming.Count == 1 ? "1 séance à venir" : $"{Upcoming.Count} séances à venir";
    public string PastCaption => Past.Count < PastShown ? "Séances passées, les plus récentes d'abord" : $"Les {PastShown} dernières séances passées";

    public sealed record Coachee(string Name, string Email);
    public sealed record CohortView(int Id, string Program, string Name, DateOnly StartsOn, DateOnly EndsOn, int MaxCoachees, IReadOnlyList<Coachee> Coachees);
    public sealed record SessionRow(Guid Id, SessionKind Kind, string Title, DateTimeOffset StartsAt, DateTimeOffset EndsAt, bool Cancelled,
        string Cohort, IReadOnlyList<string> Participants, bool Logged)
    {
        public bool AwaitsLog(DateTimeOffset now) => Kind == SessionKind.Coaching && !Cancelled && EndsAt <= now && !Logged;
    }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var me = User.FindFirstValue(ClaimTypes.NameIdentifier)!;
        Now = clock.GetUtcNow();
        var cohorts = await db.CohortCoaches.AsNoTracking().Where(c => c.CoachId == me)
            .Join(db.Cohorts, c => c.CohortId, cohort => cohort.Id, (c, cohort) => new
            {
                cohort.Id, Program = cohort.Program.Name, cohort.Name, cohort.StartsOn, cohort.EndsOn, c.MaxCoachees,
                Coachees = db.CoachPairings.Where(p => p.CohortId == c.CohortId && p.CoachId == me)
                    .Join(db.Users, p => p.ParticipantId, u => u.Id, (p, u) => new { Name = u.FirstName + " " + u.LastName, u.Email }).ToList(),
            })
            .OrderByDescending(c => c.StartsOn).ToListAsync(cancellationToken);
        Cohorts = cohorts.Select(c => new CohortView(c.Id, c.Program, c.Name, c.StartsOn, c.EndsOn, c.MaxCoachees,
            c.Coachees.Select(p => new Coachee(p.Name, p.Email ?? "")).OrderBy(p => p.Name).ToList())).ToList();
        var led = db.Sessions.AsNoTracking().LedBy(me);
        var now = Now;
        Upcoming = await RowsAsync(led.Where(s => s.EndsAt > now).OrderBy(s => s.StartsAt), cancellationToken);
        Past = await RowsAsync(led.Where(s => s.EndsAt <= now).OrderByDescending(s => s.StartsAt).Take(PastShown), cancellationToken);
        AwaitingLog = await RowsAsync(led.Where(s => s.Kind == SessionKind.Coaching && s.CancelledAt == null && s.EndsAt <= now
            && !db.CoachingLogs.Any(l => l.SessionId == s.Id)).OrderBy(s => s.StartsAt), cancellationToken);
    }

    private async Task<IReadOnlyList<SessionRow>> RowsAsync(IQueryable<Session> sessions, CancellationToken cancellationToken) =>
        await sessions.Select(s => new SessionRow(s.Id, s.Kind, s.Title, s.StartsAt, s.EndsAt, s.CancelledAt != null,
            db.Cohorts.Where(c => c.Id == s.CohortId).Select(c => c.Program.Name + ", " + c.Name).First(),
            s.Participants.Join(db.Users, p => p.ParticipantId, u => u.Id, (p, u) => u.FirstName + " " + u.LastName).ToList(),
            db.CoachingLogs.Any(l => l.SessionId == s.Id))).ToListAsync(cancellationToken);
}

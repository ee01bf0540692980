using Cohorts.Domain;
using Cohorts.Domain.Catalogue;
using Cohorts.Domain.Sessions;
using Cohorts.Web.Data;
using Cohorts.Web.Hosting;
using Cohorts.Web.Sessions;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Cohorts.Web.Pages.Journey;

/// <summary>
/// « Mon parcours »: per cohort the participant takes part in, the sessions to come (with the place, or the link of a
/// remote one), the past ones with their attendance and their rating, their hours (over every mandatory hour planned for
/// the whole cohort, through <see cref="AttendanceHours"/>), the coaching hours logged and the summaries their coaches
/// shared. Only what <see cref="SessionAccess.AttendedBy"/> gives them: their cohort's sessions and their own coaching.
/// </summary>
[Authorize(Policy = Policies.Candidate)]
public sealed class IndexModel(CohortsDbContext db, UserManager<Identity.CohortsUser> users, TimeProvider clock) : PageModel
{
    public DateTimeOffset Now { get; private set; }
    public IReadOnlyList<CohortJourney> Journeys { get; private set; } = [];

    public sealed record CohortJourney(Cohort Cohort, ParticipantRecord? Record, IReadOnlyList<SessionLine> Upcoming, IReadOnlyList<SessionLine> Past,
        IReadOnlyList<SharedSummary> Summaries)
    {
        public int Threshold => Cohort.Program.AttendanceThreshold;
    }

    public sealed record SessionLine(Session Session, string LeadName, AttendanceStatus? Status, int? Score)
    {
        /// <summary>Whether the participant may still give their opinion (the rating page says why not otherwise).</summary>
        public bool MayRate(DateTimeOffset now) =>
            Score is null && !Session.IsCancelled && Session.HasEnded(now) && Status is { } status && AttendanceStatuses.Attended(status);
    }

    /// <summary>What a coach shared of a coaching session: never the private notes, which are not even read here.</summary>
    public sealed record SharedSummary(string SessionTitle, string CoachName, DateOnly HeldOn, int DurationMinutes, CoachingMode Mode, string Topics,
        string Summary);

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Now = clock.GetUtcNow();
        var me = users.GetUserId(User)!;
        var cohortIds = db.CohortsOf(me);
        var cohorts = await db.Cohorts.AsNoTracking().Include(c => c.Program).Where(c => cohortIds.Contains(c.Id))
            .OrderByDescending(c => c.StartsOn).ToListAsync(cancellationToken);
        var sessions = await db.Sessions.AsNoTracking().AttendedBy(db, me).OrderBy(s => s.StartsAt).ToListAsync(cancellationToken);
        var sessionIds = sessions.Select(s => s.Id).ToList();
        var leadIds = sessions.Select(s => s.LeadId).Distinct().ToList();
        var leads = await db.Users.AsNoTracking().Where(u => leadIds.Contains(u.Id))
            .ToDictionaryAsync(u => u.Id, u => u.FirstName + " " + u.LastName, cancellationToken);
        var marks = await db.Attendances.AsNoTracking().Where(a => a.ParticipantId == me && sessionIds.Contains(a.SessionId))
            .ToDictionaryAsync(a => a.SessionId, a => a.Status, cancellationToken);
        var scores = await db.SessionRatings.AsNoTracking().Where(r => r.ParticipantId == me && sessionIds.Contains(r.SessionId))
            .ToDictionaryAsync(r => r.SessionId, r => r.Score, cancellationToken);
        // Projected field by field: the coach's private notes never leave the database for this page.
        var summaries = await (
            from log in db.CoachingLogs.AsNoTracking()
            join session in db.Sessions.AttendedBy(db, me) on log.SessionId equals session.Id
            where session.Kind == SessionKind.Coaching && session.CancelledAt == null
            orderby log.HeldOn descending
            select new { session.CohortId, session.Title, log.CoachId, log.HeldOn, log.DurationMinutes, log.Mode, log.Topics, log.SharedSummary })
            .ToListAsync(cancellationToken);
        var journeys = new List<CohortJourney>();
        foreach (var cohort in cohorts)
        {
            var lines = sessions.Where(s => s.CohortId == cohort.Id)
                .Select(s => new SessionLine(s, leads.GetValueOrDefault(s.LeadId, ""), marks.TryGetValue(s.Id, out var status) ? status : null,
                    scores.TryGetValue(s.Id, out var score) ? score : null)).ToList();
            var record = await AttendanceHours.ForParticipantAsync(db, cohort.Id, me, cancellationToken);
            journeys.Add(new CohortJourney(cohort, record,
                lines.Where(l => !l.Session.HasEnded(Now)).ToList(),
                lines.Where(l => l.Session.HasEnded(Now)).OrderByDescending(l => l.Session.StartsAt).ToList(),
                summaries.Where(s => s.CohortId == cohort.Id).Select(s => new SharedSummary(s.Title, leads.GetValueOrDefault(s.CoachId, ""), s.HeldOn,
                    s.DurationMinutes, s.Mode, s.Topics, s.SharedSummary)).ToList()));
        }
        Journeys = journeys;
    }

    /// <summary>"57,1 %" of a rate between 0 and 1.</summary>
    public static string Percent(decimal rate) => $"{(rate * 100).ToString("0.#", FrenchDates.Culture)} %";

    /// <summary>"1 h 30" of a duration in minutes.</summary>
    public static string Duration(int minutes) => minutes % 60 == 0 ? $"{minutes / 60} h" : minutes < 60 ? $"{minutes} min" : $"{minutes / 60} h {minutes % 60:00}";
}

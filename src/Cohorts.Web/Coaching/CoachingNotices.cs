using Cohorts.Domain.Sessions;
using Cohorts.Web.Data;
using Cohorts.Web.Emails;
using Cohorts.Web.Sessions;
using Microsoft.EntityFrameworkCore;

namespace Cohorts.Web.Coaching;

/// <summary>
/// Tells a coaching session's participants that their coach planned it, through the outbox (saved with the session, in
/// the same transaction), each email with the session's calendar event. Its changes and cancellation are told as staff's
/// are, by <see cref="SessionNotices"/>.
/// </summary>
public static class CoachingNotices
{
    public static async Task PlannedAsync(CohortsDbContext db, Outbox outbox, MailOptions mail, DateTimeOffset now, Session session, string coachName,
        CancellationToken cancellationToken)
    {
        var cohort = await db.Cohorts.AsNoTracking().Where(c => c.Id == session.CohortId)
            .Select(c => new { c.Name, Program = c.Program.Name }).SingleAsync(cancellationToken);
        var ids = session.ParticipantIds.ToList();
        var people = await db.Users.AsNoTracking().Where(u => ids.Contains(u.Id)).Select(u => new { u.Id, u.FirstName, u.Email }).ToListAsync(cancellationToken);
        var attachment = SessionCalendar.Attachment(new CalendarSession(session, cohort.Program, cohort.Name, coachName), now);
        var link = mail.BaseUrl.TrimEnd('/') + "/parcours";
        foreach (var person in people.Where(p => p.Email is not null))
            outbox.Add(person.Email!, new CoachingPlannedMessage(person.FirstName, coachName, cohort.Program, cohort.Name, session.Title,
                SessionText.When(session), SessionText.Where(session), link), new MessageConcerns(session.CohortId, null), attachment);
    }
}

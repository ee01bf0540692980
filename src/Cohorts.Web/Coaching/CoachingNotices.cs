using Cohorts.Domain.Sessions;
using Cohorts.Web.Data;
using Cohorts.Web.Emails;
using Cohorts.Web.Sessions;
using Microsoft.EntityFrameworkCore;

namespace Cohorts.Web.Coaching;

/// <summary>
/// Tells a coaching session's participants what their coach did with it, through the outbox (saved with the session, in
/// the same transaction), each email with the session's calendar event.
/// </summary>
public static class CoachingNotices
{
    public static async Task TellAsync(CohortsDbContext db, Outbox outbox, MailOptions mail, DateTimeOffset now, Session session, string coachName, IReadOnlyDictionary<string, CoachingNews> news, CancellationToken cancellationToken)
    {
        var cohort = await db.Cohorts.AsNoTracking().Where(c => c.Id == session.CohortId)
            .Select(c => new { c.Name, Program = c.Program.Name }).SingleAsync(cancellationToken);
        var ids = news.Keys.ToList();
        var people = await db.Users.AsNoTracking().Where(u => ids.Contains(u.Id)).Select(u => new { u.Id, u.FirstName, u.Email }).ToListAsync(cancellationToken);
        var attachment = SessionCalendar.Attachment(new CalendarSession(session, cohort.Program, cohort.Name, coachName), now);
        var link = mail.BaseUrl.TrimEnd('/') + "/parcours";
        foreach (var person in people.Where(p => p.Email is not null))
        {
            var what = news[person.Id];
            var message = new CoachingPlannedMessage(person.FirstName, what, coachName, cohort.Program, cohort.Name, session.Title,
                SessionText.When(session), SessionText.Where(session), session.CancelReason ?? "", link);
            // Taken off a session that goes on: no event to send (it would invite them back); their feed drops it.
            var takenOff = what == CoachingNews.Cancelled && !session.IsCancelled;
            outbox.Add(person.Email!, message, new MessageConcerns(session.CohortId, null), takenOff ? [] : [attachment]);
        }
    }

}

using Cohorts.Domain.Sessions;
using Cohorts.Web.Data;
using Cohorts.Web.Hosting;
using Cohorts.Web.Sessions;
using Microsoft.EntityFrameworkCore;

namespace Cohorts.Web.Reminders;

/// <summary>A person a session reminder goes to: their account, first name, address and full name.</summary>
internal sealed record SessionPerson(string Id, string FirstName, string Email, string Name)
{
    public string Recipient => $"{Name} <{Email}>";
}

/// <summary>What the session reminders read about sessions, people and cohorts, in one place.</summary>
internal static class SessionReminderQueries
{
    /// <summary>The active accounts among these ids.</summary>
    public static Task<Dictionary<string, SessionPerson>> PeopleAsync(CohortsDbContext db, IEnumerable<string> ids, CancellationToken cancellationToken)
    {
        var wanted = ids.Distinct(StringComparer.Ordinal).ToList();
        return db.Users.AsNoTracking().Where(u => wanted.Contains(u.Id) && u.DeactivatedAt == null)
            .Select(u => new SessionPerson(u.Id, u.FirstName, u.Email!, (u.FirstName + " " + u.LastName).Trim()))
            .ToDictionaryAsync(u => u.Id, StringComparer.Ordinal, cancellationToken);
    }

    /// <summary>The program's and the cohort's names of these cohorts.</summary>
    public static Task<Dictionary<int, (string Program, string Cohort)>> CohortsAsync(CohortsDbContext db, IEnumerable<int> ids,
        CancellationToken cancellationToken)
    {
        var wanted = ids.Distinct().ToList();
        return db.Cohorts.AsNoTracking().Where(c => wanted.Contains(c.Id)).Select(c => new { c.Id, Program = c.Program.Name, c.Name })
            .ToDictionaryAsync(c => c.Id, c => (c.Program, c.Name), cancellationToken);
    }

    /// <summary>Who attends each session: the cohort's participants for an in-person or remote one, those named for coaching.</summary>
    public static async Task<Dictionary<Guid, List<string>>> AttendeesAsync(CohortsDbContext db, IReadOnlyList<Session> sessions,
        CancellationToken cancellationToken)
    {
        var enrolled = new Dictionary<int, List<string>>();
        foreach (var cohortId in sessions.Where(s => s.IsCohortWide).Select(s => s.CohortId).Distinct())
            enrolled[cohortId] = await db.ParticipantsOf(cohortId).Select(e => e.ParticipantId).ToListAsync(cancellationToken);
        return sessions.ToDictionary(s => s.Id, s => s.IsCohortWide ? enrolled[s.CohortId] : s.ParticipantIds.ToList());
    }
}

/// <summary>
/// The day before a session (not cancelled): its participants and its lead, with the day and hours in Paris, the place or
/// the link, and the session as an .ics invitation. A session moved to another day re-arms it (the key holds the start).
/// </summary>
public sealed class SessionTomorrowPlanner(CohortsDbContext db, PublicLinks links) : ReminderPlanner(ReminderKind.SessionTomorrow)
{
    public override async Task<IReadOnlyList<PlannedReminder>> PlanAsync(int? cohortId, DateTimeOffset now, bool dueOnly, CancellationToken cancellationToken)
    {
        var reach = now + Reach;
        var sessions = await db.Sessions.AsNoTracking().Include(s => s.Participants)
            .Where(s => s.CancelledAt == null && s.StartsAt > now && (cohortId == null || s.CohortId == cohortId) && (!dueOnly || s.StartsAt <= reach))
            .OrderBy(s => s.StartsAt).ThenBy(s => s.Id).ToListAsync(cancellationToken);
        if (sessions.Count == 0) return [];
        var attendees = await SessionReminderQueries.AttendeesAsync(db, sessions, cancellationToken);
        var people = await SessionReminderQueries.PeopleAsync(db, sessions.Select(s => s.LeadId).Concat(attendees.Values.SelectMany(a => a)), cancellationToken);
        var cohorts = await SessionReminderQueries.CohortsAsync(db, sessions.Select(s => s.CohortId), cancellationToken);
        var agenda = links.Page("/Agenda/Index");
        return sessions.SelectMany(s => OccasionsOf(s.StartsAt, s.CreatedAt, now, dueOnly).Select(occasion =>
        {
            var (program, cohort) = cohorts[s.CohortId];
            var lead = people.GetValueOrDefault(s.LeadId);
            var recipients = attendees[s.Id].Where(people.ContainsKey).Select(id => (Person: people[id], Leads: false))
                .OrderBy(r => r.Person.Name, StringComparer.Ordinal).ToList();
            if (lead is not null) recipients.Insert(0, (lead, true));
            var keys = recipients.Select(r => Key($"{s.Id:N}", occasion, r.Person.Id)).ToList();
            return new PlannedReminder(Kind, s.CohortId, null, string.Join(", ", recipients.Select(r => r.Person.Recipient)),
                $"{s.Title} ({SessionText.When(s)})", occasion, keys,
                at =>
                {
                    var invitation = SessionCalendar.Attachment(new CalendarSession(s, program, cohort, lead?.Name ?? ""), at);
                    return recipients.Select((r, i) => new ReminderMessage(r.Person.Email, keys[i], new SessionTomorrowReminder(r.Person.FirstName,
                        s.Title, SessionKinds.Label(s.Kind), program, cohort, SessionText.When(s), SessionText.Where(s), r.Leads, agenda), invitation)).ToList();
                });
        })).ToList();
    }
}

/// <summary>A coaching session ended 48 hours ago and not logged: its coach, with a link to write the log.</summary>
public sealed class CoachingNotLoggedPlanner(CohortsDbContext db, PublicLinks links) : ReminderPlanner(ReminderKind.CoachingNotLogged)
{
    public override async Task<IReadOnlyList<PlannedReminder>> PlanAsync(int? cohortId, DateTimeOffset now, bool dueOnly, CancellationToken cancellationToken)
    {
        var firstDue = now - Schedule.Steps[0].FromAnchor;
        var oldest = firstDue - Schedule.LastStepLasts;
        var sessions = await db.Sessions.AsNoTracking().Include(s => s.Participants)
            .Where(s => s.Kind == SessionKind.Coaching && s.CancelledAt == null && s.EndsAt > oldest && (!dueOnly || s.EndsAt <= firstDue)
                        && (cohortId == null || s.CohortId == cohortId) && !db.CoachingLogs.Any(l => l.SessionId == s.Id))
            .OrderBy(s => s.EndsAt).ThenBy(s => s.Id).ToListAsync(cancellationToken);
        if (sessions.Count == 0) return [];
        var people = await SessionReminderQueries.PeopleAsync(db, sessions.SelectMany(s => s.ParticipantIds.Append(s.LeadId)), cancellationToken);
        var cohorts = await SessionReminderQueries.CohortsAsync(db, sessions.Select(s => s.CohortId), cancellationToken);
        return sessions.Where(s => people.ContainsKey(s.LeadId)).SelectMany(s => OccasionsOf(s.EndsAt, s.CreatedAt, now, dueOnly).Select(occasion =>
        {
            var coach = people[s.LeadId];
            var (program, cohort) = cohorts[s.CohortId];
            var coachees = string.Join(", ", s.ParticipantIds.Select(id => people.GetValueOrDefault(id)?.Name).OfType<string>().Order(StringComparer.Ordinal));
            var key = Key($"{s.Id:N}", occasion);
            var link = links.Page("/Coaching/Log", new { id = s.Id });
            return new PlannedReminder(Kind, s.CohortId, null, coach.Recipient, $"{s.Title} ({SessionText.When(s)})", occasion, [key],
                _ => [new ReminderMessage(coach.Email, key, new CoachingNotLoggedReminder(coach.FirstName, s.Title, coachees, program, cohort,
                    SessionText.When(s), link))]);
        })).ToList();
    }
}

/// <summary>
/// Once a session has ended (not cancelled): each participant marked present or late who has not rated it yet, with a link
/// to rate it. Attendance marked later in the week still brings the invitation at the next run.
/// </summary>
public sealed class SatisfactionInvitationPlanner(CohortsDbContext db, PublicLinks links) : ReminderPlanner(ReminderKind.SatisfactionInvitation)
{
    public override async Task<IReadOnlyList<PlannedReminder>> PlanAsync(int? cohortId, DateTimeOffset now, bool dueOnly, CancellationToken cancellationToken)
    {
        var oldest = now - Schedule.LastStepLasts;
        var sessions = await db.Sessions.AsNoTracking()
            .Where(s => s.CancelledAt == null && s.EndsAt > oldest && (!dueOnly || s.EndsAt <= now) && (cohortId == null || s.CohortId == cohortId))
            .OrderBy(s => s.EndsAt).ThenBy(s => s.Id).ToListAsync(cancellationToken);
        if (sessions.Count == 0) return [];
        var ids = sessions.Select(s => s.Id).ToList();
        var attended = (await db.Attendances.AsNoTracking()
                .Where(a => ids.Contains(a.SessionId) && (a.Status == AttendanceStatus.Present || a.Status == AttendanceStatus.Late)
                            && !db.SessionRatings.Any(r => r.SessionId == a.SessionId && r.ParticipantId == a.ParticipantId))
                .Select(a => new { a.SessionId, a.ParticipantId }).ToListAsync(cancellationToken))
            .ToLookup(a => a.SessionId, a => a.ParticipantId);
        var people = await SessionReminderQueries.PeopleAsync(db, attended.SelectMany(a => a), cancellationToken);
        var cohorts = await SessionReminderQueries.CohortsAsync(db, sessions.Select(s => s.CohortId), cancellationToken);
        return sessions.Where(s => attended[s.Id].Any(people.ContainsKey)).SelectMany(s => OccasionsOf(s.EndsAt, s.CreatedAt, now, dueOnly).Select(occasion =>
        {
            var (program, cohort) = cohorts[s.CohortId];
            var recipients = attended[s.Id].Where(people.ContainsKey).Select(id => people[id]).OrderBy(p => p.Name, StringComparer.Ordinal).ToList();
            var keys = recipients.Select(p => Key($"{s.Id:N}", occasion, p.Id)).ToList();
            var link = links.Page("/Journey/Rate", new { id = s.Id });
            return new PlannedReminder(Kind, s.CohortId, null, string.Join(", ", recipients.Select(p => p.Recipient)), $"{s.Title} ({SessionText.When(s)})",
                occasion, keys,
                _ => recipients.Select((p, i) => new ReminderMessage(p.Email, keys[i], new SatisfactionInvitation(p.FirstName, s.Title, program, cohort,
                    SessionText.When(s), link))).ToList());
        })).ToList();
    }
}

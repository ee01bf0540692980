using Cohorts.Domain.Catalogue;
using Cohorts.Domain.Sessions;
using Cohorts.Web.Data;
using Cohorts.Web.Emails;
using Microsoft.EntityFrameworkCore;

namespace Cohorts.Web.Sessions;

/// <summary>
/// Writes to the outbox, before the change is saved (so in its transaction), what the people concerned by changed or
/// cancelled sessions are told: the lead and whoever attends (the cohort's participants, or a coaching session's own),
/// one email each for all the sessions of one go (a series), with one calendar event per session. Those who were
/// concerned before the change and no longer are (a lead replaced, a coachee taken off) are told so. Whoever made the
/// change (<c>madeBy</c>: a coach changing their own coaching session) is not told what they just did.
/// </summary>
public static class SessionNotices
{
    /// <summary>Whom a session names itself: its lead and a coaching session's participants; read before a change.</summary>
    public static IReadOnlySet<string> Named(Session session) => session.ParticipantIds.Append(session.LeadId).ToHashSet(StringComparer.Ordinal);

    public static async Task ChangedAsync(CohortsDbContext db, Outbox outbox, string baseUrl, Cohort cohort, IReadOnlyList<Session> sessions,
        IReadOnlySet<string> namedBefore, DateTimeOffset now, CancellationToken cancellationToken, string? madeBy = null)
    {
        if (sessions.Count == 0) return;
        var (concerned, people) = await ConcernedAsync(db, cohort, sessions, namedBefore, madeBy, cancellationToken);
        var first = sessions.OrderBy(s => s.StartsAt).First();
        var lead = people.GetValueOrDefault(first.LeadId)?.Name ?? "";
        foreach (var (personId, theirs) in concerned)
        {
            if (people.GetValueOrDefault(personId) is not { Email: { } email } person) continue;
            var dates = theirs.OrderBy(s => s.StartsAt).Select(SessionText.When).ToList();
            var attachments = theirs.OrderBy(s => s.StartsAt)
                .Select(s => SessionCalendar.Attachment(new CalendarSession(s, cohort.Program.Name, cohort.Name, lead), now)).ToArray();
            outbox.Add(email, new SessionChangedMessage(person.FirstName, cohort.Program.Name, cohort.Name, first.Title, dates, SessionText.Where(first), lead,
                first.Mandatory, false, Link(baseUrl, personId, theirs)), new MessageConcerns(cohort.Id), attachments);
        }
        foreach (var personId in namedBefore.Where(id => !concerned.ContainsKey(id)))
        {
            if (people.GetValueOrDefault(personId) is not { Email: { } email } person) continue;
            outbox.Add(email, new SessionChangedMessage(person.FirstName, cohort.Program.Name, cohort.Name, first.Title,
                sessions.OrderBy(s => s.StartsAt).Select(SessionText.When).ToList(), "", lead, first.Mandatory, true, $"{baseUrl.TrimEnd('/')}/agenda"),
                new MessageConcerns(cohort.Id));
        }
    }

    public static async Task CancelledAsync(CohortsDbContext db, Outbox outbox, string baseUrl, Cohort cohort, IReadOnlyList<Session> sessions,
        DateTimeOffset now, CancellationToken cancellationToken, string? madeBy = null)
    {
        if (sessions.Count == 0) return;
        var (concerned, people) = await ConcernedAsync(db, cohort, sessions, new HashSet<string>(), madeBy, cancellationToken);
        var first = sessions.OrderBy(s => s.StartsAt).First();
        var lead = people.GetValueOrDefault(first.LeadId)?.Name ?? "";
        foreach (var (personId, theirs) in concerned)
        {
            if (people.GetValueOrDefault(personId) is not { Email: { } email } person) continue;
            var ordered = theirs.OrderBy(s => s.StartsAt).ToList();
            outbox.Add(email, new SessionCancelledMessage(person.FirstName, cohort.Program.Name, cohort.Name, first.Title,
                    ordered.Select(SessionText.When).ToList(), first.CancelReason ?? "", Link(baseUrl, personId, theirs)), new MessageConcerns(cohort.Id),
                ordered.Select(s => SessionCalendar.Attachment(new CalendarSession(s, cohort.Program.Name, cohort.Name, lead), now)).ToArray());
        }
    }

    private sealed record Person(string FirstName, string Name, string? Email);

    /// <summary>Each person concerned now, with the sessions that concern them; and every account named, before or now.</summary>
    private static async Task<(Dictionary<string, List<Session>> Concerned, Dictionary<string, Person> People)> ConcernedAsync(CohortsDbContext db,
        Cohort cohort, IReadOnlyList<Session> sessions, IReadOnlySet<string> namedBefore, string? madeBy, CancellationToken cancellationToken)
    {
        var cohortWide = sessions.Any(s => s.IsCohortWide)
            ? await db.ParticipantsOf(cohort.Id).Select(e => e.ParticipantId).ToListAsync(cancellationToken)
            : [];
        var concerned = new Dictionary<string, List<Session>>(StringComparer.Ordinal);
        foreach (var session in sessions)
        foreach (var id in (session.IsCohortWide ? cohortWide : session.ParticipantIds).Append(session.LeadId).Distinct())
        {
            if (!concerned.TryGetValue(id, out var theirs)) concerned[id] = theirs = [];
            theirs.Add(session);
        }
        var ids = concerned.Keys.Concat(namedBefore).Distinct().Where(id => id != madeBy).ToList();
        var people = await db.Users.AsNoTracking().Where(u => ids.Contains(u.Id) && u.DeactivatedAt == null)
            .ToDictionaryAsync(u => u.Id, u => new Person(u.FirstName, (u.FirstName + " " + u.LastName).Trim(), u.Email), cancellationToken);
        return (concerned, people);
    }

    /// <summary>A lead's space is their coaching space; a participant's, their journey.</summary>
    private static string Link(string baseUrl, string personId, IEnumerable<Session> sessions) =>
        $"{baseUrl.TrimEnd('/')}{(sessions.Any(s => s.LeadId == personId) ? "/accompagnement" : "/parcours")}";
}

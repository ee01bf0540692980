using Cohorts.Domain.Sessions;
using Cohorts.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Cohorts.Web.Sessions;

/// <summary>
/// Says, in French, what a session clashes with: the same rules as the exclusion constraints on
/// <c>session_bookings</c>, asked of the bookings already saved, so that staff read "Claire Martin anime déjà « … » le
/// mardi 12 janvier 2027, de 14:00 à 16:00" instead of a refusal without a reason. The database stays the judge: this
/// runs before saving, and again to explain a refusal that a concurrent booking caused.
/// </summary>
public static class SessionClashes
{
    /// <param name="savedWith">Sessions saved in the same go (a series): their stored bookings are about to change, so they are not asked.</param>
    public static async Task<IReadOnlyList<string>> FindAsync(CohortsDbContext db, Session session, IReadOnlyCollection<Guid> savedWith,
        CancellationToken cancellationToken)
    {
        if (session.IsCancelled) return [];
        var mine = session.Bookings.Where(b => b.Active).ToList();
        var people = mine.Where(b => b.PersonId is not null).Select(b => b.PersonId!).ToList();
        var hasCohortRow = mine.Any(b => b.Role == BookingRole.Cohort);
        var hasParticipants = mine.Any(b => b.Role == BookingRole.Participant);
        var (start, end, cohortId, id) = (session.StartsAt, session.EndsAt, session.CohortId, session.Id);
        var others = await db.SessionBookings.AsNoTracking()
            .Where(b => b.Active && b.SessionId != id && !savedWith.Contains(b.SessionId) && b.StartsAt < end && start < b.EndsAt)
            .Where(b => (b.PersonId != null && people.Contains(b.PersonId))
                || (b.CohortId == cohortId && b.Role == BookingRole.Cohort && (hasCohortRow || hasParticipants))
                || (b.CohortId == cohortId && b.Role == BookingRole.Participant && hasCohortRow))
            .Join(db.Sessions, b => b.SessionId, s => s.Id, (b, s) => new { b.Role, b.PersonId, s.Title, s.StartsAt, s.EndsAt })
            .OrderBy(b => b.StartsAt).Take(20)
            .ToListAsync(cancellationToken);
        if (others.Count == 0) return [];
        var ids = others.Where(o => o.PersonId is not null).Select(o => o.PersonId!).Concat(session.ParticipantIds).Distinct().ToList();
        var names = await db.Users.Where(u => ids.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.FirstName + " " + u.LastName, cancellationToken);
        var messages = new List<string>();
        foreach (var other in others)
        {
            var what = $"« {other.Title} » le {SessionText.When(other.StartsAt, other.EndsAt)}";
            var line = other.Role switch
            {
                BookingRole.Cohort when hasCohortRow => $"La promotion a déjà {what} : une séance de la promotion ne peut pas en chevaucher une autre.",
                BookingRole.Cohort => $"{ParticipantsNamed(session, names)} {(session.Participants.Count > 1 ? "ont" : "a")} déjà {what}, une séance de sa promotion.",
                BookingRole.Participant when hasCohortRow && !people.Contains(other.PersonId!) =>
                    $"{names.GetValueOrDefault(other.PersonId!, "Un participant")} a déjà {what}, une séance d'accompagnement, pendant cette séance de la promotion.",
                BookingRole.Lead => $"{names.GetValueOrDefault(other.PersonId!, "La personne choisie")} anime déjà {what}.",
                _ => $"{names.GetValueOrDefault(other.PersonId!, "Un participant")} participe déjà à {what}.",
            };
            if (!messages.Contains(line)) messages.Add(line);
        }
        return messages;
    }

    private static string ParticipantsNamed(Session session, IReadOnlyDictionary<string, string> names)
    {
        var known = session.ParticipantIds.Select(id => names.GetValueOrDefault(id)).OfType<string>().ToList();
        return known.Count > 0 ? string.Join(", ", known) : session.Participants.Count > 1 ? "Les participants" : "Le participant";
    }
}

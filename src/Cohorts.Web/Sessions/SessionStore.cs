using Cohorts.Domain.Sessions;
using Cohorts.Web.Data;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Cohorts.Web.Sessions;

/// <summary>
/// Saves sessions (one, or a whole series) with their bookings, and turns the database's refusals into French: a clash
/// (<c>23P01</c>, one of the exclusion constraints), a session outside its cohort (<c>ck_sessions_within_cohort</c>), or
/// a session changed by someone else meanwhile (its row version).
/// Nothing is saved when anything is refused. Other changes tracked by <paramref name="db"/> are saved with them, in
/// the same transaction (emails to the outbox, for one).
/// </summary>
public static class SessionStore
{
    public const string OutsideCohortMessage = "La séance doit avoir lieu pendant les dates de la promotion.";
    public const string ChangedMeanwhileMessage = "La séance vient d'être modifiée par quelqu'un d'autre : rechargez la page et recommencez.";

    /// <summary>Returns the refusals (empty when saved).</summary>
    public static async Task<IReadOnlyList<string>> SaveAsync(CohortsDbContext db, IReadOnlyCollection<Session> sessions,
        CancellationToken cancellationToken)
    {
        var clashes = await ClashesAsync(db, sessions, cancellationToken);
        if (clashes.Count > 0) return clashes;
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return [];
        }
        catch (DbUpdateException e) when (e.InnerException is PostgresException { SqlState: PostgresErrorCodes.ExclusionViolation })
        {
            // Another booking was saved between our check and our insert: say what it is now.
            var now = await ClashesAsync(db, sessions, cancellationToken);
            return now.Count > 0 ? now : ["Cette séance chevauche une autre séance enregistrée à l'instant : rechargez la page et réessayez."];
        }
        catch (DbUpdateException e) when (e.InnerException is PostgresException { ConstraintName: "ck_sessions_within_cohort" })
        {
            return [OutsideCohortMessage];
        }
        catch (DbUpdateConcurrencyException)
        {
            // Two people changing one session: the second saves nothing (row version).
            return [ChangedMeanwhileMessage];
        }
    }

    public static Task<IReadOnlyList<string>> SaveAsync(CohortsDbContext db, Session session, CancellationToken cancellationToken) =>
        SaveAsync(db, [session], cancellationToken);

    /// <summary>
    /// What the sessions clash with, with the bookings already saved and between themselves (two occurrences of one
    /// series that overlap). Each message is prefixed by the session's day when there are several sessions.
    /// </summary>
    public static async Task<IReadOnlyList<string>> ClashesAsync(CohortsDbContext db, IReadOnlyCollection<Session> sessions,
        CancellationToken cancellationToken)
    {
        var messages = new List<string>();
        var ids = sessions.Select(s => s.Id).ToList();
        foreach (var session in sessions.Where(s => !s.IsCancelled).OrderBy(s => s.StartsAt))
        {
            var own = await SessionClashes.FindAsync(db, session, ids, cancellationToken);
            var prefix = sessions.Count > 1 ? $"Séance du {SessionText.When(session)} : " : "";
            messages.AddRange(own.Select(m => prefix + m));
            if (messages.Count >= 20) break;
        }
        var ordered = sessions.Where(s => !s.IsCancelled).OrderBy(s => s.StartsAt).ToList();
        for (var i = 1; i < ordered.Count; i++)
            if (ordered[i].StartsAt < ordered[i - 1].EndsAt && ordered[i].CohortId == ordered[i - 1].CohortId)
                messages.Add($"Deux séances de la série se chevauchent : le {SessionText.When(ordered[i - 1])} et le {SessionText.When(ordered[i])}.");
        return messages;
    }
}

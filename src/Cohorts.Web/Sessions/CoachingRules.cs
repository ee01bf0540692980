using Cohorts.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Cohorts.Web.Sessions;

/// <summary>Who a coach may plan coaching sessions with: their own coachees of the cohort, and nobody else.</summary>
public static class CoachingRules
{
    public const string NotACoachOfTheCohortMessage = "Ce coach n'accompagne pas cette promotion : ajoutez-le d'abord à ses coachs.";

    /// <summary>The participants a coach accompanies in a cohort (their account ids).</summary>
    public static IQueryable<string> CoacheesOf(this CohortsDbContext db, int cohortId, string coachId) =>
        db.CoachPairings.Where(p => p.CohortId == cohortId && p.CoachId == coachId).Select(p => p.ParticipantId);

    /// <summary>Null when every participant named is one of the coach's coachees in the cohort; else what is wrong, in French.</summary>
    public static async Task<string?> CheckCoacheesAsync(CohortsDbContext db, int cohortId, string coachId, IReadOnlyCollection<string> participantIds,
        CancellationToken cancellationToken)
    {
        if (!await db.CohortCoaches.AnyAsync(c => c.CohortId == cohortId && c.CoachId == coachId, cancellationToken)) return NotACoachOfTheCohortMessage;
        var coachees = await db.CoacheesOf(cohortId, coachId).ToListAsync(cancellationToken);
        var strangers = participantIds.Where(id => !coachees.Contains(id)).ToList();
        if (strangers.Count == 0) return null;
        var names = await db.Users.Where(u => strangers.Contains(u.Id)).Select(u => u.FirstName + " " + u.LastName).OrderBy(n => n).ToListAsync(cancellationToken);
        return names.Count == 0
            ? "Choisissez les participants parmi les personnes que ce coach accompagne."
            : $"Ce coach n'accompagne pas {string.Join(", ", names)} : une séance d'accompagnement réunit le coach et ses propres coachés.";
    }
}

using Cohorts.Domain.Catalogue;
using Cohorts.Domain.Sessions;
using Cohorts.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Cohorts.Web.Sessions;

/// <summary>
/// A cohort's new dates must still hold its sessions (those not cancelled): the cohort's edit page asks first, to name
/// them; the trigger <c>cohort_dates_hold_sessions</c> refuses a change that slips past (a session saved meanwhile).
/// </summary>
public static class SessionsOutside
{
    public const string Constraint = "ck_cohort_dates_hold_sessions";
    public const string Message = "Des séances de la promotion tomberaient en dehors de ces dates : déplacez-les ou annulez-les d'abord.";

    /// <summary>Null when the cohort's dates (as just edited, not saved) hold every session; else which do not, in French.</summary>
    public static async Task<string?> MessageAsync(CohortsDbContext db, Cohort cohort, CancellationToken cancellationToken)
    {
        var window = SessionWindow.Of(cohort);
        var (from, to) = (window.From, window.To);
        var outside = await db.Sessions.AsNoTracking()
            .Where(s => s.CohortId == cohort.Id && s.CancelledAt == null && (s.StartsAt < from || s.EndsAt > to))
            .OrderBy(s => s.StartsAt).Take(6).ToListAsync(cancellationToken);
        if (outside.Count == 0) return null;
        var named = string.Join(" ; ", outside.Take(5).Select(s => $"« {s.Title} » le {SessionText.When(s)}"));
        return $"Des séances de la promotion tomberaient en dehors de ces dates : {named}{(outside.Count > 5 ? "…" : "")}. Déplacez-les ou annulez-les d'abord.";
    }
}

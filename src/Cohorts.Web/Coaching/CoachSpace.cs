using Cohorts.Domain;
using Cohorts.Domain.Sessions;
using Cohorts.Web.Data;
using Cohorts.Web.Emails;
using Cohorts.Web.Sessions;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.EntityFrameworkCore;

namespace Cohorts.Web.Coaching;

/// <summary>What the coach's pages share: their coachees as options, and turning their form into a session's details.</summary>
public static class CoachSpace
{
    public static async Task<IReadOnlyList<CoacheeOption>> CoacheesAsync(CohortsDbContext db, int cohortId, string coachId, CancellationToken cancellationToken) =>
        (await db.CoacheesOf(cohortId, coachId).Join(db.Users, id => id, u => u.Id, (id, u) => new { u.Id, Name = u.FirstName + " " + u.LastName })
            .OrderBy(c => c.Name).ToListAsync(cancellationToken)).Select(c => new CoacheeOption(c.Id, c.Name)).ToList();

    /// <summary>The details typed, checked for the coach's own coachees; null with the refusals in <paramref name="state"/>.</summary>
    public static async Task<SessionDetails?> DetailsAsync(CohortsDbContext db, CoachingSessionInput input, int cohortId, string coachId,
        ModelStateDictionary state, CancellationToken cancellationToken)
    {
        var (details, field, error) = input.ToDetails(coachId);
        if (field is not null) state.AddModelError(field, error!);
        if (details is null) return null;
        if (await CoachingRules.CheckCoacheesAsync(db, cohortId, coachId, details.Participants, cancellationToken) is { } refusal)
        {
            state.AddModelError("Input.Participants", refusal);
            return null;
        }
        return details;
    }

    /// <summary>Saves the session with the emails already added; the refusals (a clash) go to <paramref name="state"/>.</summary>
    public static async Task<bool> SaveAsync(CohortsDbContext db, Session session, ModelStateDictionary state, CancellationToken cancellationToken)
    {
        var refusals = await SessionStore.SaveAsync(db, session, cancellationToken);
        foreach (var refusal in refusals) state.AddModelError("", refusal);
        return refusals.Count == 0;
    }

    /// <summary>Runs a domain move; its refusal becomes the form's message.</summary>
    public static bool Try(ModelStateDictionary state, Action move)
    {
        try
        {
            move();
            return true;
        }
        catch (DomainException e)
        {
            state.AddModelError("", e.Message);
            return false;
        }
    }
}

using Cohorts.Domain.Applications;
using Cohorts.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Cohorts.Web.Selection;

/// <summary>The decision published for one application: the move made at publication, and its note (a waitlist rank).</summary>
public sealed record PublishedDecision(ApplicationTrigger Trigger, DateTimeOffset At, string? Note)
{
    public string Label => Trigger switch
    {
        ApplicationTrigger.Admit => "Admis",
        ApplicationTrigger.Waitlist => "Liste complémentaire",
        _ => "Non retenu",
    };
}

/// <summary>
/// What the committee published, read back from the applications' history (one query): an application's state moves
/// on afterwards (an offer declined, a waitlisted candidate admitted), its published decision does not.
/// </summary>
public static class PublishedDecisions
{
    private static readonly ApplicationTrigger?[] Decisions = [ApplicationTrigger.Admit, ApplicationTrigger.Waitlist, ApplicationTrigger.Reject];

    public static async Task<IReadOnlyDictionary<Guid, PublishedDecision>> LoadAsync(CohortsDbContext db, int cohortId, CancellationToken cancellationToken)
    {
        var moves = await db.ApplicationTransitions.AsNoTracking()
            .Where(t => Decisions.Contains(t.Trigger) && db.Applications.Any(a => a.Id == t.ApplicationId && a.CohortId == cohortId))
            .Select(t => new { t.ApplicationId, t.Trigger, t.At, t.Reason }).ToListAsync(cancellationToken);
        return moves.GroupBy(m => m.ApplicationId).ToDictionary(g => g.Key, g =>
        {
            var first = g.OrderBy(m => m.At).First();
            return new PublishedDecision(first.Trigger!.Value, first.At, first.Reason);
        });
    }
}

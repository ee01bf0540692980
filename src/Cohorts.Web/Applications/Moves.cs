using Cohorts.Domain;
using Cohorts.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Cohorts.Web.Applications;

/// <summary>How a move asked for on a page ended: saved, refused by the domain (its French reason), or lost to someone who saved first.</summary>
public sealed record MoveOutcome(bool Saved, string? Refusal, bool ChangedMeanwhile)
{
    public static MoveOutcome Done { get; } = new(true, null, false);
    public static MoveOutcome Concurrent { get; } = new(false, null, true);

    /// <summary>What the candidate reads when their move was not saved: the domain's reason, or that the application changed meanwhile.</summary>
    public string CandidateMessage => Refusal ?? "Votre candidature vient de changer d'état. Consultez-la avant de recommencer.";
}

/// <summary>The one home of the try/catch every page wrapped around a move and its save.</summary>
public static class Moves
{
    /// <summary>
    /// Makes the move and saves it, with what it causes (see <see cref="DomainEventDispatcher"/>). A refusal or a
    /// concurrent save is an outcome the page answers in words, never an error page.
    /// </summary>
    public static async Task<MoveOutcome> MoveAndSaveAsync(this CohortsDbContext db, Action move, CancellationToken cancellationToken)
    {
        try
        {
            move();
            await db.SaveChangesAsync(cancellationToken);
            return MoveOutcome.Done;
        }
        catch (DomainException e)
        {
            return new(false, e.Message, false);
        }
        catch (DbUpdateConcurrencyException)
        {
            return MoveOutcome.Concurrent;
        }
    }
}

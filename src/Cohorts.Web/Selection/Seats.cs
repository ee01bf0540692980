using Cohorts.Domain.Applications;
using Cohorts.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Cohorts.Web.Selection;

/// <summary>
/// A cohort's seats are one resource shared by many applications: every change to who holds one (publishing the
/// decisions, accepting, declining, expiring, withdrawing, promoting from the waitlist) takes the cohort's row lock
/// first, so that two such changes of one cohort run one after the other and never count the same free seat twice.
/// </summary>
public static class Seats
{
    /// <summary>The states that hold a seat: an open offer, or an accepted one.</summary>
    public static readonly ApplicationState[] Holding = [ApplicationState.Admitted, ApplicationState.OfferAccepted];

    /// <summary>Opens a transaction holding the cohort's row lock until it commits or rolls back.</summary>
    public static async Task<IDbContextTransaction> LockCohortAsync(this CohortsDbContext db, int cohortId, CancellationToken cancellationToken)
    {
        var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        try
        {
            await db.Database.ExecuteSqlAsync($"SELECT 1 FROM cohorts WHERE id = {cohortId} FOR UPDATE", cancellationToken);
            return transaction;
        }
        catch
        {
            await transaction.DisposeAsync();
            throw;
        }
    }

    /// <summary>How many seats are held now; read under the lock, it stays true until the commit.</summary>
    public static Task<int> HeldAsync(this CohortsDbContext db, int cohortId, CancellationToken cancellationToken) =>
        db.Applications.CountAsync(a => a.CohortId == cohortId && Holding.Contains(a.State), cancellationToken);
}

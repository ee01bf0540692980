using Cohorts.Web.Selection;
using Hangfire;

namespace Cohorts.Web.Jobs;

/// <summary>
/// Expires the seat offers whose deadline has come and gives the freed seats to the waitlist (see
/// <see cref="Offers.ExpireDueOffersAsync"/>). Safe to run twice and beside a late acceptance: each cohort is handled
/// under its lock, and an offer answered meanwhile is left alone. A failed run is not retried: the next one does its work.
/// </summary>
[AutomaticRetry(Attempts = 0)]
public sealed class ExpireOffersJob(Offers offers, TimeProvider clock)
{
    public Task<int> RunAsync(CancellationToken cancellationToken) => offers.ExpireDueOffersAsync(clock.GetUtcNow(), cancellationToken);
}

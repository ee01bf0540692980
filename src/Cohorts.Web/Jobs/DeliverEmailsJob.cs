using Cohorts.Web.Emails.Delivery;
using Hangfire;

namespace Cohorts.Web.Jobs;

/// <summary>
/// Delivers what the outbox holds (<see cref="OutboxDrain"/>): asked for after each commit that writes emails, at a
/// node's start, and by the minute's sweep, which retries failures once their wait is over. Never one job per email:
/// Hangfire runs a few hundred jobs a second here, SMTP takes more. Hangfire passes its shutdown token as
/// <paramref name="cancellationToken"/>: the drain stops between two messages.
/// </summary>
[AutomaticRetry(Attempts = 0)]
public sealed class DeliverEmailsJob(IServiceProvider services)
{
    public Task<int> RunAsync(CancellationToken cancellationToken) => OutboxDrain.Create(services).RunAsync(cancellationToken);
}

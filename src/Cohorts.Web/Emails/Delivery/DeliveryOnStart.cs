using Cohorts.Web.Jobs;
using Hangfire;
using Microsoft.Extensions.Options;

namespace Cohorts.Web.Emails.Delivery;

/// <summary>
/// A node that starts asks for a delivery: what a crashed or stopped node left in the outbox leaves now, not at the next
/// minute's sweep (<see cref="MailOptions.DeliverOnStart"/>).
/// </summary>
public sealed class DeliveryOnStart(IHostApplicationLifetime lifetime, IBackgroundJobClient jobs, IOptions<MailOptions> options,
    ILogger<DeliveryOnStart> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (options.Value.DeliverOnStart)
            lifetime.ApplicationStarted.Register(() =>
            {
                try
                {
                    jobs.Enqueue<DeliverEmailsJob>(job => job.RunAsync(CancellationToken.None));
                }
                catch (Exception e) when (e is Npgsql.NpgsqlException or InvalidOperationException or TimeoutException)
                {
                    logger.LogWarning(e, "No delivery asked for at start; the minute's sweep will deliver");
                }
            });
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}

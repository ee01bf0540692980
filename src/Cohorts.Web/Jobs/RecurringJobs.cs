using Hangfire;

namespace Cohorts.Web.Jobs;

/// <summary>The schedule of every recurring job, in one place.</summary>
public static class RecurringJobs
{
    public static void Register(IRecurringJobManager jobs)
    {
        // Emails normally leave right after the change that wrote them; this sweep retries failures.
        jobs.AddOrUpdate<DeliverEmailsJob>("deliver-emails", job => job.RunAsync(CancellationToken.None), Cron.Minutely());
    }
}

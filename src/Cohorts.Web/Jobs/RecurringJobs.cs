using Cohorts.Web.Reminders;
using Hangfire;

namespace Cohorts.Web.Jobs;

/// <summary>The schedule of every recurring job, in one place. A schedule can be overridden in configuration.</summary>
public static class RecurringJobs
{
    public static void Register(IRecurringJobManager jobs, IConfiguration configuration)
    {
        // Emails normally leave right after the change that wrote them; this sweep retries failures.
        jobs.AddOrUpdate<DeliverEmailsJob>("deliver-emails", job => job.RunAsync(CancellationToken.None),
            configuration["Jobs:DeliverEmails"] ?? Cron.Minutely());
        // An offer may outlive its deadline by up to a quarter of an hour: acceptance checks the deadline itself.
        jobs.AddOrUpdate<ExpireOffersJob>("expire-offers", job => job.RunAsync(CancellationToken.None),
            configuration["Jobs:ExpireOffers"] ?? "*/15 * * * *");
        // Reminders: hourly, each kind at its own minute. A reminder leaves within the hour its step falls in; a run late
        // or missed is caught up by the next while the reminder still makes sense (see ReminderSchedule). Eight minutes apart,
        // so that the seven kinds fit in the hour.
        foreach (var (kind, minute) in ReminderKinds.All.Select((k, i) => (k, 5 + 8 * i)))
            jobs.AddOrUpdate<SendRemindersJob>($"remind-{ReminderKinds.Slug(kind)}", job => job.RunAsync(kind, CancellationToken.None),
                configuration[$"Jobs:Remind{kind}"] ?? $"{minute} * * * *");
        jobs.AddOrUpdate<PurgeMailBodiesJob>("purge-mail-bodies", job => job.RunAsync(CancellationToken.None),
            configuration["Jobs:PurgeMailBodies"] ?? Cron.Daily(3));
    }
}

using Cohorts.Web.Data;
using Cohorts.Web.Emails;
using Cohorts.Web.Jobs;
using Hangfire;
using Microsoft.EntityFrameworkCore;

namespace Cohorts.Web.Reminders;

/// <summary>
/// Writes the reminders of one kind that are due now, in the cohorts where the kind is on, each once: the outbox's
/// unique dedupe key decides (<see cref="Outbox.AddOnceAsync"/>), so a run twice, late, or on two processes at once writes
/// each reminder once. Each message commits on its own (no transaction spans the run): two runs side by side wait on each
/// other one key at a time, never on a batch, and cannot deadlock. Then one delivery is asked for.
/// </summary>
public sealed class ReminderSender(CohortsDbContext db, IEnumerable<ReminderPlanner> planners, Outbox outbox, IBackgroundJobClient jobs,
    TimeProvider clock, ILogger<ReminderSender> logger)
{
    public async Task<int> SendDueAsync(ReminderKind kind, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var off = await db.ReminderSwitches.AsNoTracking().Where(s => s.Kind == kind).Select(s => s.CohortId).ToListAsync(cancellationToken);
        var due = (await planners.Single(p => p.Kind == kind).PlanAsync(null, now, dueOnly: true, cancellationToken))
            .Where(r => !off.Contains(r.CohortId)).ToList();
        // What an earlier run wrote is skipped before rendering; the unique index still decides for a run writing meanwhile.
        var already = await WrittenKeysAsync(db, due, cancellationToken);
        var count = 0;
        foreach (var reminder in due.Where(r => r.DedupeKeys.Any(k => !already.Contains(k))))
            foreach (var message in reminder.MessagesAt(now).Where(m => !already.Contains(m.DedupeKey)))
                if (await outbox.AddOnceAsync(message.To, message.Email, message.DedupeKey, reminder.Concerns, cancellationToken, message.Attachments))
                    count++;
        if (count > 0)
        {
            logger.LogInformation("{Count} reminders of kind {Kind} written", count, kind);
            jobs.Enqueue<DeliverEmailsJob>(job => job.RunAsync(CancellationToken.None));
        }
        return count;
    }

    /// <summary>The dedupe keys of these reminders that the outbox already holds: what a run skips, what the staff page lists as sent.</summary>
    public static async Task<HashSet<string>> WrittenKeysAsync(CohortsDbContext db, IEnumerable<PlannedReminder> reminders,
        CancellationToken cancellationToken)
    {
        var keys = reminders.SelectMany(r => r.DedupeKeys).ToList();
        var written = await db.OutboxMessages.AsNoTracking().Where(m => keys.Contains(m.DedupeKey!)).Select(m => m.DedupeKey!)
            .ToListAsync(cancellationToken);
        return written.ToHashSet(StringComparer.Ordinal);
    }
}

public static class RemindersServices
{
    public static IServiceCollection AddReminders(this IServiceCollection services)
    {
        services.AddScoped<ReminderPlanner, ApplicationDeadlinePlanner>();
        services.AddScoped<ReminderPlanner, EndorsementPendingPlanner>();
        services.AddScoped<ReminderPlanner, ReviewsDuePlanner>();
        services.AddScoped<ReminderPlanner, OfferExpiringPlanner>();
        services.AddScoped<ReminderPlanner, SessionTomorrowPlanner>();
        services.AddScoped<ReminderPlanner, CoachingNotLoggedPlanner>();
        services.AddScoped<ReminderPlanner, SatisfactionInvitationPlanner>();
        services.AddScoped<ReminderSender>();
        services.AddScoped<SendRemindersJob>();
        return services;
    }
}

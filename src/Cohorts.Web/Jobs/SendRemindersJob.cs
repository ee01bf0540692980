using Cohorts.Web.Reminders;
using Hangfire;

namespace Cohorts.Web.Jobs;

/// <summary>
/// Sends the reminders of one kind that are due (see <see cref="ReminderSender"/>); one recurring job per kind, so that
/// each has its schedule. Safe to run twice, late, or side by side. A failed run is not retried: the next one sends what
/// is still due, and the reminders' windows let it be late.
/// </summary>
[AutomaticRetry(Attempts = 0)]
public sealed class SendRemindersJob(ReminderSender sender)
{
    public Task<int> RunAsync(ReminderKind kind, CancellationToken cancellationToken) => sender.SendDueAsync(kind, cancellationToken);
}

using Cohorts.Web.Data;
using Cohorts.Web.Emails;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Cohorts.Web.Jobs;

/// <summary>
/// Drops the bodies and attachments of the messages sent more than <see cref="MailOptions.BodyRetentionDays"/> days ago:
/// what candidates and staff were told is kept no longer than needed, while the journal's line (who, what, when) stays.
/// Batch by batch, each its own transaction, so that a first run over years of mail holds no lock for long. Safe to run
/// twice: a purged message is not taken again.
/// </summary>
[AutomaticRetry(Attempts = 0)]
public sealed class PurgeMailBodiesJob(CohortsDbContext db, IOptions<MailOptions> options, TimeProvider clock, ILogger<PurgeMailBodiesJob> logger)
{
    public const int BatchSize = 200;

    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var sentBefore = now.AddDays(-options.Value.BodyRetentionDays);
        var purged = 0;
        while (!cancellationToken.IsCancellationRequested)
        {
            var batch = await db.OutboxMessages
                .Where(m => m.State == OutboxState.Sent && m.SentAt < sentBefore && m.BodiesPurgedAt == null)
                .OrderBy(m => m.SentAt).Take(BatchSize)
                .ToListAsync(cancellationToken);
            foreach (var message in batch) message.PurgeBodies(now);
            await db.SaveChangesAsync(cancellationToken);
            db.ChangeTracker.Clear();
            purged += batch.Count;
            if (batch.Count < BatchSize) break;
        }
        if (purged > 0) logger.LogInformation("Purged the bodies of {Count} emails sent before {SentBefore}", purged, sentBefore);
        return purged;
    }
}

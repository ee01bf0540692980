using Cohorts.Web.Data;
using Cohorts.Web.Emails;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Cohorts.Web.Jobs;

/// <summary>
/// Sends what the outbox holds, in batches over one connection. Safe to run twice and side by side:
/// each batch is locked (FOR UPDATE SKIP LOCKED) until it is marked sent, so two workers never take the
/// same message. A failed message waits longer before each new try; the recurring sweep picks it up.
/// </summary>
[AutomaticRetry(Attempts = 0)]
public sealed class DeliverEmailsJob(CohortsDbContext db, IMailTransport transport, IOptions<MailOptions> options,
    TimeProvider clock, ILogger<DeliverEmailsJob> logger)
{
    private const int MaxBatchesPerRun = 20;

    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var sent = 0;
        for (var batch = 0; batch < MaxBatchesPerRun; batch++)
        {
            var (taken, delivered) = await DeliverOneBatchAsync(cancellationToken);
            sent += delivered;
            if (taken < options.Value.BatchSize || delivered == 0) break;
        }
        return sent;
    }

    private async Task<(int Taken, int Delivered)> DeliverOneBatchAsync(CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var now = clock.GetUtcNow();
        var messages = await db.OutboxMessages
            .FromSql($"""
                SELECT * FROM outbox_messages
                WHERE state = 'Pending' AND next_attempt_at <= {now}
                ORDER BY next_attempt_at
                LIMIT {options.Value.BatchSize}
                FOR UPDATE SKIP LOCKED
                """)
            .ToListAsync(cancellationToken);
        if (messages.Count == 0) return (0, 0);

        var delivered = 0;
        try
        {
            await using var session = await transport.OpenAsync(cancellationToken);
            foreach (var message in messages)
            {
                try
                {
                    await session.SendAsync(ToMime(message), cancellationToken);
                    message.MarkSent(clock.GetUtcNow(), OutboxMessage.MessageIdOf(message.Id, options.Value.From));
                    delivered++;
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    logger.LogWarning(e, "Email {MessageId} to {To} not delivered", message.Id, message.To);
                    message.MarkTransientFailure(clock.GetUtcNow(), e.Message);
                }
            }
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogWarning(e, "Mail server unreachable; {Count} emails wait for the next try", messages.Count - delivered);
            foreach (var message in messages.Where(m => m.SentAt is null)) message.MarkTransientFailure(clock.GetUtcNow(), e.Message);
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return (messages.Count, delivered);
    }

    private MimeMessage ToMime(OutboxMessage message)
    {
        var settings = options.Value;
        var body = new BodyBuilder { HtmlBody = message.HtmlBody, TextBody = message.TextBody };
        foreach (var attachment in message.Attachments)
            body.Attachments.Add(attachment.FileName, attachment.Content, ContentType.Parse(attachment.ContentType));
        var mime = new MimeMessage
        {
            // A stable id: a message sent twice after a crash is recognisable as one.
            MessageId = OutboxMessage.MessageIdOf(message.Id, settings.From),
            Date = message.CreatedAt,
            Subject = message.Subject,
            Body = body.ToMessageBody(),
        };
        mime.From.Add(new MailboxAddress(settings.FromName, settings.From));
        mime.To.Add(MailboxAddress.Parse(message.To));
        return mime;
    }
}

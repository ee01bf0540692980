using Cohorts.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Cohorts.Web.Emails;

/// <summary>
/// Puts an email in the outbox of the current unit of work: it is saved with the caller's next SaveChanges,
/// in the same transaction, and delivered after the commit by <see cref="Jobs.DeliverEmailsJob"/>.
/// </summary>
public sealed class Outbox(CohortsDbContext db, EmailRenderer renderer, TimeProvider clock)
{
    public OutboxMessage Add(string to, Email email, MessageConcerns concerns, params EmailAttachment[] attachments)
    {
        var message = OutboxMessage.Create(to, renderer.Render(email), clock.GetUtcNow(), concerns, attachments: attachments);
        db.OutboxMessages.Add(message);
        return message;
    }

    /// <summary>
    /// Writes a message at once (in the caller's transaction, if one is open) unless a message with this dedupe key was
    /// ever written: the database's unique index decides, so two processes writing the same reminder at the same moment
    /// write it once (the second waits for the first's commit, then writes nothing). Returns whether it was written.
    /// The save-time trigger does not see this insert: the caller asks for a delivery once it has committed
    /// (<see cref="Jobs.DeliverEmailsJob"/>'s sweep would find it within a minute anyway).
    /// </summary>
    public async Task<bool> AddOnceAsync(string to, Email email, string dedupeKey, MessageConcerns concerns,
        CancellationToken cancellationToken, params EmailAttachment[] attachments)
    {
        var message = OutboxMessage.Create(to, renderer.Render(email), clock.GetUtcNow(), concerns, dedupeKey, attachments);
        var pending = nameof(OutboxState.Pending);
        // The message and its attachments commit together: a delivery running meanwhile must never find a message whose
        // attachments are not written yet (it would send it without them). Inside the caller's transaction, that one holds.
        await using var transaction = db.Database.CurrentTransaction is null && message.Attachments.Count > 0
            ? await db.Database.BeginTransactionAsync(cancellationToken)
            : null;
        var written = await db.Database.ExecuteSqlAsync($"""
            INSERT INTO outbox_messages (id, "to", subject, kind, html_body, text_body, state, created_at, next_attempt_at, attempts,
                                         dedupe_key, cohort_id, application_id)
            VALUES ({message.Id}, {message.To}, {message.Subject}, {message.Kind}, {message.HtmlBody}, {message.TextBody}, {pending},
                    {message.CreatedAt}, {message.NextAttemptAt}, 0, {dedupeKey}, {concerns.CohortId}, {concerns.ApplicationId})
            ON CONFLICT (dedupe_key) WHERE dedupe_key IS NOT NULL DO NOTHING
            """, cancellationToken);
        if (written == 0) return false;
        foreach (var attachment in message.Attachments)
            await db.Database.ExecuteSqlAsync($"""
                INSERT INTO outbox_attachments (message_id, file_name, content_type, content)
                VALUES ({message.Id}, {attachment.FileName}, {attachment.ContentType}, {attachment.Content})
                """, cancellationToken);
        if (transaction is not null) await transaction.CommitAsync(cancellationToken);
        return true;
    }
}

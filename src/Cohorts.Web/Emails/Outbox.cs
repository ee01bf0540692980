using Cohorts.Web.Data;

namespace Cohorts.Web.Emails;

/// <summary>
/// Puts an email in the outbox of the current unit of work: it is saved with the caller's next SaveChanges,
/// in the same transaction, and delivered after the commit by <see cref="Jobs.DeliverEmailsJob"/>.
/// </summary>
public sealed class Outbox(CohortsDbContext db, EmailRenderer renderer, TimeProvider clock)
{
    public OutboxMessage Add(string to, Email email, EmailAttachment? attachment = null)
    {
        var message = OutboxMessage.Create(to, renderer.Render(email), clock.GetUtcNow(), attachment);
        db.OutboxMessages.Add(message);
        return message;
    }
}

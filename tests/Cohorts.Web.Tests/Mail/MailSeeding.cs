using Cohorts.Web.Data;
using Cohorts.Web.Emails;
using Cohorts.Web.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Cohorts.Web.Tests.Mail;

/// <summary>
/// Messages written straight into the outbox, in the states a test needs, by a process without the delivery trigger (as
/// the migrator is): nothing delivers them unless the test runs the delivery job.
/// </summary>
public static class MailSeeding
{
    public static RenderedEmail Rendered(string kind, string subject, string text = "Bonjour,") =>
        new(kind, subject, $"<!DOCTYPE html><html><head><title>{subject}</title></head><body><p style=\"color:#000091\">{text}</p></body></html>", text);

    /// <summary>Written a minute apart, the last one a minute ago: the journal shows them in the reverse order.</summary>
    public static async Task<IReadOnlyList<Guid>> AddAsync(CohortsApp app, params Func<DateTimeOffset, OutboxMessage>[] messages)
    {
        await using var data = CohortsApp.DataServices(app.ConnectionString);
        await using var scope = data.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CohortsDbContext>();
        var now = app.Clock.GetUtcNow();
        var written = messages.Select((m, i) => m(now.AddMinutes(i - messages.Length))).ToList();
        db.OutboxMessages.AddRange(written);
        await db.SaveChangesAsync();
        return written.Select(m => m.Id).ToList();
    }

    public static Func<DateTimeOffset, OutboxMessage> Sent(string to, string kind, string subject, MessageConcerns concerns, params EmailAttachment[] attachments) => now =>
    {
        var message = OutboxMessage.Create(to, Rendered(kind, subject), now, concerns, attachments: attachments);
        message.MarkSent(now, OutboxMessage.MessageIdOf(message.Id, "ne-pas-repondre@cohorts.test"));
        return message;
    };

    public static Func<DateTimeOffset, OutboxMessage> Failed(string to, string kind, string subject, MessageConcerns concerns,
        string error = "550 5.1.1 Recipient address rejected: User unknown") => now =>
    {
        var message = OutboxMessage.Create(to, Rendered(kind, subject), now, concerns);
        message.MarkPermanentFailure(now, error);
        return message;
    };

    public static Func<DateTimeOffset, OutboxMessage> Retrying(string to, string kind, string subject, MessageConcerns concerns) => now =>
    {
        var message = OutboxMessage.Create(to, Rendered(kind, subject), now, concerns);
        message.MarkTransientFailure(now, "Connection refused");
        return message;
    };
}

namespace Cohorts.Web.Emails;

/// <summary>
/// An email waiting to leave, or gone. Written in the same transaction as the change that caused it, so a
/// rolled-back change sends nothing and a crash loses nothing; its id becomes the Message-ID.
/// </summary>
public sealed class OutboxMessage
{
    private OutboxMessage() { }

    public Guid Id { get; private set; }
    public string To { get; private set; } = "";
    public string Subject { get; private set; } = "";
    public string Template { get; private set; } = "";
    public string HtmlBody { get; private set; } = "";
    public string TextBody { get; private set; } = "";
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset NextAttemptAt { get; private set; }
    public DateTimeOffset? SentAt { get; private set; }
    public int Attempts { get; private set; }
    public string? LastError { get; private set; }
    /// <summary>An optional attached file (an invitation's calendar event, for instance).</summary>
    public string? AttachmentFileName { get; private set; }
    public string? AttachmentContentType { get; private set; }
    public byte[]? AttachmentContent { get; private set; }

    public static OutboxMessage Create(string to, RenderedEmail email, DateTimeOffset now, EmailAttachment? attachment = null) => new()
    {
        AttachmentFileName = attachment?.FileName,
        AttachmentContentType = attachment?.ContentType,
        AttachmentContent = attachment?.Content,
        Id = Guid.CreateVersion7(now),
        To = to,
        Subject = email.Subject,
        Template = email.Template,
        HtmlBody = email.Html,
        TextBody = email.Text,
        CreatedAt = now,
        NextAttemptAt = now,
    };

    public void MarkSent(DateTimeOffset now)
    {
        SentAt = now;
        Attempts++;
        LastError = null;
    }

    /// <summary>Try again later, waiting longer after each failure (1, 2, 4 … minutes, at most 6 hours).</summary>
    public void MarkFailed(DateTimeOffset now, string error)
    {
        Attempts++;
        LastError = error.Length > 1000 ? error[..1000] : error;
        var delay = TimeSpan.FromMinutes(Math.Min(Math.Pow(2, Attempts - 1), 360));
        NextAttemptAt = now + delay;
    }
}

/// <summary>A file sent with an email.</summary>
public sealed record EmailAttachment(string FileName, string ContentType, byte[] Content);

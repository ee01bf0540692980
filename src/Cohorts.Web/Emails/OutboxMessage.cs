namespace Cohorts.Web.Emails;

/// <summary>Where a message stands: waiting to leave (again), gone, or refused for good by the mail server.</summary>
public enum OutboxState { Pending, Sent, Failed }

/// <summary>What a message is about, for the mail journal's filters: a cohort, and within it an application.</summary>
public sealed record MessageConcerns(int? CohortId, Guid? ApplicationId = null)
{
    public static readonly MessageConcerns Nothing = new(null, null);
}

/// <summary>
/// An email waiting to leave, or gone. Written in the same transaction as the change that caused it, so a
/// rolled-back change sends nothing and a crash loses nothing; its id becomes the Message-ID. The line stays in the
/// mail journal after the bodies of a sent message are purged.
/// </summary>
public sealed class OutboxMessage
{
    /// <summary>Transient failures are retried with a growing wait (1, 2, 4 … minutes, at most this).</summary>
    public static readonly TimeSpan MaxRetryDelay = TimeSpan.FromHours(6);

    private readonly List<OutboxAttachment> _attachments = [];

    private OutboxMessage() { }

    public Guid Id { get; private set; }
    public string To { get; private set; } = "";
    public string Subject { get; private set; } = "";
    /// <summary>The kind of email: its template's name (<see cref="Email.Template"/>), e.g. "offer" or "reminder-reviews-due".</summary>
    public string Kind { get; private set; } = "";
    /// <summary>Null once purged (<see cref="PurgeBodies"/>).</summary>
    public string? HtmlBody { get; private set; }
    public string? TextBody { get; private set; }
    public DateTimeOffset? BodiesPurgedAt { get; private set; }
    public OutboxState State { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset NextAttemptAt { get; private set; }
    public DateTimeOffset? SentAt { get; private set; }
    /// <summary>The Message-ID header the message left with.</summary>
    public string? MessageId { get; private set; }
    public DateTimeOffset? FailedAt { get; private set; }
    public int Attempts { get; private set; }
    /// <summary>The last failure: the mail server's reply, or why it could not be reached.</summary>
    public string? LastError { get; private set; }
    /// <summary>
    /// Held unique by the database: a reminder's kind, subject and occasion (e.g. "reviews-due:12:user-id:J-3"), so that a
    /// job run twice, late or on two processes at once writes it once. Null for the messages an event writes.
    /// </summary>
    public string? DedupeKey { get; private set; }
    public int? CohortId { get; private set; }
    public Guid? ApplicationId { get; private set; }
    /// <summary>A delivery worker took the message until then; past it, the worker is taken for dead and another may.</summary>
    public DateTimeOffset? ClaimedUntil { get; private set; }
    /// <summary>The first of the transient failures in a row that the message is going through; null once it leaves or fails.</summary>
    public DateTimeOffset? RetryingSince { get; private set; }
    public IReadOnlyList<OutboxAttachment> Attachments => _attachments;

    public static OutboxMessage Create(string to, RenderedEmail email, DateTimeOffset now, MessageConcerns? concerns = null,
        string? dedupeKey = null, IEnumerable<EmailAttachment>? attachments = null)
    {
        var message = new OutboxMessage
        {
            Id = Guid.CreateVersion7(now),
            To = to,
            Subject = email.Subject,
            Kind = email.Template,
            HtmlBody = email.Html,
            TextBody = email.Text,
            State = OutboxState.Pending,
            CreatedAt = now,
            NextAttemptAt = now,
            DedupeKey = dedupeKey,
            CohortId = concerns?.CohortId,
            ApplicationId = concerns?.ApplicationId,
        };
        foreach (var attachment in attachments ?? [])
            message._attachments.Add(new OutboxAttachment(attachment.FileName, attachment.ContentType, attachment.Content));
        return message;
    }

    /// <summary>The Message-ID a message leaves with: stable, so that one sent twice after a crash is recognisable as one.</summary>
    public static string MessageIdOf(Guid id, string fromAddress) => $"{id:N}@{fromAddress[(fromAddress.IndexOf('@') + 1)..]}";

    public void MarkSent(DateTimeOffset now, string messageId)
    {
        State = OutboxState.Sent;
        SentAt = now;
        MessageId = messageId;
        Attempts++;
        LastError = null;
        ClaimedUntil = null;
        RetryingSince = null;
    }

    /// <summary>The server could not be reached, timed out or answered 4xx: try again later, waiting longer after each failure.</summary>
    public void MarkTransientFailure(DateTimeOffset now, string error)
    {
        RetryingSince ??= now;
        Attempts++;
        LastError = Truncate(error);
        ClaimedUntil = null;
        NextAttemptAt = now + RetryDelay(Attempts);
    }

    /// <summary>
    /// A transient failure, unless the message has kept failing for <paramref name="giveUpAfter"/>: then it fails for good,
    /// with a reason staff can read in the mail journal (and resend it once the server is fixed). A server unreachable for
    /// days is an incident someone must look at; a reminder that leaves a week late does more harm than good.
    /// </summary>
    public void MarkTransientFailure(DateTimeOffset now, string error, TimeSpan giveUpAfter)
    {
        if (RetryingSince is { } since && now - since >= giveUpAfter)
        {
            var hours = (int)giveUpAfter.TotalHours;
            MarkPermanentFailure(now, $"Abandonné après {hours} h d'échecs temporaires (gave up after {hours} h of transient failures) : {error}");
        }
        else
        {
            MarkTransientFailure(now, error);
        }
    }

    /// <summary>The server refused this message for good (5xx): it is not retried unless staff resend it.</summary>
    public void MarkPermanentFailure(DateTimeOffset now, string error)
    {
        State = OutboxState.Failed;
        FailedAt = now;
        Attempts++;
        LastError = Truncate(error);
        ClaimedUntil = null;
        RetryingSince = null;
    }

    /// <summary>Staff send a failed message again: it waits for the next delivery, its history of attempts kept.</summary>
    public void Resend(DateTimeOffset now)
    {
        if (State != OutboxState.Failed) throw new InvalidOperationException($"Only a failed message is resent; this one is {State}.");
        if (HtmlBody is null) throw new InvalidOperationException("The message's bodies were purged.");
        State = OutboxState.Pending;
        FailedAt = null;
        RetryingSince = null;
        NextAttemptAt = now;
    }

    /// <summary>After the retention period: the bodies and attachments go, the journal's line stays.</summary>
    public void PurgeBodies(DateTimeOffset now)
    {
        if (State != OutboxState.Sent) throw new InvalidOperationException("Only a sent message's bodies are purged.");
        HtmlBody = null;
        TextBody = null;
        BodiesPurgedAt = now;
        _attachments.Clear();
    }

    /// <summary>1, 2, 4 … minutes after the first, second, third failure, at most <see cref="MaxRetryDelay"/>.</summary>
    public static TimeSpan RetryDelay(int attempts) =>
        TimeSpan.FromMinutes(Math.Min(Math.Pow(2, Math.Max(0, attempts - 1)), MaxRetryDelay.TotalMinutes));

    private static string Truncate(string error) => error.Length > 1000 ? error[..1000] : error;
}

/// <summary>A file sent with an email (an invitation's calendar event, for instance).</summary>
public sealed record EmailAttachment(string FileName, string ContentType, byte[] Content);

/// <summary>An attachment as stored with its message (table outbox_attachments).</summary>
public sealed class OutboxAttachment
{
    private OutboxAttachment() { }

    public OutboxAttachment(string fileName, string contentType, byte[] content)
    {
        FileName = fileName;
        ContentType = contentType;
        Content = content;
    }

    public long Id { get; private set; }
    public string FileName { get; private set; } = "";
    public string ContentType { get; private set; } = "";
    public byte[] Content { get; private set; } = [];
}

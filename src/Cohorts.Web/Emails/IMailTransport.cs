using MimeKit;

namespace Cohorts.Web.Emails;

/// <summary>The edge where mail leaves: an SMTP server, or a folder in development.</summary>
public interface IMailTransport
{
    /// <summary>Opens one connection, which a delivery worker reuses for all its batches.</summary>
    Task<IMailSession> OpenAsync(CancellationToken cancellationToken);
}

public interface IMailSession : IAsyncDisposable
{
    /// <summary>
    /// Sends one message. A <see cref="MailRefusedException"/> means the server answered and refused it (the connection
    /// stays usable, unless <see cref="MailRefusedException.ForEveryMessage"/>); any other exception means the connection is
    /// lost or the server is unreachable.
    /// </summary>
    Task SendAsync(MimeMessage message, CancellationToken cancellationToken);
}

/// <summary>The mail server's refusal, with its reply: 5xx for good, 4xx for now.</summary>
public sealed class MailRefusedException(int statusCode, string reply, bool forEveryMessage = false)
    : Exception($"{statusCode} {reply}".Trim())
{
    public int StatusCode { get; } = statusCode;

    public bool IsPermanent => StatusCode is >= 500 and < 600;

    /// <summary>The refusal is not about this message (our sender refused, the server closing): the others would meet it too.</summary>
    public bool ForEveryMessage { get; } = forEveryMessage;
}

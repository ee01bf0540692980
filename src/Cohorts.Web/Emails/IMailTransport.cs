using MimeKit;

namespace Cohorts.Web.Emails;

/// <summary>The edge where mail leaves: an SMTP server, or a folder in development.</summary>
public interface IMailTransport
{
    /// <summary>Opens one connection for a whole batch.</summary>
    Task<IMailSession> OpenAsync(CancellationToken cancellationToken);
}

public interface IMailSession : IAsyncDisposable
{
    Task SendAsync(MimeMessage message, CancellationToken cancellationToken);
}

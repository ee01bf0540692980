using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Cohorts.Web.Emails;

/// <summary>The only code that talks SMTP (MailKit).</summary>
public sealed class SmtpMailTransport(IOptions<MailOptions> options) : IMailTransport
{
    public async Task<IMailSession> OpenAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var client = new SmtpClient { Timeout = 30_000 };
        try
        {
            await client.ConnectAsync(settings.SmtpHost!, settings.SmtpPort,
                Enum.Parse<SecureSocketOptions>(settings.Security, ignoreCase: true), cancellationToken);
            if (!string.IsNullOrEmpty(settings.UserName))
                await client.AuthenticateAsync(settings.UserName, settings.Password ?? "", cancellationToken);
            return new Session(client);
        }
        catch
        {
            client.Dispose();
            throw;
        }
    }

    private sealed class Session(SmtpClient client) : IMailSession
    {
        public async Task SendAsync(MimeMessage message, CancellationToken cancellationToken) =>
            await client.SendAsync(message, cancellationToken);

        public async ValueTask DisposeAsync()
        {
            if (client.IsConnected) await client.DisconnectAsync(quit: true);
            client.Dispose();
        }
    }
}

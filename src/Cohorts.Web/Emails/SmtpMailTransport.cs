using System.Net.Sockets;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Cohorts.Web.Emails;

/// <summary>The only code that talks SMTP (MailKit).</summary>
public sealed class SmtpMailTransport(IOptions<MailOptions> options) : IMailTransport
{
    private const int TimeoutMilliseconds = 30_000;

    public async Task<IMailSession> OpenAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var client = new SmtpClient { Timeout = TimeoutMilliseconds };
        // Our own socket with Nagle's algorithm off: MailKit's default socket waits ~40 ms on each message's last
        // segment for the server's delayed ACK (23 messages/s to a local server; ~1,500/s with NoDelay).
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            using (var connecting = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
            {
                connecting.CancelAfter(TimeoutMilliseconds);
                try
                {
                    await socket.ConnectAsync(settings.SmtpHost!, settings.SmtpPort, connecting.Token);
                }
                catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
                {
                    throw new TimeoutException($"No connection to {settings.SmtpHost}:{settings.SmtpPort} within {TimeoutMilliseconds / 1000} s.");
                }
            }
            await client.ConnectAsync(socket, settings.SmtpHost!, settings.SmtpPort,
                Enum.Parse<SecureSocketOptions>(settings.Security, ignoreCase: true), cancellationToken);
            if (!string.IsNullOrEmpty(settings.UserName))
                await client.AuthenticateAsync(settings.UserName, settings.Password ?? "", cancellationToken);
            return new Session(client);
        }
        catch
        {
            client.Dispose();
            socket.Dispose();
            throw;
        }
    }

    private sealed class Session(SmtpClient client) : IMailSession
    {
        public async Task SendAsync(MimeMessage message, CancellationToken cancellationToken)
        {
            try
            {
                await client.SendAsync(message, cancellationToken);
            }
            catch (SmtpCommandException e)
            {
                // MailKit resets the transaction (RSET) after a refused command: the connection carries on, unless the
                // server closed it (421) or refused our sender, which every other message would meet as well.
                throw new MailRefusedException((int)e.StatusCode, e.Message,
                    forEveryMessage: e.ErrorCode == SmtpErrorCode.SenderNotAccepted || !client.IsConnected);
            }
        }

        public async ValueTask DisposeAsync()
        {
            try
            {
                if (client.IsConnected) await client.DisconnectAsync(quit: true);
            }
            catch (Exception e) when (e is IOException or SocketException or SmtpProtocolException or TimeoutException or OperationCanceledException)
            {
                // The connection was already gone: nothing is left to close politely.
            }
            client.Dispose();
        }
    }
}

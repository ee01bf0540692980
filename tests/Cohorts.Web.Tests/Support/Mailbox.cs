using System.Text;
using MimeKit;
using netDumbster.smtp;

namespace Cohorts.Web.Tests.Support;

/// <summary>A real SMTP server on a free local port; tests wait for what it receives.</summary>
public sealed class Mailbox : IDisposable
{
    private SmtpMessage[] _earlier = [];
    private SimpleSmtpServer _server = SimpleSmtpServer.Start();

    public int Port { get; }

    public Mailbox() => Port = _server.Configuration.Port;

    /// <summary>
    /// The server goes down: connections are refused until <see cref="Restart"/>. netDumbster lets a connection already
    /// open carry on, so stop it between two delivery runs (SmtpSink drops open connections too).
    /// </summary>
    public void Stop() => _server.Stop();

    /// <summary>Back on the same port, with what it had received before it stopped.</summary>
    public void Restart()
    {
        var before = _server.ReceivedEmail;
        _server = Configuration.Configure().WithPort(Port).Build();
        _earlier = [.. _earlier, .. before];
    }

    public IReadOnlyList<MimeMessage> Received
    {
        get
        {
            // netDumbster's list is not safe to read while a message arrives: it is read again then.
            for (var attempt = 1; ; attempt++)
            {
                try
                {
                    return _earlier.Concat(_server.ReceivedEmail).Select(m => MimeMessage.Load(new MemoryStream(Encoding.UTF8.GetBytes(m.Data)))).ToList();
                }
                catch (Exception e) when (e is IndexOutOfRangeException or ArgumentException or InvalidOperationException && attempt < 10)
                {
                }
            }
        }
    }

    public void Clear()
    {
        _earlier = [];
        _server.ClearReceivedEmail();
    }

    /// <summary>Waits (up to 20 s: the email leaves through a Hangfire job) for a message to an address.</summary>
    public async Task<MimeMessage> WaitForAsync(string to, string? subjectContains = null)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (DateTime.UtcNow < deadline)
        {
            var message = Received.FirstOrDefault(m =>
                m.To.Mailboxes.Any(a => a.Address.Equals(to, StringComparison.OrdinalIgnoreCase))
                && (subjectContains is null || (m.Subject ?? "").Contains(subjectContains, StringComparison.Ordinal)));
            if (message is not null) return message;
            await Task.Delay(100);
        }
        throw new TimeoutException($"No email to {to} within 20 s; received: {string.Join(", ", Received.Select(m => $"{m.To} «{m.Subject}»"))}");
    }

    /// <summary>The first link of a message's plain-text part that starts with the app's base URL.</summary>
    public static string LinkIn(MimeMessage message, string baseUrl)
    {
        var text = message.TextBody ?? throw new InvalidOperationException("The email has no plain-text part.");
        var start = text.IndexOf(baseUrl, StringComparison.Ordinal);
        if (start < 0) throw new InvalidOperationException($"No link to {baseUrl} in: {text}");
        var end = text.IndexOfAny([' ', '\n', '\r'], start);
        return end < 0 ? text[start..] : text[start..end];
    }

    public void Dispose() => _server.Stop();
}

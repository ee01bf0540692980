using Microsoft.Extensions.Options;
using MimeKit;

namespace Cohorts.Web.Emails;

/// <summary>Development: each email becomes a .eml file (named after its id) that any mail reader or text editor opens.</summary>
public sealed class PickupFolderTransport(IOptions<MailOptions> options) : IMailTransport
{
    public Task<IMailSession> OpenAsync(CancellationToken cancellationToken)
    {
        var folder = Path.GetFullPath(options.Value.PickupDirectory!);
        Directory.CreateDirectory(folder);
        return Task.FromResult<IMailSession>(new Session(folder));
    }

    private sealed class Session(string folder) : IMailSession
    {
        public async Task SendAsync(MimeMessage message, CancellationToken cancellationToken)
        {
            var path = Path.Combine(folder, $"{message.Date.UtcDateTime:yyyyMMdd-HHmmss}-{(message.MessageId ?? Guid.NewGuid().ToString("N")).Split('@')[0]}.eml");
            // As an SMTP server without 8BITMIME would have it: every part in 7 bits (quoted-printable or base64), so that
            // any reader of the file decodes the accents, not only those that guess UTF-8 in a part that does not say so.
            message.Prepare(EncodingConstraint.SevenBit);
            await message.WriteToAsync(path, cancellationToken);
        }

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}

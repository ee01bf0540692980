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
            await message.WriteToAsync(path, cancellationToken);
        }

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}

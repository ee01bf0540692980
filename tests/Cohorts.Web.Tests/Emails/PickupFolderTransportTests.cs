using System.Text;
using Cohorts.Web.Emails;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Cohorts.Web.Tests.Emails;

public sealed class PickupFolderTransportTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("cohorts-pickup-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task A_message_written_to_the_folder_is_plain_ascii_and_reads_back_with_its_accents()
    {
        var transport = new PickupFolderTransport(Options.Create(new MailOptions { PickupDirectory = _folder }));
        var message = new MimeMessage { Subject = "Liste complémentaire — Promotion 3", MessageId = "abc@cohorts" };
        message.From.Add(new MailboxAddress("Cohorts", "ne-pas-repondre@cohorts.test"));
        message.To.Add(MailboxAddress.Parse("noemie.clement@numerique.gouv.fr"));
        message.Body = new BodyBuilder { TextBody = "Bonjour Noémie,\n\nle 12 décembre à 23 h 59.", HtmlBody = "<p>Bonjour Noémie,</p>" }.ToMessageBody();

        await using (var session = await transport.OpenAsync(CancellationToken.None))
            await session.SendAsync(message, CancellationToken.None);

        var file = Assert.Single(Directory.GetFiles(_folder, "*.eml"));
        var bytes = await File.ReadAllBytesAsync(file);
        Assert.All(bytes, b => Assert.True(b < 0x80, "a byte beyond ASCII in the .eml: a reader that does not guess UTF-8 shows it wrong"));
        var read = await MimeMessage.LoadAsync(file);
        Assert.Equal("Bonjour Noémie,\n\nle 12 décembre à 23 h 59.", read.TextBody?.ReplaceLineEndings("\n").TrimEnd());
        Assert.Contains("Noémie", read.HtmlBody, StringComparison.Ordinal);
        Assert.Equal("Liste complémentaire — Promotion 3", read.Subject);
        Assert.DoesNotContain("é", Encoding.ASCII.GetString(bytes), StringComparison.Ordinal);
    }
}

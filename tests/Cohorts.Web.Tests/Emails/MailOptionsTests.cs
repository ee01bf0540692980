using Cohorts.Web.Emails;

namespace Cohorts.Web.Tests.Emails;

public sealed class MailOptionsTests
{
    [Theory]
    [InlineData("smtp.example.org", null, true)]
    [InlineData("smtp.example.org", "/tmp/mail", true)]
    [InlineData(null, "/tmp/mail", false)]
    [InlineData("", "/tmp/mail", false)]
    [InlineData(null, null, true)]
    public void A_configured_SMTP_host_wins_over_the_pickup_folder(string? host, string? folder, bool smtp) =>
        Assert.Equal(smtp, new MailOptions { SmtpHost = host, PickupDirectory = folder }.SendsThroughSmtp);
}

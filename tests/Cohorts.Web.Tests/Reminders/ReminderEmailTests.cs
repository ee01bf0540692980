using Cohorts.Web.Emails;
using Cohorts.Web.Reminders;
using Cohorts.Web.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Cohorts.Web.Tests.Reminders;

/// <summary>Each reminder email's sample renders in French, HTML and text, with its link and the reason it is sent.</summary>
[Collection(AppFixtureGroup.Name)]
public sealed class ReminderEmailTests(CohortsApp app)
{
    [Fact]
    public async Task Every_reminder_sample_renders_with_its_link_and_why_it_is_sent()
    {
        Email[] samples =
            [ApplicationDeadlineReminder.Sample, EndorsementReminderToManager.Sample, EndorsementReminderToCandidate.Sample, ReviewsDueReminder.Sample, OfferExpiringReminder.Sample,
             SessionTomorrowReminder.Sample, CoachingNotLoggedReminder.Sample, SatisfactionInvitation.Sample];
        Assert.Equal(ReminderKinds.All.SelectMany(ReminderKinds.Emails).Select(e => e.Template).Order(), samples.Select(s => s.Template).Order());
        await app.WithScopeAsync(services =>
        {
            var renderer = services.GetRequiredService<EmailRenderer>();
            foreach (var sample in samples)
            {
                var rendered = renderer.Render(sample);
                var link = (string)sample.GetType().GetProperty("Link")!.GetValue(sample)!;
                Assert.Contains(link, rendered.Text, StringComparison.Ordinal);
                Assert.Contains($"href=\"{link}\"", rendered.Html, StringComparison.Ordinal);
                Assert.Contains(sample is EndorsementReminderToCandidate ? "Vous recevez ce message" : "Vous recevez ce rappel", rendered.Text, StringComparison.Ordinal);
                Assert.DoesNotContain("{{", rendered.Text, StringComparison.Ordinal);
            }
            return Task.CompletedTask;
        });
    }
}

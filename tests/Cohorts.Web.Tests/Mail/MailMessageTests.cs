using System.Net;
using Cohorts.Web.Emails;
using Cohorts.Web.Identity;
using Cohorts.Web.Jobs;
using Cohorts.Web.Pages;
using Cohorts.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Cohorts.Web.Tests.Mail.MailSeeding;

namespace Cohorts.Web.Tests.Mail;

/// <summary>A message's page in the mail journal, « Renvoyer » on a failed one, and the purge of old bodies.</summary>
[Collection(AppFixtureGroup.Name)]
public sealed class MailMessageTests(CohortsApp app) : IAsyncLifetime
{
    private readonly ApplicationScenario _scenario = new(app);

    public async Task InitializeAsync()
    {
        await app.ResetAsync();
        await _scenario.SeedAsync(requiresEndorsement: false);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private Task<HttpClient> ManagerAsync() => _scenario.SignedInAsync("booster@cohorts.test", Roles.ProgramManager, "Paul", "Booster");

    private Task<OutboxMessage> MessageAsync(Guid id) =>
        app.WithDbAsync(db => db.OutboxMessages.AsNoTracking().Include(m => m.Attachments).SingleAsync(m => m.Id == id));

    private async Task<OutboxMessage> WaitForStateAsync(Guid id, OutboxState state)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (true)
        {
            var message = await MessageAsync(id);
            if (message.State == state || DateTime.UtcNow > deadline) return message;
            await Task.Delay(50);
        }
    }

    private async Task<int> RunAsync<TJob>(Func<TJob, Task<int>> run) where TJob : notnull
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await run(scope.ServiceProvider.GetRequiredService<TJob>());
    }

    private static Dictionary<string, string> NoFields => [];

    [Fact]
    public async Task A_sent_message_shows_its_metadata_what_it_concerns_and_its_bodies_in_a_frame_that_runs_nothing()
    {
        var application = await _scenario.SubmitAsync(await _scenario.SignedInAsync("camille@numerique.gouv.fr"));
        await app.Mailbox.WaitForAsync("camille@numerique.gouv.fr", "Candidature reçue");
        var id = await app.WithDbAsync(db => db.OutboxMessages.Where(m => m.Kind == "application-submitted").Select(m => m.Id).SingleAsync());
        var sent = await WaitForStateAsync(id, OutboxState.Sent);
        Assert.Equal(OutboxState.Sent, sent.State);

        var response = await (await ManagerAsync()).GetAsync($"/gestion/courriels/{id}");
        var page = await ApplicationScenario.ReadAsync(response);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Candidature reçue — Booster Agile, Promotion 3", page, StringComparison.Ordinal);
        Assert.Contains("camille@numerique.gouv.fr", page, StringComparison.Ordinal);
        Assert.Contains("<dd>Candidature reçue <span class=\"fr-text--sm\">(application-submitted)</span></dd>", page, StringComparison.Ordinal);
        Assert.Contains($"<code>{id:N}@cohorts.test</code>", page, StringComparison.Ordinal);
        Assert.Contains($"<dd>{Display.DateTime(sent.SentAt!.Value)}</dd>", page, StringComparison.Ordinal);
        Assert.Contains($"href=\"/gestion/candidatures/{application}\">Camille Durand</a>", page, StringComparison.Ordinal);
        Assert.Contains($"href=\"/gestion/promotions/{_scenario.CohortId}/candidatures\">Booster Agile — Promotion 3</a>", page, StringComparison.Ordinal);
        Assert.Contains("sandbox=\"allow-popups allow-popups-to-escape-sandbox\"", page, StringComparison.Ordinal);
        Assert.DoesNotContain("allow-scripts", page, StringComparison.Ordinal);
        Assert.DoesNotContain("allow-same-origin", page, StringComparison.Ordinal);
        // The frame's document is the message's HTML, escaped into the attribute: none of it is the page's markup.
        var raw = await response.Content.ReadAsStringAsync();
        Assert.Contains("srcdoc=\"&lt;!DOCTYPE html&gt;", raw, StringComparison.Ordinal);
        Assert.Contains($"<pre class=\"cohorts-mail-text\" id=\"corps-texte\">{sent.TextBody}</pre>", page, StringComparison.Ordinal);
        Assert.Contains("style-src-attr 'unsafe-inline'", response.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        Assert.DoesNotContain("Renvoyer", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_failed_message_is_resent_pending_again_and_delivered_by_the_delivery_job()
    {
        var id = (await AddAsync(app, Failed("camille.renvoi@numerique.gouv.fr", "offer", "Vous êtes admis(e) — Booster Agile, Promotion 3",
            new(_scenario.CohortId))))[0];
        // Staff resend it days after it was written: it must not sort among the old mail of the recipient's inbox.
        app.Clock.Advance(TimeSpan.FromDays(3));
        var manager = await ManagerAsync();
        var url = $"/gestion/courriels/{id}";
        var before = await Forms.ReadAsync(manager, url);
        Assert.Contains(">Échec</span>", before, StringComparison.Ordinal);
        Assert.Contains("550 5.1.1 Recipient address rejected: User unknown", before, StringComparison.Ordinal);
        Assert.Contains($"action=\"{url}?handler=Resend\"", before, StringComparison.Ordinal);

        var response = await Forms.PostAsync(manager, $"{url}?handler=Resend", NoFields, tokenFrom: url);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("Le courriel est remis dans la file d'envoi", await Forms.ReadAsync(manager, response.Headers.Location!.OriginalString),
            StringComparison.Ordinal);
        var resent = await MessageAsync(id);
        Assert.NotEqual(OutboxState.Failed, resent.State);
        Assert.Null(resent.FailedAt);
        await RunAsync<DeliverEmailsJob>(job => job.RunAsync(CancellationToken.None));
        var delivered = await app.Mailbox.WaitForAsync("camille.renvoi@numerique.gouv.fr");
        Assert.Equal($"{id:N}@cohorts.test", delivered.MessageId);
        Assert.Equal(app.Clock.GetUtcNow().ToUnixTimeSeconds(), delivered.Date.ToUnixTimeSeconds());
        Assert.True(delivered.Date > resent.CreatedAt.AddDays(2));
        var sent = await WaitForStateAsync(id, OutboxState.Sent);
        Assert.Equal(OutboxState.Sent, sent.State);
        Assert.Equal(2, sent.Attempts);
        Assert.Single(app.Mailbox.Received);
    }

    [Fact]
    public async Task Resending_from_a_second_tab_or_after_the_purge_says_why_in_French_and_sends_nothing_more()
    {
        var manager = await ManagerAsync();
        var ids = await AddAsync(app,
            Failed("premier@numerique.gouv.fr", "offer", "Vous êtes admis(e) — Booster Agile, Promotion 3", new(_scenario.CohortId)),
            Failed("purge@numerique.gouv.fr", "offer", "Vous êtes admis(e) — Booster Agile, Promotion 3", new(_scenario.CohortId)));
        var (first, purged) = (ids[0], ids[1]);
        Assert.Equal(HttpStatusCode.Redirect, (await Forms.PostAsync(manager, $"/gestion/courriels/{first}?handler=Resend", NoFields,
            tokenFrom: $"/gestion/courriels/{first}")).StatusCode);

        // The second tab was opened before: its form still offers « Renvoyer ».
        var again = await Forms.PostAsync(manager, $"/gestion/courriels/{first}?handler=Resend", NoFields, tokenFrom: "/gestion/courriels");
        var page = await ApplicationScenario.ReadAsync(again);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Contains("Ce courriel n'est plus en échec", page, StringComparison.Ordinal);

        // Resent, sent and purged meanwhile.
        await app.WithDbAsync(async db =>
        {
            var message = await db.OutboxMessages.SingleAsync(m => m.Id == purged);
            message.Resend(app.Clock.GetUtcNow());
            message.MarkSent(app.Clock.GetUtcNow(), OutboxMessage.MessageIdOf(message.Id, "ne-pas-repondre@cohorts.test"));
            message.PurgeBodies(app.Clock.GetUtcNow());
            return await db.SaveChangesAsync();
        });
        var late = await Forms.PostAsync(manager, $"/gestion/courriels/{purged}?handler=Resend", NoFields, tokenFrom: "/gestion/courriels");
        var latePage = await ApplicationScenario.ReadAsync(late);
        Assert.Equal(HttpStatusCode.OK, late.StatusCode);
        Assert.Contains($"Ce courriel ne peut plus être renvoyé : son contenu a été purgé le {Display.DateTime(app.Clock.GetUtcNow())}.", latePage,
            StringComparison.Ordinal);

        // The delivery the resend asked for may wait for a busy job server: drain now, as the test above does.
        await RunAsync<DeliverEmailsJob>(job => job.RunAsync(CancellationToken.None));
        await app.Mailbox.WaitForAsync("premier@numerique.gouv.fr");
        Assert.Equal(OutboxState.Sent, (await WaitForStateAsync(first, OutboxState.Sent)).State);
        Assert.Equal(0, await RunAsync<DeliverEmailsJob>(job => job.RunAsync(CancellationToken.None)));
        Assert.Single(app.Mailbox.Received);
    }

    [Fact]
    public async Task Bodies_and_attachments_of_messages_sent_past_the_retention_are_purged_and_their_line_stays()
    {
        var manager = await ManagerAsync();
        var cohort = new MessageConcerns(_scenario.CohortId);
        var ics = new EmailAttachment("entretien.ics", "text/calendar", "BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n"u8.ToArray());
        var old = await AddAsync(app,
            Sent("ancien@numerique.gouv.fr", "interview-invitation", "Convocation à un entretien — Booster Agile, Promotion 3", cohort, ics),
            Failed("refuse@numerique.gouv.fr", "offer", "Vous êtes admis(e) — Booster Agile, Promotion 3", cohort),
            Retrying("attente@numerique.gouv.fr", "offer", "Vous êtes admis(e) — Booster Agile, Promotion 3", cohort));
        var page = await Forms.ReadAsync(manager, $"/gestion/courriels/{old[0]}");
        Assert.Contains("entretien.ics", page, StringComparison.Ordinal);

        app.Clock.Advance(TimeSpan.FromDays(89));
        var recent = (await AddAsync(app, Sent("recent@numerique.gouv.fr", "offer", "Vous êtes admis(e) — Booster Agile, Promotion 3", cohort)))[0];
        Assert.Equal(0, await RunAsync<PurgeMailBodiesJob>(job => job.RunAsync(CancellationToken.None)));

        app.Clock.Advance(TimeSpan.FromDays(2));
        Assert.Equal(1, await RunAsync<PurgeMailBodiesJob>(job => job.RunAsync(CancellationToken.None)));
        Assert.Equal(0, await RunAsync<PurgeMailBodiesJob>(job => job.RunAsync(CancellationToken.None)));

        var purged = await MessageAsync(old[0]);
        Assert.Null(purged.HtmlBody);
        Assert.Null(purged.TextBody);
        Assert.Empty(purged.Attachments);
        Assert.Equal(app.Clock.GetUtcNow(), purged.BodiesPurgedAt);
        Assert.Equal(0, await app.WithDbAsync(db => db.Database.SqlQueryRaw<int>("SELECT count(*)::int AS \"Value\" FROM outbox_attachments").SingleAsync()));
        foreach (var kept in new[] { old[1], old[2], recent })
            Assert.NotNull((await MessageAsync(kept)).HtmlBody);

        // Ninety days later, the manager signs in again.
        await ApplicationScenario.SignInAgainAsync(manager, "booster@cohorts.test");
        var line = await Forms.ReadAsync(manager, "/gestion/courriels?Search=ancien");
        Assert.Contains("contenu purgé", line, StringComparison.Ordinal);
        var detail = await Forms.ReadAsync(manager, $"/gestion/courriels/{old[0]}");
        Assert.Contains($"Contenu purgé le {Display.DateTime(app.Clock.GetUtcNow())}", detail, StringComparison.Ordinal);
        Assert.Contains($"<code>{old[0]:N}@cohorts.test</code>", detail, StringComparison.Ordinal);
        Assert.DoesNotContain("<iframe", detail, StringComparison.Ordinal);
        Assert.DoesNotContain("entretien.ics", detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_purge_goes_through_every_old_message_batch_after_batch()
    {
        var cohort = new MessageConcerns(_scenario.CohortId);
        var count = 2 * PurgeMailBodiesJob.BatchSize + 7;
        await AddAsync(app, [.. Enumerable.Range(0, count).Select(i => Sent($"agent{i}@numerique.gouv.fr", "offer", "Vous êtes admis(e)", cohort))]);
        app.Clock.Advance(TimeSpan.FromDays(91));

        Assert.Equal(count, await RunAsync<PurgeMailBodiesJob>(job => job.RunAsync(CancellationToken.None)));
        Assert.Equal(count, await app.WithDbAsync(db => db.OutboxMessages.CountAsync(m => m.HtmlBody == null && m.BodiesPurgedAt != null)));
    }

    [Theory]
    [InlineData(0, false)]
    [InlineData(1, true)]
    [InlineData(90, true)]
    [InlineData(3650, true)]
    [InlineData(3651, false)]
    public void The_retention_is_a_number_of_days_between_1_and_3650(int days, bool valid)
    {
        var options = new MailOptions { From = "ne-pas-repondre@cohorts.test", BaseUrl = "https://cohorts.example.gouv.fr", BodyRetentionDays = days };
        var results = new List<System.ComponentModel.DataAnnotations.ValidationResult>();
        Assert.Equal(valid, System.ComponentModel.DataAnnotations.Validator.TryValidateObject(options,
            new System.ComponentModel.DataAnnotations.ValidationContext(options), results, validateAllProperties: true));
        Assert.Equal(90, new MailOptions().BodyRetentionDays);
    }
}

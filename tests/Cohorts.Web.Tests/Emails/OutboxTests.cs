using Cohorts.Web.Emails;
using Cohorts.Web.Emails.Delivery;
using Cohorts.Web.Jobs;
using Cohorts.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Cohorts.Web.Tests.Emails;

[Collection(AppFixtureGroup.Name)]
public sealed class OutboxTests(CohortsApp app) : IAsyncLifetime
{
    public Task InitializeAsync() => app.ResetAsync();
    public Task DisposeAsync() => Task.CompletedTask;

    /// <summary>Writes emails to the outbox as a page does: the save asks for an immediate delivery.</summary>
    private async Task<List<Guid>> QueueAsync(int count)
    {
        var ids = new List<Guid>();
        await app.WithScopeAsync(async services =>
        {
            var outbox = services.GetRequiredService<Outbox>();
            var db = services.GetRequiredService<Cohorts.Web.Data.CohortsDbContext>();
            for (var i = 0; i < count; i++)
                ids.Add(outbox.Add($"agent{i}@cohorts.test", new ResetPassword($"Agent {i}", $"{app.BaseUrl}/lien/{i}"), MessageConcerns.Nothing).Id);
            await db.SaveChangesAsync();
        });
        return ids;
    }

    private async Task<int> RunDeliveryAsync(IMailTransport? transport = null)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return transport is null
            ? await scope.ServiceProvider.GetRequiredService<DeliverEmailsJob>().RunAsync(CancellationToken.None)
            : await OutboxDrain.Create(scope.ServiceProvider, transport).RunAsync(CancellationToken.None);
    }

    /// <summary>
    /// A reminder's message and its attachments commit as one: had the message committed first, a delivery running meanwhile
    /// could send it without its .ics (seen once in a full run). An attachment that cannot be written leaves no message.
    /// </summary>
    [Fact]
    public async Task A_message_written_once_commits_with_its_attachments_or_not_at_all()
    {
        var refused = await Assert.ThrowsAnyAsync<Exception>(() => app.WithScopeAsync(services => services.GetRequiredService<Outbox>().AddOnceAsync(
            "agent@cohorts.test", new ResetPassword("Agent", $"{app.BaseUrl}/lien"), "test:atomic", MessageConcerns.Nothing, CancellationToken.None,
            new EmailAttachment(new string('a', 201) + ".ics", "text/calendar", [1, 2, 3]))));
        Assert.IsType<Npgsql.PostgresException>(refused.InnerException ?? refused, exactMatch: false);
        Assert.False(await app.WithDbAsync(db => db.OutboxMessages.AnyAsync(m => m.DedupeKey == "test:atomic")));

        await app.WithScopeAsync(async services => Assert.True(await services.GetRequiredService<Outbox>().AddOnceAsync("agent@cohorts.test",
            new ResetPassword("Agent", $"{app.BaseUrl}/lien"), "test:atomic", MessageConcerns.Nothing, CancellationToken.None,
            new EmailAttachment("seance.ics", "text/calendar", [1, 2, 3]))));
        Assert.Equal(1, await app.WithDbAsync(db => db.OutboxMessages.Where(m => m.DedupeKey == "test:atomic").SelectMany(m => m.Attachments).CountAsync()));
    }

    [Fact]
    public async Task Saved_emails_are_delivered_by_the_job_once_each_with_their_id_as_Message_ID()
    {
        var ids = await QueueAsync(3);
        for (var i = 0; i < 3; i++) await app.Mailbox.WaitForAsync($"agent{i}@cohorts.test");

        Assert.Equal(0, await RunDeliveryAsync());
        await Task.Delay(500);
        Assert.Equal(3, app.Mailbox.Received.Count);
        Assert.Equal(ids.Select(id => $"{id:N}@cohorts.test").Order(), app.Mailbox.Received.Select(m => m.MessageId).Order());
        var message = app.Mailbox.Received[0];
        Assert.Equal("Réinitialisez votre mot de passe", message.Subject);
        Assert.NotNull(message.HtmlBody);
        Assert.NotNull(message.TextBody);
        Assert.All(await app.WithDbAsync(db => db.OutboxMessages.ToListAsync()), m =>
        {
            Assert.Equal(OutboxState.Sent, m.State);
            Assert.Equal($"{m.Id:N}@cohorts.test", m.MessageId);
        });
    }

    [Fact]
    public async Task Markup_in_a_model_is_escaped_in_the_HTML_part_and_kept_in_the_text_part()
    {
        await app.WithScopeAsync(async services =>
        {
            services.GetRequiredService<Outbox>().Add("echappe@cohorts.test", new ResetPassword("<script>alert('x')</script> Zoé \"l'agente\" 🎓", $"{app.BaseUrl}/lien"), MessageConcerns.Nothing);
            await services.GetRequiredService<Cohorts.Web.Data.CohortsDbContext>().SaveChangesAsync();
        });

        var message = await app.Mailbox.WaitForAsync("echappe@cohorts.test");

        Assert.DoesNotContain("<script>", message.HtmlBody, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;", message.HtmlBody, StringComparison.Ordinal);
        Assert.Contains("<script>alert('x')</script> Zoé \"l'agente\" 🎓", message.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task When_the_mail_server_is_down_messages_wait_and_leave_once_at_a_later_try()
    {
        // Written by a process without the delivery trigger (as the migrator is), and the tests' app has no
        // sweep: only the runs below deliver it, once the deliveries of the previous tests are over.
        await DeliveryRuns.WaitUntilNoDeliveryRunsAsync(app.ConnectionString);
        await using (var data = CohortsApp.DataServices(app.ConnectionString))
        await using (var scope = data.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<Cohorts.Web.Data.CohortsDbContext>();
            db.OutboxMessages.Add(OutboxMessage.Create("attente@cohorts.test", new RenderedEmail("t", "Sujet", "<p>corps</p>", "corps"), app.Clock.GetUtcNow()));
            await db.SaveChangesAsync();
        }

        Assert.Equal(0, await RunDeliveryAsync(new RefusingTransport()));

        var pending = await app.WithDbAsync(db => db.OutboxMessages.AsNoTracking().SingleAsync());
        Assert.Null(pending.SentAt);
        Assert.Equal(1, pending.Attempts);
        Assert.Contains("refused", pending.LastError, StringComparison.Ordinal);
        Assert.Equal(app.Clock.GetUtcNow().AddMinutes(1), pending.NextAttemptAt);
        Assert.Equal(0, await RunDeliveryAsync()); // not due yet

        app.Clock.Advance(TimeSpan.FromMinutes(2));
        // Two workers at once (the sweep on two nodes): it leaves exactly once.
        await Task.WhenAll(RunDeliveryAsync(), RunDeliveryAsync());
        var message = await app.Mailbox.WaitForAsync("attente@cohorts.test");
        Assert.Equal("Sujet", message.Subject);
        await Task.Delay(300);
        Assert.Single(app.Mailbox.Received);
        Assert.NotNull((await app.WithDbAsync(db => db.OutboxMessages.AsNoTracking().SingleAsync())).SentAt);
    }

    [Fact]
    public async Task Emails_saved_while_the_mail_server_is_down_leave_once_it_is_back_on_its_port()
    {
        app.Mailbox.Stop();
        try
        {
            await QueueAsync(3);
            // The delivery the save asked for met a refused connection: each message waits for its next try.
            await WaitForAsync(async () => (await app.WithDbAsync(db => db.OutboxMessages.AsNoTracking().ToListAsync())).All(m => m.Attempts == 1));
        }
        finally
        {
            app.Mailbox.Restart();
        }
        Assert.All(await app.WithDbAsync(db => db.OutboxMessages.AsNoTracking().ToListAsync()), m =>
        {
            Assert.Equal(OutboxState.Pending, m.State);
            Assert.Contains("refused", m.LastError, StringComparison.OrdinalIgnoreCase);
        });
        Assert.Equal(0, await RunDeliveryAsync()); // back, but the messages are not due yet

        app.Clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(3, await RunDeliveryAsync());
        for (var i = 0; i < 3; i++) await app.Mailbox.WaitForAsync($"agent{i}@cohorts.test");
        Assert.All(await app.WithDbAsync(db => db.OutboxMessages.AsNoTracking().ToListAsync()), m => Assert.Equal(OutboxState.Sent, m.State));
    }

    private static async Task WaitForAsync(Func<Task<bool>> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException("The condition did not hold within 20 s.");
            await Task.Delay(50);
        }
    }

    private sealed class RefusingTransport : IMailTransport
    {
        public Task<IMailSession> OpenAsync(CancellationToken cancellationToken) =>
            Task.FromException<IMailSession>(new IOException("Connection refused by the test"));
    }
}

using Cohorts.Web.Data;
using Cohorts.Web.Emails;
using Cohorts.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Cohorts.Web.Tests.Emails;

/// <summary>The delivery of the outbox against a real SMTP server that refuses, goes down and comes back.</summary>
[Collection(AppFixtureGroup.Name)]
public sealed class DeliveryTests(CohortsApp app) : IAsyncLifetime, IDisposable
{
    private readonly SmtpSink _sink = new();

    public Task InitializeAsync() => app.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose() => _sink.Dispose();

    private Task<int> DrainAsync(Action<MailOptions>? settings = null, CancellationToken stopping = default) =>
        app.DrainAsync(_sink, settings, stopping);

    private Task<int> SeedOutboxAsync(int count, string? onlyTo = null) =>
        DeliveryRuns.SeedOutboxAsync(app.ConnectionString, app.Clock.GetUtcNow(), count, onlyTo);

    private Task<List<OutboxMessage>> MessagesAsync() => app.WithDbAsync(db => db.OutboxMessages.AsNoTracking().ToListAsync());

    private static string MessageIdOf(OutboxMessage message) => OutboxMessage.MessageIdOf(message.Id, "ne-pas-repondre@cohorts.test");

    [Fact]
    public async Task One_run_drains_more_than_the_old_limit_of_twenty_batches_of_fifty()
    {
        await SeedOutboxAsync(1_500);

        Assert.Equal(1_500, await DrainAsync());

        Assert.Equal(1_500, _sink.Received.Select(m => m.MessageId).Distinct().Count());
        Assert.Equal(1_500, _sink.Count);
        Assert.All(await MessagesAsync(), m => Assert.Equal(OutboxState.Sent, m.State));
        // One connection per worker for all its batches, not one per batch.
        Assert.InRange(_sink.ConnectionsOpened, 1, 2);
    }

    [Fact]
    public async Task A_claim_lasts_in_real_time_so_a_jump_of_the_apps_clock_does_not_hand_a_batch_in_flight_to_another_worker()
    {
        await SeedOutboxAsync(5);
        using var held = new ManualResetEventSlim();
        using var arrived = new ManualResetEventSlim();
        // The first message is stored, its confirmation held back: the first drain's worker waits with the batch claimed.
        _sink.OnReceived = _ =>
        {
            arrived.Set();
            held.Wait(TimeSpan.FromSeconds(20));
        };
        var first = Task.Run(() => DrainAsync(o => o.Workers = 1));
        await Task.Run(() => arrived.Wait(TimeSpan.FromSeconds(20)));
        Assert.True(arrived.IsSet);

        // Days pass on the app's clock (tests move it; a node's clock may also be ahead of another's)...
        app.Clock.Advance(TimeSpan.FromDays(3));
        // ... and a second worker (a slot of its own) looks for due messages: the batch in flight is not due for it.
        Assert.Equal(0, await DrainAsync(o => o.Workers = 2));

        _sink.OnReceived = null;
        held.Set();
        Assert.Equal(5, await first);
        Assert.Equal(5, _sink.Received.Select(m => m.MessageId).Distinct().Count());
        Assert.Equal(5, _sink.Count);
    }

    [Fact]
    public async Task When_the_server_goes_down_mid_drain_and_comes_back_on_its_port_every_message_is_delivered()
    {
        await SeedOutboxAsync(300);
        var port = _sink.Port;
        _sink.StopAfter = 40;

        await DrainAsync();

        Assert.False(_sink.IsRunning);
        var afterOutage = await MessagesAsync();
        var waiting = afterOutage.Where(m => m.State == OutboxState.Pending).ToList();
        Assert.NotEmpty(waiting);
        Assert.Equal(300, afterOutage.Count);
        // The workers stopped at the cut: the messages they held wait their turn; the others were not tried.
        Assert.All(waiting.Where(m => m.Attempts > 0), m =>
        {
            Assert.Equal(app.Clock.GetUtcNow().AddMinutes(1), m.NextAttemptAt);
            Assert.NotNull(m.LastError);
            Assert.Null(m.ClaimedUntil);
        });

        // Still down: connection refused, recorded on the messages a worker took; nothing is lost.
        await DrainAsync();
        var refused = (await MessagesAsync()).Where(m => m.State == OutboxState.Pending && m.LastError is not null).ToList();
        Assert.Contains(refused, m => m.LastError!.Contains("refused", StringComparison.OrdinalIgnoreCase));

        _sink.Start();
        Assert.Equal(port, _sink.Port);
        app.Clock.Advance(TimeSpan.FromMinutes(10));
        await DrainAsync();

        var messages = await MessagesAsync();
        Assert.All(messages, m => Assert.Equal(OutboxState.Sent, m.State));
        var received = _sink.Received.Select(m => m.MessageId).ToList();
        Assert.Equal(messages.Select(MessageIdOf).Order(), received.Distinct().Order());
        // At most the message each connection was carrying when the server went down arrives twice.
        Assert.InRange(received.Count - 300, 0, 2);
    }

    [Fact]
    public async Task A_recipient_refused_for_good_fails_with_the_reply_and_the_others_leave_on_the_same_connection()
    {
        _sink.RecipientReply = to => to switch
        {
            "inconnu@cohorts.test" => "550 5.1.1 <inconnu@cohorts.test>: Recipient address rejected: User unknown",
            "pleine@cohorts.test" => "451 4.2.0 Mailbox temporarily unavailable",
            _ => null,
        };
        var renderer = app.Services.GetRequiredService<EmailRenderer>();
        // Written by a process without the delivery trigger (as the migrator is): the runs below are the only deliveries.
        await using (var data = CohortsApp.DataServices(app.ConnectionString))
        await using (var scope = data.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<CohortsDbContext>();
            for (var i = 0; i < 9; i++)
            {
                var to = i switch { 3 => "inconnu@cohorts.test", 6 => "pleine@cohorts.test", _ => $"agent{i}@cohorts.test" };
                db.OutboxMessages.Add(OutboxMessage.Create(to, renderer.Render(new ResetPassword($"Agent {i}", $"{app.BaseUrl}/lien/{i}")), app.Clock.GetUtcNow()));
            }
            await db.SaveChangesAsync();
        }
        await DrainAsync();

        var messages = (await MessagesAsync()).ToDictionary(m => m.To);
        var unknown = messages["inconnu@cohorts.test"];
        Assert.Equal(OutboxState.Failed, unknown.State);
        Assert.Equal(app.Clock.GetUtcNow(), unknown.FailedAt);
        Assert.Equal("550 <inconnu@cohorts.test>: Recipient address rejected: User unknown", unknown.LastError?.Replace("5.1.1 ", "", StringComparison.Ordinal));
        var full = messages["pleine@cohorts.test"];
        Assert.Equal(OutboxState.Pending, full.State);
        Assert.Equal(1, full.Attempts);
        Assert.StartsWith("451 ", full.LastError, StringComparison.Ordinal);
        Assert.Equal(app.Clock.GetUtcNow().AddMinutes(1), full.NextAttemptAt);
        Assert.Equal(7, messages.Values.Count(m => m.State == OutboxState.Sent));
        Assert.Equal(messages.Values.Where(m => m.State == OutboxState.Sent).Select(m => m.To).Order(),
            _sink.Received.SelectMany(m => m.Recipients).Order());
        Assert.Equal(1, _sink.ConnectionsOpened);

        // The mailbox has room again: the message leaves at its next try; the refused one is not tried again.
        _sink.RecipientReply = _ => null;
        app.Clock.Advance(TimeSpan.FromMinutes(2));
        Assert.Equal(1, await DrainAsync());
        Assert.Equal(OutboxState.Sent, (await MessagesAsync()).Single(m => m.To == "pleine@cohorts.test").State);
        Assert.DoesNotContain(_sink.Received, m => m.Recipients.Contains("inconnu@cohorts.test"));
    }

    [Fact]
    public async Task A_message_failing_transiently_for_days_fails_for_good_with_a_reason_staff_can_read()
    {
        await SeedOutboxAsync(1, onlyTo: "pleine@cohorts.test");
        _sink.RecipientReply = _ => "452 4.2.2 Mailbox full";
        var start = app.Clock.GetUtcNow();

        for (var run = 0; run < 40 && (await MessagesAsync()).Single().State == OutboxState.Pending; run++)
        {
            await DrainAsync();
            app.Clock.Advance(OutboxMessage.RetryDelay((await MessagesAsync()).Single().Attempts) + TimeSpan.FromSeconds(1));
        }

        var message = (await MessagesAsync()).Single();
        Assert.Equal(OutboxState.Failed, message.State);
        Assert.InRange(message.FailedAt!.Value - start, TimeSpan.FromHours(72), TimeSpan.FromHours(72 + 6 + 1));
        Assert.StartsWith("Abandonné après 72 h d'échecs temporaires (gave up after 72 h of transient failures) : 452 ", message.LastError, StringComparison.Ordinal);
        Assert.Equal(0, _sink.Count);
    }

    [Fact]
    public async Task A_rolled_back_transaction_leaves_no_message_and_a_committed_one_always_has_its_message()
    {
        var committed = new List<string>();
        for (var i = 0; i < 20; i++)
        {
            var to = $"tour{i}@cohorts.test";
            await app.WithScopeAsync(async services =>
            {
                var db = services.GetRequiredService<CohortsDbContext>();
                await using var transaction = await db.Database.BeginTransactionAsync();
                services.GetRequiredService<Outbox>().Add(to, new ResetPassword("Agent", $"{app.BaseUrl}/lien/{i}"), MessageConcerns.Nothing);
                await db.SaveChangesAsync();
                if (i % 2 == 0)
                {
                    await transaction.CommitAsync();
                    committed.Add(to);
                }
                else
                {
                    await transaction.RollbackAsync();
                }
            });
        }

        // Delivered by the jobs the commits asked for (no sweep runs in the tests), to the app's mailbox.
        foreach (var to in committed) await app.Mailbox.WaitForAsync(to);
        Assert.Equal(committed.Order(), (await MessagesAsync()).Select(m => m.To).Order());
        await DeliveryRuns.WaitUntilNoDeliveryRunsAsync(app.ConnectionString);
        Assert.Equal(committed.Order(), app.Mailbox.Received.SelectMany(m => m.To.Mailboxes).Select(a => a.Address).Order());
    }

    [Fact]
    public async Task A_message_committed_while_a_drain_finishes_leaves_without_waiting_for_the_sweep()
    {
        await SeedOutboxAsync(400);
        var written = 0;
        // While the drain runs (its workers hold every slot), pages commit messages: each commit asks for a delivery
        // that finds the slots taken and leaves; the drain looks again once it lets them go.
        _sink.OnReceived = mail =>
        {
            if (_sink.Count % 50 == 0 && Interlocked.Increment(ref written) <= 8)
                _ = app.WithScopeAsync(async services =>
                {
                    services.GetRequiredService<Outbox>().Add($"tardif{written}@cohorts.test", new ResetPassword("Agent", $"{app.BaseUrl}/lien"), MessageConcerns.Nothing);
                    await services.GetRequiredService<CohortsDbContext>().SaveChangesAsync();
                });
        };

        await DrainAsync();

        // The late ones left with the drain's own last look, or with a delivery a commit asked for that came after it.
        await WaitForAsync(async () => (await MessagesAsync()).All(m => m.State == OutboxState.Sent), "every message sent");
        var toSink = _sink.Received.Select(m => m.MessageId!).ToList();
        var toMailbox = app.Mailbox.Received.Select(m => m.MessageId).ToList();
        Assert.Equal(408, toSink.Count + toMailbox.Count);
        Assert.Equal((await MessagesAsync()).Select(MessageIdOf).Order(), toSink.Concat(toMailbox).Order());
    }

    private static async Task WaitForAsync(Func<Task<bool>> condition, string what)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"Not within 20 s: {what}.");
            await Task.Delay(50);
        }
    }

    [Fact]
    public async Task Shutdown_stops_between_messages_and_gives_back_the_claims_of_what_was_not_sent()
    {
        await SeedOutboxAsync(600);
        using var shutdown = new CancellationTokenSource();
        _sink.OnReceived = _ =>
        {
            if (_sink.Count == 120) shutdown.Cancel();
        };

        var sent = await DrainAsync(stopping: shutdown.Token);

        var messages = await MessagesAsync();
        var received = _sink.Received.Select(m => m.MessageId).ToList();
        Assert.InRange(received.Count, 120, 599);
        Assert.Equal(received.Count, received.Distinct().Count());
        // Every message that arrived is recorded as sent (the one in flight at the signal was finished, not cut) ...
        Assert.Equal(received.Order(), messages.Where(m => m.State == OutboxState.Sent).Select(MessageIdOf).Order());
        Assert.Equal(received.Count, sent);
        // ... and the others are free for the next drain at once, untried.
        Assert.All(messages.Where(m => m.State == OutboxState.Pending), m =>
        {
            Assert.Null(m.ClaimedUntil);
            Assert.Equal(0, m.Attempts);
        });
        Assert.Equal(600 - received.Count, await DrainAsync());
    }

    [Fact]
    public async Task Drains_at_once_never_send_a_message_twice_and_never_run_more_workers_than_configured()
    {
        await SeedOutboxAsync(2_000);

        var sent = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => DrainAsync(settings: o =>
        {
            o.Workers = 3;
            o.BatchSize = 20;
        })));

        Assert.Equal(2_000, sent.Sum());
        Assert.Equal(2_000, _sink.Count);
        Assert.Equal(2_000, _sink.Received.Select(m => m.MessageId).Distinct().Count());
        Assert.InRange(_sink.MostConnectionsAtOnce, 1, 3);
    }
}

using System.Diagnostics;
using Cohorts.Web.Data;
using Microsoft.EntityFrameworkCore;
using MimeKit;
using Npgsql;

namespace Cohorts.Web.Emails.Delivery;

internal enum WorkerEnd { NothingDue, Stopping, ServerLost }

internal sealed record WorkerResult(int Sent, WorkerEnd End);

/// <summary>
/// One delivery worker: claims a batch, sends it over its one SMTP connection (opened at the first batch, kept for the
/// next), records the outcome of the batch, and again, until nothing is due. A crash between sending and recording
/// sends at most this batch twice (the messages keep their Message-ID, so the copies are recognisable).
/// </summary>
internal sealed class DeliveryWorker(string connectionString, IServiceProvider services, IMailTransport transport,
    MailOptions options, TimeProvider clock, ILogger logger)
{
    private readonly TimeSpan _lease = TimeSpan.FromSeconds(options.ClaimSeconds);
    private readonly TimeSpan _giveUpAfter = TimeSpan.FromHours(options.GiveUpAfterHours);

    public async Task<WorkerResult> RunAsync(CancellationToken stopping)
    {
        var sent = 0;
        IMailSession? session = null;
        await using var connection = new NpgsqlConnection(connectionString);
        // Claims have a connection of their own: the next batch is claimed while this one is sent, which saves a round
        // trip per batch (a third of the time lost to the database at 50 messages a batch). A batch claimed ahead is not
        // sent yet, so it adds nothing to what a crash may send twice.
        await using var claims = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(stopping);
        await claims.OpenAsync(stopping);
        Task<(List<ClaimedMessage> Batch, long ClaimedAt)>? next = ClaimAsync(claims);
        try
        {
            while (!stopping.IsCancellationRequested)
            {
                var (batch, claimedAt) = await next;
                next = null;
                if (batch.Count == 0) return new WorkerResult(sent, WorkerEnd.NothingDue);

                var outcome = new BatchOutcome();
                try
                {
                    session ??= await transport.OpenAsync(CancellationToken.None);
                }
                catch (Exception e)
                {
                    logger.LogWarning(e, "Mail server unreachable: {Count} emails wait for a later try", batch.Count);
                    outcome.Failed.AddRange(batch.Select(m => (m.Id, Describe(e), Permanent: false)));
                    await RecordAsync(connection, outcome);
                    return new WorkerResult(sent, WorkerEnd.ServerLost);
                }

                next = ClaimAsync(claims);
                var end = await SendAsync(session, connection, batch, claimedAt, outcome, stopping);
                await RecordAsync(connection, outcome);
                sent += outcome.Sent.Count;
                if (end == WorkerEnd.ServerLost)
                {
                    await session.DisposeAsync();
                    session = null;
                }
                if (end != WorkerEnd.NothingDue) return new WorkerResult(sent, end);
            }
            return new WorkerResult(sent, WorkerEnd.Stopping);
        }
        finally
        {
            // A batch claimed ahead and not tried is given back: the next drain takes it at once.
            if (next is not null) await OutboxStatements.ReleaseAsync(connection, (await next).Batch.Select(m => m.Id).ToList());
            if (session is not null) await session.DisposeAsync();
        }
    }

    /// <summary>Never cancelled halfway: a claim the database made but this worker never heard of would wait out its lease.</summary>
    private async Task<(List<ClaimedMessage> Batch, long ClaimedAt)> ClaimAsync(NpgsqlConnection claims)
    {
        var claimedAt = Stopwatch.GetTimestamp();
        return (await OutboxStatements.ClaimAsync(claims, clock.GetUtcNow(), _lease, options.BatchSize, CancellationToken.None), claimedAt);
    }

    /// <summary>Sends a claimed batch, message after message; returns why it stopped early, or NothingDue once all were tried.</summary>
    private async Task<WorkerEnd> SendAsync(IMailSession session, NpgsqlConnection connection, List<ClaimedMessage> batch,
        long claimedAt, BatchOutcome outcome, CancellationToken stopping)
    {
        // The lease runs on real time (the database's), not on the app's clock, which tests move by days.
        var renewedAt = claimedAt;
        for (var i = 0; i < batch.Count; i++)
        {
            var message = batch[i];
            // Between two messages, never within one: a message cut in the middle may have left anyway.
            if (stopping.IsCancellationRequested)
            {
                outcome.Untried.AddRange(batch.Skip(i).Select(m => m.Id));
                return WorkerEnd.Stopping;
            }
            if (Stopwatch.GetElapsedTime(renewedAt) >= _lease / 2)
            {
                renewedAt = Stopwatch.GetTimestamp();
                await OutboxStatements.RenewAsync(connection, batch.Skip(i).Select(m => m.Id).ToList(), _lease);
            }
            var messageId = OutboxMessage.MessageIdOf(message.Id, options.From);
            try
            {
                await session.SendAsync(ToMime(message, messageId), CancellationToken.None);
                outcome.Sent.Add((message.Id, messageId, clock.GetUtcNow()));
            }
            catch (MailRefusedException refused) when (!refused.ForEveryMessage)
            {
                logger.LogWarning("Email {MessageId} refused by the mail server {Permanence}: {Reply}", message.Id,
                    refused.IsPermanent ? "for good" : "for now", refused.Message);
                outcome.Failed.Add((message.Id, refused.Message, refused.IsPermanent));
            }
            catch (Exception e)
            {
                // The connection is gone (or the server refuses every message): the rest of the batch waits for a later
                // try, and this worker stops rather than spin against a server that is down.
                logger.LogWarning(e, "Mail server connection lost: {Count} emails wait for a later try", batch.Count - i);
                outcome.Failed.AddRange(batch.Skip(i).Select(m => (m.Id, Describe(e), Permanent: false)));
                return WorkerEnd.ServerLost;
            }
        }
        return WorkerEnd.NothingDue;
    }

    /// <summary>The batch's outcome: the sent in one statement; failures (rare) through the entity, which knows the back-off.</summary>
    private async Task RecordAsync(NpgsqlConnection connection, BatchOutcome outcome)
    {
        await OutboxStatements.MarkSentAsync(connection, outcome.Sent);
        await OutboxStatements.ReleaseAsync(connection, outcome.Untried);
        if (outcome.Failed.Count == 0) return;
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CohortsDbContext>();
        var ids = outcome.Failed.Select(f => f.Id).ToList();
        var messages = await db.OutboxMessages.Where(m => ids.Contains(m.Id) && m.State == OutboxState.Pending)
            .ToDictionaryAsync(m => m.Id, CancellationToken.None);
        var now = clock.GetUtcNow();
        foreach (var (id, error, permanent) in outcome.Failed)
        {
            if (!messages.TryGetValue(id, out var message)) continue;
            if (permanent) message.MarkPermanentFailure(now, error);
            else message.MarkTransientFailure(now, error, _giveUpAfter);
        }
        await db.SaveChangesAsync(CancellationToken.None);
    }

    private MimeMessage ToMime(ClaimedMessage message, string messageId)
    {
        var body = new BodyBuilder { HtmlBody = message.HtmlBody, TextBody = message.TextBody };
        foreach (var attachment in message.Attachments)
            body.Attachments.Add(attachment.FileName, attachment.Content, ContentType.Parse(attachment.ContentType));
        var mime = new MimeMessage
        {
            // A stable id: a message sent twice after a crash is recognisable as one.
            MessageId = messageId,
            // When it leaves: a message resent days after it was written sorts among the new ones in the inbox.
            Date = clock.GetUtcNow(),
            Subject = message.Subject,
            Body = body.ToMessageBody(),
        };
        mime.From.Add(new MailboxAddress(options.FromName, options.From));
        mime.To.Add(MailboxAddress.Parse(message.To));
        return mime;
    }

    /// <summary>What staff read in the journal: the exception's own message (never a body), with its type when it says little.</summary>
    private static string Describe(Exception e) => e is MailRefusedException ? e.Message : $"{e.GetType().Name}: {e.Message}";

    private sealed class BatchOutcome
    {
        public List<(Guid Id, string MessageId, DateTimeOffset SentAt)> Sent { get; } = [];
        public List<(Guid Id, string Error, bool Permanent)> Failed { get; } = [];
        public List<Guid> Untried { get; } = [];
    }
}

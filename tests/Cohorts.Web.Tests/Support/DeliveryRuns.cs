using Cohorts.Web.Emails;
using Cohorts.Web.Emails.Delivery;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Cohorts.Web.Tests.Support;

/// <summary>
/// Delivery runs of the tests' app sent to an <see cref="SmtpSink"/> (refusals, outages, counts by Message-ID) rather than
/// to its mailbox. Not a second app: Hangfire keeps process-wide state (its logger, its storage), so two hosts running it
/// in one test process step on each other.
/// </summary>
public static class DeliveryRuns
{
    /// <summary>One run of the delivery job as Hangfire runs it, to <paramref name="sink"/>, optionally with other settings.</summary>
    public static async Task<int> DrainAsync(this CohortsApp app, SmtpSink sink, Action<MailOptions>? settings = null,
        CancellationToken stopping = default)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var options = Copy(scope.ServiceProvider.GetRequiredService<IOptions<MailOptions>>().Value);
        options.SmtpPort = sink.Port;
        settings?.Invoke(options);
        var drain = new OutboxDrain(app.ConnectionString, scope.ServiceProvider, new SmtpMailTransport(Options.Create(options)),
            options, app.Clock, scope.ServiceProvider.GetRequiredService<ILoggerFactory>().CreateLogger("Cohorts.Web.Emails.Delivery"));
        return await drain.RunAsync(stopping);
    }

    /// <summary>Writes <paramref name="count"/> due messages straight into the outbox (no delivery asked for), to dest{i}@cohorts.test.</summary>
    public static async Task<int> SeedOutboxAsync(string connectionString, DateTimeOffset now, int count, string? onlyTo = null)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var insert = new NpgsqlCommand("""
            INSERT INTO outbox_messages (id, "to", subject, kind, html_body, text_body, state, created_at, next_attempt_at, attempts)
            SELECT gen_random_uuid(), coalesce(@to, 'dest' || i || '@cohorts.test'), 'Message ' || i, 'test',
                   '<p>Bonjour ' || i || '</p>', 'Bonjour ' || i, 'Pending', @now, @now, 0
            FROM generate_series(1, @count) AS i
            """, connection);
        insert.Parameters.AddWithValue("to", NpgsqlTypes.NpgsqlDbType.Text, (object?)onlyTo ?? DBNull.Value);
        insert.Parameters.AddWithValue("now", now.UtcDateTime);
        insert.Parameters.AddWithValue("count", count);
        return await insert.ExecuteNonQueryAsync();
    }

    /// <summary>
    /// Waits until no delivery runs or waits in Hangfire's queue: one that a commit of the previous test asked for would
    /// otherwise look again for due messages once done, and send what the next test writes.
    /// </summary>
    public static async Task WaitUntilNoDeliveryRunsAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var busy = new NpgsqlCommand($"""
            SELECT (SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND classid = {0x6D61696C}::oid
                    AND database = (SELECT oid FROM pg_database WHERE datname = current_database()))
                 + (SELECT count(*) FROM hangfire.jobqueue q JOIN hangfire.job j ON j.id = q.jobid
                    WHERE j.invocationdata::text LIKE '%DeliverEmailsJob%')
            """, connection);
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while ((long)(await busy.ExecuteScalarAsync())! > 0)
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException("A delivery still runs after 30 s.");
            await Task.Delay(20);
        }
    }

    private static MailOptions Copy(MailOptions o) => new()
    {
        From = o.From, FromName = o.FromName, BaseUrl = o.BaseUrl, SmtpHost = o.SmtpHost, SmtpPort = o.SmtpPort, Security = o.Security,
        UserName = o.UserName, Password = o.Password, PickupDirectory = o.PickupDirectory, TemplatesPath = o.TemplatesPath,
        BatchSize = o.BatchSize, Workers = o.Workers, ClaimSeconds = o.ClaimSeconds, GiveUpAfterHours = o.GiveUpAfterHours,
        DeliverOnStart = o.DeliverOnStart,
    };
}

using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Cohorts.Web.Emails.Delivery;

/// <summary>
/// Empties the outbox of what is due: as many workers as it can take worker slots (<see cref="MailOptions.Workers"/>
/// across the deployment), each with one SMTP connection for all its batches, until nothing is due. Safe to run twice
/// and on several nodes at once: a drain that finds every slot taken leaves at once, and the drains holding them look
/// again for due messages after letting go of their slots, so a message committed while they finish does not wait
/// for the next sweep.
/// </summary>
public sealed class OutboxDrain(string connectionString, IServiceProvider services, IMailTransport transport,
    MailOptions options, TimeProvider clock, ILogger logger)
{
    public async Task<int> RunAsync(CancellationToken stopping)
    {
        var sent = 0;
        while (!stopping.IsCancellationRequested)
        {
            var slots = await WorkerSlots.TakeAsync(connectionString, options.Workers, stopping);
            IReadOnlyList<WorkerResult> results;
            var takenBack = 0;
            try
            {
                if (slots.Count == 0) return sent;
                if (slots.Count == options.Workers) takenBack = await slots.TakeBackStaleClaimsAsync(logger);
                results = await Task.WhenAll(Enumerable.Range(0, slots.Count).Select(_ =>
                    new DeliveryWorker(connectionString, services, transport, options, clock, logger).RunAsync(stopping)));
            }
            finally
            {
                await slots.DisposeAsync();
            }
            var sentNow = results.Sum(r => r.Sent);
            sent += sentNow;
            // A worker that lost the server stopped on purpose: looping would only hammer it. The sweep tries again.
            if (results.Any(r => r.End != WorkerEnd.NothingDue) || stopping.IsCancellationRequested) return sent;
            // Nothing moved this time (what is left is claimed by live workers elsewhere): looking again would spin.
            if (sentNow == 0 && takenBack == 0) return sent;
            // Due messages, or messages still claimed: committed meanwhile, or claimed by a worker that died while this
            // drain could not hold every slot (its session not yet ended), which the next turn may take back.
            if (!await OutboxStatements.AnyWaitingAsync(connectionString, clock.GetUtcNow(), stopping)) return sent;
        }
        return sent;
    }

    public static OutboxDrain Create(IServiceProvider services, IMailTransport? transport = null)
    {
        var db = services.GetRequiredService<Data.CohortsDbContext>();
        return new OutboxDrain(db.Database.GetConnectionString()!, services, transport ?? services.GetRequiredService<IMailTransport>(),
            services.GetRequiredService<IOptions<MailOptions>>().Value, services.GetRequiredService<TimeProvider>(),
            services.GetRequiredService<ILoggerFactory>().CreateLogger("Cohorts.Web.Emails.Delivery"));
    }
}

/// <summary>
/// The worker slots a drain holds: session-level advisory locks on one connection held open without a transaction, so
/// that they go with the process if it dies (PostgreSQL ends its session) and never hold up a table.
/// </summary>
internal sealed class WorkerSlots : IAsyncDisposable
{
    /// <summary>The first key of the slots' advisory locks ("mail"); the slot number is the second.</summary>
    private const int LockClass = 0x6D61696C;

    private readonly NpgsqlConnection _connection;
    private bool _released;

    private WorkerSlots(NpgsqlConnection connection, int count)
    {
        _connection = connection;
        Count = count;
    }

    public int Count { get; }

    public static async Task<WorkerSlots> TakeAsync(string connectionString, int workers, CancellationToken cancellationToken)
    {
        var connection = new NpgsqlConnection(connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);
            await using var take = new NpgsqlCommand(
                $"SELECT count(*) FROM generate_series(0, @workers - 1) AS slot WHERE pg_try_advisory_lock({LockClass}, slot)", connection);
            take.Parameters.AddWithValue("workers", workers);
            var count = Convert.ToInt32(await take.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
            return new WorkerSlots(connection, count);
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    /// <summary>
    /// Holding every slot, and no other session holding one (a node configured with more workers), this drain is the only
    /// one alive: a claim still running is a dead worker's (killed process), taken back now rather than when it lapses.
    /// </summary>
    public async Task<int> TakeBackStaleClaimsAsync(ILogger logger)
    {
        await using var command = new NpgsqlCommand($"""
            UPDATE outbox_messages SET claimed_until = NULL
            WHERE state = 'Pending' AND claimed_until >= clock_timestamp()
              AND NOT EXISTS (SELECT 1 FROM pg_locks
                              WHERE locktype = 'advisory' AND classid = {LockClass}::oid AND granted AND pid <> pg_backend_pid()
                                AND database = (SELECT oid FROM pg_database WHERE datname = current_database()))
            """, _connection);
        var taken = await command.ExecuteNonQueryAsync(CancellationToken.None);
        if (taken > 0) logger.LogWarning("Took back {Count} emails claimed by a delivery worker that is gone", taken);
        return taken;
    }

    public async ValueTask DisposeAsync()
    {
        if (_released) return;
        _released = true;
        try
        {
            if (Count > 0)
            {
                await using var release = new NpgsqlCommand("SELECT pg_advisory_unlock_all()", _connection);
                await release.ExecuteNonQueryAsync(CancellationToken.None);
            }
        }
        finally
        {
            await _connection.DisposeAsync();
        }
    }
}

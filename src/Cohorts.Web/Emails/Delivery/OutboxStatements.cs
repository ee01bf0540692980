using Npgsql;
using NpgsqlTypes;

namespace Cohorts.Web.Emails.Delivery;

/// <summary>A message as a worker claims it: what it takes to build the MIME message, and nothing else.</summary>
internal sealed record ClaimedMessage(Guid Id, string To, string Subject, string? HtmlBody, string? TextBody,
    DateTimeOffset CreatedAt, List<EmailAttachment> Attachments);

/// <summary>
/// The delivery's statements, each one short and on its own (autocommit): no transaction is ever open while a worker
/// talks to the mail server.
/// </summary>
internal static class OutboxStatements
{
    /// <summary>
    /// Claims up to <paramref name="batchSize"/> messages due at <paramref name="now"/> (the app's clock: what is due is a
    /// matter of business time) for <paramref name="lease"/> of the database's time (how long a worker may be silent before it
    /// is taken for dead is a matter of real time, one clock for every node), with their attachments, in one statement. SKIP
    /// LOCKED and the claim itself keep two workers off the same message; a claim past its end is a dead worker's, taken over.
    /// </summary>
    public static async Task<List<ClaimedMessage>> ClaimAsync(NpgsqlConnection connection, DateTimeOffset now,
        TimeSpan lease, int batchSize, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("""
            WITH claimed AS (
                UPDATE outbox_messages SET claimed_until = clock_timestamp() + @lease
                WHERE id IN (SELECT id FROM outbox_messages
                             WHERE state = 'Pending' AND next_attempt_at <= @now
                               AND (claimed_until IS NULL OR claimed_until < clock_timestamp())
                             ORDER BY next_attempt_at
                             LIMIT @batch
                             FOR UPDATE SKIP LOCKED)
                RETURNING id, "to", subject, html_body, text_body, created_at, next_attempt_at)
            SELECT c.id, c."to", c.subject, c.html_body, c.text_body, c.created_at, a.file_name, a.content_type, a.content
            FROM claimed c LEFT JOIN outbox_attachments a ON a.message_id = c.id
            ORDER BY c.next_attempt_at, c.id, a.id
            """, connection);
        command.Parameters.AddWithValue("now", now.UtcDateTime);
        command.Parameters.AddWithValue("lease", lease);
        command.Parameters.AddWithValue("batch", batchSize);
        var messages = new List<ClaimedMessage>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var id = reader.GetGuid(0);
            if (messages.Count == 0 || messages[^1].Id != id)
                messages.Add(new ClaimedMessage(id, reader.GetString(1), reader.GetString(2),
                    reader.IsDBNull(3) ? null : reader.GetString(3), reader.IsDBNull(4) ? null : reader.GetString(4),
                    reader.GetFieldValue<DateTimeOffset>(5), []));
            if (!reader.IsDBNull(6))
                messages[^1].Attachments.Add(new EmailAttachment(reader.GetString(6), reader.GetString(7), reader.GetFieldValue<byte[]>(8)));
        }
        return messages;
    }

    /// <summary>A batch running long keeps its claim: the messages not sent yet are claimed again for <paramref name="lease"/>.</summary>
    public static async Task RenewAsync(NpgsqlConnection connection, IReadOnlyCollection<Guid> ids, TimeSpan lease)
    {
        await using var command = new NpgsqlCommand(
            "UPDATE outbox_messages SET claimed_until = clock_timestamp() + @lease WHERE id = ANY(@ids) AND state = 'Pending'", connection);
        command.Parameters.AddWithValue("lease", lease);
        command.Parameters.AddWithValue("ids", ids.ToArray());
        await command.ExecuteNonQueryAsync(CancellationToken.None);
    }

    /// <summary>What <see cref="OutboxMessage.MarkSent"/> does, for a whole batch in one statement, each with its Message-ID.</summary>
    public static async Task MarkSentAsync(NpgsqlConnection connection, IReadOnlyList<(Guid Id, string MessageId, DateTimeOffset SentAt)> sent)
    {
        if (sent.Count == 0) return;
        await using var command = new NpgsqlCommand("""
            UPDATE outbox_messages m
            SET state = 'Sent', sent_at = s.sent_at, message_id = s.message_id, attempts = m.attempts + 1, last_error = NULL,
                claimed_until = NULL, retrying_since = NULL
            FROM unnest(@ids, @message_ids, @sent_at) AS s(id, message_id, sent_at)
            WHERE m.id = s.id AND m.state = 'Pending'
            """, connection);
        command.Parameters.AddWithValue("ids", sent.Select(s => s.Id).ToArray());
        command.Parameters.AddWithValue("message_ids", sent.Select(s => s.MessageId).ToArray());
        command.Parameters.Add(new NpgsqlParameter("sent_at", NpgsqlDbType.Array | NpgsqlDbType.TimestampTz)
        {
            Value = sent.Select(s => s.SentAt.UtcDateTime).ToArray(),
        });
        // Never cancelled: what left must be recorded as gone, shutdown or not.
        await command.ExecuteNonQueryAsync(CancellationToken.None);
    }

    /// <summary>Gives back the claim on messages a worker did not try (shutdown): the next drain takes them at once.</summary>
    public static async Task ReleaseAsync(NpgsqlConnection connection, IReadOnlyCollection<Guid> ids)
    {
        if (ids.Count == 0) return;
        await using var command = new NpgsqlCommand(
            "UPDATE outbox_messages SET claimed_until = NULL WHERE id = ANY(@ids) AND state = 'Pending'", connection);
        command.Parameters.AddWithValue("ids", ids.ToArray());
        await command.ExecuteNonQueryAsync(CancellationToken.None);
    }

    /// <summary>Whether any message is due, claimed or not.</summary>
    public static async Task<bool> AnyWaitingAsync(string connectionString, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand("""
            SELECT EXISTS (SELECT 1 FROM outbox_messages WHERE state = 'Pending' AND next_attempt_at <= @now)
            """, connection);
        command.Parameters.AddWithValue("now", now.UtcDateTime);
        return (bool)(await command.ExecuteScalarAsync(cancellationToken))!;
    }
}

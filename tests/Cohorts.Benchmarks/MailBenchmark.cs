using System.Diagnostics;
using System.Net.Http;
using System.Net.Sockets;
using Cohorts.Migrations;
using Cohorts.Web.Emails;
using Cohorts.Web.Emails.Delivery;
using Cohorts.Web.Hosting;
using Cohorts.Web.Jobs;
using Cohorts.Web.Tests.Support;
using Hangfire;
using Hangfire.PostgreSql;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using MimeKit;
using Npgsql;

namespace Cohorts.Benchmarks;

/// <summary>
/// Email delivery against one local SMTP sink (the tests' SmtpSink, the same for every measure): (a) a bare MailKit
/// loop over one NoDelay connection, (b) the outbox delivered by the real drain from a real PostgreSQL, and the wait
/// between a commit in this process and the delivery by a Cohorts web process (Hangfire, long polling).
/// </summary>
public static class MailBenchmark
{
    private const string From = "ne-pas-repondre@cohorts.test";

    public static async Task<int> RunAsync(string connectionString, string webDll, int count, int? workers = null, int? batchSize = null)
    {
        using var sink = new SmtpSink();
        var html = "<!doctype html><html lang=\"fr\"><body><h1>Rappel : évaluations à rendre</h1>"
                   + string.Concat(Enumerable.Repeat("<p>Bonjour, il vous reste des candidatures à évaluer avant la date limite du comité. "
                                                     + "Ouvrez la page de vos évaluations pour les terminer.</p>", 8))
                   + "<p><a href=\"https://cohorts.example.gouv.fr/evaluations\">Mes évaluations</a></p></body></html>";
        var text = "Rappel : évaluations à rendre\n\n" + string.Concat(Enumerable.Repeat(
            "Bonjour, il vous reste des candidatures à évaluer avant la date limite du comité.\n", 8)) + "https://cohorts.example.gouv.fr/evaluations\n";

        var bare = await BareMailKitAsync(sink, count, html, text);
        sink.Clear();
        var cohorts = await OutboxAsync(sink, connectionString, count, html, text, workers, batchSize);
        Console.WriteLine($"(a) bare MailKit loop, one NoDelay connection: {count:N0} messages in {bare.TotalSeconds:F2} s = {count / bare.TotalSeconds:N0} messages/s");
        Console.WriteLine($"(b) Cohorts, outbox drain ({cohorts.Workers} workers × batches of {cohorts.BatchSize}): {count:N0} messages in {cohorts.Elapsed.TotalSeconds:F2} s = {count / cohorts.Elapsed.TotalSeconds:N0} messages/s");
        Console.WriteLine($"b/a = {bare.TotalSeconds / cohorts.Elapsed.TotalSeconds:F2} (target ≥ 0.7)");

        sink.Clear();
        var latencies = await CommitToDeliveryAsync(sink, connectionString, webDll, samples: 10);
        Console.WriteLine($"Commit here → delivered by the web process (its Hangfire picks the job up by LISTEN/NOTIFY): " +
                          $"median {Median(latencies):F0} ms, max {latencies.Max():F0} ms over {latencies.Count} messages (target < 1,000 ms)");
        return 0;
    }

    private static async Task<TimeSpan> BareMailKitAsync(SmtpSink sink, int count, string html, string text)
    {
        var messages = Enumerable.Range(0, count).Select(i =>
        {
            var message = new MimeMessage { MessageId = $"{Guid.NewGuid():N}@cohorts.test", Subject = $"Message {i}", Date = DateTimeOffset.UtcNow };
            message.From.Add(new MailboxAddress("Cohorts", From));
            message.To.Add(new MailboxAddress("", $"dest{i}@cohorts.test"));
            message.Body = new BodyBuilder { HtmlBody = html, TextBody = text }.ToMessageBody();
            return message;
        }).ToList();
        using var client = new SmtpClient();
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        await socket.ConnectAsync("127.0.0.1", sink.Port);
        await client.ConnectAsync(socket, "127.0.0.1", sink.Port, SecureSocketOptions.None);
        var watch = Stopwatch.StartNew();
        foreach (var message in messages) await client.SendAsync(message);
        watch.Stop();
        await client.DisconnectAsync(true);
        if (sink.Count != count) throw new InvalidOperationException($"The sink received {sink.Count} of {count}.");
        return watch.Elapsed;
    }

    private static async Task<(TimeSpan Elapsed, int Workers, int BatchSize)> OutboxAsync(SmtpSink sink, string connectionString,
        int count, string html, string text, int? workers, int? batchSize)
    {
        await RecreateAsync(connectionString);
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["ConnectionStrings:Cohorts"] = connectionString }).Build();
        var services = new ServiceCollection().AddLogging();
        services.AddCohortsData(configuration);
        await using var provider = services.BuildServiceProvider();
        await DatabaseSetup.MigrateAsync(provider);
        await using (var connection = new NpgsqlConnection(connectionString))
        {
            await connection.OpenAsync();
            await using var insert = new NpgsqlCommand("""
                INSERT INTO outbox_messages (id, "to", subject, kind, html_body, text_body, state, created_at, next_attempt_at, attempts)
                SELECT gen_random_uuid(), 'dest' || i || '@cohorts.test', 'Message ' || i, 'reminder-reviews-due', @html, @text, 'Pending', now(), now(), 0
                FROM generate_series(1, @count) AS i
                """, connection);
            insert.Parameters.AddWithValue("html", html);
            insert.Parameters.AddWithValue("text", text);
            insert.Parameters.AddWithValue("count", count);
            await insert.ExecuteNonQueryAsync();
            await using var analyze = new NpgsqlCommand("VACUUM ANALYZE outbox_messages", connection);
            await analyze.ExecuteNonQueryAsync();
        }
        var options = new MailOptions { From = From, BaseUrl = "http://127.0.0.1", SmtpHost = "127.0.0.1", SmtpPort = sink.Port, Security = "None" };
        options.Workers = workers ?? options.Workers;
        options.BatchSize = batchSize ?? options.BatchSize;
        await using var scope = provider.CreateAsyncScope();
        var drain = new OutboxDrain(connectionString, scope.ServiceProvider, new SmtpMailTransport(Options.Create(options)), options,
            TimeProvider.System, NullLogger.Instance);
        var watch = Stopwatch.StartNew();
        var sent = await drain.RunAsync(CancellationToken.None);
        watch.Stop();
        if (sent != count || sink.Received.Select(m => m.MessageId).Distinct().Count() != count)
            throw new InvalidOperationException($"The drain sent {sent} of {count}; the sink received {sink.Count}.");
        return (watch.Elapsed, options.Workers, options.BatchSize);
    }

    /// <summary>
    /// As a page of one node does: commits a message, then (as the delivery trigger does after the commit) enqueues the
    /// delivery job; another process, the web app with its Hangfire server, runs it. Measured up to the sink's receipt.
    /// </summary>
    private static async Task<List<double>> CommitToDeliveryAsync(SmtpSink sink, string connectionString, string webDll, int samples)
    {
        int port;
        using (var probe = new TcpListener(System.Net.IPAddress.Loopback, 0))
        {
            probe.Start();
            port = ((System.Net.IPEndPoint)probe.LocalEndpoint).Port;
        }
        var url = $"http://127.0.0.1:{port}";
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = Path.GetDirectoryName(Path.GetFullPath(webDll))!, UseShellExecute = false,
            RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { Path.GetFullPath(webDll), "--urls", url }) start.ArgumentList.Add(argument);
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["ConnectionStrings__Cohorts"] = connectionString;
        start.Environment["Mail__SmtpHost"] = "127.0.0.1";
        start.Environment["Mail__SmtpPort"] = sink.Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        start.Environment["Mail__Security"] = "None";
        start.Environment["Mail__From"] = From;
        start.Environment["Mail__BaseUrl"] = url;
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        using var web = Process.Start(start)!;
        web.OutputDataReceived += (_, _) => { };
        web.ErrorDataReceived += (_, e) => { if (e.Data is not null) Console.Error.WriteLine($"  web: {e.Data}"); };
        web.BeginOutputReadLine();
        web.BeginErrorReadLine();
        try
        {
            using var http = new HttpClient();
            for (var tries = 0; ; tries++)
            {
                try
                {
                    if ((await http.GetAsync(new Uri($"{url}/health"))).IsSuccessStatusCode) break;
                }
                catch (HttpRequestException) when (tries < 120)
                {
                }
                await Task.Delay(250);
            }
            await WaitUntilSettledAsync(connectionString);

            // The client side of the app's Hangfire configuration (CohortsServices.AddJobs), without a server. Long polling
            // on the client too: the enqueue's NOTIFY is what wakes the other process's workers.
            GlobalConfiguration.Configuration.SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
                .UseSimpleAssemblyNameTypeSerializer().UseRecommendedSerializerSettings()
                .UsePostgreSqlStorage(storage => storage.UseNpgsqlConnection(connectionString),
                    new PostgreSqlStorageOptions { SchemaName = "hangfire", PrepareSchemaIfNecessary = false, EnableLongPolling = true,
                        QueuePollInterval = TimeSpan.FromSeconds(5) });
            var jobs = new BackgroundJobClient();
            var latencies = new List<double>();
            for (var i = 0; i < samples; i++)
            {
                var id = Guid.CreateVersion7();
                await using (var connection = new NpgsqlConnection(connectionString))
                {
                    await connection.OpenAsync();
                    await using var transaction = await connection.BeginTransactionAsync();
                    await using var insert = new NpgsqlCommand("""
                        INSERT INTO outbox_messages (id, "to", subject, kind, html_body, text_body, state, created_at, next_attempt_at, attempts)
                        VALUES (@id, 'latence@cohorts.test', 'Latence', 'test', '<p>Bonjour</p>', 'Bonjour', 'Pending', now(), now(), 0)
                        """, connection, transaction);
                    insert.Parameters.AddWithValue("id", id);
                    await insert.ExecuteNonQueryAsync();
                    await transaction.CommitAsync();
                }
                var committed = Stopwatch.StartNew();
                jobs.Enqueue<DeliverEmailsJob>(job => job.RunAsync(CancellationToken.None));
                var messageId = OutboxMessage.MessageIdOf(id, From);
                while (!sink.Received.Any(m => m.MessageId == messageId))
                {
                    if (committed.Elapsed > TimeSpan.FromSeconds(30)) throw new TimeoutException("A message committed here did not leave within 30 s.");
                    await Task.Delay(2);
                }
                latencies.Add(committed.Elapsed.TotalMilliseconds);
                await Task.Delay(300 + Random.Shared.Next(300));
            }
            return latencies;
        }
        finally
        {
            web.Kill(entireProcessTree: true);
            await web.WaitForExitAsync();
        }
    }

    /// <summary>
    /// Before measuring: the web process's Hangfire server is registered, its start-up delivery has been picked up and is
    /// over (no job queued, no delivery slot held), so the first sample measures a delivery, not a start-up.
    /// </summary>
    private static async Task WaitUntilSettledAsync(string connectionString)
    {
        var waited = Stopwatch.StartNew();
        while (true)
        {
            await using var connection = new NpgsqlConnection(connectionString);
            await connection.OpenAsync();
            await using var settled = new NpgsqlCommand("""
                SELECT EXISTS (SELECT 1 FROM hangfire.server)
                   AND NOT EXISTS (SELECT 1 FROM hangfire.jobqueue)
                   AND NOT EXISTS (SELECT 1 FROM pg_locks WHERE locktype = 'advisory' AND granted)
                """, connection);
            if ((bool)(await settled.ExecuteScalarAsync())!) return;
            if (waited.Elapsed > TimeSpan.FromSeconds(60)) throw new TimeoutException("The web process did not settle within 60 s.");
            await Task.Delay(50);
        }
    }

    private static async Task RecreateAsync(string connectionString)
    {
        var database = new NpgsqlConnectionStringBuilder(connectionString).Database!;
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString) { Database = "postgres" }.ConnectionString);
        await connection.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{database}\" WITH (FORCE); CREATE DATABASE \"{database}\"", connection);
        await drop.ExecuteNonQueryAsync();
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
    }
}

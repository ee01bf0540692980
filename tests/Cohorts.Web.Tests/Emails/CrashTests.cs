using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Cohorts.Migrations;
using Cohorts.Web.Tests.Support;
using Npgsql;
using Xunit.Abstractions;

namespace Cohorts.Web.Tests.Emails;

/// <summary>
/// The application as it runs in production, a process of its own (built with the solution), killed with SIGKILL in the
/// middle of a delivery and started again: every message arrives, and at most the batches in flight arrive twice.
/// </summary>
public sealed class CrashTests(ITestOutputHelper output)
{
    private const int Messages = 5_000;
    private const int Workers = 2;
    private const int BatchSize = 50;

    [Fact]
    public async Task Killed_while_delivering_and_started_again_the_app_delivers_every_message_and_at_most_the_batches_in_flight_twice()
    {
        var connectionString = new NpgsqlConnectionStringBuilder(CohortsApp.ServerConnectionString) { Database = "cohorts_test_crash" + CohortsApp.DatabaseSuffix }.ConnectionString;
        await CohortsApp.RecreateDatabaseAsync(connectionString);
        try
        {
            await using (var setup = CohortsApp.DataServices(connectionString))
                await DatabaseSetup.MigrateAsync(setup);
            using var sink = new SmtpSink();
            await DeliveryRuns.SeedOutboxAsync(connectionString, DateTimeOffset.UtcNow, Messages);
            var clock = Stopwatch.StartNew();

            using (var first = AppProcess.Start(connectionString, sink.Port))
            {
                await first.WaitUntilAsync(() => sink.Count >= 1_000, sink, "the first 1,000 messages");
                first.Kill();
            }
            var atKill = sink.Count;
            var distinctAtKill = sink.Received.Select(m => m.MessageId).Distinct().Count();
            Assert.InRange(distinctAtKill, 1_000, Messages - 1);

            using (var second = AppProcess.Start(connectionString, sink.Port))
            {
                try
                {
                    await second.WaitUntilAsync(() => sink.Received.Select(m => m.MessageId).Distinct().Count() == Messages, sink, "every message");
                }
                catch (TimeoutException e)
                {
                    throw new TimeoutException($"{e.Message}\nOutbox: {await OutboxStateAsync(connectionString)}", e);
                }
                await second.WaitUntilAsync(() => PendingAsync(connectionString).GetAwaiter().GetResult() == 0, sink, "every message recorded as sent");
                second.Kill();
            }
            var received = sink.Received.Select(m => m.MessageId).ToList();
            var duplicates = received.Count - received.Distinct().Count();
            output.WriteLine($"{Messages} messages; SIGKILL after {atKill} received ({distinctAtKill} distinct); after the restart: " +
                             $"{received.Distinct().Count()} distinct delivered, {received.Count} received in all, {duplicates} duplicates " +
                             $"(bound: {Workers} workers × {BatchSize} = {Workers * BatchSize}); {clock.Elapsed.TotalSeconds:F1} s");

            Assert.Equal(Messages, received.Distinct().Count());
            Assert.InRange(duplicates, 0, Workers * BatchSize);
        }
        finally
        {
            await CohortsApp.DropDatabaseAsync(connectionString);
        }
    }

    /// <summary>What a failure leaves to read: the messages not sent, by state and claim, and the delivery's advisory locks.</summary>
    private static async Task<string> OutboxStateAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("""
            SELECT string_agg(line, '; ') FROM (
                SELECT format('%s %s: %s (attempts up to %s)', state, claim, count(*), max(attempts)) AS line
                FROM (SELECT state, attempts,
                             CASE WHEN claimed_until IS NULL THEN 'unclaimed'
                                  WHEN claimed_until > clock_timestamp() THEN 'claimed' ELSE 'claim lapsed' END AS claim
                      FROM outbox_messages WHERE state <> 'Sent') AS waiting
                GROUP BY state, claim
                UNION ALL
                SELECT format('advisory locks held: %s', count(*)) FROM pg_locks WHERE locktype = 'advisory' AND granted) AS lines
            """, connection);
        return (await command.ExecuteScalarAsync())?.ToString() ?? "";
    }

    private static async Task<long> PendingAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var pending = new NpgsqlCommand("SELECT count(*) FROM outbox_messages WHERE state <> 'Sent'", connection);
        return (long)(await pending.ExecuteScalarAsync())!;
    }

    /// <summary>Cohorts.Web.dll of the same build (configuration and framework) as these tests, run with dotnet.</summary>
    private sealed class AppProcess : IDisposable
    {
        private readonly Process _process;
        private readonly Queue<string> _lastLines = new();

        private AppProcess(Process process)
        {
            _process = process;
            _process.OutputDataReceived += (_, e) => Keep(e.Data);
            _process.ErrorDataReceived += (_, e) => Keep(e.Data);
            _process.BeginOutputReadLine();
            _process.BeginErrorReadLine();
        }

        public static AppProcess Start(string connectionString, int smtpPort)
        {
            var build = new DirectoryInfo(AppContext.BaseDirectory); // tests/Cohorts.Web.Tests/bin/<configuration>/<framework>/
            var root = build;
            while (root is not null && !File.Exists(Path.Combine(root.FullName, "Cohorts.sln"))) root = root.Parent;
            var dll = Path.Combine(root?.FullName ?? throw new InvalidOperationException("Cohorts.sln not found above the tests."),
                "src", "Cohorts.Web", "bin", build.Parent!.Name, build.Name, "Cohorts.Web.dll");
            if (!File.Exists(dll)) throw new InvalidOperationException($"{dll} is missing: build the solution (./cohorts test does).");
            var start = new ProcessStartInfo("dotnet")
            {
                WorkingDirectory = Path.GetDirectoryName(dll)!,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            var url = $"http://127.0.0.1:{FreePort()}";
            foreach (var argument in new[] { dll, "--urls", url }) start.ArgumentList.Add(argument);
            var environment = new Dictionary<string, string>
            {
                ["ASPNETCORE_ENVIRONMENT"] = "Production",
                ["ConnectionStrings__Cohorts"] = connectionString,
                ["Mail__SmtpHost"] = "127.0.0.1",
                ["Mail__SmtpPort"] = smtpPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["Mail__Security"] = "None",
                ["Mail__From"] = "ne-pas-repondre@cohorts.test",
                ["Mail__BaseUrl"] = url,
                ["Mail__Workers"] = Workers.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["Mail__BatchSize"] = BatchSize.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["Logging__LogLevel__Default"] = "Warning",
            };
            foreach (var (name, value) in environment) start.Environment[name] = value;
            return new AppProcess(Process.Start(start)!);
        }

        public async Task WaitUntilAsync(Func<bool> condition, SmtpSink sink, string what)
        {
            // Far above the ~15 s it takes: a machine busy with other builds must not fail it.
            var deadline = DateTime.UtcNow.AddSeconds(90);
            while (!condition())
            {
                if (_process.HasExited || DateTime.UtcNow > deadline)
                    throw new TimeoutException($"Not within 90 s: {what} ({sink.Count} received; the app {(_process.HasExited ? "exited" : "runs")}). " +
                                               $"Its last lines:\n{string.Join('\n', _lastLines)}");
                await Task.Delay(10);
            }
        }

        /// <summary>SIGKILL: no shutdown, no cleanup, as a machine that loses power or an OOM killer.</summary>
        public void Kill()
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit();
        }

        private void Keep(string? line)
        {
            if (line is null) return;
            lock (_lastLines)
            {
                _lastLines.Enqueue(line);
                if (_lastLines.Count > 40) _lastLines.Dequeue();
            }
        }

        public void Dispose()
        {
            if (!_process.HasExited) Kill();
            _process.Dispose();
        }

        private static int FreePort()
        {
            using var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            return ((IPEndPoint)listener.LocalEndpoint).Port;
        }
    }
}

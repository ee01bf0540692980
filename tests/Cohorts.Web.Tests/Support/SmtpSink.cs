using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;
using MimeKit;

namespace Cohorts.Web.Tests.Support;

/// <summary>
/// A small real SMTP server for the delivery tests and the benchmark, where netDumbster falls short: netDumbster accepts
/// every recipient (its RCPT handler has no hook, so no 550 or 451 to give), serves one connection at a time (its accept
/// loop handles each connection to its end before accepting the next, while delivery keeps one connection per worker),
/// and its Stop leaves open connections talking (a server that goes down must drop them). This one answers chosen
/// recipients with the reply a test sets, serves connections side by side, stops for real (listener and connections)
/// and starts again on the same port, and counts what it received by Message-ID without parsing each message.
/// </summary>
public sealed class SmtpSink : IDisposable
{
    private readonly ConcurrentQueue<ReceivedMail> _received = new();
    private readonly ConcurrentDictionary<Socket, byte> _connections = new();
    private readonly Lock _gate = new();
    private TcpListener? _listener;
    private CancellationTokenSource _stopping = new();
    private int _count;
    private int _connectionsOpened;
    private int _open;
    private int _mostOpenAtOnce;

    public SmtpSink(int port = 0)
    {
        Port = port;
        Start();
    }

    public int Port { get; private set; }
    public bool IsRunning => _listener is not null;

    /// <summary>The reply to RCPT TO for an address, e.g. "550 5.1.1 Boîte inconnue"; null accepts it.</summary>
    public Func<string, string?> RecipientReply { get; set; } = _ => null;

    /// <summary>Called with each message once it is stored, before the client reads the 250 that confirms it.</summary>
    public Action<ReceivedMail>? OnReceived { get; set; }

    /// <summary>Once this many messages in all were received and confirmed, the server goes down (connections dropped).</summary>
    public int? StopAfter { get; set; }

    public int Count => Volatile.Read(ref _count);
    /// <summary>Connections accepted since the sink was created (or cleared).</summary>
    public int ConnectionsOpened => Volatile.Read(ref _connectionsOpened);
    public int MostConnectionsAtOnce => Volatile.Read(ref _mostOpenAtOnce);
    public IReadOnlyList<ReceivedMail> Received => [.. _received];

    public void Start()
    {
        lock (_gate)
        {
            if (_listener is not null) return;
            _stopping = new CancellationTokenSource();
            var listener = new TcpListener(IPAddress.Loopback, Port);
            // Back on the same port at once, as a mail server that restarts.
            listener.Server.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
            listener.Start(512);
            Port = ((IPEndPoint)listener.LocalEndpoint).Port;
            _listener = listener;
            _ = AcceptAsync(listener, _stopping.Token);
        }
    }

    /// <summary>The server goes down: no new connection, and the open ones are cut.</summary>
    public void Stop()
    {
        lock (_gate)
        {
            if (_listener is null) return;
            _stopping.Cancel();
            _listener.Stop();
            _listener = null;
            foreach (var socket in _connections.Keys)
            {
                try { socket.Shutdown(SocketShutdown.Both); } catch (SocketException) { } catch (ObjectDisposedException) { }
                socket.Close();
            }
            _connections.Clear();
        }
    }

    public void Clear()
    {
        _received.Clear();
        Interlocked.Exchange(ref _count, 0);
        Interlocked.Exchange(ref _connectionsOpened, 0);
        Interlocked.Exchange(ref _mostOpenAtOnce, Volatile.Read(ref _open));
    }

    /// <summary>Waits for a condition on what was received (up to <paramref name="seconds"/>), checked every 20 ms.</summary>
    public async Task WaitUntilAsync(Func<SmtpSink, bool> condition, int seconds = 20, string? what = null)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (!condition(this))
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"Not within {seconds} s: {what ?? "condition"} ({Count} messages received).");
            await Task.Delay(20);
        }
    }

    private async Task AcceptAsync(TcpListener listener, CancellationToken stopping)
    {
        while (!stopping.IsCancellationRequested)
        {
            Socket socket;
            try
            {
                socket = await listener.AcceptSocketAsync(stopping);
            }
            catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }
            socket.NoDelay = true;
            _connections[socket] = 0;
            Interlocked.Increment(ref _connectionsOpened);
            var open = Interlocked.Increment(ref _open);
            for (var most = Volatile.Read(ref _mostOpenAtOnce); open > most; most = Volatile.Read(ref _mostOpenAtOnce))
                Interlocked.CompareExchange(ref _mostOpenAtOnce, open, most);
            _ = Task.Run(() => ServeAsync(socket, stopping), CancellationToken.None);
        }
    }

    private async Task ServeAsync(Socket socket, CancellationToken stopping)
    {
        try
        {
            await using var stream = new NetworkStream(socket, ownsSocket: true);
            using var reader = new StreamReader(stream, new UTF8Encoding(false), false, 64 * 1024);
            await using var writer = new StreamWriter(stream, new UTF8Encoding(false), 4096) { NewLine = "\r\n" };
            await ReplyAsync(writer, "220 sink.test ESMTP");
            string? from = null;
            var recipients = new List<string>();
            while (!stopping.IsCancellationRequested && await reader.ReadLineAsync(stopping) is { } line)
            {
                var verb = line.Length >= 4 ? line[..4].ToUpperInvariant() : line.ToUpperInvariant();
                switch (verb)
                {
                    case "EHLO":
                        await ReplyAsync(writer, "250-sink.test\r\n250-PIPELINING\r\n250-8BITMIME\r\n250 SMTPUTF8");
                        break;
                    case "HELO":
                        await ReplyAsync(writer, "250 sink.test");
                        break;
                    case "MAIL":
                        from = Address(line);
                        recipients.Clear();
                        await ReplyAsync(writer, "250 2.1.0 OK");
                        break;
                    case "RCPT":
                        var to = Address(line);
                        if (RecipientReply(to) is { } refusal)
                        {
                            await ReplyAsync(writer, refusal);
                        }
                        else
                        {
                            recipients.Add(to);
                            await ReplyAsync(writer, "250 2.1.5 OK");
                        }
                        break;
                    case "DATA":
                        if (from is null || recipients.Count == 0)
                        {
                            await ReplyAsync(writer, "554 5.5.1 No valid recipients");
                            break;
                        }
                        await ReplyAsync(writer, "354 End data with <CR><LF>.<CR><LF>");
                        var data = new StringBuilder(4096);
                        string? dataLine;
                        while ((dataLine = await reader.ReadLineAsync(stopping)) is not null && dataLine != ".")
                            data.Append(dataLine.StartsWith('.') ? dataLine[1..] : dataLine).Append("\r\n");
                        // The client went away in the middle of the message (killed): as a real server, keep nothing of it.
                        // (Kept, a cut message without its Message-ID counted as one more message that never ends.)
                        if (dataLine is null) return;
                        var text = data.ToString();
                        var mail = new ReceivedMail(MessageIdIn(text), [.. recipients], text);
                        _received.Enqueue(mail);
                        var count = Interlocked.Increment(ref _count);
                        OnReceived?.Invoke(mail);
                        await ReplyAsync(writer, "250 2.0.0 Queued");
                        from = null;
                        recipients.Clear();
                        if (count == StopAfter) Stop();
                        break;
                    case "RSET":
                        from = null;
                        recipients.Clear();
                        await ReplyAsync(writer, "250 2.0.0 OK");
                        break;
                    case "NOOP":
                        await ReplyAsync(writer, "250 2.0.0 OK");
                        break;
                    case "QUIT":
                        await ReplyAsync(writer, "221 2.0.0 Bye");
                        return;
                    default:
                        await ReplyAsync(writer, "502 5.5.2 Command not recognised");
                        break;
                }
            }
        }
        catch (Exception e) when (e is IOException or SocketException or ObjectDisposedException or OperationCanceledException)
        {
            // The client went away, or the server was stopped under it.
        }
        finally
        {
            _connections.TryRemove(socket, out _);
            Interlocked.Decrement(ref _open);
        }
    }

    private static async Task ReplyAsync(StreamWriter writer, string reply)
    {
        await writer.WriteAsync(reply);
        await writer.WriteAsync("\r\n");
        await writer.FlushAsync();
    }

    private static string Address(string line)
    {
        var start = line.IndexOf('<', StringComparison.Ordinal);
        var end = line.IndexOf('>', StringComparison.Ordinal);
        return start >= 0 && end > start ? line[(start + 1)..end] : line[(line.IndexOf(':', StringComparison.Ordinal) + 1)..].Trim();
    }

    private static string? MessageIdIn(string data)
    {
        using var lines = new StringReader(data);
        while (lines.ReadLine() is { Length: > 0 } line)
            if (line.StartsWith("Message-ID:", StringComparison.OrdinalIgnoreCase))
                return line["Message-ID:".Length..].Trim().Trim('<', '>');
        return null;
    }

    public void Dispose() => Stop();
}

/// <summary>A message as the sink received it: its Message-ID (without the angle brackets), envelope recipients, raw text.</summary>
public sealed record ReceivedMail(string? MessageId, IReadOnlyList<string> Recipients, string Data)
{
    public MimeMessage Parse() => MimeMessage.Load(new MemoryStream(Encoding.UTF8.GetBytes(Data)));
}

using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;

namespace Cohorts.Benchmarks;

/// <summary>
/// Pages under load, as the issue measures them: 8 clients signed in as staff, each requesting one URL in a loop for a
/// bounded time; requests/s and p95 per URL, then the web process's resident memory (current and peak).
/// </summary>
public static partial class LoadRunner
{
    private const int Clients = 8;

    public static async Task<int> RunAsync(Uri baseUrl, int cohortId, TimeSpan duration, int? webPid, int? rankedCohortId)
    {
        if (!IPAddress.IsLoopback((await Dns.GetHostAddressesAsync(baseUrl.Host))[0]))
            throw new InvalidOperationException("The load runner only targets this machine (loopback).");
        var cookies = new CookieContainer();
        using var client = new HttpClient(new SocketsHttpHandler { CookieContainer = cookies, AllowAutoRedirect = false, MaxConnectionsPerServer = Clients })
            { BaseAddress = baseUrl };
        await SignInAsync(client);
        var list = $"/gestion/promotions/{cohortId}/candidatures";
        var targets = new (string Name, string Url)[]
        {
            ("(a) applications, page 1", list),
            ("(a) applications, filtered", $"{list}?State=UnderReview&Search=ma&Sort=submitted&Order=desc"),
            ("(b) /gestion", "/gestion"),
            ("(c) bare Npgsql endpoint", $"/bench/promotions/{cohortId}/candidatures"),
        };
        // The committee's pages over 2,000 applications with 3 reviews each (SelectionSeeder).
        if (rankedCohortId is { } ranked)
            targets = [.. targets, ("(d) ranking, 2,000 applications", $"/gestion/promotions/{ranked}/classement"),
                ("(e) proposal, 2,000 applications", $"/gestion/promotions/{ranked}/proposition")];
        Console.WriteLine($"{Clients} clients, {duration.TotalSeconds:0} s per URL, {baseUrl}");
        Console.WriteLine($"{"URL",-34} {"requests/s",12} {"p50 ms",8} {"p95 ms",8} {"KB/page",8} {"alone ms",9}");
        foreach (var (name, url) in targets)
        {
            using var first = await client.GetAsync(url);
            if (first.StatusCode != HttpStatusCode.OK) throw new InvalidOperationException($"{url}: HTTP {(int)first.StatusCode}");
            var size = (await first.Content.ReadAsByteArrayAsync()).Length;
            // Warm-up, then one request at a time: how long the page takes to render for one person ("alone", the median).
            for (var i = 0; i < 20; i++) (await client.GetAsync(url)).Dispose();
            var alone = new List<double>();
            for (var i = 0; i < 21; i++)
            {
                var started = Stopwatch.GetTimestamp();
                using var response = await client.GetAsync(url);
                await response.Content.ReadAsByteArrayAsync();
                alone.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            }
            var (rate, p50, p95) = await MeasureAsync(client, url, duration);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{name,-34} {rate,12:0.0} {p50,8:0.0} {p95,8:0.0} {size / 1024.0,8:0.0} {alone.Order().ElementAt(10),9:0.0}"));
        }
        if (webPid is { } pid)
        {
            var status = await File.ReadAllLinesAsync($"/proc/{pid}/status");
            foreach (var line in status.Where(l => l.StartsWith("VmRSS", StringComparison.Ordinal) || l.StartsWith("VmHWM", StringComparison.Ordinal)))
                Console.WriteLine($"web process {pid}: {line}");
        }
        return 0;
    }

    private static async Task<(double Rate, double P50, double P95)> MeasureAsync(HttpClient client, string url, TimeSpan duration)
    {
        var latencies = new List<double>[Clients];
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, Clients).Select(async c =>
        {
            var mine = latencies[c] = [];
            while (clock.Elapsed < duration)
            {
                var started = clock.Elapsed;
                using var response = await client.GetAsync(url);
                await response.Content.ReadAsByteArrayAsync();
                if (response.StatusCode != HttpStatusCode.OK) throw new InvalidOperationException($"{url}: HTTP {(int)response.StatusCode}");
                mine.Add((clock.Elapsed - started).TotalMilliseconds);
            }
        }));
        var all = latencies.SelectMany(l => l).Order().ToList();
        return (all.Count / clock.Elapsed.TotalSeconds, all[all.Count / 2], all[(int)Math.Ceiling(all.Count * 0.95) - 1]);
    }

    private static async Task SignInAsync(HttpClient client)
    {
        var form = await client.GetStringAsync("/connexion");
        var token = Token().Match(form).Groups[1].Value;
        using var response = await client.PostAsync("/connexion", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token, ["Input.Email"] = Seeder.StaffEmail, ["Input.Password"] = Seeder.StaffPassword,
        }));
        if (response.StatusCode != HttpStatusCode.Redirect) throw new InvalidOperationException($"Sign-in refused: HTTP {(int)response.StatusCode}");
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex Token();
}

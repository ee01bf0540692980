using System.Diagnostics;
using System.Net;
using Cohorts.Domain.Applications;
using Cohorts.Web.Selection;
using Cohorts.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Xunit.Abstractions;

namespace Cohorts.Web.Tests.Selection;

/// <summary>The cohort's seats under races: many acceptances at once, the expiry job beside a late acceptance.</summary>
[Collection(AppFixtureGroup.Name)]
public sealed class OfferConcurrencyTests(CohortsApp app, ITestOutputHelper output) : IAsyncLifetime
{
    public Task InitializeAsync() => app.ResetAsync();
    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Two_hundred_concurrent_acceptances_for_ten_remaining_seats_make_exactly_ten_enrollments()
    {
        const int seats = 12, alreadyAccepted = 2, racing = 200;
        var clock = Stopwatch.StartNew();
        var scenario = await new SelectionScenario(app).SeedAsync(applications: alreadyAccepted + racing, reviewers: 0, seats: seats);
        await app.AcceptedAsync(scenario.Applications.Take(alreadyAccepted).ToList());
        var candidates = scenario.Applications.Skip(alreadyAccepted).ToList();
        // Far more open offers than free seats: seeded straight through the domain, as no publication would leave them.
        // The cohort-level rule must hold all the same.
        await app.AdmitAsync(candidates.Select(c => c.Id), app.Clock.GetUtcNow().AddDays(7));
        var before = await SnapshotAsync();
        output.WriteLine($"Seeded in {clock.Elapsed.TotalSeconds:0.0} s");

        // Each candidate signed in on a client of their own, the form's token read from their own page.
        var prepared = new List<(SelectionScenario.SeededApplication Candidate, HttpClient Client, string Token)>();
        foreach (var batch in candidates.Chunk(10))
            prepared.AddRange(await Task.WhenAll(batch.Select(async c =>
            {
                var client = await scenario.SignInAsync(c.Email);
                return (c, client, await OfferSeats.TokenAsync(client, $"/candidatures/{c.Id}"));
            })));
        output.WriteLine($"Signed in {prepared.Count} candidates in {clock.Elapsed.TotalSeconds:0.0} s");

        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var posts = prepared.Select(async p =>
        {
            await start.Task;
            var response = await OfferSeats.PostTokenAsync(p.Client, $"/candidatures/{p.Candidate.Id}?handler=Accept", p.Token);
            return (p.Candidate, response.StatusCode, Body: await ApplicationScenario.ReadAsync(response));
        }).ToList();
        var race = Stopwatch.StartNew();
        start.SetResult();
        var answers = await Task.WhenAll(posts);
        race.Stop();

        var accepted = answers.Where(a => a.StatusCode == HttpStatusCode.Redirect).ToList();
        var told = answers.Where(a => a.StatusCode == HttpStatusCode.OK && a.Body.Contains(Offers.CohortFullMessage, StringComparison.Ordinal)).ToList();
        var after = await SnapshotAsync();
        output.WriteLine($"{racing} concurrent acceptances for {seats - alreadyAccepted} remaining seats, answered in {race.ElapsedMilliseconds} ms: "
                         + $"{accepted.Count} accepted (redirected), {told.Count} told « {Offers.CohortFullMessage} », "
                         + $"{racing - accepted.Count - told.Count} other answers; "
                         + $"in the database: {after.Enrollments - before.Enrollments} new enrollments, {after.Accepted - before.Accepted} new OfferAccepted "
                         + $"({after.Accepted} accepted for {seats} seats), {after.Admitted} still admitted, "
                         + $"{after.Transitions - before.Transitions} new history lines, {after.EnrollmentTransitions - before.EnrollmentTransitions} enrollment history lines");

        Assert.Equal(seats - alreadyAccepted, accepted.Count);
        Assert.Equal(racing - (seats - alreadyAccepted), told.Count);
        Assert.Equal(seats - alreadyAccepted, after.Enrollments - before.Enrollments);
        Assert.Equal(seats, after.Accepted);
        Assert.Equal(racing - (seats - alreadyAccepted), after.Admitted);
        // Nothing else changed: one history line per acceptance, one per enrollment, no email, no other state.
        Assert.Equal(seats - alreadyAccepted, after.Transitions - before.Transitions);
        Assert.Equal(seats - alreadyAccepted, after.EnrollmentTransitions - before.EnrollmentTransitions);
        Assert.Equal(before.Outbox, after.Outbox);
        Assert.Equal(before.States.Keys.Order(), after.States.Keys.Order());
        var enrolled = await app.WithDbAsync(db => db.Enrollments.Select(e => e.ApplicationId).ToListAsync());
        Assert.Equal(accepted.Select(a => a.Candidate.Id).Concat(scenario.Applications.Take(alreadyAccepted).Select(a => a.Id)).Order(), enrolled.Order());
    }

    private sealed record Snapshot(int Enrollments, int EnrollmentTransitions, int Accepted, int Admitted, int Transitions, int Outbox,
        Dictionary<ApplicationState, int> States);

    private Task<Snapshot> SnapshotAsync() => app.WithDbAsync(async db =>
    {
        var states = await db.Applications.GroupBy(a => a.State).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count);
        return new Snapshot(await db.Enrollments.CountAsync(), await db.EnrollmentTransitions.CountAsync(),
            states.GetValueOrDefault(ApplicationState.OfferAccepted), states.GetValueOrDefault(ApplicationState.Admitted),
            await db.ApplicationTransitions.CountAsync(), await db.OutboxMessages.CountAsync(), states);
    });

    [Fact]
    public async Task The_expiry_job_beside_a_late_acceptance_ends_with_one_outcome_and_the_seats_consistent()
    {
        const int rounds = 20;
        var outcomes = new Dictionary<string, int> { ["accepted"] = 0, ["expired"] = 0 };
        for (var round = 0; round < rounds; round++)
        {
            if (round > 0) await app.ResetAsync();
            // One seat: offered to the first candidate until the deadline; the second waits on the list.
            var scenario = await new SelectionScenario(app).SeedAsync(applications: 2, reviewers: 0, seats: 1);
            var (offered, waiting) = (scenario.Applications[0], scenario.Applications[1]);
            var deadline = app.Clock.GetUtcNow().AddHours(1);
            await app.AdmitAsync([offered.Id], deadline);
            await app.WaitlistAsync([waiting.Id]);
            var client = await scenario.SignInAsync(offered.Email);
            var token = await OfferSeats.TokenAsync(client, $"/candidatures/{offered.Id}");
            // The candidate clicks a second before the deadline, as the job runs at the deadline.
            app.Clock.Advance(TimeSpan.FromHours(1) - TimeSpan.FromSeconds(1));

            // Both reach the cohort's lock while the test holds it, one after the other in an order that alternates, then race
            // for it when the test lets go: the rounds cover both orders without a timed stagger.
            await using var gate = await CohortLockAsync(scenario.CohortId);
            Task<HttpResponseMessage> Accept() => OfferSeats.PostTokenAsync(client, $"/candidatures/{offered.Id}?handler=Accept", token);
            Task<int> Expire() => Task.Run(async () =>
            {
                await using var scope = app.Services.CreateAsyncScope();
                return await scope.ServiceProvider.GetRequiredService<Offers>().ExpireDueOffersAsync(deadline, CancellationToken.None);
            });
            Task<HttpResponseMessage> acceptance;
            Task<int> expiry;
            if (round % 2 == 0)
            {
                acceptance = Accept();
                await WaitersOnLocksAsync(1);
                expiry = Expire();
            }
            else
            {
                expiry = Expire();
                await WaitersOnLocksAsync(1);
                acceptance = Accept();
            }
            await WaitersOnLocksAsync(2);
            var gateConnection = gate.Connection!;
            await gate.CommitAsync();
            await gateConnection.DisposeAsync();
            await Task.WhenAll(acceptance, expiry);

            var response = await acceptance;
            var body = await ApplicationScenario.ReadAsync(response);
            var (state, waitingState, enrollments, held, promotions, freedSeatEmails) = await app.WithDbAsync(async db => (
                await db.Applications.Where(a => a.Id == offered.Id).Select(a => a.State).SingleAsync(),
                await db.Applications.Where(a => a.Id == waiting.Id).Select(a => a.State).SingleAsync(),
                await db.Enrollments.CountAsync(),
                await db.HeldAsync(scenario.CohortId, CancellationToken.None),
                await db.ApplicationTransitions.CountAsync(t => t.Trigger == ApplicationTrigger.AdmitFromWaitlist),
                await db.OutboxMessages.CountAsync(m => m.To == waiting.Email && m.Subject.Contains("Une place s'est libérée"))));
            var moves = await app.WithDbAsync(db => db.ApplicationTransitions
                .CountAsync(t => t.ApplicationId == offered.Id && (t.Trigger == ApplicationTrigger.AcceptOffer || t.Trigger == ApplicationTrigger.ExpireOffer)));

            Assert.Equal(1, moves);
            Assert.True(held <= 1, $"round {round}: {held} seats held for 1");
            Assert.Equal(1, held);
            if (state == ApplicationState.OfferAccepted)
            {
                outcomes["accepted"]++;
                Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
                Assert.Equal(0, await expiry);
                Assert.Equal((ApplicationState.Waitlisted, 1, 0, 0), (waitingState, enrollments, promotions, freedSeatEmails));
            }
            else
            {
                outcomes["expired"]++;
                Assert.Equal(ApplicationState.OfferExpired, state);
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
                Assert.Contains(Application.OfferLapsedMessage, body);
                Assert.Equal(1, await expiry);
                Assert.Equal((ApplicationState.Admitted, 0, 1, 1), (waitingState, enrollments, promotions, freedSeatEmails));
            }
            // A second run of the job, after the race, changes nothing.
            await using (var scope = app.Services.CreateAsyncScope())
                Assert.Equal(0, await scope.ServiceProvider.GetRequiredService<Offers>().ExpireDueOffersAsync(deadline, CancellationToken.None));
        }
        output.WriteLine($"{rounds} races of the expiry job against a late acceptance: {outcomes["accepted"]} accepted first, {outcomes["expired"]} expired first");
    }

    /// <summary>Takes the cohort's row lock in a transaction of the test's own, as the offers' code does.</summary>
    private async Task<NpgsqlTransaction> CohortLockAsync(int cohortId)
    {
        var connection = new NpgsqlConnection(app.ConnectionString);
        await connection.OpenAsync();
        var transaction = await connection.BeginTransactionAsync();
        await using var command = new NpgsqlCommand("SELECT 1 FROM cohorts WHERE id = @id FOR UPDATE", connection, transaction);
        command.Parameters.AddWithValue("id", cohortId);
        await command.ExecuteNonQueryAsync();
        return transaction;
    }

    /// <summary>Waits until this many sessions of the test database wait on a lock (the condition, polled; 30 s at most).</summary>
    private async Task WaitersOnLocksAsync(int count)
    {
        await using var connection = new NpgsqlConnection(app.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'", connection);
        var watch = Stopwatch.StartNew();
        while ((long)(await command.ExecuteScalarAsync())! < count)
        {
            if (watch.Elapsed > TimeSpan.FromSeconds(30)) throw new TimeoutException($"{count} session(s) waiting on a lock never showed up.");
            await Task.Yield();
        }
    }
}

using System.Net;
using Cohorts.Domain.Applications;
using Cohorts.Domain.Enrollments;
using Cohorts.Web.Jobs;
using Cohorts.Web.Pages;
using Cohorts.Web.Selection;
using Cohorts.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Cohorts.Web.Tests.Selection;

/// <summary>Seat offers after the decisions: answering them, the waitlist taking freed seats under the caps, the expiry job.</summary>
[Collection(AppFixtureGroup.Name)]
public sealed class OfferTests(CohortsApp app) : IAsyncLifetime
{
    private const string FreedSeatSubject = "Une place s'est libérée";

    public Task InitializeAsync() => app.ResetAsync();
    public Task DisposeAsync() => Task.CompletedTask;

    /// <summary>Six applications, two seats: the first two admitted (a week to answer), the next two waitlisted in order.</summary>
    private async Task<SelectionScenario> TwoOffersAndTwoWaitlistedAsync(int? maxPerAdministration = null, int? maxPerMinistry = null)
    {
        var scenario = await new SelectionScenario(app).SeedAsync(applications: 6, reviewers: 0, seats: 2);
        var a = scenario.Applications;
        await app.SettingsAsync(scenario.CohortId, maxPerAdministration, maxPerMinistry);
        await app.AdmitAsync([a[0].Id, a[1].Id], app.Clock.GetUtcNow().AddDays(7));
        await app.WaitlistAsync([a[2].Id, a[3].Id]);
        return scenario;
    }

    private Task<ApplicationTransition?> LastMoveAsync(Guid application) => app.WithDbAsync(db =>
        db.ApplicationTransitions.Where(t => t.ApplicationId == application).OrderByDescending(t => t.Id).FirstOrDefaultAsync());

    private Task<int> EmailsAsync(string to, string subject) =>
        app.WithDbAsync(db => db.OutboxMessages.CountAsync(m => m.To == to && m.Subject.Contains(subject)));

    [Fact]
    public async Task Accepting_creates_the_enrollment_with_its_history_and_the_pages_say_so()
    {
        var scenario = await TwoOffersAndTwoWaitlistedAsync();
        var first = scenario.Applications[0];
        var candidate = await scenario.SignInAsync(first.Email);

        var response = await Forms.PostAsync(candidate, $"/candidatures/{first.Id}?handler=Accept", new Dictionary<string, string>(),
            tokenFrom: $"/candidatures/{first.Id}");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var enrollment = await app.WithDbAsync(db => db.Enrollments.Include(e => e.History).SingleAsync());
        Assert.Equal((first.Id, scenario.CohortId, first.CandidateId, EnrollmentState.Enrolled),
            (enrollment.ApplicationId, enrollment.CohortId, enrollment.ParticipantId, enrollment.State));
        var line = Assert.Single(enrollment.History);
        Assert.Equal((null, EnrollmentState.Enrolled, first.CandidateId, app.Clock.GetUtcNow()), (line.From, line.To, line.ActorUserId, line.At));
        Assert.Equal(ApplicationState.OfferAccepted, await app.StateAsync(first.Id));
        var status = await Forms.ReadAsync(candidate, $"/candidatures/{first.Id}");
        Assert.Contains("Place acceptée : vous êtes inscrit(e)", status);
        Assert.Contains($"Inscription du {Display.DateTime(app.Clock.GetUtcNow())} — état du parcours : Inscrit", status);
        Assert.DoesNotContain("Accepter la place</button>", status);
        Assert.Contains("Place acceptée : vous êtes inscrit(e) — Booster Agile, Promotion 3", await Forms.ReadAsync(candidate, "/candidatures"));
        // Nothing else moved: the waitlist waits.
        Assert.Equal(ApplicationState.Waitlisted, await app.StateAsync(scenario.Applications[2].Id));
    }

    [Fact]
    public async Task The_candidate_pages_show_the_offer_with_its_deadline_in_Paris_time_and_the_waitlist_rank()
    {
        var scenario = await TwoOffersAndTwoWaitlistedAsync();
        var deadline = app.Clock.GetUtcNow().AddDays(7);
        var admitted = await scenario.SignInAsync(scenario.Applications[0].Email);
        var waitlisted = await scenario.SignInAsync(scenario.Applications[3].Email);

        foreach (var url in new[] { "/candidatures", $"/candidatures/{scenario.Applications[0].Id}" })
        {
            var page = await Forms.ReadAsync(admitted, url);
            Assert.Contains($"Vous avez jusqu'au <strong>{Display.DateTime(deadline)}</strong> (heure de Paris)", page);
            Assert.Contains("Accepter la place</button>", page);
            Assert.Contains($"href=\"/candidatures/{scenario.Applications[0].Id}/decliner\">Décliner la place</a>", page);
        }
        foreach (var url in new[] { "/candidatures", $"/candidatures/{scenario.Applications[3].Id}" })
        {
            var page = await Forms.ReadAsync(waitlisted, url);
            Assert.Contains("Vous êtes au <strong>rang 2</strong> de la liste complémentaire", page);
            Assert.DoesNotContain("Accepter la place", page);
        }
    }

    [Fact]
    public async Task Declining_gives_the_seat_to_the_first_waitlisted_with_a_fresh_deadline_and_an_email_read_from_the_SMTP_server()
    {
        var scenario = await TwoOffersAndTwoWaitlistedAsync();
        var (first, next) = (scenario.Applications[0], scenario.Applications[2]);
        app.Clock.Advance(TimeSpan.FromDays(2));
        var candidate = await scenario.SignInAsync(first.Email);
        var confirmation = await Forms.ReadAsync(candidate, $"/candidatures/{first.Id}/decliner");
        Assert.Contains("Ce refus est définitif", confirmation);

        var response = await Forms.PostAsync(candidate, $"/candidatures/{first.Id}/decliner", new Dictionary<string, string>());

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(ApplicationState.OfferDeclined, await app.StateAsync(first.Id));
        var fresh = app.Clock.OfferDeadline();
        var promoted = await app.WithDbAsync(db => db.Applications.Where(a => a.Id == next.Id).Select(a => new { a.State, a.OfferExpiresAt, a.WaitlistRank })
            .SingleAsync());
        Assert.Equal((ApplicationState.Admitted, fresh, (int?)null), (promoted.State, promoted.OfferExpiresAt, promoted.WaitlistRank));
        var move = (await LastMoveAsync(next.Id))!;
        Assert.Equal((ApplicationTrigger.AdmitFromWaitlist, "Promu depuis la liste complémentaire (rang 1)"), (move.Trigger, move.Reason));
        var email = await app.Mailbox.WaitForAsync(next.Email, FreedSeatSubject);
        Assert.Contains($"acceptez-la avant le {Display.DateTime(fresh)}", email.TextBody);
        Assert.Contains("Une place s'est libérée dans la « Promotion 3 » du programme Booster Agile", email.TextBody, StringComparison.Ordinal);
        Assert.Contains($"/candidatures/{next.Id}", email.TextBody);
        Assert.Equal(ApplicationState.Waitlisted, await app.StateAsync(scenario.Applications[3].Id));
        Assert.Contains("Vous avez décliné la place", await Forms.ReadAsync(candidate, $"/candidatures/{first.Id}"));
    }

    [Fact]
    public async Task A_ministry_cap_makes_the_promotion_pass_over_the_first_waitlisted_and_the_history_says_why()
    {
        // Administrations: 0 DINUM (SPM), 1 DGFiP (MEF), 2 DGE (MEF), 3 DINUM (SPM), 4 DGFiP (MEF). One agent per ministry.
        var scenario = await new SelectionScenario(app).SeedAsync(applications: 6, reviewers: 0, seats: 2);
        var a = scenario.Applications;
        await app.SettingsAsync(scenario.CohortId, maxPerMinistry: 1);
        await app.AdmitAsync([a[0].Id, a[1].Id], app.Clock.GetUtcNow().AddDays(7));
        await app.WaitlistAsync([a[4].Id, a[3].Id]);
        var candidate = await scenario.SignInAsync(a[0].Email);

        await Forms.PostAsync(candidate, $"/candidatures/{a[0].Id}/decliner", new Dictionary<string, string>());

        // The DGFiP agent (rank 1) would make two for the MEF, beside the DGFiP agent admitted: the DINUM agent (rank 2) gets the seat.
        Assert.Equal(ApplicationState.Waitlisted, await app.StateAsync(a[4].Id));
        Assert.Equal(ApplicationState.Admitted, await app.StateAsync(a[3].Id));
        var move = (await LastMoveAsync(a[3].Id))!;
        Assert.Equal(
            "Promu depuis la liste complémentaire (rang 2) ; passé : rang 1 : Plafond atteint : 1 agent au plus par ministère",
            move.Reason);
        await app.Mailbox.WaitForAsync(a[3].Email, FreedSeatSubject);
        Assert.Equal(0, await EmailsAsync(a[4].Email, FreedSeatSubject));
        // The promoted candidate reads the reason in their history: which cap, never where the other candidate works.
        var promoted = await Forms.ReadAsync(await scenario.SignInAsync(a[3].Email), $"/candidatures/{a[3].Id}");
        Assert.Contains("1 agent au plus par ministère", promoted, StringComparison.Ordinal);
        Assert.DoesNotContain("Économie et des Finances", promoted, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Withdrawing_an_admitted_application_frees_its_seat_for_the_waitlist()
    {
        var scenario = await TwoOffersAndTwoWaitlistedAsync();
        var first = scenario.Applications[1];
        var candidate = await scenario.SignInAsync(first.Email);
        Assert.Contains("Vous renoncez à la place qui vous est proposée", await Forms.ReadAsync(candidate, $"/candidatures/{first.Id}/retirer"));

        var response = await Forms.PostAsync(candidate, $"/candidatures/{first.Id}/retirer", new Dictionary<string, string>());

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(ApplicationState.Withdrawn, await app.StateAsync(first.Id));
        Assert.Equal(ApplicationState.Admitted, await app.StateAsync(scenario.Applications[2].Id));
        await app.Mailbox.WaitForAsync(scenario.Applications[2].Email, FreedSeatSubject);
    }

    [Fact]
    public async Task Withdrawing_a_waitlisted_application_takes_it_off_the_list_and_offers_nothing()
    {
        var scenario = await TwoOffersAndTwoWaitlistedAsync();
        var waitlisted = scenario.Applications[2];
        var candidate = await scenario.SignInAsync(waitlisted.Email);

        await Forms.PostAsync(candidate, $"/candidatures/{waitlisted.Id}/retirer", new Dictionary<string, string>());

        Assert.Equal(ApplicationState.Withdrawn, await app.StateAsync(waitlisted.Id));
        Assert.Equal(ApplicationState.Waitlisted, await app.StateAsync(scenario.Applications[3].Id));
        // The next decline skips the withdrawn candidate.
        var first = await scenario.SignInAsync(scenario.Applications[0].Email);
        await Forms.PostAsync(first, $"/candidatures/{scenario.Applications[0].Id}/decliner", new Dictionary<string, string>());
        Assert.Equal(ApplicationState.Admitted, await app.StateAsync(scenario.Applications[3].Id));
    }

    [Fact]
    public async Task Accepting_after_the_deadline_is_refused_in_words_and_changes_nothing()
    {
        var scenario = await TwoOffersAndTwoWaitlistedAsync();
        var first = scenario.Applications[0];
        app.Clock.Advance(TimeSpan.FromDays(7));
        // Signed in after the deadline: a sign-in does not last a week. The post is what a tab left open would send.
        var candidate = await scenario.SignInAsync(first.Email);
        var token = await OfferSeats.TokenAsync(candidate, $"/candidatures/{first.Id}");

        var response = await OfferSeats.PostTokenAsync(candidate, $"/candidatures/{first.Id}?handler=Accept", token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(Application.OfferLapsedMessage, await ApplicationScenario.ReadAsync(response));
        Assert.Equal(ApplicationState.Admitted, await app.StateAsync(first.Id));
        Assert.Equal(0, await app.WithDbAsync(db => db.Enrollments.CountAsync()));
        // The page no longer offers to answer, and declining is refused the same way.
        Assert.DoesNotContain("Accepter la place</button>", await Forms.ReadAsync(candidate, $"/candidatures/{first.Id}"));
        var decline = await OfferSeats.PostTokenAsync(candidate, $"/candidatures/{first.Id}/decliner", token);
        Assert.Contains(Application.OfferLapsedMessage, await ApplicationScenario.ReadAsync(decline));
        Assert.Equal(ApplicationState.Admitted, await app.StateAsync(first.Id));
    }

    [Fact]
    public async Task An_offer_answered_in_another_tab_is_refused_with_a_clear_message()
    {
        var scenario = await TwoOffersAndTwoWaitlistedAsync();
        var first = scenario.Applications[0];
        var candidate = await scenario.SignInAsync(first.Email);
        // Both tabs opened while the offer was open.
        var token = await OfferSeats.TokenAsync(candidate, $"/candidatures/{first.Id}");
        var declineToken = await OfferSeats.TokenAsync(candidate, $"/candidatures/{first.Id}/decliner");
        await OfferSeats.PostTokenAsync(candidate, $"/candidatures/{first.Id}?handler=Accept", token);

        var again = await OfferSeats.PostTokenAsync(candidate, $"/candidatures/{first.Id}?handler=Accept", token);
        var decline = await OfferSeats.PostTokenAsync(candidate, $"/candidatures/{first.Id}/decliner", declineToken);

        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Contains("Vous avez déjà accepté cette place : vous êtes inscrit(e).", await ApplicationScenario.ReadAsync(again));
        Assert.Equal(HttpStatusCode.OK, decline.StatusCode);
        Assert.Contains("Vous avez déjà accepté cette place : vous êtes inscrit(e).", await ApplicationScenario.ReadAsync(decline));
        Assert.Equal(ApplicationState.OfferAccepted, await app.StateAsync(first.Id));
        Assert.Equal(1, await app.WithDbAsync(db => db.Enrollments.CountAsync()));
        Assert.Equal(ApplicationState.Waitlisted, await app.StateAsync(scenario.Applications[2].Id));
    }

    [Fact]
    public async Task Another_candidates_offer_can_be_neither_seen_nor_answered()
    {
        var scenario = await TwoOffersAndTwoWaitlistedAsync();
        var intruder = await scenario.SignInAsync(scenario.Applications[1].Email);
        var token = await OfferSeats.TokenAsync(intruder, $"/candidatures/{scenario.Applications[1].Id}");
        var target = scenario.Applications[0].Id;

        Assert.Equal(HttpStatusCode.NotFound, (await intruder.GetAsync($"/candidatures/{target}/decliner")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await OfferSeats.PostTokenAsync(intruder, $"/candidatures/{target}?handler=Accept", token)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await OfferSeats.PostTokenAsync(intruder, $"/candidatures/{target}/decliner", token)).StatusCode);
        Assert.Equal(ApplicationState.Admitted, await app.StateAsync(target));
    }

    [Fact]
    public async Task The_expiry_job_run_twice_expires_once_promotes_once_and_emails_once()
    {
        var scenario = await new SelectionScenario(app).SeedAsync(applications: 4, reviewers: 0, seats: 2);
        var a = scenario.Applications;
        await app.AdmitAsync([a[0].Id], app.Clock.GetUtcNow().AddDays(1));
        await app.AdmitAsync([a[1].Id], app.Clock.GetUtcNow().AddDays(7));
        await app.WaitlistAsync([a[2].Id, a[3].Id]);
        app.Clock.Advance(TimeSpan.FromDays(1));

        var runs = new List<int>();
        for (var run = 0; run < 2; run++)
            await app.WithScopeAsync(async services => runs.Add(await services.GetRequiredService<ExpireOffersJob>().RunAsync(CancellationToken.None)));

        Assert.Equal([1, 0], runs);
        var moves = await app.WithDbAsync(db => db.ApplicationTransitions.Where(t => t.Trigger == ApplicationTrigger.ExpireOffer
            || t.Trigger == ApplicationTrigger.AdmitFromWaitlist).Select(t => new { t.ApplicationId, t.Trigger }).ToListAsync());
        Assert.Equal(2, moves.Count);
        Assert.Contains(new { ApplicationId = a[0].Id, Trigger = (ApplicationTrigger?)ApplicationTrigger.ExpireOffer }, moves);
        Assert.Contains(new { ApplicationId = a[2].Id, Trigger = (ApplicationTrigger?)ApplicationTrigger.AdmitFromWaitlist }, moves);
        Assert.Equal(ApplicationState.OfferExpired, await app.StateAsync(a[0].Id));
        Assert.Equal(ApplicationState.Admitted, await app.StateAsync(a[1].Id));
        Assert.Equal(ApplicationState.Waitlisted, await app.StateAsync(a[3].Id));
        var email = await app.Mailbox.WaitForAsync(a[2].Email, FreedSeatSubject);
        Assert.Contains(Display.DateTime(app.Clock.OfferDeadline()), email.TextBody);
        await app.Mailbox.WaitForAsync(a[0].Email, "Proposition de place expirée");
        Assert.Equal(1, await EmailsAsync(a[2].Email, FreedSeatSubject));
        Assert.Equal(1, await EmailsAsync(a[0].Email, "Proposition de place expirée"));
        Assert.Single(app.Mailbox.Received, m => (m.Subject ?? "").Contains(FreedSeatSubject, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Promoting_fills_only_the_free_seats_in_rank_order_and_a_second_call_offers_nothing()
    {
        var scenario = await new SelectionScenario(app).SeedAsync(applications: 6, reviewers: 0, seats: 3);
        var a = scenario.Applications;
        await app.AdmitAsync([a[0].Id], app.Clock.GetUtcNow().AddDays(7));
        await app.WaitlistAsync([a[3].Id, a[2].Id, a[1].Id]);

        var promoted = new List<int>();
        for (var call = 0; call < 2; call++)
            await app.WithScopeAsync(async services =>
                promoted.Add(await services.GetRequiredService<Offers>().PromoteAsync(scenario.CohortId, CancellationToken.None)));

        Assert.Equal([2, 0], promoted);
        Assert.Equal((ApplicationState.Admitted, ApplicationState.Admitted, ApplicationState.Waitlisted),
            (await app.StateAsync(a[3].Id), await app.StateAsync(a[2].Id), await app.StateAsync(a[1].Id)));
        Assert.Equal(3, await app.WithDbAsync(db => db.HeldAsync(scenario.CohortId, CancellationToken.None)));
    }
}

using System.Net;
using Cohorts.Domain.Applications;
using Cohorts.Web.Identity;
using Cohorts.Web.Jobs;
using Cohorts.Web.Pages;
using Cohorts.Web.Reminders;
using Cohorts.Web.Tests.Selection;
using Cohorts.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;

namespace Cohorts.Web.Tests.Reminders;

/// <summary>
/// Each reminder kind, the clock moved to its occasion, its job run as Hangfire would, the message read from the SMTP
/// server and its link followed as its recipient; then run again, twice at once, late, switched off, re-armed.
/// </summary>
[Collection(AppFixtureGroup.Name)]
public sealed class ReminderTests(CohortsApp app) : IAsyncLifetime
{
    private const string Candidate = "camille@numerique.gouv.fr";
    private const string LineManager = "jean.chef@numerique.gouv.fr";

    public Task InitializeAsync() => app.ResetAsync();
    public Task DisposeAsync() => Task.CompletedTask;

    private async Task<int> RunAsync(ReminderKind kind)
    {
        var written = 0;
        await app.WithScopeAsync(async services => written = await services.GetRequiredService<SendRemindersJob>().RunAsync(kind, CancellationToken.None));
        return written;
    }

    private Task<List<string>> KeysAsync(string template) => app.WithDbAsync(db =>
        db.OutboxMessages.Where(m => m.Kind == template).OrderBy(m => m.CreatedAt).ThenBy(m => m.DedupeKey).Select(m => m.DedupeKey!).ToListAsync());

    private void MoveTo(DateTimeOffset instant) => app.Clock.Advance(instant - app.Clock.GetUtcNow());

    /// <summary>Delivers what is left, so that a count of the mailbox afterwards holds everything that was going to arrive.</summary>
    private Task DeliverAllAsync() => app.WithScopeAsync(services => services.GetRequiredService<DeliverEmailsJob>().RunAsync(CancellationToken.None));

    private int ReceivedBy(string to, string subject) => app.Mailbox.Received.Count(m =>
        m.To.Mailboxes.Any(a => a.Address == to) && (m.Subject ?? "").Contains(subject, StringComparison.Ordinal));

    /// <summary>Waits (up to 20 s) until the address has received this many messages whose subject holds the text.</summary>
    private async Task<List<MimeMessage>> WaitForAsync(string to, string subject, int count)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (ReceivedBy(to, subject) < count && DateTime.UtcNow < deadline) await Task.Delay(100);
        Assert.Equal(count, ReceivedBy(to, subject));
        return app.Mailbox.Received.Where(m => m.To.Mailboxes.Any(a => a.Address == to) && (m.Subject ?? "").Contains(subject, StringComparison.Ordinal)).ToList();
    }

    private static string Text(MimeMessage message) => message.TextBody ?? "";

    private string PathOf(MimeMessage message) => new Uri(Mailbox.LinkIn(message, app.BaseUrl)).PathAndQuery;

    private async Task<(ApplicationScenario Scenario, HttpClient Client, Guid Draft)> DraftAsync()
    {
        var scenario = await new ApplicationScenario(app).SeedAsync();
        var candidate = await scenario.SignedInAsync(Candidate);
        return (scenario, candidate, await scenario.StartAsync(candidate));
    }

    [Fact]
    public async Task A_draft_is_reminded_7_days_then_1_day_before_the_deadline_with_a_link_to_its_form_and_a_second_run_sends_nothing()
    {
        var (scenario, candidate, draft) = await DraftAsync();
        var submitted = await scenario.SubmitAsync(await scenario.SignedInAsync("alice@numerique.gouv.fr", firstName: "Alice"));
        MoveTo(scenario.Deadline.AddDays(-7).AddMinutes(5));

        Assert.Equal(1, await RunAsync(ReminderKind.ApplicationDeadline));

        var email = await app.Mailbox.WaitForAsync(Candidate, "Rappel : votre candidature n'est pas soumise");
        Assert.Equal("Rappel : votre candidature n'est pas soumise, plus que 7 jours — Booster Agile, Promotion 3", email.Subject);
        Assert.Contains("Vous avez commencé une candidature au programme Booster Agile (Promotion 3), mais elle est encore un brouillon", Text(email), StringComparison.Ordinal);
        Assert.Contains($"Les candidatures sont reçues jusqu'au {Display.DateTime(scenario.Deadline)} (heure de Paris), soit dans 7 jours.", Text(email), StringComparison.Ordinal);
        Assert.Contains("Vous recevez ce rappel parce qu'un brouillon non soumis n'est pas examiné par le jury.", Text(email), StringComparison.Ordinal);
        Assert.Contains("Reprendre ma candidature</a>", email.HtmlBody, StringComparison.Ordinal);
        Assert.Equal($"/candidatures/{draft}/formulaire", PathOf(email));
        await ApplicationScenario.SignInAgainAsync(candidate, Candidate);
        var form = await Forms.ReadAsync(candidate, PathOf(email));
        Assert.Contains("<h1>Ma candidature</h1>", form, StringComparison.Ordinal);
        Assert.Contains("Soumettre ma candidature</button>", form, StringComparison.Ordinal);
        var message = await app.WithDbAsync(db => db.OutboxMessages.SingleAsync(m => m.Kind == ApplicationDeadlineReminder.TemplateName));
        Assert.Equal((scenario.CohortId, (Guid?)draft), (message.CohortId, message.ApplicationId));
        Assert.Equal($"application-deadline:{draft:N}:{scenario.Deadline.UtcDateTime:yyyyMMdd'T'HHmmss'Z'}:J-7", message.DedupeKey);

        Assert.Equal(0, await RunAsync(ReminderKind.ApplicationDeadline));
        MoveTo(scenario.Deadline.AddDays(-1).AddMinutes(5));
        Assert.Equal(1, await RunAsync(ReminderKind.ApplicationDeadline));
        Assert.Equal(0, await RunAsync(ReminderKind.ApplicationDeadline));

        var last = await app.Mailbox.WaitForAsync(Candidate, "plus qu'un jour");
        Assert.Contains("soit dans un jour.", Text(last), StringComparison.Ordinal);
        await DeliverAllAsync();
        Assert.Equal(2, ReceivedBy(Candidate, "Rappel : votre candidature n'est pas soumise"));
        Assert.Equal(0, ReceivedBy("alice@numerique.gouv.fr", "Rappel"));
        Assert.NotEqual(ApplicationState.Draft, await app.StateAsync(submitted));
    }

    [Fact]
    public async Task A_late_run_sends_the_latest_reminder_that_still_makes_sense_and_nothing_once_the_deadline_has_passed()
    {
        var (scenario, _, draft) = await DraftAsync();
        // The job did not run for a week: the 7-day reminder's time is long past, the 1-day one's has come.
        MoveTo(scenario.Deadline.AddHours(-20));

        Assert.Equal(1, await RunAsync(ReminderKind.ApplicationDeadline));

        Assert.Equal([$"application-deadline:{draft:N}:{scenario.Deadline.UtcDateTime:yyyyMMdd'T'HHmmss'Z'}:J-1"],
            await KeysAsync(ApplicationDeadlineReminder.TemplateName));
        var email = await app.Mailbox.WaitForAsync(Candidate, "Rappel");
        Assert.Contains("plus qu'un jour", email.Subject, StringComparison.Ordinal);
        Assert.DoesNotContain("7 jours", Text(email), StringComparison.Ordinal);

        // A second draft, never reminded, after the deadline: nothing is sent to it any more.
        var late = await new ApplicationScenario(app).SignedInAsync("retard@numerique.gouv.fr");
        await scenario.StartAsync(late);
        MoveTo(scenario.Deadline.AddHours(2));
        Assert.Equal(0, await RunAsync(ReminderKind.ApplicationDeadline));
        Assert.Single(await KeysAsync(ApplicationDeadlineReminder.TemplateName));
    }

    /// <summary>Three subjects of the kind, the clock moved to their first occasion; returns how many messages are due.</summary>
    private async Task<int> ThreeDueAsync(ReminderKind kind)
    {
        switch (kind)
        {
            case ReminderKind.ApplicationDeadline or ReminderKind.EndorsementPending:
                var endorsed = kind == ReminderKind.EndorsementPending;
                var applications = await new ApplicationScenario(app).SeedAsync(requiresEndorsement: endorsed);
                for (var i = 1; i <= 3; i++)
                {
                    var candidate = await applications.SignedInAsync($"candidat{i}@numerique.gouv.fr");
                    if (endorsed) await applications.SubmitAsync(candidate, managerEmail: $"chef{i}@numerique.gouv.fr");
                    else await applications.StartAsync(candidate);
                }
                if (endorsed) app.Clock.Advance(TimeSpan.FromDays(3).Add(TimeSpan.FromMinutes(5)));
                else MoveTo(applications.Deadline.AddDays(-7).AddMinutes(5));
                return endorsed ? 6 : 3;
            case ReminderKind.ReviewsDue:
                var committee = await new SelectionScenario(app).SeedAsync(applications: 3, reviewers: 3);
                // Application i is from administration i mod 3, reviewer j too: each goes to the next reviewer.
                for (var i = 0; i < 3; i++) await committee.AssignAsync(committee.Applications[i].Id, committee.Reviewers[(i + 1) % 3].Id);
                var deadline = app.Clock.GetUtcNow().AddDays(10);
                await app.WithDbAsync(db => db.SelectionSettings.ExecuteUpdateAsync(s => s.SetProperty(x => x.ReviewDeadline, deadline)));
                MoveTo(deadline.AddDays(-3).AddMinutes(5));
                return 3;
            default:
                var offers = await new SelectionScenario(app).SeedAsync(applications: 3, reviewers: 0, seats: 3);
                var expires = app.Clock.OfferDeadline();
                await app.AdmitAsync(offers.Applications.Select(a => a.Id), expires);
                MoveTo(expires.AddDays(-2).AddMinutes(5));
                return 3;
        }
    }

    [Theory]
    [InlineData(ReminderKind.ApplicationDeadline)]
    [InlineData(ReminderKind.EndorsementPending)]
    [InlineData(ReminderKind.ReviewsDue)]
    [InlineData(ReminderKind.OfferExpiring)]
    public async Task Two_runs_at_once_on_separate_connections_then_a_third_send_each_reminder_once(ReminderKind kind)
    {
        var due = await ThreeDueAsync(kind);
        var templates = ReminderKinds.Emails(kind).Select(e => e.Template).ToList();

        var runs = await Task.WhenAll(Enumerable.Range(0, 2).Select(_ => Task.Run(() => RunAsync(kind))));

        Assert.Equal(due, runs.Sum());
        Assert.Equal(0, await RunAsync(kind));
        var written = await app.WithDbAsync(db => db.OutboxMessages.Where(m => templates.Contains(m.Kind))
            .Select(m => new { m.To, m.Subject, m.DedupeKey }).ToListAsync());
        Assert.Equal(due, written.Select(m => m.DedupeKey).Distinct().Count());
        foreach (var message in written) await app.Mailbox.WaitForAsync(message.To, message.Subject);
        await DeliverAllAsync();
        Assert.All(written, message => Assert.Equal(1, ReceivedBy(message.To, message.Subject)));
    }

    [Fact]
    public async Task A_moved_deadline_re_arms_the_reminders()
    {
        var (scenario, _, _) = await DraftAsync();
        MoveTo(scenario.Deadline.AddDays(-7).AddMinutes(5));
        Assert.Equal(1, await RunAsync(ReminderKind.ApplicationDeadline));
        var moved = scenario.Deadline.AddDays(10);
        await app.WithDbAsync(db => db.Cohorts.Where(c => c.Id == scenario.CohortId)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.ApplicationsCloseAt, moved)));
        Assert.Equal(0, await RunAsync(ReminderKind.ApplicationDeadline));

        MoveTo(moved.AddDays(-7).AddMinutes(5));

        Assert.Equal(1, await RunAsync(ReminderKind.ApplicationDeadline));
        Assert.Equal(2, (await KeysAsync(ApplicationDeadlineReminder.TemplateName)).Count);
        var messages = await WaitForAsync(Candidate, "Rappel", count: 2);
        Assert.Contains(messages, m => Text(m).Contains($"jusqu'au {Display.DateTime(moved)}", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_endorsement_still_awaited_reminds_the_line_manager_with_a_fresh_link_and_tells_the_candidate()
    {
        var scenario = await new ApplicationScenario(app).SeedAsync(requiresEndorsement: true);
        var candidate = await scenario.SignedInAsync(Candidate);
        var application = await scenario.SubmitAsync(candidate);
        var request = await app.Mailbox.WaitForAsync(LineManager, "Avis hiérarchique demandé");
        var requestedAt = app.Clock.GetUtcNow();
        app.Clock.Advance(TimeSpan.FromDays(2));
        Assert.Equal(0, await RunAsync(ReminderKind.EndorsementPending));
        app.Clock.Advance(TimeSpan.FromDays(1).Add(TimeSpan.FromMinutes(5)));

        Assert.Equal(2, await RunAsync(ReminderKind.EndorsementPending));

        var toManager = await app.Mailbox.WaitForAsync(LineManager, "Rappel");
        Assert.Equal("Rappel : avis hiérarchique attendu sur la candidature de Camille Durand à Booster Agile", toManager.Subject);
        Assert.Contains($"Le {Display.DateTime(requestedAt)}, Camille Durand vous a désigné(e) comme responsable hiérarchique", Text(toManager), StringComparison.Ordinal);
        Assert.Contains("Vous recevez ce rappel parce que la candidature ne peut pas être examinée par le jury sans l'avis de sa hiérarchie.", Text(toManager), StringComparison.Ordinal);
        Assert.Contains($"jusqu'au {Display.DateTime(app.Clock.GetUtcNow() + Cohorts.Web.Applications.EndorsementLinks.Lifetime)}", Text(toManager), StringComparison.Ordinal);
        var fresh = PathOf(toManager);
        Assert.NotEqual(PathOf(request), fresh);
        var manager = app.Client(followRedirects: false);
        foreach (var link in new[] { fresh, PathOf(request) })
        {
            var page = await Forms.ReadAsync(manager, link);
            Assert.Contains("<h1>Avis hiérarchique sur une candidature</h1>", page, StringComparison.Ordinal);
            Assert.Contains("Enregistrer mon avis</button>", page, StringComparison.Ordinal);
        }

        var toCandidate = await app.Mailbox.WaitForAsync(Candidate, "votre responsable a reçu un rappel");
        Assert.Equal("Avis hiérarchique en attente : votre responsable a reçu un rappel — Booster Agile, Promotion 3", toCandidate.Subject);
        Assert.Contains("Votre responsable hiérarchique, Jean Chef, n'a pas encore donné son avis", Text(toCandidate), StringComparison.Ordinal);
        Assert.Contains("Nous venons de lui envoyer un rappel, avec un nouveau lien.", Text(toCandidate), StringComparison.Ordinal);
        Assert.Equal($"/candidatures/{application}", PathOf(toCandidate));
        await ApplicationScenario.SignInAgainAsync(candidate, Candidate);
        Assert.Contains("Camille Durand", await Forms.ReadAsync(candidate, PathOf(toCandidate)), StringComparison.Ordinal);

        Assert.Equal(0, await RunAsync(ReminderKind.EndorsementPending));
        // Endorsed through the fresh link: the 7-day reminder never leaves.
        Assert.Equal(HttpStatusCode.Redirect, (await Forms.PostAsync(manager, fresh,
            new Dictionary<string, string> { ["Decision"] = "favourable", ["Comment"] = "" })).StatusCode);
        app.Clock.Advance(TimeSpan.FromDays(4));
        Assert.Equal(0, await RunAsync(ReminderKind.EndorsementPending));
        Assert.Equal(2, (await KeysAsync(EndorsementReminderToManager.TemplateName)).Count + (await KeysAsync(EndorsementReminderToCandidate.TemplateName)).Count);
    }

    [Fact]
    public async Task A_new_endorsement_request_re_arms_its_reminders_from_its_own_date()
    {
        var scenario = await new ApplicationScenario(app).SeedAsync(requiresEndorsement: true);
        var application = await scenario.SubmitAsync(await scenario.SignedInAsync(Candidate));
        app.Clock.Advance(TimeSpan.FromDays(3).Add(TimeSpan.FromMinutes(5)));
        Assert.Equal(2, await RunAsync(ReminderKind.EndorsementPending));
        // Staff send a new link a day later: its reminders count from it.
        app.Clock.Advance(TimeSpan.FromDays(1));
        await app.WithDbAsync(async db =>
        {
            var stored = await db.Applications.SingleAsync(a => a.Id == application);
            var cohort = await db.Cohorts.Include(c => c.Program).SingleAsync(c => c.Id == stored.CohortId);
            stored.RequestEndorsement(ApplicationContext.For(cohort, app.Clock.GetUtcNow()),
                new Cohorts.Domain.Workflow.ActorRef(Cohorts.Domain.Workflow.Actor.ProgramManager, null, "Paul Responsable"));
            return await db.SaveChangesAsync();
        });
        // Three days after the first request's 7-day reminder would have come: the new request's 3-day one.
        app.Clock.Advance(TimeSpan.FromDays(3));

        Assert.Equal(2, await RunAsync(ReminderKind.EndorsementPending));

        var keys = await KeysAsync(EndorsementReminderToManager.TemplateName);
        Assert.Equal(2, keys.Count);
        Assert.All(keys, k => Assert.EndsWith(":J+3:manager", k, StringComparison.Ordinal));
        Assert.NotEqual(keys[0], keys[1]);
    }

    [Fact]
    public async Task A_reviewer_with_reviews_not_submitted_is_reminded_once_per_cohort_with_the_count_until_scoring_is_closed()
    {
        var scenario = await new SelectionScenario(app).SeedAsync(applications: 3, reviewers: 2);
        var (busy, done) = (scenario.Reviewers[0], scenario.Reviewers[1]);
        await scenario.AssignAsync(scenario.Applications[0].Id, busy.Id);
        var drafted = await scenario.AssignAsync(scenario.Applications[1].Id, busy.Id);
        await scenario.SubmitReviewAsync(drafted, [3, 3, 3], submit: false);
        await scenario.SubmitReviewAsync(await scenario.AssignAsync(scenario.Applications[2].Id, done.Id), [4, 4, 4]);
        var deadline = app.Clock.GetUtcNow().AddDays(10);
        await app.WithDbAsync(db => db.SelectionSettings.Where(s => s.CohortId == scenario.CohortId)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.ReviewDeadline, deadline)));
        MoveTo(deadline.AddDays(-3).AddMinutes(5));

        Assert.Equal(1, await RunAsync(ReminderKind.ReviewsDue));

        var email = await app.Mailbox.WaitForAsync(busy.Email, "Rappel");
        Assert.Equal("Rappel : 2 évaluations à rendre, plus que 3 jours — Booster Agile, Promotion 3", email.Subject);
        Assert.Contains("Vous êtes membre du jury de sélection du programme Booster Agile (Promotion 3). Il vous reste 2 évaluations à soumettre", Text(email), StringComparison.Ordinal);
        Assert.Contains($"la date limite des évaluations est le {Display.DateTime(deadline)} (heure de Paris)", Text(email), StringComparison.Ordinal);
        Assert.Contains("Vous recevez ce rappel parce qu'une évaluation non soumise ne compte pas dans le classement du jury", Text(email), StringComparison.Ordinal);
        Assert.Equal("/evaluations", PathOf(email));
        var reviewer = await scenario.SignInAsync(busy.Email);
        var reviews = await Forms.ReadAsync(reviewer, PathOf(email));
        Assert.Contains("<h1>Mes évaluations</h1>", reviews, StringComparison.Ordinal);
        Assert.Contains("Camille Candidat01", reviews, StringComparison.Ordinal);
        Assert.Equal(0, await RunAsync(ReminderKind.ReviewsDue));

        await app.WithDbAsync(db => db.SelectionSettings.Where(s => s.CohortId == scenario.CohortId)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.ScoringClosedAt, app.Clock.GetUtcNow())));
        MoveTo(deadline.AddDays(-1).AddMinutes(5));
        Assert.Equal(0, await RunAsync(ReminderKind.ReviewsDue));
        await DeliverAllAsync();
        Assert.Equal(1, ReceivedBy(busy.Email, "Rappel"));
        Assert.Equal(0, ReceivedBy(done.Email, "Rappel"));
        Assert.Equal([$"reviews-due:{scenario.CohortId}:{busy.Id}:{deadline.UtcDateTime:yyyyMMdd'T'HHmmss'Z'}:J-3"],
            await KeysAsync(ReviewsDueReminder.TemplateName));
    }

    [Fact]
    public async Task An_offer_still_open_is_reminded_2_days_before_it_lapses_and_an_answered_one_is_not()
    {
        var scenario = await new SelectionScenario(app).SeedAsync(applications: 2, reviewers: 0, seats: 2);
        var (waiting, answered) = (scenario.Applications[0], scenario.Applications[1]);
        var deadline = app.Clock.OfferDeadline();
        await app.AdmitAsync([waiting.Id, answered.Id], deadline);
        var accepting = await scenario.SignInAsync(answered.Email);
        Assert.Equal(HttpStatusCode.Redirect, (await Forms.PostAsync(accepting, $"/candidatures/{answered.Id}?handler=Accept",
            new Dictionary<string, string>(), tokenFrom: $"/candidatures/{answered.Id}")).StatusCode);
        MoveTo(deadline.AddDays(-2).AddMinutes(5));

        Assert.Equal(1, await RunAsync(ReminderKind.OfferExpiring));

        var email = await app.Mailbox.WaitForAsync(waiting.Email, "Rappel");
        Assert.Equal("Rappel : votre place vous attend encore 2 jours — Booster Agile, Promotion 3", email.Subject);
        Assert.Contains($"Vous avez jusqu'au {Display.DateTime(deadline)} (heure de Paris), soit encore 2 jours, pour l'accepter ou la décliner.", Text(email), StringComparison.Ordinal);
        Assert.Contains("Vous recevez ce rappel parce que, passé ce délai, la place est proposée au candidat suivant de la liste complémentaire.", Text(email), StringComparison.Ordinal);
        Assert.Equal($"/candidatures/{waiting.Id}", PathOf(email));
        var candidate = await scenario.SignInAsync(waiting.Email);
        Assert.Contains("Accepter la place</button>", await Forms.ReadAsync(candidate, PathOf(email)), StringComparison.Ordinal);
        Assert.Equal(0, await RunAsync(ReminderKind.OfferExpiring));
        await DeliverAllAsync();
        Assert.Equal(0, ReceivedBy(answered.Email, "Rappel"));
    }

    [Fact]
    public async Task A_kind_switched_off_for_the_cohort_sends_nothing_and_switched_on_again_sends_what_is_still_due()
    {
        var (scenario, _, _) = await DraftAsync();
        var manager = await scenario.SignedInAsync("responsable@cohorts.test", Roles.ProgramManager, "Paul", "Responsable");
        var page = $"/gestion/promotions/{scenario.CohortId}/rappels";
        var off = await Forms.PostAndReadAsync(manager, $"{page}?handler=SwitchOff", new Dictionary<string, string> { ["Kind"] = "ApplicationDeadline" });
        Assert.Contains("Le rappel « Date limite de dépôt » est désactivé pour cette promotion", off, StringComparison.Ordinal);
        Assert.Contains("Ce rappel est désactivé pour cette promotion depuis le", off, StringComparison.Ordinal);
        MoveTo(scenario.Deadline.AddDays(-7).AddMinutes(5));

        Assert.Equal(0, await RunAsync(ReminderKind.ApplicationDeadline));
        Assert.Empty(await KeysAsync(ApplicationDeadlineReminder.TemplateName));

        await ApplicationScenario.SignInAgainAsync(manager, "responsable@cohorts.test");
        await Forms.PostAndReadAsync(manager, $"{page}?handler=SwitchOn", new Dictionary<string, string> { ["Kind"] = "ApplicationDeadline" });
        Assert.Equal(1, await RunAsync(ReminderKind.ApplicationDeadline));
        await app.Mailbox.WaitForAsync(Candidate, "plus que 7 jours");
    }
}

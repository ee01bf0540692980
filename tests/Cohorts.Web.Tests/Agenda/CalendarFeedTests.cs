using System.Net;
using System.Text.RegularExpressions;
using Cohorts.Domain.Sessions;
using Cohorts.Web.Sessions;
using Cohorts.Web.Tests.Support;
using Ical.Net.CalendarComponents;
using Microsoft.EntityFrameworkCore;

namespace Cohorts.Web.Tests.Agenda;

/// <summary>
/// « Mon agenda » and the feed it gives: made on the page, read anonymously by a calendar client, parsed with Ical.Net;
/// updates and cancellations carried (same UID, SEQUENCE up, STATUS:CANCELLED); a wrong, revoked or replaced token answers
/// 404; a feed holds the person's own sessions only; Paris wall-clock times whatever the season.
/// </summary>
[Collection(AppFixtureGroup.Name)]
public sealed partial class CalendarFeedTests(CohortsApp app) : IAsyncLifetime
{
    private SessionScenario scenario = null!;

    public async Task InitializeAsync()
    {
        await app.ResetAsync();
        scenario = await new SessionScenario(app).SeedAsync(participants: 3);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    /// <summary>Posts one of the page's buttons and returns the page it leads to.</summary>
    private static Task<string> PressAsync(HttpClient client, string handler) =>
        Forms.PostAndReadAsync(client, $"/agenda?handler={handler}", new Dictionary<string, string>());

    /// <summary>The feed's address as the page shows it, once, after it was made.</summary>
    private static string FeedUrlIn(string page)
    {
        var match = FeedUrl().Match(page);
        Assert.True(match.Success, "The page shows the feed's address");
        return match.Groups[1].Value;
    }

    private async Task<string> CreateFeedAsync(string email) => FeedUrlIn(await PressAsync(await scenario.SignInAsync(email), "Create"));

    private async Task<(HttpResponseMessage Response, string Body)> FetchAsync(string url)
    {
        var response = await app.Client().GetAsync(new Uri(url).PathAndQuery);
        return (response, await response.Content.ReadAsStringAsync());
    }

    private async Task<Ical.Net.Calendar> CalendarAsync(string url)
    {
        var (response, body) = await FetchAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return Ical.Net.Calendar.Load(body)!;
    }

    private static CalendarEvent EventOf(Ical.Net.Calendar calendar, Session session) =>
        Assert.Single(calendar.Events, e => e.Uid == SessionCalendar.Uid(session.Id));

    [Fact]
    public async Task A_participant_creates_their_feed_sees_its_address_once_and_a_calendar_client_reads_it_without_signing_in()
    {
        var session = await scenario.SessionAsync(SessionKind.Remote, scenario.At(3, 14), scenario.At(3, 16), title: "Classe virtuelle cloud");
        var client = await scenario.SignInAsync(scenario.Participants[0].Email);
        var before = await Forms.ReadAsync(client, "/agenda");
        Assert.Contains("Vous n'avez pas encore de lien d'agenda", before, StringComparison.Ordinal);
        Assert.Contains("Classe virtuelle cloud", before, StringComparison.Ordinal);

        var created = await PressAsync(client, "Create");
        var url = FeedUrlIn(created);
        Assert.StartsWith($"{app.BaseUrl}/agenda/", url, StringComparison.Ordinal);
        Assert.Contains("il ne sera plus affiché", created, StringComparison.Ordinal);
        var again = await Forms.ReadAsync(client, "/agenda");
        Assert.DoesNotMatch(FeedUrl(), again);
        Assert.Contains("Votre lien d'agenda est actif", again, StringComparison.Ordinal);
        // Only the token's hash is kept.
        var token = url[(url.LastIndexOf('/') + 1)..^".ics".Length];
        var stored = await app.WithDbAsync(db => db.CalendarFeeds.SingleAsync());
        Assert.Equal(CalendarFeed.Hash(token), stored.TokenHash);

        var (response, body) = await FetchAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/calendar", response.Content.Headers.ContentType!.MediaType);
        Assert.Contains("no-store", response.Headers.CacheControl!.ToString(), StringComparison.Ordinal);
        var calendar = Ical.Net.Calendar.Load(body)!;
        Assert.Equal("PUBLISH", calendar.Method);
        Assert.Contains(calendar.TimeZones, z => z.TzId == "Europe/Paris");
        var held = EventOf(calendar, session);
        Assert.Equal("Classe virtuelle cloud", held.Summary);
        Assert.Equal("CONFIRMED", held.Status);
        Assert.Equal(0, held.Sequence);
        Assert.Contains("https://visio.numerique.gouv.fr/seance", held.Location, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_change_raises_the_SEQUENCE_under_the_same_UID_and_a_cancellation_is_STATUS_CANCELLED()
    {
        var session = await scenario.SessionAsync(SessionKind.InPerson, scenario.At(4, 9, 30), scenario.At(4, 12, 30), title: "Atelier données");
        var url = await CreateFeedAsync(scenario.Participants[1].Email);
        Assert.Equal(0, EventOf(await CalendarAsync(url), session).Sequence);

        await app.WithDbAsync(async db =>
        {
            var stored = await db.Sessions.Include(s => s.Participants).Include(s => s.Bookings).SingleAsync(s => s.Id == session.Id);
            var cohort = await db.Cohorts.SingleAsync(c => c.Id == stored.CohortId);
            stored.Change(stored.Details() with { StartsAt = scenario.At(4, 10), EndsAt = scenario.At(4, 13), Room = "C3" }, SessionWindow.Of(cohort),
                app.Clock.GetUtcNow());
            Assert.Empty(await SessionStore.SaveAsync(db, stored, CancellationToken.None));
            return 0;
        });
        var changed = EventOf(await CalendarAsync(url), session);
        Assert.Equal(1, changed.Sequence);
        Assert.Equal(10, changed.DtStart!.Value.Hour);
        Assert.Contains("salle C3", changed.Location, StringComparison.Ordinal);
        Assert.Equal("CONFIRMED", changed.Status);

        await app.WithDbAsync(async db =>
        {
            var stored = await db.Sessions.Include(s => s.Participants).Include(s => s.Bookings).SingleAsync(s => s.Id == session.Id);
            stored.Cancel("Intervenant indisponible", app.Clock.GetUtcNow());
            Assert.Empty(await SessionStore.SaveAsync(db, stored, CancellationToken.None));
            return 0;
        });
        var cancelled = EventOf(await CalendarAsync(url), session);
        Assert.Equal("CANCELLED", cancelled.Status);
        Assert.Equal(2, cancelled.Sequence);
        Assert.Contains("Intervenant indisponible", cancelled.Description, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_malformed_unknown_revoked_or_replaced_token_answers_404_and_so_does_a_deactivated_account()
    {
        await scenario.SessionAsync(SessionKind.InPerson, scenario.At(4, 9), scenario.At(4, 12));
        foreach (var path in new[] { "/agenda/abc.ics", $"/agenda/{new string('A', 43)}.ics", "/agenda/%27%20OR%201=1.ics", $"/agenda/{new string('A', 44)}.ics" })
            Assert.Equal(HttpStatusCode.NotFound, (await app.Client().GetAsync(path)).StatusCode);

        var client = await scenario.SignInAsync(scenario.Participants[0].Email);
        var first = FeedUrlIn(await PressAsync(client, "Create"));
        Assert.Equal(HttpStatusCode.OK, (await FetchAsync(first)).Response.StatusCode);

        var regenerated = await PressAsync(client, "Regenerate");
        var second = FeedUrlIn(regenerated);
        Assert.NotEqual(first, second);
        Assert.Contains("l'ancien lien ne fonctionne plus", regenerated, StringComparison.Ordinal);
        var (old, oldBody) = await FetchAsync(first);
        Assert.Equal(HttpStatusCode.NotFound, old.StatusCode);
        Assert.DoesNotContain("BEGIN:VCALENDAR", oldBody, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await FetchAsync(second)).Response.StatusCode);

        var revoked = await PressAsync(client, "Revoke");
        Assert.Contains("Votre lien d'agenda est révoqué", revoked, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await FetchAsync(second)).Response.StatusCode);
        Assert.Equal(0, await app.WithDbAsync(db => db.CalendarFeeds.CountAsync()));

        var third = FeedUrlIn(await PressAsync(client, "Create"));
        await app.WithDbAsync(db => db.Users.Where(u => u.Id == scenario.Participants[0].Id)
            .ExecuteUpdateAsync(s => s.SetProperty(u => u.DeactivatedAt, app.Clock.GetUtcNow())));
        Assert.Equal(HttpStatusCode.NotFound, (await FetchAsync(third)).Response.StatusCode);
    }

    [Fact]
    public async Task A_feed_holds_what_its_owner_attends_or_leads_never_another_participants_coaching_nor_another_cohorts_sessions()
    {
        var (camille, dominique) = (scenario.Participants[0], scenario.Participants[1]);
        var (otherCohort, _) = await scenario.SeedOtherCohortAsync();
        var day = await scenario.SessionAsync(SessionKind.InPerson, scenario.At(3, 9), scenario.At(3, 12), title: "Journée de la promotion");
        var own = await scenario.SessionAsync(SessionKind.Coaching, scenario.At(3, 14), scenario.At(3, 15), participantIds: [camille.Id], title: "Coaching de Camille");
        var others = await scenario.SessionAsync(SessionKind.Coaching, scenario.At(3, 15), scenario.At(3, 16), leadId: scenario.OtherCoach.Id,
            participantIds: [dominique.Id], title: "Coaching de Dominique");
        var elsewhere = await scenario.SessionAsync(SessionKind.InPerson, scenario.At(3, 9), scenario.At(3, 12), leadId: scenario.OtherCoach.Id,
            cohortId: otherCohort, title: "Journée d'un autre programme");

        var participantFeed = await CalendarAsync(await CreateFeedAsync(camille.Email));
        Assert.Equal(new[] { day.Id, own.Id }.Select(SessionCalendar.Uid).Order(StringComparer.Ordinal),
            participantFeed.Events.Select(e => e.Uid!).Order(StringComparer.Ordinal));

        var coachFeed = await CalendarAsync(await CreateFeedAsync(scenario.Coach.Email));
        Assert.Equal([SessionCalendar.Uid(own.Id)], coachFeed.Events.Select(e => e.Uid));

        var otherCoachFeed = await CalendarAsync(await CreateFeedAsync(scenario.OtherCoach.Email));
        Assert.Equal(new[] { others.Id, elsewhere.Id }.Select(SessionCalendar.Uid).Order(StringComparer.Ordinal),
            otherCoachFeed.Events.Select(e => e.Uid!).Order(StringComparer.Ordinal));

        var facilitatorFeed = await CalendarAsync(await CreateFeedAsync(scenario.Facilitator.Email));
        Assert.Equal([SessionCalendar.Uid(day.Id)], facilitatorFeed.Events.Select(e => e.Uid));
        var (_, bystander) = await FetchAsync(await CreateFeedAsync(scenario.Participants[2].Email));
        Assert.DoesNotContain("Coaching de", bystander, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_session_at_09_30_in_Paris_in_July_and_in_January_is_at_09_30_Europe_Paris_in_the_feed()
    {
        await app.WithDbAsync(db => db.Cohorts.Where(c => c.Id == scenario.CohortId)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.EndsOn, scenario.EndsOn.AddMonths(9))));
        var (julyDay, januaryDay) = (Next(7, 7), Next(1, 12));
        var july = await scenario.SessionAsync(SessionKind.InPerson, Paris(julyDay, 9, 30), Paris(julyDay, 12, 0), title: "Atelier d'été");
        var january = await scenario.SessionAsync(SessionKind.InPerson, Paris(januaryDay, 9, 30), Paris(januaryDay, 12, 0), title: "Atelier d'hiver");
        // Summer time and winter time: 07:30 and 08:30 UTC, both 09:30 in Paris.
        Assert.Equal(7, july.StartsAt.UtcDateTime.Hour);
        Assert.Equal(8, january.StartsAt.UtcDateTime.Hour);

        var url = await CreateFeedAsync(scenario.Participants[0].Email);
        var (_, body) = await FetchAsync(url);
        Assert.Contains($"DTSTART;TZID=Europe/Paris:{julyDay:yyyyMMdd}T093000", body, StringComparison.Ordinal);
        Assert.Contains($"DTSTART;TZID=Europe/Paris:{januaryDay:yyyyMMdd}T093000", body, StringComparison.Ordinal);
        var calendar = Ical.Net.Calendar.Load(body)!;
        foreach (var session in new[] { july, january })
        {
            var start = EventOf(calendar, session).DtStart!;
            Assert.Equal("Europe/Paris", start.TzId);
            Assert.Equal((9, 30), (start.Value.Hour, start.Value.Minute));
            Assert.Equal(session.StartsAt.UtcDateTime, start.AsUtc);
        }
    }

    [Fact]
    public async Task An_account_with_no_session_to_attend_or_lead_is_told_so_and_cannot_create_a_feed()
    {
        var loner = await scenario.PersonAsync("seule@numerique.gouv.fr", Identity.Roles.Candidate, "Lou", "Seule");
        var client = await scenario.SignInAsync(loner.Email);
        var page = await Forms.ReadAsync(client, "/agenda");
        Assert.Contains("Vous n'avez aucune séance à suivre ni à animer", page, StringComparison.Ordinal);
        Assert.DoesNotContain("Créer mon lien d'agenda", page, StringComparison.Ordinal);
        var response = await Forms.PostAsync(client, "/agenda?handler=Create", new Dictionary<string, string>(), tokenFrom: "/agenda");
        Assert.Contains("Vous n'avez aucune séance à suivre ni à animer", WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()),
            StringComparison.Ordinal);
        Assert.Equal(0, await app.WithDbAsync(db => db.CalendarFeeds.CountAsync()));

        var anonymous = await app.Client(followRedirects: false).GetAsync("/agenda");
        Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
        Assert.StartsWith("/connexion", anonymous.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    /// <summary>The next such day (Paris) after today: the test clock only moves forward, wherever earlier tests left it.</summary>
    private DateOnly Next(int month, int day)
    {
        var today = Domain.ParisTime.Today(app.Clock.GetUtcNow());
        var candidate = new DateOnly(today.Year, month, day);
        return candidate > today.AddDays(1) ? candidate : candidate.AddYears(1);
    }

    private DateTimeOffset Paris(DateOnly day, int hour, int minute) =>
        scenario.At(day.DayNumber - Domain.ParisTime.Today(app.Clock.GetUtcNow()).DayNumber, hour, minute);

    [GeneratedRegex("value=\"(http[^\"]+/agenda/[A-Za-z0-9_-]{43}\\.ics)\"")]
    private static partial Regex FeedUrl();
}

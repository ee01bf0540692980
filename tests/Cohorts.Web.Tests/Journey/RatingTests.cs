using System.Net;
using System.Text.RegularExpressions;
using Cohorts.Domain.Sessions;
using Cohorts.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Cohorts.Web.Tests.Journey;

/// <summary>Rating a session: 1 to 5, once, after it ended, by those who attended; every refusal in French and nothing saved.</summary>
[Collection(AppFixtureGroup.Name)]
public sealed class RatingTests(CohortsApp app) : IAsyncLifetime
{
    private SessionScenario scenario = null!;
    private Session held = null!;

    public async Task InitializeAsync()
    {
        await app.ResetAsync();
        scenario = await new SessionScenario(app).SeedAsync(participants: 3);
        held = await scenario.SessionAsync(SessionKind.InPerson, scenario.At(-3, 9), scenario.At(-3, 12), title: "Atelier de prospective");
        await scenario.MarkAsync(held.Id, Camille, AttendanceStatus.Present);
        await scenario.MarkAsync(held.Id, scenario.Participants[1], AttendanceStatus.Absent);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private SessionScenario.SeededPerson Camille => scenario.Participants[0];

    private static string RatingPage(Guid session) => $"/parcours/seances/{session}/avis";

    private static Dictionary<string, string> Rating(string score, string comment = "Très concret, merci.") => new() { ["Score"] = score, ["Comment"] = comment };

    private Task<List<SessionRating>> RatingsAsync() => app.WithDbAsync(db => db.SessionRatings.AsNoTracking().ToListAsync());

    [Fact]
    public async Task A_participant_who_attended_rates_the_session_once_it_ended_and_sees_their_score_on_their_journey()
    {
        var client = await scenario.SignInAsync(Camille.Email);

        var response = await Forms.PostAsync(client, RatingPage(held.Id), Rating("4"));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/parcours", response.Headers.Location!.OriginalString);
        var rating = Assert.Single(await RatingsAsync());
        Assert.Equal((held.Id, Camille.Id, 4, "Très concret, merci."), (rating.SessionId, rating.ParticipantId, rating.Score, rating.Comment));
        var journey = await Forms.ReadAsync(client, "/parcours");
        Assert.Contains("votre avis sur la séance « Atelier de prospective » est enregistré", journey, StringComparison.Ordinal);
        Assert.Matches(new Regex(@"<td>\s*4 / 5\s*</td>"), JourneyPageTests.Element(journey, "tr", $"seance-{held.Id}"));
        Assert.DoesNotContain($"href=\"{RatingPage(held.Id)}\"", journey, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("6")]
    [InlineData("")]
    public async Task A_score_outside_1_to_5_is_refused_next_to_the_field_and_the_comment_is_kept(string score)
    {
        var client = await scenario.SignInAsync(Camille.Email);

        var page = await Forms.PostAndReadAsync(client, RatingPage(held.Id), Rating(score, "Mon commentaire gardé"));

        Assert.Contains("<a href=\"#Score\">Choisissez une note de 1 à 5.</a>", page, StringComparison.Ordinal);
        Assert.Contains("<p class=\"fr-message fr-message--error\">Choisissez une note de 1 à 5.</p>", page, StringComparison.Ordinal);
        Assert.Contains(">Mon commentaire gardé</textarea>", page, StringComparison.Ordinal);
        Assert.Empty(await RatingsAsync());
    }

    [Fact]
    public async Task A_second_rating_is_refused_and_the_first_one_stays()
    {
        var client = await scenario.SignInAsync(Camille.Email);
        Assert.Equal(HttpStatusCode.Redirect, (await Forms.PostAsync(client, RatingPage(held.Id), Rating("5"))).StatusCode);

        var page = await Forms.PostAndReadAsync(client, RatingPage(held.Id), Rating("1", "Finalement non"));

        Assert.Contains("Vous avez déjà donné votre avis sur cette séance : il ne se donne qu'une fois.", page, StringComparison.Ordinal);
        Assert.Contains("Votre note : <strong>5 / 5</strong>", page, StringComparison.Ordinal);
        Assert.DoesNotContain("name=\"Score\"", page, StringComparison.Ordinal);
        var rating = Assert.Single(await RatingsAsync());
        Assert.Equal(5, rating.Score);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public async Task A_participant_absent_or_not_marked_is_refused_and_offered_no_form(int participant)
    {
        var client = await scenario.SignInAsync(scenario.Participants[participant].Email);

        var form = await Forms.ReadAsync(client, RatingPage(held.Id));
        var page = await Forms.PostAndReadAsync(client, RatingPage(held.Id), Rating("4"));

        Assert.Contains("Seuls les participants présents à la séance donnent leur avis.", form, StringComparison.Ordinal);
        Assert.DoesNotContain("name=\"Score\"", form, StringComparison.Ordinal);
        Assert.Contains("id=\"erreurs\"", page, StringComparison.Ordinal);
        Assert.Contains("Seuls les participants présents à la séance donnent leur avis.", page, StringComparison.Ordinal);
        Assert.DoesNotContain($"href=\"{RatingPage(held.Id)}\"", await Forms.ReadAsync(client, "/parcours"), StringComparison.Ordinal);
        Assert.Empty(await RatingsAsync());
    }

    [Fact]
    public async Task A_session_not_ended_yet_is_refused_even_once_started_and_marked()
    {
        var startsAt = app.Clock.GetUtcNow().AddHours(1);
        var started = await scenario.SessionAsync(SessionKind.InPerson, startsAt, startsAt.AddHours(3), title: "Journée en cours");
        app.Clock.Advance(TimeSpan.FromHours(2));
        await scenario.MarkAsync(started.Id, Camille, AttendanceStatus.Present);
        var client = await scenario.SignInAsync(Camille.Email);

        var page = await Forms.PostAndReadAsync(client, RatingPage(started.Id), Rating("5"));

        Assert.Contains("La séance n'est pas encore terminée : vous pourrez donner votre avis après.", page, StringComparison.Ordinal);
        Assert.Empty(await RatingsAsync());
    }

    [Fact]
    public async Task A_cancelled_session_is_refused()
    {
        await app.WithDbAsync(async db =>
        {
            var session = await db.Sessions.Include(s => s.Bookings).SingleAsync(s => s.Id == held.Id);
            session.Cancel(null, app.Clock.GetUtcNow());
            return await db.SaveChangesAsync();
        });
        var client = await scenario.SignInAsync(Camille.Email);

        var page = await Forms.PostAndReadAsync(client, RatingPage(held.Id), Rating("5"));

        Assert.Contains("Cette séance a été annulée : il n'y a pas d'avis à donner.", page, StringComparison.Ordinal);
        Assert.Empty(await RatingsAsync());
    }

    [Fact]
    public async Task Another_cohorts_session_and_another_participants_coaching_session_do_not_exist_for_the_participant()
    {
        var other = scenario.Participants[1];
        await scenario.PairAsync(scenario.Coach, [other]);
        var coaching = await scenario.SessionAsync(SessionKind.Coaching, scenario.At(-2, 10), scenario.At(-2, 11), participantIds: [other.Id]);
        var (otherCohort, stranger) = await scenario.SeedOtherCohortAsync(participants: 1);
        var elsewhere = await scenario.SessionAsync(SessionKind.InPerson, scenario.At(-2, 14), scenario.At(-2, 17), leadId: scenario.OtherCoach.Id,
            cohortId: otherCohort);
        await scenario.MarkAsync(coaching.Id, other, AttendanceStatus.Present);
        await scenario.MarkAsync(elsewhere.Id, stranger[0], AttendanceStatus.Present);
        var client = await scenario.SignInAsync(Camille.Email);

        foreach (var session in new[] { coaching.Id, elsewhere.Id, Guid.NewGuid() })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(RatingPage(session))).StatusCode);
            var posted = await Forms.PostAsync(client, RatingPage(session), Rating("5"), tokenFrom: "/parcours");
            Assert.Equal(HttpStatusCode.NotFound, posted.StatusCode);
        }
        Assert.Empty(await RatingsAsync());
    }
}

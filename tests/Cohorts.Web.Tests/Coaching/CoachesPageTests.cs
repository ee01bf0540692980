using System.Net;
using Cohorts.Domain.Sessions;
using Cohorts.Web.Identity;
using Cohorts.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Cohorts.Web.Tests.Coaching;

/// <summary>The staff's coaches page: coaches taken on with a limit, participants paired, the limit held even by two staff at once.</summary>
[Collection(AppFixtureGroup.Name)]
public sealed class CoachesPageTests(CohortsApp app) : IAsyncLifetime
{
    private SessionScenario scenario = null!;

    public async Task InitializeAsync()
    {
        await app.ResetAsync();
        scenario = await new SessionScenario(app).SeedAsync(participants: 4);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private string Page => $"/gestion/promotions/{scenario.CohortId}/coachs";

    private Task<HttpResponseMessage> PostAsync(HttpClient client, string handler, Dictionary<string, string> fields) =>
        Forms.PostAsync(client, $"{Page}?handler={handler}", fields, tokenFrom: Page);

    private Task<int> PairingsAsync(string coachId) => app.WithDbAsync(db => db.CoachPairings.CountAsync(p => p.CohortId == scenario.CohortId && p.CoachId == coachId));

    [Fact]
    public async Task Staff_take_a_coach_on_pair_participants_and_the_page_shows_who_accompanies_whom()
    {
        var staff = await scenario.SignInAsync(SessionScenario.ManagerEmail);
        var added = await PostAsync(staff, "Add", new() { ["CoachId"] = scenario.Coach.Id, ["MaxCoachees"] = "2" });
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        var paired = await PostAsync(staff, "Pair", new() { ["Coach"] = scenario.Coach.Id, ["Participant"] = scenario.Participants[0].Id });
        Assert.Equal(HttpStatusCode.Redirect, paired.StatusCode);

        var page = await Forms.ReadAsync(staff, Page);
        Assert.Contains("<h1>Coachs et accompagnement", page, StringComparison.Ordinal);
        Assert.Contains($"{scenario.Participants[0].Name} est accompagné(e) par Hugo Coach.", page, StringComparison.Ordinal);
        Assert.Contains("1 sur 2", page, StringComparison.Ordinal);
        var pairing = await app.WithDbAsync(db => db.CoachPairings.SingleAsync());
        Assert.Equal((scenario.Coach.Id, scenario.Participants[0].Id, "Paul Responsable"), (pairing.CoachId, pairing.ParticipantId, pairing.PairedBy));
    }

    [Fact]
    public async Task Pairing_past_the_coach_limit_is_refused_with_a_message_and_nothing_saved()
    {
        await scenario.PairAsync(scenario.Coach, [scenario.Participants[0]], maxCoachees: 1);
        var staff = await scenario.SignInAsync(SessionScenario.ManagerEmail);

        var page = await Forms.PostAndReadAsync(staff, $"{Page}?handler=Pair", new Dictionary<string, string>
            { ["Coach"] = scenario.Coach.Id, ["Participant"] = scenario.Participants[1].Id });

        Assert.Contains("Hugo Coach accompagne déjà 1 participant, sa limite pour cette promotion.", page, StringComparison.Ordinal);
        Assert.Equal(1, await PairingsAsync(scenario.Coach.Id));
    }

    [Fact]
    public async Task Two_staff_pairing_at_once_never_exceed_the_limit()
    {
        await scenario.PairAsync(scenario.Coach, [scenario.Participants[0]], maxCoachees: 2);
        var first = await scenario.SignInAsync(SessionScenario.ManagerEmail);
        var second = await scenario.SignInAsync(SessionScenario.ManagerEmail);

        // Each attempt: two staff pair a different participant at the same moment, one place left.
        var answers = await Task.WhenAll(
            PostAsync(first, "Pair", new() { ["Coach"] = scenario.Coach.Id, ["Participant"] = scenario.Participants[1].Id }),
            PostAsync(second, "Pair", new() { ["Coach"] = scenario.Coach.Id, ["Participant"] = scenario.Participants[2].Id }));

        Assert.Equal(2, await PairingsAsync(scenario.Coach.Id));
        Assert.Single(answers, a => a.StatusCode == HttpStatusCode.Redirect);
        var refused = await answers.Single(a => a.StatusCode != HttpStatusCode.Redirect).Content.ReadAsStringAsync();
        Assert.Contains("sa limite pour cette promotion", WebUtility.HtmlDecode(refused), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_limit_below_the_coachees_already_paired_is_refused_and_a_participant_has_one_coach_only()
    {
        await scenario.PairAsync(scenario.Coach, [scenario.Participants[0], scenario.Participants[1]], maxCoachees: 3);
        await scenario.PairAsync(scenario.OtherCoach, [], maxCoachees: 3);
        var staff = await scenario.SignInAsync(SessionScenario.ManagerEmail);

        var lower = await Forms.PostAndReadAsync(staff, $"{Page}?handler=Capacity", new Dictionary<string, string>
            { ["CoachId"] = scenario.Coach.Id, ["MaxCoachees"] = "1" });
        Assert.Contains("Ce coach accompagne déjà 2 participants : sa limite ne peut pas être plus basse.", lower, StringComparison.Ordinal);
        Assert.Equal(3, await app.WithDbAsync(db => db.CohortCoaches.Where(c => c.CoachId == scenario.Coach.Id).Select(c => c.MaxCoachees).SingleAsync()));

        var twice = await Forms.PostAndReadAsync(staff, $"{Page}?handler=Pair", new Dictionary<string, string>
            { ["Coach"] = scenario.OtherCoach.Id, ["Participant"] = scenario.Participants[0].Id });
        Assert.Contains("a déjà un coach dans cette promotion", twice, StringComparison.Ordinal);
        Assert.Equal(0, await PairingsAsync(scenario.OtherCoach.Id));

        var raised = await PostAsync(staff, "Capacity", new() { ["CoachId"] = scenario.Coach.Id, ["MaxCoachees"] = "5" });
        Assert.Equal(HttpStatusCode.Redirect, raised.StatusCode);
        Assert.Equal(5, await app.WithDbAsync(db => db.CohortCoaches.Where(c => c.CoachId == scenario.Coach.Id).Select(c => c.MaxCoachees).SingleAsync()));
    }

    [Fact]
    public async Task Unpairing_is_refused_while_a_coaching_session_with_that_coach_is_to_come()
    {
        var camille = scenario.Participants[0];
        await scenario.PairAsync(scenario.Coach, [camille]);
        var session = await scenario.SessionAsync(SessionKind.Coaching, scenario.At(3, 10), scenario.At(3, 11), participantIds: [camille.Id], title: "Point d'étape");
        var staff = await scenario.SignInAsync(SessionScenario.ManagerEmail);

        var refused = await Forms.PostAndReadAsync(staff, $"{Page}?handler=Unpair", new Dictionary<string, string> { ["ParticipantId"] = camille.Id });
        Assert.Contains($"{camille.Name} a encore « Point d'étape »", refused, StringComparison.Ordinal);
        Assert.Equal(1, await PairingsAsync(scenario.Coach.Id));

        await app.WithDbAsync(async db =>
        {
            (await db.Sessions.Include(s => s.Bookings).SingleAsync(s => s.Id == session.Id)).Cancel(null, app.Clock.GetUtcNow());
            return await db.SaveChangesAsync();
        });
        var done = await PostAsync(staff, "Unpair", new() { ["ParticipantId"] = camille.Id });
        Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);
        Assert.Equal(0, await PairingsAsync(scenario.Coach.Id));
    }

    [Fact]
    public async Task Another_programs_manager_gets_404_and_a_coach_cannot_open_the_staff_page()
    {
        await scenario.SeedOtherCohortAsync();
        var stranger = await scenario.PersonAsync("autre.responsable@cohorts.test", Roles.ProgramManager, "Alice", "Ailleurs");
        var otherProgram = await app.WithDbAsync(db => db.Programs.Where(p => p.Slug == "data-ia-decideurs").Select(p => p.Id).SingleAsync());
        await app.AssignAsync(otherProgram, stranger.Id);
        var client = await scenario.SignInAsync(stranger.Email);

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(Page)).StatusCode);
        var post = await Forms.PostAsync(client, $"{Page}?handler=Add", new Dictionary<string, string>
            { ["CoachId"] = scenario.Coach.Id, ["MaxCoachees"] = "3" }, tokenFrom: "/");
        Assert.Equal(HttpStatusCode.NotFound, post.StatusCode);
        var coach = await scenario.SignInAsync(SessionScenario.CoachEmail);
        var answer = await coach.GetAsync(Page);
        Assert.NotEqual(HttpStatusCode.OK, answer.StatusCode);
        Assert.Equal(0, await app.WithDbAsync(db => db.CohortCoaches.CountAsync()));
    }
}

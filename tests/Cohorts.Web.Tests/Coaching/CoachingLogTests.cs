using System.Net;
using Cohorts.Domain.Sessions;
using Cohorts.Web.Identity;
using Cohorts.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Cohorts.Web.Tests.Coaching;

/// <summary>
/// The coaching log: written by the session's coach once it has ended; staff see that it exists and its hours; its
/// private notes (and its summary, the participant's) appear on no page anyone else can open.
/// </summary>
[Collection(AppFixtureGroup.Name)]
public sealed class CoachingLogTests(CohortsApp app) : IAsyncLifetime
{
    private const string NotesMarker = "NOTE-PRIVEE-7f3a";
    private const string SummaryMarker = "SYNTHESE-PARTAGEE-91c2";

    private SessionScenario scenario = null!;
    private Session held = null!;

    public async Task InitializeAsync()
    {
        await app.ResetAsync();
        scenario = await new SessionScenario(app).SeedAsync(participants: 3);
        await scenario.PairAsync(scenario.Coach, [scenario.Participants[0]]);
        await scenario.PairAsync(scenario.OtherCoach, [scenario.Participants[1]]);
        held = await scenario.SessionAsync(SessionKind.Coaching, scenario.At(-1, 10), scenario.At(-1, 11, 30), participantIds: [scenario.Participants[0].Id],
            title: "Bilan de mi-parcours");
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private static string LogPage(Guid id) => $"/accompagnement/seances/{id}/compte-rendu";

    private Dictionary<string, string> Fields(string notes = NotesMarker) => new()
    {
        ["Input.HeldOn"] = Domain.ParisTime.Today(app.Clock.GetUtcNow()).AddDays(-1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        ["Input.DurationMinutes"] = "75", ["Input.Mode"] = "Video", ["Input.Topics"] = "Projet, posture",
        ["Input.SharedSummary"] = $"Bonne progression. {SummaryMarker}", ["Input.PrivateNotes"] = notes,
    };

    private Task<int> LogsAsync() => app.WithDbAsync(db => db.CoachingLogs.CountAsync());

    [Fact]
    public async Task The_coach_logs_an_ended_session_then_edits_it_and_staff_see_that_it_exists_and_its_hours()
    {
        var coach = await scenario.SignInAsync(SessionScenario.CoachEmail);
        var form = await Forms.ReadAsync(coach, LogPage(held.Id));
        Assert.Contains("value=\"90\"", form, StringComparison.Ordinal);

        var saved = await Forms.PostAsync(coach, LogPage(held.Id), Fields());
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var log = await app.WithDbAsync(db => db.CoachingLogs.SingleAsync());
        Assert.Equal((held.Id, scenario.Coach.Id, 75, CoachingMode.Video, NotesMarker), (log.SessionId, log.CoachId, log.DurationMinutes, log.Mode, log.PrivateNotes));

        var again = await Forms.ReadAsync(coach, LogPage(held.Id));
        Assert.Contains(NotesMarker, again, StringComparison.Ordinal);
        var edited = await Forms.PostAsync(coach, LogPage(held.Id), new Dictionary<string, string>(Fields("Revu.")) { ["Input.Version"] = log.Version.ToString(System.Globalization.CultureInfo.InvariantCulture), ["Input.DurationMinutes"] = "60" });
        Assert.Equal(HttpStatusCode.Redirect, edited.StatusCode);
        var revised = await app.WithDbAsync(db => db.CoachingLogs.AsNoTracking().SingleAsync());
        Assert.Equal((60, "Revu."), (revised.DurationMinutes, revised.PrivateNotes));

        var staff = await scenario.SignInAsync(SessionScenario.ManagerEmail);
        var page = await Forms.ReadAsync(staff, $"/gestion/promotions/{scenario.CohortId}/coachs");
        Assert.Contains("Rédigé</span> 1 h", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_log_before_the_session_ended_is_refused_with_a_message_and_nothing_saved()
    {
        var upcoming = await scenario.SessionAsync(SessionKind.Coaching, scenario.At(2, 10), scenario.At(2, 11), participantIds: [scenario.Participants[0].Id]);
        var coach = await scenario.SignInAsync(SessionScenario.CoachEmail);

        Assert.Contains("La séance n'est pas encore terminée", await Forms.ReadAsync(coach, LogPage(upcoming.Id)), StringComparison.Ordinal);
        var refused = await Forms.PostAsync(coach, LogPage(upcoming.Id), Fields(), tokenFrom: "/accompagnement");
        Assert.Contains("La séance n'est pas encore terminée : le compte rendu se rédige après.", WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync()),
            StringComparison.Ordinal);
        Assert.Equal(0, await LogsAsync());
    }

    [Fact]
    public async Task A_coach_who_is_not_the_sessions_cannot_open_nor_write_its_log()
    {
        var other = await scenario.SignInAsync(SessionScenario.OtherCoachEmail);

        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync(LogPage(held.Id))).StatusCode);
        var post = await Forms.PostAsync(other, LogPage(held.Id), Fields(), tokenFrom: "/accompagnement");
        Assert.Equal(HttpStatusCode.NotFound, post.StatusCode);
        Assert.Equal(0, await LogsAsync());
    }

    [Fact]
    public async Task The_private_notes_appear_on_no_page_staff_the_participant_or_another_coach_can_open()
    {
        var coach = await scenario.SignInAsync(SessionScenario.CoachEmail);
        Assert.Equal(HttpStatusCode.Redirect, (await Forms.PostAsync(coach, LogPage(held.Id), Fields())).StatusCode);
        var admin = await scenario.PersonAsync("admin@cohorts.test", Roles.Admin, "Ada", "Admin");

        var readers = new (string Email, string[] Pages)[]
        {
            (SessionScenario.ManagerEmail, [$"/gestion/promotions/{scenario.CohortId}/coachs", "/gestion", "/gestion/courriels"]),
            (admin.Email, [$"/gestion/promotions/{scenario.CohortId}/coachs", "/gestion/courriels"]),
            (SessionScenario.OtherCoachEmail, ["/accompagnement", $"/accompagnement/seances/{held.Id}", LogPage(held.Id), "/accompagnement/seances/nouvelle"]),
            (SessionScenario.FacilitatorEmail, ["/accompagnement", LogPage(held.Id)]),
            (scenario.Participants[0].Email, ["/accompagnement", $"/accompagnement/seances/{held.Id}", LogPage(held.Id), "/candidatures", "/"]),
        };
        var opened = 0;
        foreach (var (email, pages) in readers)
        {
            var client = await scenario.SignInAsync(email);
            foreach (var page in pages)
            {
                var response = await client.GetAsync(page);
                var body = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
                if (response.StatusCode == HttpStatusCode.OK) opened++;
                Assert.DoesNotContain(NotesMarker, body, StringComparison.Ordinal);
                Assert.DoesNotContain(SummaryMarker, body, StringComparison.Ordinal);
            }
        }
        // The pages staff and the other coach can open were opened (a test of error pages only would prove nothing).
        Assert.True(opened >= 7, $"only {opened} pages opened");
        Assert.Contains(NotesMarker, await Forms.ReadAsync(coach, LogPage(held.Id)), StringComparison.Ordinal);
    }
}

using System.Globalization;
using System.Net;
using Cohorts.Domain.Sessions;
using Cohorts.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Cohorts.Web.Tests.Hosting;

/// <summary>The coaching forms: the staff's coaches page, and the coach's sessions and logs.</summary>
public sealed partial class EveryFormTests
{
    private async Task<(SessionScenario Scenario, HttpClient Client)> CoachingAsync(string email)
    {
        var scenario = await new SessionScenario(app).SeedAsync(participants: 2);
        return (scenario, await scenario.SignInAsync(email));
    }

    /// <summary>The staff's coaches page: taking a coach on (undone before each post), a limit, pairing (undone), unpairing (redone).</summary>
    private async Task<Target> CoachesAsync(string handler)
    {
        var (scenario, staff) = await CoachingAsync(SessionScenario.ManagerEmail);
        var page = $"/gestion/promotions/{scenario.CohortId}/coachs";
        var camille = scenario.Participants[0];
        if (handler != "Add") await scenario.PairAsync(scenario.Coach, handler == "Unpair" ? [camille] : [], maxCoachees: 4);
        var (fields, restore) = handler switch
        {
            "Add" => (new Dictionary<string, string> { ["CoachId"] = scenario.Coach.Id, ["MaxCoachees"] = "3" },
                (Func<Target, Task>)(_ => app.WithDbAsync(db => db.CohortCoaches.ExecuteDeleteAsync()))),
            "Capacity" => (new() { ["CoachId"] = scenario.Coach.Id, ["MaxCoachees"] = "5" }, null),
            "Pair" => (new() { ["Coach"] = scenario.Coach.Id, ["Participant"] = camille.Id }, _ => app.WithDbAsync(db => db.CoachPairings.ExecuteDeleteAsync())),
            _ => (new() { ["ParticipantId"] = camille.Id }, async _ =>
            {
                if (!await app.WithDbAsync(db => db.CoachPairings.AnyAsync())) await scenario.PairAsync(scenario.Coach, [camille]);
            }),
        };
        return new Target(staff, $"{page}?handler={handler}", page, fields) { BeforeEachPost = restore };
    }

    private static Dictionary<string, string> CoachingSessionFields(SessionScenario scenario, DateOnly day) => new()
    {
        ["Input.Title"] = "Point d'étape", ["Input.Day"] = day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), ["Input.StartsAt"] = "14:00",
        ["Input.EndsAt"] = "15:00", ["Input.Place"] = "", ["Input.VideoLink"] = "https://visio.numerique.gouv.fr/point", ["Input.Hours"] = "1",
        ["Input.Mandatory"] = "true", ["Input.Description"] = "", ["Input.Participants"] = scenario.Participants[0].Id,
    };

    /// <summary>A coach plans a session with their coachee (the sessions planned are deleted before each post).</summary>
    private async Task<Target> CoachPlansAsync()
    {
        var (scenario, coach) = await CoachingAsync(SessionScenario.CoachEmail);
        await scenario.PairAsync(scenario.Coach, [scenario.Participants[0]]);
        var page = "/accompagnement/seances/nouvelle";
        return new Target(coach, $"{page}?promotion={scenario.CohortId}", page,
            CoachingSessionFields(scenario, Domain.ParisTime.Today(app.Clock.GetUtcNow()).AddDays(3)))
        {
            BeforeEachPost = _ => app.WithDbAsync(db => db.Sessions.ExecuteDeleteAsync()),
        };
    }

    /// <summary>A coach changes or cancels their session to come (put back as planned before each post).</summary>
    private async Task<Target> CoachChangesAsync(string? handler)
    {
        var (scenario, coach) = await CoachingAsync(SessionScenario.CoachEmail);
        await scenario.PairAsync(scenario.Coach, [scenario.Participants[0]]);
        var session = await scenario.SessionAsync(SessionKind.Coaching, scenario.At(3, 14), scenario.At(3, 15), participantIds: [scenario.Participants[0].Id]);
        var page = $"/accompagnement/seances/{session.Id}";
        Task Restore() => app.WithDbAsync(async db =>
        {
            await db.Database.ExecuteSqlAsync($"UPDATE sessions SET cancelled_at = NULL, cancel_reason = NULL, starts_at = {scenario.At(3, 14)}, ends_at = {scenario.At(3, 15)} WHERE id = {session.Id}");
            return await db.Database.ExecuteSqlAsync($"UPDATE session_bookings SET active = TRUE, starts_at = {scenario.At(3, 14)}, ends_at = {scenario.At(3, 15)} WHERE session_id = {session.Id}");
        });
        return handler is null
            ? new Target(coach, page, page, CoachingSessionFields(scenario, Domain.ParisTime.Today(app.Clock.GetUtcNow()).AddDays(3))) { BeforeEachPost = _ => Restore() }
            : new Target(coach, $"{page}?handler={handler}", page, new() { ["Reason"] = "Empêchement" }) { BeforeEachPost = _ => Restore() };
    }

    /// <summary>A coach logs their ended session (the log is deleted before each post, so that each one writes it).</summary>
    private async Task<Target> CoachLogsAsync()
    {
        var (scenario, coach) = await CoachingAsync(SessionScenario.CoachEmail);
        await scenario.PairAsync(scenario.Coach, [scenario.Participants[0]]);
        var session = await scenario.SessionAsync(SessionKind.Coaching, scenario.At(-1, 14), scenario.At(-1, 15), participantIds: [scenario.Participants[0].Id]);
        var page = $"/accompagnement/seances/{session.Id}/compte-rendu";
        return new Target(coach, page, page, new()
        {
            ["Input.HeldOn"] = Domain.ParisTime.Today(app.Clock.GetUtcNow()).AddDays(-1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["Input.DurationMinutes"] = "60", ["Input.Mode"] = "Video", ["Input.Topics"] = "Projet", ["Input.SharedSummary"] = "Bonne séance.",
            ["Input.PrivateNotes"] = "À suivre.", ["Input.Version"] = "",
        })
        {
            BeforeEachPost = _ => app.WithDbAsync(db => db.CoachingLogs.ExecuteDeleteAsync()),
        };
    }

    [Fact]
    public async Task Every_corpus_value_in_the_cohort_parameter_of_the_coach_planning_page_is_answered_without_a_server_error()
    {
        var (scenario, coach) = await CoachingAsync(SessionScenario.CoachEmail);
        await scenario.PairAsync(scenario.Coach, [scenario.Participants[0]]);
        var values = BadInput.Strings.Select(v => (v.Name, v.Text)).Concat([("négatif", "-1"), ("zéro", "0"), ("énorme", "99999999999999999999")]);
        foreach (var (name, text) in values)
        {
            using var response = await coach.GetAsync($"/accompagnement/seances/nouvelle?promotion={Uri.EscapeDataString(text)}");
            var body = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
            // A cohort the coach does not accompany does not exist for them; anything else shows the form of their only cohort.
            Assert.True(response.StatusCode is HttpStatusCode.OK or HttpStatusCode.NotFound, $"promotion = {name}: HTTP {(int)response.StatusCode}");
            Assert.False(Trace().IsMatch(body), $"promotion = {name}: the page shows a stack trace");
            Assert.False(English().IsMatch(body), $"promotion = {name}: an English message: {English().Match(body).Value}");
        }
    }
}

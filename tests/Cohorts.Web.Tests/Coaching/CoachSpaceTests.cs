using System.Net;
using Cohorts.Domain.Sessions;
using Cohorts.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Cohorts.Web.Tests.Coaching;

/// <summary>« Mon accompagnement »: a coach's cohorts, coachees and sessions, and the coaching sessions they plan, change and cancel.</summary>
[Collection(AppFixtureGroup.Name)]
public sealed class CoachSpaceTests(CohortsApp app) : IAsyncLifetime
{
    private SessionScenario scenario = null!;

    public async Task InitializeAsync()
    {
        await app.ResetAsync();
        scenario = await new SessionScenario(app).SeedAsync(participants: 4);
        await scenario.PairAsync(scenario.Coach, [scenario.Participants[0], scenario.Participants[1]]);
        await scenario.PairAsync(scenario.OtherCoach, [scenario.Participants[2]]);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private const string NewPage = "/accompagnement/seances/nouvelle";

    private Dictionary<string, string> Fields(int days, string start, string end)
    {
        var day = Domain.ParisTime.Today(app.Clock.GetUtcNow()).AddDays(days);
        var fields = new Dictionary<string, string>
        {
            ["Input.Title"] = "Point d'étape", ["Input.Day"] = day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), ["Input.StartsAt"] = start, ["Input.EndsAt"] = end,
            ["Input.VideoLink"] = "https://visio.numerique.gouv.fr/point", ["Input.Mandatory"] = "true",
        };
        return fields;
    }

    private static FormUrlEncodedContent WithParticipants(Dictionary<string, string> fields, string token, params SessionScenario.SeededPerson[] participants) =>
        new(fields.Concat(participants.Select(p => new KeyValuePair<string, string>("Input.Participants", p.Id)))
            .Append(new("__RequestVerificationToken", token)));

    private static async Task<HttpResponseMessage> PlanAsync(HttpClient client, string url, Dictionary<string, string> fields, params SessionScenario.SeededPerson[] participants)
    {
        var page = await client.GetStringAsync(url);
        var token = WebUtility.HtmlDecode(System.Text.RegularExpressions.Regex.Match(page, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value);
        return await client.PostAsync(url, WithParticipants(fields, token, participants));
    }

    private static async Task<string> ReadAsync(HttpResponseMessage response) => WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

    [Fact]
    public async Task The_coach_sees_their_cohort_their_coachees_and_the_sessions_they_lead_with_logs_to_write_flagged_and_nobody_elses()
    {
        var mine = await scenario.SessionAsync(SessionKind.Coaching, scenario.At(-2, 10), scenario.At(-2, 11), participantIds: [scenario.Participants[0].Id],
            title: "Bilan de départ");
        await scenario.SessionAsync(SessionKind.InPerson, scenario.At(4, 9, 30), scenario.At(4, 12), leadId: scenario.Coach.Id, title: "Atelier posture");
        await scenario.SessionAsync(SessionKind.Coaching, scenario.At(-2, 10), scenario.At(-2, 11), leadId: scenario.OtherCoach.Id,
            participantIds: [scenario.Participants[2].Id], title: "Séance d'Inès");
        var coach = await scenario.SignInAsync(SessionScenario.CoachEmail);

        var page = await Forms.ReadAsync(coach, "/accompagnement");

        Assert.Contains("<h1>Mon accompagnement</h1>", page, StringComparison.Ordinal);
        Assert.Contains("Mes coachés : 2 sur 4", page, StringComparison.Ordinal);
        Assert.Contains(scenario.Participants[0].Name, page, StringComparison.Ordinal);
        Assert.Contains(scenario.Participants[1].Name, page, StringComparison.Ordinal);
        Assert.DoesNotContain(scenario.Participants[2].Name, page, StringComparison.Ordinal);
        Assert.DoesNotContain("Séance d'Inès", page, StringComparison.Ordinal);
        Assert.Contains("Atelier posture", page, StringComparison.Ordinal);
        Assert.Contains("de 09:30 à 12:00", page, StringComparison.Ordinal);
        Assert.Contains("1 compte rendu à rédiger", page, StringComparison.Ordinal);
        Assert.Contains($"href=\"/accompagnement/seances/{mine.Id}/compte-rendu\">Bilan de départ</a>", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_coach_plans_a_session_with_their_coachee_who_is_emailed_at_the_Paris_time_with_the_calendar_event()
    {
        var coach = await scenario.SignInAsync(SessionScenario.CoachEmail);
        var camille = scenario.Participants[0];

        var response = await PlanAsync(coach, NewPage, Fields(3, "09:30", "10:30"), camille);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var session = await app.WithDbAsync(db => db.Sessions.Include(s => s.Participants).SingleAsync());
        Assert.Equal((SessionKind.Coaching, scenario.Coach.Id, scenario.At(3, 9, 30), 1m), (session.Kind, session.LeadId, session.StartsAt, session.Hours));
        Assert.Equal([camille.Id], session.ParticipantIds);
        var email = await app.Mailbox.WaitForAsync(camille.Email, "Séance d'accompagnement le");
        Assert.Contains("de 09:30 à 10:30", email.TextBody, StringComparison.Ordinal);
        Assert.Contains("Hugo Coach", email.TextBody, StringComparison.Ordinal);
        Assert.Contains(email.Attachments, a => a.ContentType.MimeType == "text/calendar");
        Assert.Contains("Point d'étape", await Forms.ReadAsync(coach, $"/accompagnement/seances/{session.Id}"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Planning_with_another_coachs_coachee_or_over_a_clash_is_refused_with_a_message_and_nothing_saved()
    {
        var coach = await scenario.SignInAsync(SessionScenario.CoachEmail);

        var stranger = await ReadAsync(await PlanAsync(coach, NewPage, Fields(3, "14:00", "15:00"), scenario.Participants[2]));
        Assert.Contains($"Ce coach n'accompagne pas {scenario.Participants[2].Name}", stranger, StringComparison.Ordinal);
        Assert.Contains("value=\"Point d'étape\"", stranger, StringComparison.Ordinal);

        await scenario.SessionAsync(SessionKind.InPerson, scenario.At(5, 9), scenario.At(5, 12), title: "Matinée cloud");
        var clash = await ReadAsync(await PlanAsync(coach, NewPage, Fields(5, "11:00", "12:00"), scenario.Participants[0]));
        Assert.Contains($"{scenario.Participants[0].Name} a déjà « Matinée cloud »", clash, StringComparison.Ordinal);

        var backwards = await ReadAsync(await PlanAsync(coach, NewPage, Fields(6, "12:00", "11:00"), scenario.Participants[0]));
        Assert.Contains("La séance doit finir après son début.", backwards, StringComparison.Ordinal);

        Assert.Equal(0, await app.WithDbAsync(db => db.Sessions.CountAsync(s => s.Kind == SessionKind.Coaching)));
        Assert.Equal(0, await app.WithDbAsync(db => db.OutboxMessages.CountAsync(m => m.Kind == "coaching-planned")));
    }

    [Fact]
    public async Task A_coach_changes_then_cancels_their_session_and_its_participants_are_told_each_time()
    {
        var camille = scenario.Participants[0];
        var session = await scenario.SessionAsync(SessionKind.Coaching, scenario.At(3, 14), scenario.At(3, 15), participantIds: [camille.Id], title: "Point d'étape");
        var coach = await scenario.SignInAsync(SessionScenario.CoachEmail);
        var page = $"/accompagnement/seances/{session.Id}";

        var changed = await PlanAsync(coach, page, Fields(3, "16:00", "17:00"), camille, scenario.Participants[1]);
        Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);
        var moved = await app.Mailbox.WaitForAsync(camille.Email, "Séance modifiée : « Point d'étape »");
        Assert.Contains("de 16:00 à 17:00", moved.TextBody, StringComparison.Ordinal);
        await app.Mailbox.WaitForAsync(scenario.Participants[1].Email, "Séance modifiée : « Point d'étape »");
        var saved = await app.WithDbAsync(db => db.Sessions.SingleAsync(s => s.Id == session.Id));
        Assert.Equal((scenario.At(3, 16), 1), (saved.StartsAt, saved.Sequence));

        var cancelled = await Forms.PostAsync(coach, $"{page}?handler=Cancel", new Dictionary<string, string> { ["Reason"] = "Coach malade" }, tokenFrom: page);
        Assert.Equal(HttpStatusCode.Redirect, cancelled.StatusCode);
        var told = await app.Mailbox.WaitForAsync(camille.Email, "Séance annulée : « Point d'étape »");
        Assert.Contains("Coach malade", told.TextBody, StringComparison.Ordinal);
        Assert.True(await app.WithDbAsync(db => db.Sessions.AnyAsync(s => s.Id == session.Id && s.CancelledAt != null)));
    }

    [Fact]
    public async Task Another_coachs_session_and_a_session_they_do_not_lead_are_404_and_stay_unchanged()
    {
        var theirs = await scenario.SessionAsync(SessionKind.Coaching, scenario.At(3, 14), scenario.At(3, 15), leadId: scenario.OtherCoach.Id,
            participantIds: [scenario.Participants[2].Id], title: "Séance d'Inès");
        var cohortDay = await scenario.SessionAsync(SessionKind.InPerson, scenario.At(4, 9), scenario.At(4, 12), title: "Journée");
        var coach = await scenario.SignInAsync(SessionScenario.CoachEmail);

        Assert.Equal(HttpStatusCode.NotFound, (await coach.GetAsync($"/accompagnement/seances/{theirs.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await coach.GetAsync($"/accompagnement/seances/{cohortDay.Id}")).StatusCode);
        var cancel = await Forms.PostAsync(coach, $"/accompagnement/seances/{theirs.Id}?handler=Cancel", new Dictionary<string, string> { ["Reason"] = "x" },
            tokenFrom: "/accompagnement");
        Assert.Equal(HttpStatusCode.NotFound, cancel.StatusCode);
        Assert.False(await app.WithDbAsync(db => db.Sessions.AnyAsync(s => s.CancelledAt != null)));
        Assert.Equal(HttpStatusCode.NotFound, (await coach.GetAsync($"{NewPage}?promotion={(await scenario.SeedOtherCohortAsync()).CohortId}")).StatusCode);
    }
}

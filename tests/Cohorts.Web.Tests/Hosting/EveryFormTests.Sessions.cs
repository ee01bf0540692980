using Cohorts.Domain;
using Cohorts.Domain.Sessions;
using Cohorts.Web.Sessions;
using Cohorts.Web.Tests.Sessions;
using Cohorts.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Cohorts.Web.Tests.Hosting;

/// <summary>The staff session forms: plan, change one, change a series, cancel.</summary>
public sealed partial class EveryFormTests
{
    private static readonly int[] SeriesDays = [3, 10];

    /// <summary>Planning a session: each post starts from a calendar without sessions.</summary>
    private async Task<Target> SessionCreateAsync()
    {
        var scenario = await new SessionScenario(app).SeedAsync(participants: 2);
        var manager = await scenario.SignInAsync(SessionScenario.ManagerEmail);
        var url = $"/gestion/promotions/{scenario.CohortId}/seances/nouvelle";
        var fields = SessionForms.Fields("InPerson", "Atelier", ParisTime.Today(app.Clock.GetUtcNow()).AddDays(3), "09:30", "12:00", scenario.Facilitator.Id);
        fields["Input.Participants"] = "";
        return new Target(manager, url, url, fields) { BeforeEachPost = _ => app.WithDbAsync(db => db.Sessions.ExecuteDeleteAsync()) };
    }

    /// <summary>Changing one session (it stays one the posts can change).</summary>
    private async Task<Target> SessionEditAsync()
    {
        var scenario = await new SessionScenario(app).SeedAsync(participants: 2);
        var session = await scenario.SessionAsync(SessionKind.InPerson, scenario.At(3, 9), scenario.At(3, 12));
        var manager = await scenario.SignInAsync(SessionScenario.ManagerEmail);
        var url = $"/gestion/seances/{session.Id}/modifier";
        var fields = SessionForms.Fields("InPerson", "Atelier", ParisTime.Today(app.Clock.GetUtcNow()).AddDays(3), "09:30", "12:00", scenario.Facilitator.Id);
        foreach (var notOnTheForm in new[] { "Input.Participants", "Repeat.Mode", "Repeat.Weeks", "Repeat.Until" }) fields.Remove(notOnTheForm);
        return new Target(manager, url, url, fields);
    }

    /// <summary>A series of two occurrences to come, planned as the creation page does.</summary>
    private async Task<(SessionScenario Scenario, Guid SeriesId, Guid FirstId)> SeriesAsync()
    {
        var scenario = await new SessionScenario(app).SeedAsync(participants: 2);
        var seriesId = Guid.CreateVersion7();
        var first = await app.WithDbAsync(async db =>
        {
            var cohort = await db.Cohorts.SingleAsync(c => c.Id == scenario.CohortId);
            var sessions = SeriesDays.Select(day => Session.Plan(cohort.Id, new SessionDetails(SessionKind.Remote, "Classe", scenario.At(day, 14),
                scenario.At(day, 16), true, 2, scenario.OtherCoach.Id, VideoLink: "https://visio.example/classe"), SessionWindow.Of(cohort),
                app.Clock.GetUtcNow(), seriesId)).ToList();
            db.Sessions.AddRange(sessions);
            Assert.Empty(await SessionStore.SaveAsync(db, sessions, CancellationToken.None));
            return sessions[0].Id;
        });
        return (scenario, seriesId, first);
    }

    private async Task<Target> SeriesEditAsync()
    {
        var (scenario, seriesId, _) = await SeriesAsync();
        var manager = await scenario.SignInAsync(SessionScenario.ManagerEmail);
        var url = $"/gestion/series/{seriesId}/modifier";
        var fields = SessionForms.Fields("Remote", "Classe", ParisTime.Today(app.Clock.GetUtcNow()), "15:00", "17:00", scenario.OtherCoach.Id, place: "",
            videoLink: "https://visio.example/classe");
        foreach (var notOnTheForm in new[] { "Input.Date", "Input.Participants", "Repeat.Mode", "Repeat.Weeks", "Repeat.Until" }) fields.Remove(notOnTheForm);
        return new Target(manager, url, url, fields);
    }

    /// <summary>Cancelling the first occurrence (or the rest of its series): each post finds them all held again.</summary>
    private async Task<Target> SessionCancelAsync()
    {
        var (scenario, _, first) = await SeriesAsync();
        var manager = await scenario.SignInAsync(SessionScenario.ManagerEmail);
        var url = $"/gestion/seances/{first}/annuler";
        return new Target(manager, url, url, new() { ["Input.Reason"] = "Intervenant absent.", ["Input.Scope"] = "One" })
        {
            BeforeEachPost = _ => app.WithDbAsync(async db =>
                await db.Database.ExecuteSqlRawAsync("UPDATE sessions SET cancelled_at = NULL, cancel_reason = NULL")
                + await db.Database.ExecuteSqlRawAsync("UPDATE session_bookings SET active = true")),
        };
    }
}

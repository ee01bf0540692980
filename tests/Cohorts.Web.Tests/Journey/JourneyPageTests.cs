using System.Net;
using System.Text.RegularExpressions;
using Cohorts.Domain;
using Cohorts.Domain.Sessions;
using Cohorts.Web.Identity;
using Cohorts.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Cohorts.Web.Tests.Journey;

/// <summary>« Mon parcours »: a participant's sessions, attendance, hours and coaching summaries, and nothing of anyone else's.</summary>
[Collection(AppFixtureGroup.Name)]
public sealed class JourneyPageTests(CohortsApp app) : IAsyncLifetime
{
    private const string PrivateNotes = "NOTE-PRIVEE-DU-COACH-7f3a";
    private const string SharedSummary = "SYNTHESE-PARTAGEE-AVEC-CAMILLE";
    private const string OthersSummary = "SYNTHESE-DE-L-AUTRE-PARTICIPANT";
    private const string OthersCoaching = "Accompagnement confidentiel d'un autre participant";
    private const string OtherCohortSession = "Séance d'une autre promotion";
    private SessionScenario scenario = null!;

    public async Task InitializeAsync()
    {
        await app.ResetAsync();
        scenario = await new SessionScenario(app).SeedAsync(participants: 3);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    /// <summary>The element of the page with this id, up to its closing tag (tables, sections).</summary>
    internal static string Element(string page, string tag, string id) =>
        Regex.Match(page, $"<{tag}[^>]*id=\"{Regex.Escape(id)}\".*?</{tag}>", RegexOptions.Singleline).Value;

    internal static Task<CoachingLog> LogAsync(CohortsApp app, Session session, string coachId, int minutes, string summary, string notes) =>
        app.WithDbAsync(async db =>
        {
            var stored = await db.Sessions.Include(s => s.Participants).SingleAsync(s => s.Id == session.Id);
            var now = app.Clock.GetUtcNow();
            var log = CoachingLog.Write(stored, coachId, ParisTime.Today(now).AddDays(-2), minutes, CoachingMode.Video, "Posture de conseil",
                summary, notes, now);
            db.CoachingLogs.Add(log);
            await db.SaveChangesAsync();
            return log;
        });

    [Fact]
    public async Task The_participant_sees_places_links_attendance_hours_over_the_whole_cohort_and_the_summaries_shared_with_them()
    {
        var (camille, other) = (scenario.Participants[0], scenario.Participants[1]);
        await scenario.PairAsync(scenario.Coach, [camille, other]);
        var held = await scenario.SessionAsync(SessionKind.InPerson, scenario.At(-3, 9), scenario.At(-3, 12), title: "Atelier stratégie numérique");
        var remote = await scenario.SessionAsync(SessionKind.Remote, scenario.At(4, 14), scenario.At(4, 17), title: "Classe à distance : la donnée");
        await scenario.SessionAsync(SessionKind.InPerson, scenario.At(6, 9, 30), scenario.At(6, 12, 30), title: "Journée à Ségur");
        var coaching = await scenario.SessionAsync(SessionKind.Coaching, scenario.At(-2, 10), scenario.At(-2, 11), participantIds: [camille.Id],
            title: "Premier accompagnement");
        var othersCoaching = await scenario.SessionAsync(SessionKind.Coaching, scenario.At(-2, 14), scenario.At(-2, 15), participantIds: [other.Id],
            title: OthersCoaching);
        var (otherCohort, _) = await scenario.SeedOtherCohortAsync();
        await scenario.SessionAsync(SessionKind.InPerson, scenario.At(5, 9), scenario.At(5, 12), leadId: scenario.OtherCoach.Id, title: OtherCohortSession,
            cohortId: otherCohort);
        await scenario.MarkAsync(held.Id, camille, AttendanceStatus.Late);
        await scenario.MarkAsync(coaching.Id, camille, AttendanceStatus.Present);
        await LogAsync(app, coaching, scenario.Coach.Id, 75, SharedSummary + "\nDeuxième paragraphe.", PrivateNotes);
        await LogAsync(app, othersCoaching, scenario.Coach.Id, 60, OthersSummary, PrivateNotes + "-autre");

        var page = await Forms.ReadAsync(await scenario.SignInAsync(camille.Email), "/parcours");

        var upcoming = Element(page, "table", $"a-venir-{scenario.CohortId}");
        Assert.Contains("Classe à distance : la donnée", upcoming, StringComparison.Ordinal);
        Assert.Contains("href=\"https://visio.numerique.gouv.fr/seance\"", upcoming, StringComparison.Ordinal);
        Assert.Contains("Journée à Ségur", upcoming, StringComparison.Ordinal);
        Assert.Contains("Campus du numérique, salle B12, 20 avenue de Ségur, Paris", upcoming, StringComparison.Ordinal);
        Assert.Contains("de 09:30 à 12:30", upcoming, StringComparison.Ordinal);
        Assert.Contains("Claire Animatrice", upcoming, StringComparison.Ordinal);
        var past = Element(page, "table", $"passees-{scenario.CohortId}");
        Assert.Matches(new Regex("Atelier stratégie numérique.*?En retard", RegexOptions.Singleline), past);
        Assert.Matches(new Regex("Premier accompagnement.*?Présent", RegexOptions.Singleline), past);
        Assert.Contains($"href=\"/parcours/seances/{held.Id}/avis\"", past, StringComparison.Ordinal);
        Assert.DoesNotContain(remote.Id.ToString(), past, StringComparison.Ordinal);
        // 3 + 3 + 3 h of the cohort and 1 h of their coaching planned as mandatory; 3 (late counts) + 1 attended.
        var hours = Element(page, "div", $"heures-{scenario.CohortId}");
        Assert.Contains("Heures obligatoires suivies : 4 h sur 10 h prévues pour toute la promotion", Regex.Replace(hours, "<[^>]+>|\\s+", m => m.Value.StartsWith('<') ? "" : " "),
            StringComparison.Ordinal);
        Assert.Contains("<strong>40 %</strong>", hours, StringComparison.Ordinal);
        Assert.Contains("Pour l'instant en dessous du seuil", hours, StringComparison.Ordinal);
        Assert.Contains("le seuil de présence du programme est de 80 %", hours, StringComparison.Ordinal);
        Assert.Contains("<strong>1,25 h</strong>", hours, StringComparison.Ordinal);
        Assert.Contains(SharedSummary, page, StringComparison.Ordinal);
        Assert.Contains("1 h 15, en visioconférence, avec Hugo Coach", page, StringComparison.Ordinal);
        Assert.DoesNotContain(PrivateNotes, page, StringComparison.Ordinal);
        Assert.DoesNotContain(OthersSummary, page, StringComparison.Ordinal);
        Assert.DoesNotContain(OthersCoaching, page, StringComparison.Ordinal);
        Assert.DoesNotContain(OtherCohortSession, page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_cancelled_session_to_come_shows_as_cancelled_with_its_reason_and_no_link()
    {
        var remote = await scenario.SessionAsync(SessionKind.Remote, scenario.At(4, 14), scenario.At(4, 17), title: "Classe annulée");
        await app.WithDbAsync(async db =>
        {
            var session = await db.Sessions.Include(s => s.Bookings).SingleAsync(s => s.Id == remote.Id);
            session.Cancel("Intervenant malade", app.Clock.GetUtcNow());
            return await db.SaveChangesAsync();
        });

        var upcoming = Element(await Forms.ReadAsync(await scenario.SignInAsync(scenario.Participants[0].Email), "/parcours"), "table",
            $"a-venir-{scenario.CohortId}");

        Assert.Contains("Annulée", upcoming, StringComparison.Ordinal);
        Assert.Contains("Intervenant malade", upcoming, StringComparison.Ordinal);
        Assert.DoesNotContain("visio.numerique.gouv.fr", upcoming, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Another_participant_sees_neither_my_coaching_session_nor_my_summary()
    {
        var (camille, other) = (scenario.Participants[0], scenario.Participants[1]);
        await scenario.PairAsync(scenario.Coach, [camille]);
        var coaching = await scenario.SessionAsync(SessionKind.Coaching, scenario.At(-2, 10), scenario.At(-2, 11), participantIds: [camille.Id],
            title: "Accompagnement de Camille");
        await LogAsync(app, coaching, scenario.Coach.Id, 60, SharedSummary, PrivateNotes);

        var page = await Forms.ReadAsync(await scenario.SignInAsync(other.Email), "/parcours");

        Assert.Contains($"id=\"promotion-{scenario.CohortId}\"", page, StringComparison.Ordinal);
        Assert.DoesNotContain("Accompagnement de Camille", page, StringComparison.Ordinal);
        Assert.DoesNotContain(SharedSummary, page, StringComparison.Ordinal);
        Assert.DoesNotContain(PrivateNotes, page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_candidate_with_no_enrollment_gets_a_friendly_page()
    {
        await scenario.SessionAsync(SessionKind.InPerson, scenario.At(2, 9), scenario.At(2, 12), title: "Journée réservée à la promotion");
        var outsider = await scenario.PersonAsync("curieuse@numerique.gouv.fr", Roles.Candidate, "Léa", "Curieuse");

        var page = await Forms.ReadAsync(await scenario.SignInAsync(outsider.Email), "/parcours");

        Assert.Contains("Votre parcours n'a pas encore commencé", page, StringComparison.Ordinal);
        Assert.Contains("href=\"/candidatures\"", page, StringComparison.Ordinal);
        Assert.DoesNotContain("Journée réservée à la promotion", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Staff_without_the_candidate_role_are_refused_the_participant_space()
    {
        var manager = await scenario.SignInAsync(SessionScenario.ManagerEmail);

        var response = await manager.GetAsync("/parcours");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/acces-refuse", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }
}

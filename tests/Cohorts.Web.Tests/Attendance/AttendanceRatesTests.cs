using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Cohorts.Domain;
using Cohorts.Domain.Sessions;
using Cohorts.Web.Identity;
using Cohorts.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Cohorts.Web.Tests.Attendance;

/// <summary>A cohort's attendance rates and their export, for its program's staff.</summary>
[Collection(AppFixtureGroup.Name)]
public sealed class AttendanceRatesTests(CohortsApp app) : IAsyncLifetime
{
    private SessionScenario scenario = null!;
    private Session held = null!;
    private Session coaching = null!;

    public async Task InitializeAsync()
    {
        await app.ResetAsync();
        scenario = await new SessionScenario(app).SeedAsync(participants: 3);
        var (camille, second, third) = (scenario.Participants[0], scenario.Participants[1], scenario.Participants[2]);
        await scenario.PairAsync(scenario.Coach, [camille]);
        held = await scenario.SessionAsync(SessionKind.InPerson, scenario.At(-3, 9, 30), scenario.At(-3, 12, 30), title: "Atelier stratégie");
        await scenario.SessionAsync(SessionKind.Remote, scenario.At(4, 14), scenario.At(4, 15), title: "Classe à distance");
        var optional = await scenario.SessionAsync(SessionKind.Remote, scenario.At(-1, 14), scenario.At(-1, 16), mandatory: false, title: "Webinaire; facultatif");
        coaching = await scenario.SessionAsync(SessionKind.Coaching, scenario.At(-2, 10), scenario.At(-2, 11), participantIds: [camille.Id], title: "Point individuel");
        await scenario.MarkAsync(held.Id, camille, AttendanceStatus.Late);
        await scenario.MarkAsync(held.Id, second, AttendanceStatus.Present);
        await scenario.MarkAsync(held.Id, third, AttendanceStatus.Absent);
        await scenario.MarkAsync(optional.Id, third, AttendanceStatus.Present);
        await scenario.MarkAsync(coaching.Id, camille, AttendanceStatus.Present);
        await app.WithDbAsync(async db =>
        {
            var session = await db.Sessions.SingleAsync(s => s.Id == coaching.Id);
            db.CoachingLogs.Add(CoachingLog.Write(session, scenario.Coach.Id, ParisTime.Today(app.Clock.GetUtcNow()).AddDays(-2), 45, CoachingMode.Video,
                "Posture", "Résumé partagé", "Notes privées", app.Clock.GetUtcNow()));
            return await db.SaveChangesAsync();
        });
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private string Page => $"/gestion/promotions/{scenario.CohortId}/assiduite";

    /// <summary>The participants' table, one line of cells per participant, tags taken out.</summary>
    private static List<string> Lines(string page) =>
        Regex.Matches(Regex.Match(page, "<table id=\"participants\">.*?</table>", RegexOptions.Singleline).Value, "<tr[^>]*>(.*?)</tr>", RegexOptions.Singleline)
            .Skip(1).Select(m => Regex.Replace(Regex.Replace(m.Groups[1].Value, "<br />", " "), "<[^>]+>", "|"))
            .Select(line => string.Join(" | ", line.Split('|').Select(c => c.Trim()).Where(c => c.Length > 0))).ToList();

    [Fact]
    public async Task Each_participant_has_planned_and_attended_mandatory_hours_the_rate_and_coaching_hours_and_those_below_the_threshold_say_so()
    {
        var manager = await scenario.SignInAsync(SessionScenario.ManagerEmail);

        var page = await Forms.ReadAsync(manager, Page);

        Assert.Contains("Seuil d'assiduité : 80 %", page, StringComparison.Ordinal);
        var (camille, second, third) = (scenario.Participants[0], scenario.Participants[1], scenario.Participants[2]);
        // Planned: 3 h held + 1 h to come (+ 1 h of coaching for Camille); the optional webinar counts only in "all hours".
        Assert.Equal(
        [
            $"{camille.Name} | {camille.Email} | 5 h | 4 h | 80 % | 4 h | 0,75 h | Au-dessus du seuil",
            // Under it today, and the hour to come would bring them to 100 %.
            $"{second.Name} | {second.Email} | 4 h | 3 h | 75 % | 3 h | 0 h | Sous le seuil à ce jour",
            // Absent for 3 of the 4 hours: 25 % at best.
            $"{third.Name} | {third.Email} | 4 h | 0 h | 0 % | 2 h | 0 h | Seuil hors d'atteinte",
        ], Lines(page));
        Assert.Contains("2 participants sous le seuil de 80 % à ce jour ; 1 ne peut plus l'atteindre, signalé « Seuil hors d'atteinte » dans le tableau.",
            page, StringComparison.Ordinal);
        Assert.Contains($"href=\"/seances/{held.Id}/presences\"", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Staff_change_the_programs_threshold_here_and_a_wrong_value_is_refused_in_French_keeping_what_was_typed()
    {
        var manager = await scenario.SignInAsync(SessionScenario.ManagerEmail);

        foreach (var (typed, message) in new[] { ("101", "Le seuil d'assiduité est un pourcentage, de 0 à 100."), ("-5", "Le seuil d'assiduité est un pourcentage, de 0 à 100."),
                     ("quatre-vingts", "Saisissez un nombre entier, en chiffres (par exemple 12)."), ("", Pages.Attendance.RatesModel.ThresholdMissingMessage) })
        {
            var refused = await Forms.PostAndReadAsync(manager, Page, new Dictionary<string, string> { ["Threshold"] = typed });
            Assert.Contains("id=\"erreurs\"", refused, StringComparison.Ordinal);
            Assert.Contains(message, refused, StringComparison.Ordinal);
            Assert.Contains($"name=\"Threshold\"\n                   value=\"{typed}\"".Replace("\n                   ", " ", StringComparison.Ordinal),
                Regex.Replace(refused, "\\s+", " "), StringComparison.Ordinal);
        }
        Assert.Equal(80, await app.WithDbAsync(db => db.Programs.Where(p => p.Id == scenario.ProgramId).Select(p => p.AttendanceThreshold).SingleAsync()));

        var changed = await Forms.PostAndReadAsync(manager, Page, new Dictionary<string, string> { ["Threshold"] = "75" });

        Assert.Contains("Le seuil d'assiduité du programme « Conseiller en stratégie numérique » est maintenant de 75 %", changed, StringComparison.Ordinal);
        Assert.Contains("Seuil d'assiduité : 75 %", changed, StringComparison.Ordinal);
        Assert.Equal(["Au-dessus du seuil", "Au-dessus du seuil", "Seuil hors d'atteinte"], Lines(changed).Select(l => l.Split(" | ")[^1]));
        Assert.Equal(75, await app.WithDbAsync(db => db.Programs.Where(p => p.Id == scenario.ProgramId).Select(p => p.AttendanceThreshold).SingleAsync()));
    }

    [Fact]
    public async Task The_export_is_UTF8_with_a_BOM_and_semicolons_one_line_per_participant_and_session_in_Paris_time()
    {
        var manager = await scenario.SignInAsync(SessionScenario.ManagerEmail);

        using var response = await manager.GetAsync($"{Page}/export");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);
        var lines = Encoding.UTF8.GetString(bytes[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("Participant;Courriel;Séance;Type;Date (heure de Paris);Obligatoire;Heures;Présence", lines[0]);
        var (camille, second, third) = (scenario.Participants[0], scenario.Participants[1], scenario.Participants[2]);
        string Day(int days, string time) => $"{ParisTime.Today(app.Clock.GetUtcNow()).AddDays(days):dd/MM/yyyy} {time}";
        Assert.Equal(
        [
            $"{camille.Name};{camille.Email};Atelier stratégie;Présentiel;{Day(-3, "09:30")};oui;3;En retard",
            $"{camille.Name};{camille.Email};Point individuel;Accompagnement;{Day(-2, "10:00")};oui;1;Présent",
            $"{camille.Name};{camille.Email};\"Webinaire; facultatif\";Distanciel;{Day(-1, "14:00")};non;2;Non noté",
            $"{camille.Name};{camille.Email};Classe à distance;Distanciel;{Day(4, "14:00")};oui;1;À venir",
            $"{second.Name};{second.Email};Atelier stratégie;Présentiel;{Day(-3, "09:30")};oui;3;Présent",
            $"{second.Name};{second.Email};\"Webinaire; facultatif\";Distanciel;{Day(-1, "14:00")};non;2;Non noté",
            $"{second.Name};{second.Email};Classe à distance;Distanciel;{Day(4, "14:00")};oui;1;À venir",
            $"{third.Name};{third.Email};Atelier stratégie;Présentiel;{Day(-3, "09:30")};oui;3;Absent",
            $"{third.Name};{third.Email};\"Webinaire; facultatif\";Distanciel;{Day(-1, "14:00")};non;2;Présent",
            $"{third.Name};{third.Email};Classe à distance;Distanciel;{Day(4, "14:00")};oui;1;À venir",
        ], lines[1..]);
    }

    [Fact]
    public async Task Another_programs_manager_gets_404_on_the_rates_the_threshold_and_the_export_and_a_coach_is_not_let_in()
    {
        var (otherCohort, _) = await scenario.SeedOtherCohortAsync();
        var otherProgram = await app.WithDbAsync(db => db.Cohorts.Where(c => c.Id == otherCohort).Select(c => c.ProgramId).SingleAsync());
        var stranger = await scenario.PersonAsync("autre.responsable@cohorts.test", Roles.ProgramManager, "Agathe", "Ailleurs");
        await app.AssignAsync(otherProgram, stranger.Id);
        var other = await scenario.SignInAsync(stranger.Email);

        using (var rates = await other.GetAsync(Page)) Assert.Equal(HttpStatusCode.NotFound, rates.StatusCode);
        using (var export = await other.GetAsync($"{Page}/export")) Assert.Equal(HttpStatusCode.NotFound, export.StatusCode);
        var posted = await Forms.PostAsync(other, Page, new Dictionary<string, string> { ["Threshold"] = "10" }, tokenFrom: $"/gestion/promotions/{otherCohort}/assiduite");
        Assert.Equal(HttpStatusCode.NotFound, posted.StatusCode);
        Assert.Equal(80, await app.WithDbAsync(db => db.Programs.Where(p => p.Id == scenario.ProgramId).Select(p => p.AttendanceThreshold).SingleAsync()));

        // A facilitator leads sessions but is not staff: neither the rates nor the export.
        var lead = await scenario.SignInAsync(SessionScenario.FacilitatorEmail);
        foreach (var url in new[] { Page, $"{Page}/export" })
        {
            using var response = await lead.GetAsync(url);
            Assert.NotEqual(HttpStatusCode.OK, response.StatusCode);
            Assert.DoesNotContain(scenario.Participants[0].Email, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
    }
}

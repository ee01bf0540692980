using System.Net;
using System.Text.RegularExpressions;
using Cohorts.Domain.Sessions;
using Cohorts.Web.Identity;
using Cohorts.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Cohorts.Web.Tests.Attendance;

/// <summary>A session's attendance sheet: who may open it, when it may be filled, and the history its corrections leave.</summary>
[Collection(AppFixtureGroup.Name)]
public sealed partial class AttendanceSheetTests(CohortsApp app) : IAsyncLifetime
{
    private SessionScenario scenario = null!;

    public async Task InitializeAsync()
    {
        await app.ResetAsync();
        scenario = await new SessionScenario(app).SeedAsync(participants: 3);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private static string Sheet(Guid sessionId) => $"/seances/{sessionId}/presences";

    private Dictionary<string, string> Marks(params AttendanceStatus[] statuses) =>
        scenario.Participants.Zip(statuses).ToDictionary(p => $"Marks[{p.First.Id}]", p => p.Second.ToString());

    private async Task<List<(string ParticipantId, AttendanceStatus Status)>> SavedAsync(Guid sessionId)
    {
        var saved = await app.WithDbAsync(db => db.Attendances.Where(a => a.SessionId == sessionId).Select(a => new { a.ParticipantId, a.Status }).ToListAsync());
        return saved.Select(a => (a.ParticipantId, a.Status)).ToList();
    }

    [Fact]
    public async Task The_lead_marks_everyone_at_once_then_staff_correct_one_and_the_history_says_who_when_from_and_to()
    {
        var held = await scenario.SessionAsync(SessionKind.InPerson, scenario.At(-2, 9, 30), scenario.At(-2, 12, 30), title: "Atelier cartographie");
        var lead = await scenario.SignInAsync(SessionScenario.FacilitatorEmail);

        var form = await Forms.ReadAsync(lead, Sheet(held.Id));
        Assert.Contains("<h1>Présences", form, StringComparison.Ordinal);
        foreach (var participant in scenario.Participants)
        {
            // One fieldset per participant, named by its legend, with the four choices of one radio group.
            Assert.Matches(new Regex($"<fieldset[^>]*>\\s*<legend[^>]*>{Regex.Escape(participant.Name)}", RegexOptions.Singleline), form);
            foreach (var status in AttendanceStatuses.All)
                Assert.Contains($"name=\"Marks[{participant.Id}]\" value=\"{status}\"", form, StringComparison.Ordinal);
        }
        Assert.Contains(">Enregistrer les présences</button>", form, StringComparison.Ordinal);

        var saved = await Forms.PostAndReadAsync(lead, Sheet(held.Id), Marks(AttendanceStatus.Present, AttendanceStatus.Late, AttendanceStatus.Absent));
        Assert.Contains("Présences enregistrées pour 3 participants.", saved, StringComparison.Ordinal);
        Assert.Equal([(scenario.Participants[0].Id, AttendanceStatus.Present), (scenario.Participants[1].Id, AttendanceStatus.Late),
            (scenario.Participants[2].Id, AttendanceStatus.Absent)], (await SavedAsync(held.Id)).OrderBy(s => scenario.Participants.ToList().FindIndex(p => p.Id == s.ParticipantId)));
        // The sheet shows what is saved, checked.
        Assert.Contains($"id=\"presence-{scenario.Participants[2].Id}-Absent\" name=\"Marks[{scenario.Participants[2].Id}]\" value=\"Absent\" checked=\"checked\"", saved,
            StringComparison.Ordinal);

        app.Clock.Advance(TimeSpan.FromHours(3));
        var manager = await scenario.SignInAsync(SessionScenario.ManagerEmail);
        var corrected = await Forms.PostAndReadAsync(manager, Sheet(held.Id), Marks(AttendanceStatus.Present, AttendanceStatus.Late, AttendanceStatus.Excused));
        Assert.Contains("Présences enregistrées : 1 correction, gardée dans l'historique.", corrected, StringComparison.Ordinal);

        var history = Regex.Match(corrected, "<table id=\"historique\">.*?</table>", RegexOptions.Singleline).Value;
        var rows = Regex.Matches(history, "<tr>\\s*<td>(.*?)</td>\\s*<td>(.*?)</td>\\s*<td>(.*?)</td>\\s*<td>(.*?)</td>\\s*<td>(.*?)</td>", RegexOptions.Singleline)
            .Select(m => string.Join(" | ", m.Groups.Values.Skip(1).Select(g => g.Value.Trim()))).ToList();
        var third = scenario.Participants[2].Name;
        Assert.Equal(4, rows.Count);
        Assert.StartsWith($"{third} | {Pages.Display.DateTime(app.Clock.GetUtcNow())} | Paul Responsable | Absent | Excusé", rows[0], StringComparison.Ordinal);
        Assert.Contains($"{third} | {Pages.Display.DateTime(app.Clock.GetUtcNow().AddHours(-3))} | Claire Animatrice | Pas encore noté | Absent", rows);
        var changes = await app.WithDbAsync(db => db.AttendanceChanges.OrderBy(c => c.Id).Select(c => new { c.From, c.To, c.ByName }).ToListAsync());
        Assert.Equal(4, changes.Count);
        Assert.Equal(new { From = (AttendanceStatus?)AttendanceStatus.Absent, To = AttendanceStatus.Excused, ByName = "Paul Responsable" }, changes[^1]);
    }

    [Fact]
    public async Task Attendance_on_a_session_not_held_yet_is_refused_with_a_message_and_no_row()
    {
        var upcoming = await scenario.SessionAsync(SessionKind.Remote, scenario.At(3, 14), scenario.At(3, 16));
        var lead = await scenario.SignInAsync(SessionScenario.FacilitatorEmail);

        var page = await Forms.ReadAsync(lead, Sheet(upcoming.Id));
        Assert.Contains("La séance n'a pas encore eu lieu", page, StringComparison.Ordinal);
        Assert.DoesNotContain("Enregistrer les présences", page, StringComparison.Ordinal);

        var refused = await Forms.PostAndReadAsync(lead, Sheet(upcoming.Id), Marks(AttendanceStatus.Present, AttendanceStatus.Present, AttendanceStatus.Present));
        Assert.Contains("id=\"erreurs\"", refused, StringComparison.Ordinal);
        Assert.Contains("La séance n'a pas encore eu lieu : les présences se notent une fois qu'elle a commencé", refused, StringComparison.Ordinal);
        Assert.Empty(await SavedAsync(upcoming.Id));
        Assert.Equal(0, await app.WithDbAsync(db => db.AttendanceChanges.CountAsync()));
    }

    [Fact]
    public async Task Attendance_on_a_cancelled_session_is_refused_with_a_message_and_no_row()
    {
        var held = await scenario.SessionAsync(SessionKind.InPerson, scenario.At(-1, 9), scenario.At(-1, 12));
        await app.WithDbAsync(async db =>
        {
            var session = await db.Sessions.Include(s => s.Bookings).Include(s => s.Participants).SingleAsync(s => s.Id == held.Id);
            session.Cancel("Grève des transports", app.Clock.GetUtcNow());
            return await db.SaveChangesAsync();
        });
        var manager = await scenario.SignInAsync(SessionScenario.ManagerEmail);

        var refused = await Forms.PostAndReadAsync(manager, Sheet(held.Id), Marks(AttendanceStatus.Present, AttendanceStatus.Present, AttendanceStatus.Present));
        Assert.Contains("Cette séance est annulée : il n'y a pas de présence à noter.", refused, StringComparison.Ordinal);
        Assert.Empty(await SavedAsync(held.Id));
    }

    [Fact]
    public async Task A_participant_left_unmarked_is_named_in_the_refusal_what_was_chosen_stays_and_nothing_is_saved()
    {
        var held = await scenario.SessionAsync(SessionKind.InPerson, scenario.At(-2, 9), scenario.At(-2, 12));
        var lead = await scenario.SignInAsync(SessionScenario.FacilitatorEmail);
        var fields = Marks(AttendanceStatus.Late, AttendanceStatus.Present);

        var refused = await Forms.PostAndReadAsync(lead, Sheet(held.Id), fields);

        Assert.Contains($"Choisissez la présence de {scenario.Participants[2].Name}.", refused, StringComparison.Ordinal);
        Assert.Contains($"href=\"#Marks[{scenario.Participants[2].Id}]\"", refused, StringComparison.Ordinal);
        Assert.Contains($"name=\"Marks[{scenario.Participants[0].Id}]\" value=\"Late\" checked=\"checked\"", refused, StringComparison.Ordinal);
        Assert.Empty(await SavedAsync(held.Id));

        fields[$"Marks[{scenario.Participants[2].Id}]"] = "Malade";
        var unknown = await Forms.PostAndReadAsync(lead, Sheet(held.Id), fields);
        Assert.Contains("La valeur choisie ne fait pas partie de la liste proposée.", unknown, StringComparison.Ordinal);
        Assert.Empty(await SavedAsync(held.Id));
    }

    [Fact]
    public async Task A_coaching_sheet_lists_only_the_participants_named_on_it()
    {
        var (camille, other) = (scenario.Participants[0], scenario.Participants[1]);
        await scenario.PairAsync(scenario.Coach, [camille]);
        var coaching = await scenario.SessionAsync(SessionKind.Coaching, scenario.At(-1, 10), scenario.At(-1, 11), participantIds: [camille.Id]);
        var coach = await scenario.SignInAsync(SessionScenario.CoachEmail);

        var page = await Forms.ReadAsync(coach, Sheet(coaching.Id));
        Assert.Contains(camille.Name, page, StringComparison.Ordinal);
        Assert.DoesNotContain(other.Name, page, StringComparison.Ordinal);

        var saved = await Forms.PostAndReadAsync(coach, Sheet(coaching.Id), new Dictionary<string, string> { [$"Marks[{camille.Id}]"] = "Present" });
        Assert.Contains("Présences enregistrées pour 1 participant.", saved, StringComparison.Ordinal);
        var stale = await Forms.PostAndReadAsync(coach, Sheet(coaching.Id),
            new Dictionary<string, string> { [$"Marks[{camille.Id}]"] = "Present", [$"Marks[{other.Id}]"] = "Absent" });
        Assert.Contains(Pages.Attendance.GridModel.StaleListMessage, stale, StringComparison.Ordinal);
        Assert.Equal([(camille.Id, AttendanceStatus.Present)], await SavedAsync(coaching.Id));
    }

    [Fact]
    public async Task A_coach_who_does_not_lead_the_session_another_programs_manager_and_a_participant_get_404_and_cannot_mark()
    {
        var held = await scenario.SessionAsync(SessionKind.InPerson, scenario.At(-2, 9), scenario.At(-2, 12));
        var (otherCohort, _) = await scenario.SeedOtherCohortAsync();
        var otherProgram = await app.WithDbAsync(db => db.Cohorts.Where(c => c.Id == otherCohort).Select(c => c.ProgramId).SingleAsync());
        var stranger = await scenario.PersonAsync("autre.responsable@cohorts.test", Roles.ProgramManager, "Agathe", "Ailleurs");
        await app.AssignAsync(otherProgram, stranger.Id);
        var lead = await scenario.SignInAsync(SessionScenario.FacilitatorEmail);
        var token = await Forms.ReadAsync(lead, Sheet(held.Id));
        Assert.Contains("Enregistrer les présences", token, StringComparison.Ordinal);

        foreach (var email in new[] { SessionScenario.CoachEmail, stranger.Email, scenario.Participants[0].Email })
        {
            var client = await scenario.SignInAsync(email);
            using var get = await client.GetAsync(Sheet(held.Id));
            Assert.Equal(HttpStatusCode.NotFound, get.StatusCode);
            // The token of a page they may open, posted to the sheet they may not.
            var posted = await Forms.PostAsync(client, Sheet(held.Id), Marks(AttendanceStatus.Absent, AttendanceStatus.Absent, AttendanceStatus.Absent),
                tokenFrom: "/");
            Assert.Equal(HttpStatusCode.NotFound, posted.StatusCode);
        }
        Assert.Empty(await SavedAsync(held.Id));
        using var unknown = await lead.GetAsync(Sheet(Guid.NewGuid()));
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }
}

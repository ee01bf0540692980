using System.Globalization;
using System.Net;
using System.Text;
using Cohorts.Domain;
using Cohorts.Domain.Applications;
using Cohorts.Domain.Catalogue;
using Cohorts.Web.Identity;
using Cohorts.Web.Tests.Support;
using Ical.Net;
using Calendar = Ical.Net.Calendar;
using Ical.Net.CalendarComponents;
using Microsoft.EntityFrameworkCore;
using MimeKit;

namespace Cohorts.Web.Tests.Selection;

[Collection(AppFixtureGroup.Name)]
public sealed partial class InterviewTests(CohortsApp app) : IAsyncLifetime
{
    private const string Place = "DINUM, 20 avenue de Ségur, salle 4";
    private const string VideoLink = "https://visio.numerique.gouv.fr/entretien-booster";

    public Task InitializeAsync() => app.ResetAsync();
    public Task DisposeAsync() => Task.CompletedTask;

    private static string Page(Guid id) => $"/gestion/candidatures/{id}/entretien";

    /// <summary>A Paris wall-clock time some days ahead, as a staff member types it in the form.</summary>
    private DateTime ParisDay(int days, int hour, int minute) =>
        ParisTime.ToParis(app.Clock.GetUtcNow()).Date.AddDays(days).AddHours(hour).AddMinutes(minute);

    private static string Typed(DateTime local) => local.ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture);

    /// <summary>Posts the invitation form as a browser does: one "Input.Panel" per ticked box.</summary>
    private static async Task<HttpResponseMessage> InviteAsync(HttpClient staff, Guid id, string at, string? place, string? link,
        IEnumerable<string> panel, string duration = "45")
    {
        var page = await staff.GetStringAsync(Page(id));
        var fields = new List<KeyValuePair<string, string>>
        {
            new("__RequestVerificationToken", WebUtility.HtmlDecode(TokenField().Match(page).Groups[1].Value)),
            new("Input.At", at), new("Input.DurationMinutes", duration), new("Input.Place", place ?? ""), new("Input.VideoLink", link ?? ""),
        };
        fields.AddRange(panel.Select(p => new KeyValuePair<string, string>("Input.Panel", p)));
        return await staff.PostAsync(Page(id), new FormUrlEncodedContent(fields));
    }

    /// <summary>Posts a form whose page is <paramref name="tokenFrom"/>, and reads where it leads.</summary>
    private static async Task<string> PostAndReadAsync(HttpClient client, string url, Dictionary<string, string> fields, string tokenFrom)
    {
        var response = await Forms.PostAsync(client, url, fields, tokenFrom);
        if (response.StatusCode == HttpStatusCode.Redirect) response = await client.GetAsync(response.Headers.Location);
        return await ReadAsync(response);
    }

    /// <summary>The error summary of a refused form, to say why a test's post did not go through.</summary>
    private static string ErrorsIn(string page)
    {
        var start = page.IndexOf("id=\"erreurs\"", StringComparison.Ordinal);
        return start < 0 ? "no error summary" : page[start..Math.Min(page.Length, start + 1500)];
    }

    private static async Task<string> ReadAsync(HttpResponseMessage response) => WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

    private Task<(ApplicationState State, int Invitations, Domain.Selection.Interview? Interview)> StoredAsync(Guid id) => app.WithDbAsync(async db => (
        await db.Applications.Where(a => a.Id == id).Select(a => a.State).SingleAsync(),
        await db.ApplicationTransitions.CountAsync(t => t.ApplicationId == id && t.Trigger == ApplicationTrigger.InviteToInterview),
        await db.Interviews.AsNoTracking().SingleOrDefaultAsync(i => i.ApplicationId == id)));

    /// <summary>The calendar event attached to an email, parsed back by Ical.Net.</summary>
    private static (CalendarEvent Event, Calendar Calendar) EventOf(MimeMessage message)
    {
        var part = Assert.Single(message.Attachments.OfType<MimePart>());
        Assert.Equal("text/calendar", part.ContentType.MimeType);
        Assert.Equal("entretien.ics", part.FileName);
        using var content = new MemoryStream();
        part.Content!.DecodeTo(content);
        var calendar = Calendar.Load(Encoding.UTF8.GetString(content.ToArray()))!;
        return (Assert.Single(calendar.Events), calendar);
    }

    private static DateTime ParisStart(CalendarEvent calendarEvent) =>
        ParisTime.ToParis(new DateTimeOffset(calendarEvent.DtStart!.AsUtc, TimeSpan.Zero)).DateTime;

    [Fact]
    public async Task Inviting_moves_the_application_to_Interview_and_emails_the_candidate_and_the_panel_an_event_their_calendar_reads()
    {
        var scenario = await new SelectionScenario(app).SeedAsync(applications: 2, hasInterview: true);
        var candidate = scenario.Applications[0];
        var staff = await scenario.SignInAsync(SelectionScenario.ManagerEmail);
        var detail = await Forms.ReadAsync(staff, $"/gestion/candidatures/{candidate.Id}");
        // The staff application page leads to the form; it no longer moves the state by itself.
        Assert.Contains($"href=\"{Page(candidate.Id)}\"", detail, StringComparison.Ordinal);
        Assert.Contains("Convoquer à un entretien", detail, StringComparison.Ordinal);
        Assert.DoesNotContain("value=\"InviteToInterview\"", detail, StringComparison.Ordinal);
        var at = ParisDay(10, 14, 30);

        var response = await InviteAsync(staff, candidate.Id, Typed(at), Place, null, [scenario.Reviewers[0].Id, scenario.Reviewers[1].Id]);

        Assert.True(response.StatusCode == HttpStatusCode.Redirect, ErrorsIn(await ReadAsync(response)));
        var (state, invitations, interview) = await StoredAsync(candidate.Id);
        Assert.Equal(ApplicationState.Interview, state);
        Assert.Equal(1, invitations);
        Assert.Equal(0, interview!.Sequence);
        Assert.Equal(ParisTime.FromParis(at), interview.At);

        var email = await app.Mailbox.WaitForAsync(candidate.Email, "Convocation à un entretien");
        Assert.Contains("14 h 30", email.TextBody, StringComparison.Ordinal);
        Assert.Contains("45 minutes", email.TextBody, StringComparison.Ordinal);
        Assert.Contains(Place, email.TextBody, StringComparison.Ordinal);
        Assert.Contains("Juré Numéro1 et Juré Numéro2", email.TextBody, StringComparison.Ordinal);
        // The cohort's name already says "Promotion".
        Assert.Contains("au programme Booster Agile (Promotion 3)", email.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain("promotion Promotion", email.TextBody, StringComparison.OrdinalIgnoreCase);
        Assert.Contains($"{app.BaseUrl}/candidatures/{candidate.Id}", email.TextBody, StringComparison.Ordinal);
        var (calendarEvent, calendar) = EventOf(email);
        Assert.Equal("REQUEST", calendar.Method);
        Assert.Contains(candidate.Id.ToString(), calendarEvent.Uid, StringComparison.Ordinal);
        Assert.Equal(0, calendarEvent.Sequence);
        Assert.Equal(at, ParisStart(calendarEvent));
        Assert.Equal(TimeSpan.FromMinutes(45), calendarEvent.DtEnd!.AsUtc - calendarEvent.DtStart!.AsUtc);
        Assert.Equal("Entretien — Booster Agile", calendarEvent.Summary);
        Assert.Equal(Place, calendarEvent.Location);
        Assert.Contains("Camille Candidat01, Booster Agile, Promotion 3.", calendarEvent.Description, StringComparison.Ordinal);

        // Each member of the panel is invited with the same event; the third member of the committee is not on the panel.
        var panel = await app.Mailbox.WaitForAsync(scenario.Reviewers[1].Email, "Entretien de Camille Candidat01");
        Assert.Equal(calendarEvent.Uid, EventOf(panel).Event.Uid);
        Assert.Contains($"{app.BaseUrl}/evaluations/entretiens/{candidate.Id}", panel.TextBody, StringComparison.Ordinal);
        await app.Mailbox.WaitForAsync(scenario.Reviewers[0].Email, "Entretien de Camille Candidat01");
        Assert.DoesNotContain(app.Mailbox.Received, m => m.To.Mailboxes.Any(a => a.Address == scenario.Reviewers[2].Email));

        var client = await scenario.SignInAsync(candidate.Email);
        var list = await Forms.ReadAsync(client, "/candidatures");
        Assert.Contains("Entretien le", list, StringComparison.Ordinal);
        Assert.Contains("14 h 30", list, StringComparison.Ordinal);
        Assert.Contains(Place, list, StringComparison.Ordinal);
        var status = await Forms.ReadAsync(client, $"/candidatures/{candidate.Id}");
        Assert.Contains("Votre entretien", status, StringComparison.Ordinal);
        Assert.Contains(at.ToString("yyyy", CultureInfo.InvariantCulture), status, StringComparison.Ordinal);
        Assert.Contains("14 h 30", status, StringComparison.Ordinal);
        Assert.Contains(Place, status, StringComparison.Ordinal);
        Assert.Contains("Juré Numéro1 et Juré Numéro2", status, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Moving_the_interview_sends_the_same_event_with_the_next_sequence_and_moves_no_state()
    {
        var scenario = await new SelectionScenario(app).SeedAsync(applications: 1, hasInterview: true);
        var candidate = scenario.Applications[0];
        var staff = await scenario.SignInAsync(SelectionScenario.ManagerEmail);
        await InviteAsync(staff, candidate.Id, Typed(ParisDay(10, 14, 30)), Place, null, [scenario.Reviewers[0].Id]);
        var first = EventOf(await app.Mailbox.WaitForAsync(candidate.Email, "Convocation")).Event;
        var later = ParisDay(12, 9, 15);

        var response = await InviteAsync(staff, candidate.Id, Typed(later), null, VideoLink, [scenario.Reviewers[0].Id, scenario.Reviewers[2].Id], "60");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var (state, invitations, interview) = await StoredAsync(candidate.Id);
        Assert.Equal(ApplicationState.Interview, state);
        Assert.Equal(1, invitations);
        Assert.Equal(1, interview!.Sequence);
        var moved = await app.Mailbox.WaitForAsync(candidate.Email, "Votre entretien est déplacé");
        var second = EventOf(moved).Event;
        Assert.Equal(first.Uid, second.Uid);
        Assert.Equal(first.Sequence + 1, second.Sequence);
        Assert.Equal(later, ParisStart(second));
        Assert.Equal(VideoLink, second.Location);
        Assert.Contains("9 h 15", moved.TextBody, StringComparison.Ordinal);
        Assert.Contains(VideoLink, moved.TextBody, StringComparison.Ordinal);
        // The member added to the panel is invited too.
        await app.Mailbox.WaitForAsync(scenario.Reviewers[2].Email, "Entretien déplacé");
        var page = await Forms.ReadAsync(staff, Page(candidate.Id));
        Assert.Contains("9 h 15", page, StringComparison.Ordinal);
        Assert.Contains("déplacé 1 fois", page, StringComparison.Ordinal);
        // The staff application page leads back to the interview.
        Assert.Contains($"href=\"{Page(candidate.Id)}\"", await Forms.ReadAsync(staff, $"/gestion/candidatures/{candidate.Id}"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Two_staff_members_moving_the_interview_at_once_each_send_an_invitation_of_its_own_sequence()
    {
        var scenario = await new SelectionScenario(app).SeedAsync(applications: 1, hasInterview: true);
        var candidate = scenario.Applications[0];
        var paul = await scenario.SignInAsync(SelectionScenario.ManagerEmail);
        var marie = await app.CreateUserAsync("marie@cohorts.test", SelectionScenario.Password, Roles.Admin, firstName: "Marie", lastName: "Seconde");
        var admin = await scenario.SignInAsync(marie.Email!);
        await InviteAsync(paul, candidate.Id, Typed(ParisDay(10, 14, 30)), Place, null, [scenario.Reviewers[0].Id]);

        var moves = await Task.WhenAll(
            InviteAsync(paul, candidate.Id, Typed(ParisDay(11, 10, 0)), Place, null, [scenario.Reviewers[0].Id]),
            InviteAsync(admin, candidate.Id, Typed(ParisDay(12, 16, 0)), null, VideoLink, [scenario.Reviewers[1].Id]));

        Assert.All(moves, m => Assert.Equal(HttpStatusCode.Redirect, m.StatusCode));
        Assert.Equal(2, (await StoredAsync(candidate.Id)).Interview!.Sequence);
        var sequences = await app.WithDbAsync(db => db.OutboxMessages.Where(m => m.To == candidate.Email && m.Kind == "interview-invitation")
            .Select(m => m.Attachments[0].Content).AsNoTracking().ToListAsync());
        Assert.Equal([0, 1, 2], sequences.Select(c => Assert.Single(Calendar.Load(Encoding.UTF8.GetString(c))!.Events).Sequence).Order());
    }

    public static TheoryData<string, string> BadInvitations => new()
    {
        { "past", "L'entretien a lieu dans le futur." },
        { "nowhere", "Indiquez le lieu de l'entretien ou son lien de visioconférence." },
        { "http", "Le lien de visioconférence est une adresse qui commence par https://." },
        { "no panel", "Choisissez au moins un membre du jury pour l'entretien." },
        { "not on the committee", "Choisissez les membres du jury de l'entretien parmi ceux de la promotion." },
        { "no date", "Indiquez la date et l'heure de l'entretien." },
    };

    [Theory]
    [MemberData(nameof(BadInvitations))]
    public async Task A_bad_invitation_is_refused_in_French_and_changes_nothing(string what, string message)
    {
        var scenario = await new SelectionScenario(app).SeedAsync(applications: 1, reviewers: 2, hasInterview: true);
        var candidate = scenario.Applications[0];
        var staff = await scenario.SignInAsync(SelectionScenario.ManagerEmail);
        var outsider = await app.CreateUserAsync("jure.ailleurs@numerique.gouv.fr", SelectionScenario.Password, Roles.Reviewer);
        var (at, place, link, panel) = (Typed(ParisDay(10, 14, 30)), (string?)Place, (string?)null, new[] { scenario.Reviewers[0].Id });
        switch (what)
        {
            case "past": at = Typed(ParisTime.ToParis(app.Clock.GetUtcNow()).DateTime.AddHours(-2)); break;
            case "nowhere": place = null; break;
            case "http": (place, link) = (null, "http://visio.numerique.gouv.fr/entretien"); break;
            case "no panel": panel = []; break;
            case "not on the committee": panel = [scenario.Reviewers[0].Id, outsider.Id]; break;
            case "no date": at = ""; break;
        }

        var response = await InviteAsync(staff, candidate.Id, at, place, link, panel);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(message, await ReadAsync(response), StringComparison.Ordinal);
        var (state, invitations, interview) = await StoredAsync(candidate.Id);
        Assert.Equal(ApplicationState.UnderReview, state);
        Assert.Equal(0, invitations);
        Assert.Null(interview);
        Assert.Equal(0, await app.WithDbAsync(db => db.OutboxMessages.CountAsync(m => m.Kind == "interview-invitation")));
    }

    [Fact]
    public async Task A_bad_move_of_an_interview_is_refused_and_keeps_the_first_invitation()
    {
        var scenario = await new SelectionScenario(app).SeedAsync(applications: 1, hasInterview: true);
        var candidate = scenario.Applications[0];
        var staff = await scenario.SignInAsync(SelectionScenario.ManagerEmail);
        var at = ParisDay(10, 14, 30);
        await InviteAsync(staff, candidate.Id, Typed(at), Place, null, [scenario.Reviewers[0].Id]);

        var response = await InviteAsync(staff, candidate.Id, Typed(ParisDay(11, 10, 0)), null, "http://visio.example/entretien", [scenario.Reviewers[0].Id]);

        Assert.Contains("commence par https://", await ReadAsync(response), StringComparison.Ordinal);
        var interview = (await StoredAsync(candidate.Id)).Interview!;
        Assert.Equal(0, interview.Sequence);
        Assert.Equal(ParisTime.FromParis(at), interview.At);
        Assert.Equal(Place, interview.Place);
    }

    [Fact]
    public async Task A_program_without_an_interview_has_no_interview_page()
    {
        var scenario = await new SelectionScenario(app).SeedAsync(applications: 1, hasInterview: false);
        var candidate = scenario.Applications[0];
        var staff = await scenario.SignInAsync(SelectionScenario.ManagerEmail);

        Assert.Equal(HttpStatusCode.NotFound, (await staff.GetAsync(Page(candidate.Id))).StatusCode);
        var token = TokenField().Match(await staff.GetStringAsync($"/gestion/candidatures/{candidate.Id}")).Groups[1].Value;
        var post = await staff.PostAsync(Page(candidate.Id), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = WebUtility.HtmlDecode(token), ["Input.At"] = Typed(ParisDay(10, 14, 30)), ["Input.DurationMinutes"] = "45",
            ["Input.Place"] = Place, ["Input.Panel"] = scenario.Reviewers[0].Id,
        }));
        Assert.Equal(HttpStatusCode.NotFound, post.StatusCode);
        Assert.DoesNotContain("/entretien", await Forms.ReadAsync(staff, $"/gestion/candidatures/{candidate.Id}"), StringComparison.Ordinal);
        Assert.Null((await StoredAsync(candidate.Id)).Interview);
    }

    [Fact]
    public async Task Another_programs_manager_finds_no_interview_page()
    {
        var scenario = await new SelectionScenario(app).SeedAsync(applications: 1, hasInterview: true);
        var candidate = scenario.Applications[0];
        var other = await app.WithDbAsync(async db =>
        {
            var program = TrainingProgram.Create("conseiller-numerique", "Conseiller en stratégie numérique", "Six mois.", "Hybride",
                requiresEndorsement: false, hasInterview: true);
            db.Programs.Add(program);
            await db.SaveChangesAsync();
            return program.Id;
        });
        var manager = await app.CreateUserAsync("autre.responsable@cohorts.test", SelectionScenario.Password, Roles.ProgramManager);
        await app.AssignAsync(other, manager.Id);
        var staff = await scenario.SignInAsync("autre.responsable@cohorts.test");
        // A token of their own, from the sign-out form every page carries.
        var token = TokenField().Match(await staff.GetStringAsync("/gestion")).Groups[1].Value;

        Assert.Equal(HttpStatusCode.NotFound, (await staff.GetAsync(Page(candidate.Id))).StatusCode);
        var post = await staff.PostAsync(Page(candidate.Id), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = WebUtility.HtmlDecode(token), ["Input.At"] = Typed(ParisDay(10, 14, 30)), ["Input.DurationMinutes"] = "45",
            ["Input.Place"] = Place, ["Input.Panel"] = scenario.Reviewers[0].Id,
        }));
        Assert.Equal(HttpStatusCode.NotFound, post.StatusCode);
        Assert.Null((await StoredAsync(candidate.Id)).Interview);
    }

    [Fact]
    public async Task Staff_record_the_interview_score_on_the_rubric_scale_and_a_score_off_the_scale_is_refused()
    {
        var scenario = await new SelectionScenario(app).SeedAsync(applications: 1, hasInterview: true);
        var candidate = scenario.Applications[0];
        var staff = await scenario.SignInAsync(SelectionScenario.ManagerEmail);
        await InviteAsync(staff, candidate.Id, Typed(ParisDay(10, 14, 30)), Place, null, [scenario.Reviewers[0].Id]);
        var url = $"{Page(candidate.Id)}?handler=Score";

        foreach (var score in new[] { "6", "0", "-1" })
        {
            var refused = await PostAndReadAsync(staff, url, new Dictionary<string, string> { ["Grade.Score"] = score, ["Grade.Notes"] = "" }, Page(candidate.Id));
            Assert.Contains("La note d'entretien va de 1 à 5.", refused, StringComparison.Ordinal);
        }
        Assert.Null((await StoredAsync(candidate.Id)).Interview!.Score);

        var saved = await PostAndReadAsync(staff, url, new Dictionary<string, string> { ["Grade.Score"] = "4", ["Grade.Notes"] = "Projet clair, bonne écoute." },
            Page(candidate.Id));

        Assert.Contains("La note d'entretien est enregistrée.", saved, StringComparison.Ordinal);
        var interview = (await StoredAsync(candidate.Id)).Interview!;
        Assert.Equal(4, interview.Score);
        Assert.Equal("Projet clair, bonne écoute.", interview.Notes);
        Assert.Equal("Paul Responsable", interview.ScoredByName);
        // Once the committee closed scoring, the score stands.
        await app.WithDbAsync(async db =>
        {
            (await db.SelectionSettings.SingleAsync(x => x.CohortId == scenario.CohortId)).CloseScoring(app.Clock.GetUtcNow());
            return await db.SaveChangesAsync();
        });
        var closed = await PostAndReadAsync(staff, url, new Dictionary<string, string> { ["Grade.Score"] = "2", ["Grade.Notes"] = "" }, Page(candidate.Id));
        Assert.Contains("L'évaluation est close pour cette promotion", closed, StringComparison.Ordinal);
        Assert.Equal(4, (await StoredAsync(candidate.Id)).Interview!.Score);
        // The candidate never reads the panel's notes.
        var status = await Forms.ReadAsync(await scenario.SignInAsync(candidate.Email), $"/candidatures/{candidate.Id}");
        Assert.DoesNotContain("Projet clair", status, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Only_a_reviewer_on_the_interviews_panel_reaches_its_score_page_and_records_the_score()
    {
        var scenario = await new SelectionScenario(app).SeedAsync(applications: 2, hasInterview: true);
        var candidate = scenario.Applications[0];
        var staff = await scenario.SignInAsync(SelectionScenario.ManagerEmail);
        await InviteAsync(staff, candidate.Id, Typed(ParisDay(10, 14, 30)), Place, null, [scenario.Reviewers[0].Id]);
        var url = $"/evaluations/entretiens/{candidate.Id}";
        var onPanel = await scenario.SignInAsync(scenario.Reviewers[0].Email);
        var offPanel = await scenario.SignInAsync(scenario.Reviewers[1].Email);
        var token = TokenField().Match(await offPanel.GetStringAsync("/")).Groups[1].Value;

        Assert.Equal(HttpStatusCode.NotFound, (await offPanel.GetAsync(url)).StatusCode);
        var offPanelPost = await offPanel.PostAsync(url, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = WebUtility.HtmlDecode(token), ["Grade.Score"] = "1",
        }));
        Assert.Equal(HttpStatusCode.NotFound, offPanelPost.StatusCode);
        // An application without an interview has no such page either, even for a member of the committee.
        Assert.Equal(HttpStatusCode.NotFound, (await onPanel.GetAsync($"/evaluations/entretiens/{scenario.Applications[1].Id}")).StatusCode);
        Assert.Null((await StoredAsync(candidate.Id)).Interview!.Score);

        var page = await Forms.ReadAsync(onPanel, url);
        Assert.Contains("Camille Candidat01", page, StringComparison.Ordinal);
        Assert.Contains("14 h 30", page, StringComparison.Ordinal);
        var refused = await Forms.PostAndReadAsync(onPanel, url, new Dictionary<string, string> { ["Grade.Score"] = "9" });
        Assert.Contains("La note d'entretien va de 1 à 5.", refused, StringComparison.Ordinal);
        var saved = await Forms.PostAndReadAsync(onPanel, url, new Dictionary<string, string> { ["Grade.Score"] = "3", ["Grade.Notes"] = "À revoir." });

        Assert.Contains("La note d'entretien est enregistrée.", saved, StringComparison.Ordinal);
        var interview = (await StoredAsync(candidate.Id)).Interview!;
        Assert.Equal(3, interview.Score);
        Assert.Equal("Juré Numéro1", interview.ScoredByName);
        // A staff member is no reviewer: the panel's page is not theirs.
        Assert.Equal(HttpStatusCode.Redirect, (await staff.GetAsync(url)).StatusCode);
    }

    [System.Text.RegularExpressions.GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial System.Text.RegularExpressions.Regex TokenField();
}

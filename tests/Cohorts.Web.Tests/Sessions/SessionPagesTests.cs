using System.Net;
using Cohorts.Domain.Sessions;
using Cohorts.Web.Identity;
using Cohorts.Web.Sessions;
using Cohorts.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using static Cohorts.Web.Tests.Sessions.SessionForms;

namespace Cohorts.Web.Tests.Sessions;

/// <summary>The staff pages of sessions: the calendar, planning, changing and cancelling a session, and what each refuses.</summary>
[Collection(AppFixtureGroup.Name)]
public sealed class SessionPagesTests(CohortsApp app) : IAsyncLifetime
{
    private SessionScenario scenario = null!;
    private HttpClient staff = null!;

    public async Task InitializeAsync()
    {
        await app.ResetAsync();
        scenario = await new SessionScenario(app).SeedAsync(participants: 3);
        staff = await scenario.SignInAsync(SessionScenario.ManagerEmail);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private string New => $"/gestion/promotions/{scenario.CohortId}/seances/nouvelle";
    private string Calendar => $"/gestion/promotions/{scenario.CohortId}/seances";
    private Task<int> CountAsync() => app.WithDbAsync(db => db.Sessions.CountAsync());

    [Fact]
    public async Task Staff_plan_an_in_person_session_seen_in_the_list_and_the_week_with_its_page()
    {
        var day = Today(app).AddDays(3);
        var (_, page, path) = await PostAsync(staff, New, Fields("InPerson", "Atelier stratégie de la donnée", day, "09:30", "12:30", scenario.Facilitator.Id));
        Assert.StartsWith("/gestion/seances/", path);
        Assert.Contains("La séance « Atelier stratégie de la donnée » est créée", page);
        Assert.Contains("de 09:30 à 12:30", page);
        Assert.Contains("Claire Animatrice", page);
        Assert.Contains("Campus du numérique, salle B12, 20 avenue de Ségur, Paris", page);
        Assert.Contains("Obligatoire ; la séance compte pour 3 h", page);

        var list = await Forms.ReadAsync(staff, Calendar);
        Assert.Contains("Atelier stratégie de la donnée", list);
        Assert.Contains("Séances à venir ou en cours (1)", list);
        var week = await Forms.ReadAsync(staff, $"{Calendar}?vue=semaine&semaine={Day(day)}");
        Assert.Contains("09:30–12:30", week);
        Assert.Contains("Atelier stratégie de la donnée", week);
        var otherWeek = await Forms.ReadAsync(staff, $"{Calendar}?vue=semaine&semaine={Day(day.AddDays(14))}");
        Assert.DoesNotContain("Atelier stratégie de la donnée", otherWeek);
        var unreadable = await Forms.ReadAsync(staff, $"{Calendar}?vue=semaine&semaine=demain");
        Assert.Contains(Cohorts.Web.Pages.Sessions.CalendarModel.UnreadableWeekMessage, unreadable);
        var session = await app.WithDbAsync(db => db.Sessions.SingleAsync());
        Assert.Equal(3m, session.Hours);
        Assert.Equal(scenario.At(3, 9, 30), session.StartsAt);
    }

    [Fact]
    public async Task An_end_before_the_start_is_refused_next_to_the_field_and_what_was_typed_stays()
    {
        var (status, page, _) = await PostAsync(staff, New, Fields("InPerson", "Titre gardé", Today(app).AddDays(2), "16:00", "14:00", scenario.Facilitator.Id));
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("La séance doit finir après son début", page);
        Assert.Contains("value=\"Titre gardé\"", page);
        Assert.Equal(0, await CountAsync());
    }

    /// <summary>Found in a user's trial: « 25:00 » or letters in a number read only « La valeur saisie n'est pas valide. ».</summary>
    [Fact]
    public async Task A_time_or_a_number_that_cannot_be_read_says_what_the_field_expects()
    {
        var fields = Fields("Remote", "Classe", Today(app).AddDays(3), "25:00", "16:00", scenario.Facilitator.Id, place: "", videoLink: "https://visio.numerique.gouv.fr/x");
        fields["Repeat.Mode"] = "Weeks";
        fields["Repeat.Weeks"] = "quatre";
        var (_, page, _) = await PostAsync(staff, New, fields);
        Assert.Contains("Indiquez une heure valide, par exemple 14:00.", page);
        Assert.Contains("Saisissez un nombre entier, en chiffres (par exemple 12).", page);
        Assert.DoesNotContain("La valeur saisie n&#x27;est pas valide", page);
        Assert.DoesNotContain("La valeur saisie n'est pas valide", page);
        Assert.Equal(0, await app.WithDbAsync(db => db.Sessions.CountAsync()));
    }

    [Fact]
    public async Task A_lead_already_leading_elsewhere_is_refused_with_what_clashes()
    {
        var (other, _) = await scenario.SeedOtherCohortAsync();
        await scenario.SessionAsync(SessionKind.InPerson, scenario.At(4, 14), scenario.At(4, 16), title: "Atelier data", cohortId: other);
        var (_, page, _) = await PostAsync(staff, New, Fields("InPerson", "Journée cloud", Today(app).AddDays(4), "15:00", "17:00", scenario.Facilitator.Id));
        Assert.Contains("Claire Animatrice anime déjà « Atelier data » le", page);
        Assert.Contains("de 14:00 à 16:00", page);
        Assert.Equal(1, await CountAsync());
    }

    [Fact]
    public async Task A_session_of_the_cohort_during_a_participants_coaching_is_refused_naming_the_participant()
    {
        var camille = scenario.Participants[0];
        await scenario.SessionAsync(SessionKind.Coaching, scenario.At(5, 10), scenario.At(5, 11), participantIds: [camille.Id], title: "Point d'étape");
        var (_, page, _) = await PostAsync(staff, New, Fields("Remote", "Classe à distance", Today(app).AddDays(5), "09:00", "12:00", scenario.OtherCoach.Id,
            place: "", videoLink: "https://visio.numerique.gouv.fr/classe"));
        Assert.Contains($"{camille.Name} a déjà « Point d'étape »", page);
        Assert.Equal(1, await CountAsync());
    }

    [Fact]
    public async Task A_session_outside_the_cohort_is_refused_with_its_dates()
    {
        var (_, page, _) = await PostAsync(staff, New, Fields("InPerson", "Trop tard", scenario.EndsOn.AddDays(1), "09:00", "12:00", scenario.Facilitator.Id));
        Assert.Contains("La séance doit avoir lieu pendant la promotion, du", page);
        Assert.Equal(0, await CountAsync());
    }

    [Fact]
    public async Task A_coaching_session_joins_a_coach_of_the_cohort_and_their_own_coachees_only()
    {
        await scenario.PairAsync(scenario.Coach, [scenario.Participants[0]]);
        await scenario.PairAsync(scenario.OtherCoach, [scenario.Participants[1]]);
        var day = Today(app).AddDays(6);
        var (_, stranger, _) = await PostAsync(staff, New, Fields("Coaching", "Point individuel", day, "10:00", "11:00", scenario.Coach.Id, place: "",
            participants: [scenario.Participants[1].Id]));
        Assert.Contains($"Ce coach n'accompagne pas {scenario.Participants[1].Name}", stranger);
        var (_, notCoach, _) = await PostAsync(staff, New, Fields("Coaching", "Point individuel", day, "10:00", "11:00", scenario.Facilitator.Id, place: "",
            participants: [scenario.Participants[0].Id]));
        Assert.Contains(CoachingRules.NotACoachOfTheCohortMessage, notCoach);
        Assert.Equal(0, await CountAsync());

        var (_, page, path) = await PostAsync(staff, New, Fields("Coaching", "Point individuel", day, "10:00", "11:00", scenario.Coach.Id, place: "",
            participants: [scenario.Participants[0].Id]));
        Assert.StartsWith("/gestion/seances/", path);
        Assert.Contains(scenario.Participants[0].Name, page);
        var session = await app.WithDbAsync(db => db.Sessions.Include(s => s.Participants).SingleAsync());
        Assert.Equal([scenario.Participants[0].Id], session.ParticipantIds);
        Assert.Equal(scenario.Coach.Id, session.LeadId);
    }

    [Fact]
    public async Task Another_programs_manager_finds_none_of_the_cohorts_session_pages()
    {
        var session = await scenario.SessionAsync(SessionKind.InPerson, scenario.At(3, 9), scenario.At(3, 12));
        var weekly = Fields("Remote", "Classe du mardi", Today(app).AddDays(8), "14:00", "16:00", scenario.OtherCoach.Id, place: "",
            videoLink: "https://visio.numerique.gouv.fr/mardi");
        weekly["Repeat.Mode"] = "Weeks";
        weekly["Repeat.Weeks"] = "2";
        await PostAsync(staff, New, weekly);
        var series = await app.WithDbAsync(db => db.Sessions.Where(s => s.SeriesId != null).Select(s => s.SeriesId!.Value).FirstAsync());
        using (var mine = await staff.GetAsync($"/gestion/series/{series}/modifier")) Assert.Equal(HttpStatusCode.OK, mine.StatusCode);
        var (otherCohort, _) = await scenario.SeedOtherCohortAsync();
        var otherProgram = await app.WithDbAsync(db => db.Cohorts.Where(c => c.Id == otherCohort).Select(c => c.ProgramId).SingleAsync());
        var stranger = await scenario.PersonAsync("autre.responsable@cohorts.test", Roles.ProgramManager, "Agnès", "Ailleurs");
        await app.AssignAsync(otherProgram, stranger.Id);
        var client = await scenario.SignInAsync(stranger.Email);
        foreach (var url in new[]
                 {
                     Calendar, New, $"/gestion/seances/{session.Id}", $"/gestion/seances/{session.Id}/modifier", $"/gestion/seances/{session.Id}/annuler",
                     $"/gestion/series/{series}/modifier",
                 })
        {
            using var response = await client.GetAsync(url);
            Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"{url}: HTTP {(int)response.StatusCode}");
        }
        // Their own cohort's calendar answers, without this cohort's session.
        var own = await Forms.ReadAsync(client, $"/gestion/promotions/{otherCohort}/seances");
        Assert.DoesNotContain(session.Title, own);
        // The facilitator, who leads it but is no staff, does not reach the staff pages.
        var facilitator = await scenario.SignInAsync(SessionScenario.FacilitatorEmail);
        using var forbidden = await facilitator.GetAsync($"/gestion/seances/{session.Id}");
        Assert.NotEqual(HttpStatusCode.OK, forbidden.StatusCode);
    }

    [Fact]
    public async Task Changing_a_session_emails_the_lead_and_the_participants_the_same_event_one_sequence_up()
    {
        var session = await scenario.SessionAsync(SessionKind.InPerson, scenario.At(3, 9), scenario.At(3, 12), title: "Journée produit");
        var fields = Fields("InPerson", "Journée produit", Today(app).AddDays(3), "09:30", "12:30", scenario.Facilitator.Id, place: "Ségur");
        var (_, page, _) = await PostAsync(staff, $"/gestion/seances/{session.Id}/modifier", fields);
        Assert.Contains("La séance est modifiée", page);
        Assert.Contains("de 09:30 à 12:30", page);
        foreach (var person in scenario.Participants.Append(scenario.Facilitator))
        {
            var email = await app.Mailbox.WaitForAsync(person.Email, "Séance modifiée : « Journée produit »");
            Assert.Contains("de 09:30 à 12:30", email.TextBody);
            Assert.Contains("Ségur", email.TextBody);
            var (calendarEvent, calendar) = Assert.Single(EventsOf(email));
            Assert.Equal(SessionCalendar.Uid(session.Id), calendarEvent.Uid);
            Assert.Equal(1, calendarEvent.Sequence);
            Assert.Equal("REQUEST", calendar.Method);
            Assert.Equal(SessionCalendar.TimeZoneId, calendarEvent.DtStart!.TzId);
            Assert.Equal(new TimeOnly(9, 30), TimeOnly.FromDateTime(calendarEvent.DtStart.Value));
        }
        // Posting it again unchanged changes nothing and emails no one.
        var (_, again, _) = await PostAsync(staff, $"/gestion/seances/{session.Id}/modifier", fields);
        Assert.Contains("Rien n'a changé", again);
        Assert.Equal(1, await app.WithDbAsync(db => db.Sessions.Select(s => s.Sequence).SingleAsync()));
        Assert.Equal(scenario.Participants.Count + 1, await app.WithDbAsync(db => db.OutboxMessages.CountAsync(m => m.Kind == "session-changed")));
    }

    [Fact]
    public async Task A_replaced_lead_is_told_they_are_no_longer_expected_without_an_event()
    {
        var session = await scenario.SessionAsync(SessionKind.InPerson, scenario.At(4, 9), scenario.At(4, 12), title: "Journée design");
        var (_, page, _) = await PostAsync(staff, $"/gestion/seances/{session.Id}/modifier",
            Fields("InPerson", "Journée design", Today(app).AddDays(4), "09:00", "12:00", scenario.OtherCoach.Id));
        Assert.Contains("Inès Coach", page);
        var replaced = await app.Mailbox.WaitForAsync(scenario.Facilitator.Email, "Vous n'êtes plus attendu(e) : « Journée design »");
        Assert.Empty(EventsOf(replaced));
        var incoming = await app.Mailbox.WaitForAsync(scenario.OtherCoach.Email, "Séance modifiée : « Journée design »");
        Assert.Single(EventsOf(incoming));
    }

    [Fact]
    public async Task A_change_that_clashes_is_refused_and_nothing_is_saved_nor_sent()
    {
        await scenario.SessionAsync(SessionKind.InPerson, scenario.At(3, 14), scenario.At(3, 17), title: "Après-midi data");
        var session = await scenario.SessionAsync(SessionKind.InPerson, scenario.At(3, 9), scenario.At(3, 12), title: "Matinée produit");
        var (_, page, _) = await PostAsync(staff, $"/gestion/seances/{session.Id}/modifier",
            Fields("InPerson", "Matinée produit", Today(app).AddDays(3), "11:00", "15:00", scenario.Facilitator.Id));
        Assert.Contains("« Après-midi data »", page);
        Assert.Contains("value=\"15:00\"", page);
        var stored = await app.WithDbAsync(db => db.Sessions.SingleAsync(s => s.Id == session.Id));
        Assert.Equal(scenario.At(3, 12), stored.EndsAt);
        Assert.Equal(0, stored.Sequence);
        Assert.Equal(0, await app.WithDbAsync(db => db.OutboxMessages.CountAsync(m => m.Kind == "session-changed")));
    }

    [Fact]
    public async Task Cancelling_a_session_keeps_it_struck_in_the_calendar_and_emails_the_cancellation()
    {
        var session = await scenario.SessionAsync(SessionKind.Remote, scenario.At(2, 14), scenario.At(2, 16), title: "Classe virtuelle");
        var (_, page, _) = await PostAsync(staff, $"/gestion/seances/{session.Id}/annuler",
            new() { ["Input.Reason"] = "L'intervenante est malade.", ["Input.Scope"] = "One" });
        Assert.Contains("La séance est annulée", page);
        Assert.Contains("L'intervenante est malade.", page);
        var calendar = await Forms.ReadAsync(staff, Calendar);
        Assert.Contains("<s><a href=\"/gestion/seances/" + session.Id + "\">Classe virtuelle</a></s>", calendar);
        Assert.Contains("Annulée", calendar);
        var email = await app.Mailbox.WaitForAsync(scenario.Participants[0].Email, "Séance annulée : « Classe virtuelle »");
        Assert.Contains("Motif : L'intervenante est malade.", email.TextBody);
        var (calendarEvent, ics) = Assert.Single(EventsOf(email));
        Assert.Equal("CANCELLED", calendarEvent.Status);
        Assert.Equal("CANCEL", ics.Method);
        Assert.Equal(SessionCalendar.Uid(session.Id), calendarEvent.Uid);
        await app.Mailbox.WaitForAsync(scenario.Facilitator.Email, "Séance annulée");
        // The freed time takes another session.
        await scenario.SessionAsync(SessionKind.InPerson, scenario.At(2, 14), scenario.At(2, 16));
        // A session already cancelled is not cancelled twice; a session already held is not cancelled at all.
        var (_, twice, _) = await PostAsync(staff, $"/gestion/seances/{session.Id}/annuler", new() { ["Input.Reason"] = "", ["Input.Scope"] = "One" });
        Assert.Contains("Cette séance est déjà annulée.", twice);
        var held = await scenario.SessionAsync(SessionKind.InPerson, scenario.At(-1, 9), scenario.At(-1, 12));
        var (_, past, _) = await PostAsync(staff, $"/gestion/seances/{held.Id}/annuler", new() { ["Input.Reason"] = "", ["Input.Scope"] = "One" });
        Assert.Contains(Cohorts.Web.Pages.Sessions.CancelSessionModel.StartedMessage, past);
        Assert.Null(await app.WithDbAsync(db => db.Sessions.Where(s => s.Id == held.Id).Select(s => s.CancelledAt).SingleAsync()));
    }

    [Fact]
    public async Task The_cohorts_dates_cannot_leave_a_session_outside_and_the_page_says_which()
    {
        await scenario.SessionAsync(SessionKind.InPerson, scenario.At(30, 9), scenario.At(30, 12), title: "Journée bilan");
        var editPage = $"/gestion/promotions/{scenario.CohortId}/modifier";
        var cohort = await app.WithDbAsync(db => db.Cohorts.SingleAsync(c => c.Id == scenario.CohortId));
        var fields = new Dictionary<string, string>
        {
            ["Input.Name"] = cohort.Name, ["Input.Seats"] = cohort.Seats.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Input.StartsOn"] = Day(cohort.StartsOn), ["Input.EndsOn"] = Day(Today(app).AddDays(20)),
            ["Input.OpensAt"] = Cohorts.Domain.ParisTime.ToParis(cohort.ApplicationsOpenAt).ToString("yyyy-MM-dd'T'HH:mm", System.Globalization.CultureInfo.InvariantCulture),
            ["Input.ClosesAt"] = Cohorts.Domain.ParisTime.ToParis(cohort.ApplicationsCloseAt).ToString("yyyy-MM-dd'T'HH:mm", System.Globalization.CultureInfo.InvariantCulture),
            ["Input.Place"] = cohort.Place, ["Input.Format"] = "", ["Input.Published"] = "true",
        };
        var (_, page, _) = await PostAsync(staff, editPage, fields);
        Assert.Contains("Des séances de la promotion tomberaient en dehors de ces dates : « Journée bilan » le", page);
        Assert.Equal(scenario.EndsOn, await app.WithDbAsync(db => db.Cohorts.Where(c => c.Id == scenario.CohortId).Select(c => c.EndsOn).SingleAsync()));
        // Once the session is cancelled, the dates may shrink.
        await app.WithDbAsync(async db =>
        {
            var session = await db.Sessions.Include(s => s.Bookings).SingleAsync();
            session.Cancel(null, app.Clock.GetUtcNow());
            return await db.SaveChangesAsync();
        });
        var (_, saved, _) = await PostAsync(staff, editPage, fields);
        Assert.Contains("La promotion est enregistrée", saved);
    }
}

using Cohorts.Domain;
using Cohorts.Domain.Sessions;
using Cohorts.Web.Jobs;
using Cohorts.Web.Reminders;
using Cohorts.Web.Sessions;
using Cohorts.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;

namespace Cohorts.Web.Tests.Reminders;

/// <summary>
/// The reminders of sessions, each run as Hangfire would and read from the SMTP server: the session tomorrow (to its people
/// and its lead, place or link, the .ics), the coaching log not written 48 h after, the satisfaction invitation once the
/// session ended (to those who attended). Each sent once however often it runs.
/// </summary>
[Collection(AppFixtureGroup.Name)]
public sealed class SessionReminderTests(CohortsApp app) : IAsyncLifetime
{
    private SessionScenario scenario = null!;

    public async Task InitializeAsync()
    {
        await app.ResetAsync();
        scenario = await new SessionScenario(app).SeedAsync(participants: 5);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private async Task<int> RunAsync(ReminderKind kind)
    {
        var written = 0;
        await app.WithScopeAsync(async services => written = await services.GetRequiredService<SendRemindersJob>().RunAsync(kind, CancellationToken.None));
        return written;
    }

    private void MoveTo(DateTimeOffset instant) => app.Clock.Advance(instant - app.Clock.GetUtcNow());

    private Task<List<string>> RecipientsAsync(string template) => app.WithDbAsync(db =>
        db.OutboxMessages.Where(m => m.Kind == template).OrderBy(m => m.To).Select(m => m.To).ToListAsync());

    private static Ical.Net.Calendar InvitationIn(MimeMessage message)
    {
        var part = Assert.Single(message.Attachments.OfType<MimePart>(), p => p.FileName == "seance.ics");
        using var content = new MemoryStream();
        part.Content!.DecodeTo(content);
        return Ical.Net.Calendar.Load(System.Text.Encoding.UTF8.GetString(content.ToArray()))!;
    }

    [Fact]
    public async Task The_day_before_a_session_its_participants_and_its_lead_get_its_place_and_the_ics_once_even_from_two_runs_at_once()
    {
        var session = await scenario.SessionAsync(SessionKind.InPerson, scenario.At(3, 9, 30), scenario.At(3, 12, 30), title: "Atelier stratégie");
        var cancelled = await scenario.SessionAsync(SessionKind.InPerson, scenario.At(3, 14), scenario.At(3, 16), title: "Atelier annulé");
        await app.WithDbAsync(async db =>
        {
            var stored = await db.Sessions.Include(s => s.Participants).Include(s => s.Bookings).SingleAsync(s => s.Id == cancelled.Id);
            stored.Cancel("Salle indisponible", app.Clock.GetUtcNow());
            return (await SessionStore.SaveAsync(db, stored, CancellationToken.None)).Count;
        });

        MoveTo(session.StartsAt.AddDays(-1).AddHours(-1));
        Assert.Equal(0, await RunAsync(ReminderKind.SessionTomorrow));
        MoveTo(session.StartsAt.AddDays(-1).AddMinutes(5));
        var runs = await Task.WhenAll(Enumerable.Range(0, 2).Select(_ => Task.Run(() => RunAsync(ReminderKind.SessionTomorrow))));
        Assert.Equal(6, runs.Sum());
        Assert.Equal(0, await RunAsync(ReminderKind.SessionTomorrow));
        Assert.Equal(scenario.Participants.Select(p => p.Email).Append(scenario.Facilitator.Email).Order(StringComparer.Ordinal),
            await RecipientsAsync(SessionTomorrowReminder.TemplateName));

        var email = await app.Mailbox.WaitForAsync(scenario.Participants[0].Email, "Rappel : séance demain");
        Assert.Equal("Rappel : séance demain — Atelier stratégie", email.Subject);
        Assert.Contains($"Quand : {SessionText.When(session)} (heure de Paris)", email.TextBody, StringComparison.Ordinal);
        Assert.Contains("de 09:30 à 12:30", email.TextBody, StringComparison.Ordinal);
        Assert.Contains("Où : Campus du numérique, salle B12, 20 avenue de Ségur, Paris", email.TextBody, StringComparison.Ordinal);
        Assert.Contains("Vous recevez ce rappel la veille de chaque séance", email.TextBody, StringComparison.Ordinal);
        Assert.Contains($"{app.BaseUrl}/agenda", email.TextBody, StringComparison.Ordinal);
        var invitation = InvitationIn(email);
        Assert.Equal("REQUEST", invitation.Method);
        var invited = Assert.Single(invitation.Events);
        Assert.Equal(SessionCalendar.Uid(session.Id), invited.Uid);
        Assert.Equal(("Europe/Paris", 9, 30), (invited.DtStart!.TzId, invited.DtStart.Value.Hour, invited.DtStart.Value.Minute));

        var lead = await app.Mailbox.WaitForAsync(scenario.Facilitator.Email, "Rappel : vous animez demain");
        Assert.Contains("Vous animez demain la séance « Atelier stratégie »", lead.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain(app.Mailbox.Received, m => (m.Subject ?? "").Contains("Atelier annulé", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_remote_session_gives_its_link_and_a_coaching_session_is_reminded_to_its_coachee_and_coach_only()
    {
        var camille = scenario.Participants[0];
        var remote = await scenario.SessionAsync(SessionKind.Remote, scenario.At(2, 14), scenario.At(2, 16), title: "Classe virtuelle");
        var coaching = await scenario.SessionAsync(SessionKind.Coaching, scenario.At(2, 17), scenario.At(2, 18), participantIds: [camille.Id],
            title: "Point d'étape");
        MoveTo(remote.StartsAt.AddDays(-1).AddMinutes(5));
        Assert.Equal(6, await RunAsync(ReminderKind.SessionTomorrow));
        MoveTo(coaching.StartsAt.AddDays(-1).AddMinutes(5));
        Assert.Equal(2, await RunAsync(ReminderKind.SessionTomorrow));

        var link = await app.Mailbox.WaitForAsync(scenario.Participants[1].Email, "Classe virtuelle");
        Assert.Contains("Où : https://visio.numerique.gouv.fr/seance", link.TextBody, StringComparison.Ordinal);
        var coachingRecipients = await app.WithDbAsync(db => db.OutboxMessages.Where(m => m.Subject.Contains("Point d'étape")).Select(m => m.To).ToListAsync());
        Assert.Equal(new[] { camille.Email, scenario.Coach.Email }.Order(StringComparer.Ordinal), coachingRecipients.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task A_session_at_09_30_in_Paris_in_July_and_in_January_reads_09_30_in_the_reminder_and_its_ics()
    {
        await app.WithDbAsync(db => db.Cohorts.Where(c => c.Id == scenario.CohortId)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.EndsOn, scenario.EndsOn.AddMonths(9))));
        var today = ParisTime.Today(app.Clock.GetUtcNow());
        DateOnly Next(int month, int day) => new DateOnly(today.Year, month, day) is var d && d > today.AddDays(2) ? d : d.AddYears(1);
        var sessions = new List<Session>();
        foreach (var (day, title) in new[] { (Next(7, 7), "Atelier d'été"), (Next(1, 12), "Atelier d'hiver") })
            sessions.Add(await scenario.SessionAsync(SessionKind.InPerson, scenario.At(day.DayNumber - today.DayNumber, 9, 30),
                scenario.At(day.DayNumber - today.DayNumber, 11), title: title));

        foreach (var session in sessions.OrderBy(s => s.StartsAt))
        {
            MoveTo(session.StartsAt.AddDays(-1).AddMinutes(5));
            Assert.Equal(6, await RunAsync(ReminderKind.SessionTomorrow));
            var email = await app.Mailbox.WaitForAsync(scenario.Participants[2].Email, session.Title);
            Assert.Contains("de 09:30 à 11:00 (heure de Paris)", email.TextBody, StringComparison.Ordinal);
            var start = Assert.Single(InvitationIn(email).Events).DtStart!;
            Assert.Equal(("Europe/Paris", 9, 30), (start.TzId, start.Value.Hour, start.Value.Minute));
            Assert.Equal(session.StartsAt.UtcDateTime, start.AsUtc);
        }
        Assert.Equal(7, sessions.Single(s => s.Title == "Atelier d'été").StartsAt.UtcDateTime.Hour);
        Assert.Equal(8, sessions.Single(s => s.Title == "Atelier d'hiver").StartsAt.UtcDateTime.Hour);
    }

    [Fact]
    public async Task A_coaching_session_not_logged_48_hours_after_it_ended_is_reminded_to_its_coach_once_and_a_logged_one_is_not()
    {
        var (camille, dominique) = (scenario.Participants[0], scenario.Participants[1]);
        var forgotten = await scenario.SessionAsync(SessionKind.Coaching, scenario.At(1, 14), scenario.At(1, 15), participantIds: [camille.Id],
            title: "Coaching sans compte rendu");
        var logged = await scenario.SessionAsync(SessionKind.Coaching, scenario.At(1, 15), scenario.At(1, 16), leadId: scenario.OtherCoach.Id,
            participantIds: [dominique.Id], title: "Coaching consigné");
        MoveTo(logged.EndsAt.AddHours(1));
        await app.WithDbAsync(async db =>
        {
            var session = await db.Sessions.Include(s => s.Participants).SingleAsync(s => s.Id == logged.Id);
            db.CoachingLogs.Add(CoachingLog.Write(session, scenario.OtherCoach.Id, ParisTime.Today(app.Clock.GetUtcNow()), 60, CoachingMode.Video,
                "Projet professionnel", "Objectifs fixés.", "Notes privées", app.Clock.GetUtcNow()));
            return await db.SaveChangesAsync();
        });

        MoveTo(forgotten.EndsAt.AddHours(47));
        Assert.Equal(0, await RunAsync(ReminderKind.CoachingNotLogged));
        MoveTo(forgotten.EndsAt.AddHours(48).AddMinutes(5));
        Assert.Equal(1, await RunAsync(ReminderKind.CoachingNotLogged));
        MoveTo(forgotten.EndsAt.AddHours(50));
        Assert.Equal(0, await RunAsync(ReminderKind.CoachingNotLogged));

        var email = await app.Mailbox.WaitForAsync(scenario.Coach.Email, "compte rendu de coaching");
        Assert.Equal("Rappel : compte rendu de coaching à rédiger — Coaching sans compte rendu", email.Subject);
        Assert.Contains($"avec {camille.Name}", email.TextBody, StringComparison.Ordinal);
        Assert.Equal($"/accompagnement/seances/{forgotten.Id}/compte-rendu", new Uri(Mailbox.LinkIn(email, app.BaseUrl)).AbsolutePath);
        Assert.Equal([scenario.Coach.Email], await RecipientsAsync(CoachingNotLoggedReminder.TemplateName));
    }

    [Fact]
    public async Task Once_a_session_ended_those_who_attended_and_have_not_rated_it_are_invited_to_rate_it_once()
    {
        var p = scenario.Participants;
        var session = await scenario.SessionAsync(SessionKind.InPerson, scenario.At(1, 9), scenario.At(1, 12), title: "Journée design");
        MoveTo(session.EndsAt.AddMinutes(-30));
        await scenario.MarkAsync(session.Id, p[0], AttendanceStatus.Present);
        await scenario.MarkAsync(session.Id, p[1], AttendanceStatus.Late);
        await scenario.MarkAsync(session.Id, p[2], AttendanceStatus.Absent);
        await scenario.MarkAsync(session.Id, p[3], AttendanceStatus.Excused);
        await scenario.MarkAsync(session.Id, p[4], AttendanceStatus.Present);
        Assert.Equal(0, await RunAsync(ReminderKind.SatisfactionInvitation));

        MoveTo(session.EndsAt.AddMinutes(10));
        await app.WithDbAsync(async db =>
        {
            var stored = await db.Sessions.SingleAsync(s => s.Id == session.Id);
            db.SessionRatings.Add(SessionRating.Give(stored, p[4].Id, AttendanceStatus.Present, false, 5, "Très bien", app.Clock.GetUtcNow()));
            return await db.SaveChangesAsync();
        });
        Assert.Equal(2, await RunAsync(ReminderKind.SatisfactionInvitation));
        MoveTo(session.EndsAt.AddHours(3));
        Assert.Equal(0, await RunAsync(ReminderKind.SatisfactionInvitation));
        Assert.Equal(new[] { p[0].Email, p[1].Email }.Order(StringComparer.Ordinal), await RecipientsAsync(SatisfactionInvitation.TemplateName));

        var email = await app.Mailbox.WaitForAsync(p[1].Email, "Votre avis sur la séance");
        Assert.Equal("Votre avis sur la séance « Journée design »", email.Subject);
        Assert.Contains("Vous recevez ce rappel parce que", email.TextBody, StringComparison.Ordinal);
        Assert.Equal($"/parcours/seances/{session.Id}/avis", new Uri(Mailbox.LinkIn(email, app.BaseUrl)).AbsolutePath);

        // A week on, an attendance marked late brings no invitation any more.
        MoveTo(session.EndsAt.AddDays(7).AddMinutes(5));
        await scenario.MarkAsync(session.Id, p[2], AttendanceStatus.Late);
        Assert.Equal(0, await RunAsync(ReminderKind.SatisfactionInvitation));
    }

    [Fact]
    public async Task The_cohorts_reminders_page_lists_a_session_reminder_to_come_and_switched_off_it_is_not_sent()
    {
        var session = await scenario.SessionAsync(SessionKind.InPerson, scenario.At(3, 9, 30), scenario.At(3, 12, 30), title: "Atelier à venir");
        var manager = await scenario.SignInAsync(SessionScenario.ManagerEmail);
        var url = $"/gestion/promotions/{scenario.CohortId}/rappels";
        var page = await Forms.ReadAsync(manager, url);
        Assert.Contains("Séance le lendemain", page, StringComparison.Ordinal);
        Assert.Contains($"Atelier à venir ({SessionText.When(session)})", page, StringComparison.Ordinal);
        Assert.Contains($"{scenario.Facilitator.Name} <{scenario.Facilitator.Email}>", page, StringComparison.Ordinal);

        var off = await Forms.PostAndReadAsync(manager, $"{url}?handler=SwitchOff", new Dictionary<string, string> { ["Kind"] = "SessionTomorrow" });
        Assert.Contains("Le rappel « Séance le lendemain » est désactivé pour cette promotion", off, StringComparison.Ordinal);
        MoveTo(session.StartsAt.AddDays(-1).AddMinutes(5));
        Assert.Equal(0, await RunAsync(ReminderKind.SessionTomorrow));
    }
}

using Cohorts.Domain;
using Cohorts.Domain.Sessions;
using Cohorts.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using static Cohorts.Web.Tests.Sessions.SessionForms;

namespace Cohorts.Web.Tests.Sessions;

/// <summary>
/// Paris time through the staff pages: a session typed at 09:30 is at 09:30 in winter and in summer, and a weekly series
/// (Ical.Net's recurrence) keeps its local hour across the change of time; a series is saved whole or not at all, and
/// changed or cancelled from one of its occurrences on.
/// </summary>
[Collection(AppFixtureGroup.Name)]
public sealed class SeriesTests(CohortsApp app) : IAsyncLifetime
{
    private SessionScenario scenario = null!;
    private HttpClient staff = null!;

    public async Task InitializeAsync()
    {
        await app.ResetAsync();
        scenario = await new SessionScenario(app).SeedAsync(participants: 2);
        // A cohort that runs through the summer, the end of October and January.
        var endsOn = Today(app).AddMonths(13);
        await app.WithDbAsync(db => db.Cohorts.Where(c => c.Id == scenario.CohortId).ExecuteUpdateAsync(c => c.SetProperty(x => x.EndsOn, endsOn)));
        staff = await scenario.SignInAsync(SessionScenario.ManagerEmail);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private string New => $"/gestion/promotions/{scenario.CohortId}/seances/nouvelle";

    private Dictionary<string, string> Weekly(DateOnly first, string starts, string ends, string? weeks = null, DateOnly? until = null, string title = "Classe du mardi")
    {
        var fields = Fields("Remote", title, first, starts, ends, scenario.OtherCoach.Id, place: "", videoLink: "https://visio.numerique.gouv.fr/mardi");
        fields["Repeat.Mode"] = weeks is not null ? "Weeks" : "Until";
        fields["Repeat.Weeks"] = weeks ?? "";
        fields["Repeat.Until"] = until is { } day ? Day(day) : "";
        return fields;
    }

    private static DateOnly NextTuesday(DateOnly from)
    {
        var day = from;
        while (day.DayOfWeek != DayOfWeek.Tuesday) day = day.AddDays(1);
        return day;
    }

    /// <summary>The last Sunday of October after <paramref name="from"/>: Paris leaves summer time that night.</summary>
    private static DateOnly EndOfSummerTime(DateOnly from)
    {
        var year = from.Month > 10 ? from.Year + 1 : from.Year;
        var day = new DateOnly(year, 10, 31);
        while (day.DayOfWeek != DayOfWeek.Sunday) day = day.AddDays(-1);
        return day;
    }

    [Fact]
    public async Task A_session_typed_at_09_30_in_January_and_in_July_reads_09_30_on_its_page()
    {
        var today = Today(app);
        // The next 7 July and 12 January to come, wherever the shared clock stands in the year.
        DateOnly Next(int month, int day) => new DateOnly(today.Year, month, day) is var d && d > today ? d : d.AddYears(1);
        var (july, january) = (Next(7, 7), Next(1, 12));
        foreach (var (day, utcHour) in new[] { (july, 7), (january, 8) })
        {
            var (_, page, path) = await PostAsync(staff, New, Fields("InPerson", $"Journée du {Day(day)}", day, "09:30", "11:00", scenario.Facilitator.Id));
            Assert.StartsWith("/gestion/seances/", path);
            Assert.Contains("de 09:30 à 11:00", page);
            var session = await app.WithDbAsync(db => db.Sessions.SingleAsync(s => s.Title == $"Journée du {Day(day)}"));
            Assert.Equal(new DateTimeOffset(day.ToDateTime(new TimeOnly(utcHour, 30)), TimeSpan.Zero), session.StartsAt);
            var edit = await Forms.ReadAsync(staff, $"/gestion/seances/{session.Id}/modifier");
            Assert.Contains("value=\"09:30\"", edit);
        }
        var list = await Forms.ReadAsync(staff, $"/gestion/promotions/{scenario.CohortId}/seances");
        Assert.Equal(2, System.Text.RegularExpressions.Regex.Count(list, "<td>[^<]*, de 09:30 à 11:00</td>"));
    }

    [Fact]
    public async Task A_weekly_series_across_the_last_Sunday_of_October_keeps_14_00_in_Paris()
    {
        // Three weeks ahead at least, so that the series starts after today even in late October.
        var sunday = EndOfSummerTime(Today(app).AddDays(21));
        var first = NextTuesday(sunday.AddDays(-14));
        var (_, page, path) = await PostAsync(staff, New, Weekly(first, "14:00", "16:00", weeks: "4"));
        Assert.EndsWith($"/gestion/promotions/{scenario.CohortId}/seances", path);
        Assert.Contains("La série « Classe du mardi » est créée : 4 séances", page);
        var sessions = await app.WithDbAsync(db => db.Sessions.OrderBy(s => s.StartsAt).ToListAsync());
        Assert.Equal(4, sessions.Count);
        Assert.Single(sessions.Select(s => s.SeriesId).Distinct());
        Assert.All(sessions, s => Assert.Equal(new TimeOnly(14, 0), TimeOnly.FromDateTime(ParisTime.ToParis(s.StartsAt).DateTime)));
        Assert.All(sessions, s => Assert.Equal(new TimeOnly(16, 0), TimeOnly.FromDateTime(ParisTime.ToParis(s.EndsAt).DateTime)));
        Assert.Equal([first, first.AddDays(7), first.AddDays(14), first.AddDays(21)],
            sessions.Select(s => DateOnly.FromDateTime(ParisTime.ToParis(s.StartsAt).DateTime)));
        // Summer time (UTC+2) before that Sunday, winter time (UTC+1) after: the instants are an hour apart, the local hour is not.
        Assert.Equal(12, sessions[0].StartsAt.UtcDateTime.Hour);
        Assert.Equal(13, sessions[3].StartsAt.UtcDateTime.Hour);
        var week = await Forms.ReadAsync(staff, $"/gestion/promotions/{scenario.CohortId}/seances?vue=semaine&semaine={Day(first.AddDays(21))}");
        Assert.Contains("14:00–16:00", week);
    }

    [Fact]
    public async Task A_series_until_a_day_takes_that_day_and_a_series_past_the_cohort_is_refused()
    {
        var first = NextTuesday(Today(app).AddDays(1));
        await PostAsync(staff, New, Weekly(first, "14:00", "16:00", until: first.AddDays(21)));
        Assert.Equal(4, await app.WithDbAsync(db => db.Sessions.CountAsync()));

        var cohortEnd = await app.WithDbAsync(db => db.Cohorts.Where(c => c.Id == scenario.CohortId).Select(c => c.EndsOn).SingleAsync());
        var (_, late, _) = await PostAsync(staff, New, Weekly(first.AddDays(1), "09:00", "10:00", until: cohortEnd.AddDays(7), title: "Trop longue"));
        Assert.Contains("La série doit finir avec la promotion", late);
        var (_, once, _) = await PostAsync(staff, New, Weekly(first.AddDays(1), "09:00", "10:00", weeks: "1", title: "Trop courte"));
        Assert.Contains("Une série se répète de 2 à 52 semaines.", once);
        var (_, none, _) = await PostAsync(staff, New, Weekly(first.AddDays(1), "09:00", "10:00", weeks: "", title: "Sans durée"));
        Assert.Contains("Indiquez pendant combien de semaines la séance se répète.", none);
        Assert.Equal(4, await app.WithDbAsync(db => db.Sessions.CountAsync()));
    }

    [Fact]
    public async Task One_clashing_occurrence_refuses_the_whole_series_and_names_its_day()
    {
        var first = NextTuesday(Today(app).AddDays(1));
        var clashDay = first.AddDays(14);
        await scenario.SessionAsync(SessionKind.InPerson, ParisTime.FromParis(clashDay.ToDateTime(new TimeOnly(15, 0))),
            ParisTime.FromParis(clashDay.ToDateTime(new TimeOnly(17, 0))), title: "Journée cloud");
        var (_, page, _) = await PostAsync(staff, New, Weekly(first, "14:00", "16:00", weeks: "4"));
        Assert.Contains($"Séance du {ParisTime.ToParis(ParisTime.FromParis(clashDay.ToDateTime(new TimeOnly(14, 0)))).ToString("dddd", FrenchDates.Culture)} {FrenchDates.Date(clashDay)}", page);
        Assert.Contains("La promotion a déjà « Journée cloud »", page);
        Assert.Equal(1, await app.WithDbAsync(db => db.Sessions.CountAsync()));
    }

    [Fact]
    public async Task Editing_a_series_changes_its_occurrences_to_come_and_leaves_the_past_ones()
    {
        // Six days ago (held), then tomorrow and the two weeks after (to come), whatever the hour the shared clock shows.
        var first = Today(app).AddDays(-6);
        await PostAsync(staff, New, Weekly(first, "14:00", "16:00", weeks: "4"));
        var series = await app.WithDbAsync(db => db.Sessions.Select(s => s.SeriesId!.Value).FirstAsync());
        var fields = Weekly(first, "15:00", "17:00", weeks: "4", title: "Classe du lundi");
        var (_, page, _) = await PostAsync(staff, $"/gestion/series/{series}/modifier", fields);
        Assert.Contains("La série est modifiée : 3 séances à venir", page);
        var sessions = await app.WithDbAsync(db => db.Sessions.OrderBy(s => s.StartsAt).ToListAsync());
        Assert.Equal("Classe du mardi", sessions[0].Title);
        Assert.Equal(new TimeOnly(14, 0), TimeOnly.FromDateTime(ParisTime.ToParis(sessions[0].StartsAt).DateTime));
        Assert.Equal(0, sessions[0].Sequence);
        Assert.All(sessions.Skip(1), s =>
        {
            Assert.Equal("Classe du lundi", s.Title);
            Assert.Equal(new TimeOnly(15, 0), TimeOnly.FromDateTime(ParisTime.ToParis(s.StartsAt).DateTime));
            Assert.Equal(1, s.Sequence);
        });
        var email = await app.Mailbox.WaitForAsync(scenario.Participants[0].Email, "Séances modifiées : « Classe du lundi »");
        Assert.Equal(3, EventsOf(email).Count);
        Assert.Equal(3, System.Text.RegularExpressions.Regex.Count(email.TextBody ?? "", "de 15:00 à 17:00"));
        Assert.Equal(1, await app.WithDbAsync(db => db.OutboxMessages.CountAsync(m => m.To == scenario.Participants[0].Email && m.Kind == "session-changed")));
    }

    /// <summary>
    /// Found in a user's trial: an occurrence renamed on its own, then the series' end time changed from that occurrence's
    /// link, spread the one title to every session. The series form shows what the occurrences share, and a field left as
    /// shown keeps each occurrence's own value.
    /// </summary>
    [Fact]
    public async Task Editing_a_series_keeps_what_one_occurrence_changed_on_its_own_unless_that_field_is_retyped()
    {
        var first = NextTuesday(Today(app).AddDays(1));
        await PostAsync(staff, New, Weekly(first, "14:00", "16:00", weeks: "3"));
        var sessions = await app.WithDbAsync(db => db.Sessions.OrderBy(s => s.StartsAt).ToListAsync());
        var renamed = Weekly(first.AddDays(7), "14:00", "16:00", title: "Classe du mardi (invitée)");
        renamed["Input.Date"] = Day(first.AddDays(7));
        await PostAsync(staff, $"/gestion/seances/{sessions[1].Id}/modifier", renamed);
        Assert.Equal("Classe du mardi (invitée)", await app.WithDbAsync(db => db.Sessions.Where(s => s.Id == sessions[1].Id).Select(s => s.Title).SingleAsync()));

        var series = $"/gestion/series/{sessions[0].SeriesId}/modifier";
        var form = await Forms.ReadAsync(staff, series);
        Assert.Contains("value=\"Classe du mardi\"", form);
        var (_, page, _) = await PostAsync(staff, series, Weekly(first, "14:00", "16:30"));

        Assert.Contains("La série est modifiée : 3 séances à venir", page);
        var after = await app.WithDbAsync(db => db.Sessions.OrderBy(s => s.StartsAt).ToListAsync());
        Assert.Equal(["Classe du mardi", "Classe du mardi (invitée)", "Classe du mardi"], after.Select(s => s.Title));
        Assert.All(after, s => Assert.Equal(new TimeOnly(16, 30), TimeOnly.FromDateTime(ParisTime.ToParis(s.EndsAt).DateTime)));
        // Hours that were the length follow the new times.
        Assert.All(after, s => Assert.Equal(2.5m, s.Hours));

        await PostAsync(staff, series, Weekly(first, "14:00", "16:30", title: "Classe stratégie"));
        Assert.All(await app.WithDbAsync(db => db.Sessions.ToListAsync()), s => Assert.Equal("Classe stratégie", s.Title));
    }

    [Fact]
    public async Task Cancelling_the_rest_of_a_series_cancels_that_occurrence_and_the_following_ones()
    {
        var first = NextTuesday(Today(app).AddDays(1));
        await PostAsync(staff, New, Weekly(first, "14:00", "16:00", weeks: "4"));
        var sessions = await app.WithDbAsync(db => db.Sessions.OrderBy(s => s.StartsAt).ToListAsync());
        var (_, page, _) = await PostAsync(staff, $"/gestion/seances/{sessions[1].Id}/annuler",
            new() { ["Input.Reason"] = "Fin anticipée du module.", ["Input.Scope"] = "Rest" });
        Assert.Contains("3 séances de la série sont annulées", page);
        var cancelled = await app.WithDbAsync(db => db.Sessions.OrderBy(s => s.StartsAt).Select(s => s.CancelledAt != null).ToListAsync());
        Assert.Equal([false, true, true, true], cancelled);
        var email = await app.Mailbox.WaitForAsync(scenario.OtherCoach.Email, "Séances annulées : « Classe du mardi »");
        Assert.All(EventsOf(email), e => Assert.Equal("CANCELLED", e.Event.Status));
        Assert.Equal(3, EventsOf(email).Count);
    }
}

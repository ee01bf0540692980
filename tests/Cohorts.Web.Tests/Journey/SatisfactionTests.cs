using System.Net;
using System.Text.RegularExpressions;
using Cohorts.Domain;
using Cohorts.Domain.Catalogue;
using Cohorts.Domain.Sessions;
using Cohorts.Web.Identity;
using Cohorts.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Cohorts.Web.Tests.Journey;

/// <summary>The staff's satisfaction pages: averages per session, per cohort (all its ratings) and per program; only for the program's staff.</summary>
[Collection(AppFixtureGroup.Name)]
public sealed class SatisfactionTests(CohortsApp app) : IAsyncLifetime
{
    private SessionScenario scenario = null!;

    public async Task InitializeAsync()
    {
        await app.ResetAsync();
        scenario = await new SessionScenario(app).SeedAsync(participants: 3);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private string CohortPage => $"/gestion/promotions/{scenario.CohortId}/satisfaction";
    private string ProgramPage => $"/gestion/programmes/{scenario.ProgramId}/satisfaction";

    /// <summary>A session held, everyone present, and rated by the participants through the rating page.</summary>
    private async Task<Session> RatedAsync(int daysAgo, string title, IReadOnlyList<SessionScenario.SeededPerson> participants, int[] scores,
        string[] comments, int? cohortId = null)
    {
        var session = await scenario.SessionAsync(SessionKind.InPerson, scenario.At(-daysAgo, 9), scenario.At(-daysAgo, 12), title: title, cohortId: cohortId);
        for (var i = 0; i < scores.Length; i++)
        {
            await scenario.MarkAsync(session.Id, participants[i], AttendanceStatus.Present);
            var client = await scenario.SignInAsync(participants[i].Email);
            var response = await Forms.PostAsync(client, $"/parcours/seances/{session.Id}/avis",
                new Dictionary<string, string> { ["Score"] = scores[i].ToString(System.Globalization.CultureInfo.InvariantCulture), ["Comment"] = comments[i] });
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        }
        return session;
    }

    private static string Text(string html) => Regex.Replace(Regex.Replace(html, "<[^>]+>", " "), "\\s+", " ");

    [Fact]
    public async Task Staff_see_each_sessions_average_and_count_the_cohorts_average_over_all_ratings_and_the_comments_without_names()
    {
        var p = scenario.Participants;
        var first = await RatedAsync(5, "Atelier cartographie", p, [5, 4, 4], ["Passionnant", "", "Un peu long"]);
        var second = await RatedAsync(3, "Atelier budget", p, [2], ["Trop théorique"]);
        await scenario.MarkAsync(second.Id, p[1], AttendanceStatus.Late);
        var unrated = await scenario.SessionAsync(SessionKind.Remote, scenario.At(-1, 14), scenario.At(-1, 15), title: "Classe sans avis");
        await scenario.SessionAsync(SessionKind.Remote, scenario.At(3, 14), scenario.At(3, 15), title: "Classe à venir");

        var page = await Forms.ReadAsync(await scenario.SignInAsync(SessionScenario.ManagerEmail), CohortPage);

        Assert.Contains("Avis par séance passée (3 séances)", page, StringComparison.Ordinal);
        Assert.Contains("Atelier cartographie Présentiel Claire Animatrice 3 / 3 4,3 / 5",
            Text(JourneyPageTests.Element(page, "tr", $"seance-{first.Id}")), StringComparison.Ordinal);
        Assert.Contains("Atelier budget Présentiel Claire Animatrice 1 / 2 2,0 / 5", Text(JourneyPageTests.Element(page, "tr", $"seance-{second.Id}")),
            StringComparison.Ordinal);
        Assert.Contains("0 / 0 —", Text(JourneyPageTests.Element(page, "tr", $"seance-{unrated.Id}")), StringComparison.Ordinal);
        Assert.DoesNotContain("Classe à venir", page, StringComparison.Ordinal);
        // (5 + 4 + 4 + 2) / 4, each rating weighing the same, not (4,33 + 2) / 2.
        Assert.Contains("3,8 / 5 , sur 4 avis", Text(JourneyPageTests.Element(page, "div", "moyenne-promotion")), StringComparison.Ordinal);
        var comments = JourneyPageTests.Element(page, "table", "commentaires");
        Assert.Contains("3 commentaires, par séance", comments, StringComparison.Ordinal);
        // By session, in the order of the sessions; two comments given at the same instant come in either order.
        Assert.Matches(new Regex("(Passionnant.*Un peu long|Un peu long.*Passionnant).*Trop théorique", RegexOptions.Singleline), comments);
        foreach (var participant in p) Assert.DoesNotContain(participant.Name, page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_programs_page_averages_all_ratings_of_its_cohorts_and_gives_each_cohorts()
    {
        var p = scenario.Participants;
        await RatedAsync(5, "Atelier cartographie", p, [5, 3], ["", ""]);
        var (earlierCohort, earlier) = await SameProgramCohortAsync();
        await RatedAsync(4, "Atelier de l'autre promotion", earlier, [2], [""], earlierCohort);
        var (elsewhere, strangers) = await scenario.SeedOtherCohortAsync(participants: 1);
        await RatedAsync(3, "Séance d'un autre programme", strangers, [1], [""], elsewhere);

        var page = await Forms.ReadAsync(await scenario.SignInAsync(SessionScenario.ManagerEmail), ProgramPage);

        Assert.Contains("3,3 / 5 , sur 3 avis", Text(JourneyPageTests.Element(page, "div", "moyenne-programme")), StringComparison.Ordinal);
        Assert.Contains("Promotion 2027 : détail de la satisfaction", Text(JourneyPageTests.Element(page, "tr", $"promotion-{scenario.CohortId}")),
            StringComparison.Ordinal);
        Assert.EndsWith("1 2 4,0 / 5 ", Text(JourneyPageTests.Element(page, "tr", $"promotion-{scenario.CohortId}")), StringComparison.Ordinal);
        Assert.EndsWith("1 1 2,0 / 5 ", Text(JourneyPageTests.Element(page, "tr", $"promotion-{earlierCohort}")), StringComparison.Ordinal);
        Assert.DoesNotContain($"promotion-{elsewhere}", page, StringComparison.Ordinal);
    }

    /// <summary>An earlier cohort of the scenario's program, with a participant of its own.</summary>
    private async Task<(int, IReadOnlyList<SessionScenario.SeededPerson>)> SameProgramCohortAsync()
    {
        var cohortId = await app.WithDbAsync(async db =>
        {
            var program = await db.Programs.SingleAsync(p => p.Id == scenario.ProgramId);
            var startsOn = scenario.StartsOn.AddDays(-60);
            var closes = ParisTime.StartOfDay(startsOn).AddDays(-20);
            var cohort = Cohort.Create(program, "Promotion 2026", 20, startsOn, scenario.StartsOn.AddDays(30), closes.AddDays(-40), closes, "Lyon");
            db.Cohorts.Add(cohort);
            await db.SaveChangesAsync();
            return cohort.Id;
        });
        return (cohortId, await scenario.EnrollAsync(cohortId, 1, "ancienne"));
    }

    [Fact]
    public async Task Another_programs_manager_finds_neither_page_and_a_participant_is_refused_them()
    {
        var outsider = await scenario.PersonAsync("autre.responsable@cohorts.test", Roles.ProgramManager, "Anne", "Ailleurs");
        var (elsewhere, _) = await scenario.SeedOtherCohortAsync(participants: 1);
        var otherProgram = await app.WithDbAsync(db => db.Cohorts.Where(c => c.Id == elsewhere).Select(c => c.ProgramId).SingleAsync());
        await app.AssignAsync(otherProgram, outsider.Id);
        var manager = await scenario.SignInAsync(outsider.Email);

        Assert.Equal(HttpStatusCode.NotFound, (await manager.GetAsync(CohortPage)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await manager.GetAsync(ProgramPage)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await manager.GetAsync($"/gestion/promotions/{elsewhere}/satisfaction")).StatusCode);
        var participant = await scenario.SignInAsync(scenario.Participants[0].Email);
        foreach (var page in new[] { CohortPage, ProgramPage })
        {
            var response = await participant.GetAsync(page);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.StartsWith("/acces-refuse", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        }
    }
}

using System.Text.RegularExpressions;
using Cohorts.Domain;
using Cohorts.Domain.Sessions;
using Cohorts.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Cohorts.BrowserTests;

[Collection(BrowserFixtureGroup.Name)]
public sealed class JourneyPagesTests(BrowserFixture fixture) : IAsyncLifetime
{
    private readonly BrowserApp _app = fixture.App;

    public Task InitializeAsync() => _app.ResetAsync();
    public Task DisposeAsync() => Task.CompletedTask;

    /// <summary>
    /// A participant opens « Mon parcours » from the menu, reads their hours and what their coach shared, sends their
    /// opinion of a session without a score first (refused, the comment kept), then with one chosen from the keyboard; the
    /// manager reads it on the cohort's and the program's satisfaction pages. Each page is scanned with axe.
    /// </summary>
    [Fact]
    public async Task The_participant_sees_their_hours_and_rates_a_session_and_the_manager_reads_the_average()
    {
        var scenario = await new SessionScenario(_app).SeedAsync(participants: 2);
        var camille = scenario.Participants[0];
        await scenario.PairAsync(scenario.Coach, [camille]);
        var held = await scenario.SessionAsync(SessionKind.InPerson, scenario.At(-3, 9, 30), scenario.At(-3, 12, 30), title: "Atelier stratégie");
        await scenario.SessionAsync(SessionKind.Remote, scenario.At(2, 14), scenario.At(2, 17), title: "Classe à distance");
        var coaching = await scenario.SessionAsync(SessionKind.Coaching, scenario.At(-2, 10), scenario.At(-2, 11), participantIds: [camille.Id],
            title: "Premier accompagnement");
        await scenario.MarkAsync(held.Id, camille, AttendanceStatus.Present);
        await scenario.MarkAsync(coaching.Id, camille, AttendanceStatus.Present);
        await _app.WithDbAsync(async db =>
        {
            var session = await db.Sessions.SingleAsync(s => s.Id == coaching.Id);
            var now = _app.Clock.GetUtcNow();
            db.CoachingLogs.Add(CoachingLog.Write(session, scenario.Coach.Id, ParisTime.Today(now).AddDays(-2), 60, CoachingMode.Phone,
                "Projet professionnel", "Vous avez choisi votre sujet de mémoire.", "Notes du coach seulement", now));
            return await db.SaveChangesAsync();
        });

        var participant = await fixture.NewPageAsync();
        await participant.SignInAsync(camille.Email, camille.Name);
        await participant.GetByRole(AriaRole.Link, new() { Name = "Mon parcours" }).ClickAsync();
        await Expect(participant.GetByRole(AriaRole.Heading, new() { Name = "Mon parcours", Exact = true })).ToBeVisibleAsync();
        var hours = participant.Locator($"#heures-{scenario.CohortId}");
        // 3 + 3 + 1 mandatory hours planned for the whole cohort, 3 + 1 attended.
        await Expect(hours).ToContainTextAsync("Heures obligatoires suivies : 4 h sur 7 h prévues pour toute la promotion");
        await Expect(hours).ToContainTextAsync("57,1 %");
        await Expect(hours).ToContainTextAsync("Pour l'instant en dessous du seuil");
        await Expect(participant.GetByText("Vous avez choisi votre sujet de mémoire.")).ToBeVisibleAsync();
        await Expect(participant.Locator($"#passees-{scenario.CohortId}")).ToContainTextAsync("de 09:30 à 12:30");
        await Expect(participant.GetByText("Notes du coach seulement")).ToHaveCountAsync(0);
        await participant.AssertNoSeriousViolationsAsync();

        await participant.GetByRole(AriaRole.Link, new() { Name = "Donner mon avis sur la séance « Atelier stratégie »" }).ClickAsync();
        await Expect(participant.GetByRole(AriaRole.Heading, new() { Name = "Votre avis sur la séance « Atelier stratégie »" })).ToBeVisibleAsync();
        await participant.AssertNoSeriousViolationsAsync();
        await participant.GetByLabel("Commentaire").FillAsync("Des cas concrets, merci.");
        await participant.GetByRole(AriaRole.Button, new() { Name = "Envoyer mon avis" }).ClickAsync();
        await Expect(participant.Locator("#erreurs")).ToContainTextAsync("Choisissez une note de 1 à 5.");
        await Expect(participant.GetByLabel("Commentaire")).ToHaveValueAsync("Des cas concrets, merci.");
        await participant.AssertNoSeriousViolationsAsync();
        // From the keyboard: into the radio group, then the arrow keys move the choice.
        await participant.GetByLabel("3 — Moyennement satisfait").FocusAsync();
        await participant.Keyboard.PressAsync("Space");
        await participant.Keyboard.PressAsync("ArrowDown");
        await Expect(participant.GetByLabel("4 — Satisfait", new() { Exact = true })).ToBeCheckedAsync();
        await participant.GetByRole(AriaRole.Button, new() { Name = "Envoyer mon avis" }).ClickAsync();
        await Expect(participant.GetByRole(AriaRole.Status)).ToContainTextAsync("votre avis sur la séance « Atelier stratégie » est enregistré");
        await Expect(participant.Locator($"#seance-{held.Id}")).ToContainTextAsync("4 / 5");
        await participant.AssertNoSeriousViolationsAsync();

        var manager = await fixture.NewPageAsync();
        await manager.SignInAsync(SessionScenario.ManagerEmail, scenario.Manager.Name);
        await manager.GotoAsync("/gestion");
        await manager.GetByRole(AriaRole.Link, new() { NameRegex = new Regex("^Satisfaction de Conseiller en stratégie numérique") }).ClickAsync();
        await Expect(manager.Locator("#moyenne-promotion")).ToContainTextAsync("4,0 / 5, sur 1 avis");
        await Expect(manager.Locator($"#seance-{held.Id}")).ToContainTextAsync("1 / 1");
        await Expect(manager.Locator("#commentaires")).ToContainTextAsync("Des cas concrets, merci.");
        await manager.AssertNoSeriousViolationsAsync();
        await manager.GetByRole(AriaRole.Link, new() { Name = "Satisfaction du programme, toutes promotions" }).ClickAsync();
        await Expect(manager.Locator("#moyenne-programme")).ToContainTextAsync("4,0 / 5, sur 1 avis");
        await manager.AssertNoSeriousViolationsAsync();
    }
}

using System.Text.RegularExpressions;
using Cohorts.Domain.Sessions;
using Cohorts.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Cohorts.BrowserTests;

[Collection(BrowserFixtureGroup.Name)]
public sealed class CoachingJourneyTests(BrowserFixture fixture) : IAsyncLifetime
{
    private readonly BrowserApp _app = fixture.App;

    public Task InitializeAsync() => _app.ResetAsync();
    public Task DisposeAsync() => Task.CompletedTask;

    /// <summary>
    /// Staff take a coach on for the cohort and pair a participant with them; the coach finds the coaching session held
    /// yesterday flagged in their space, sends the log half-filled (refused, what was typed kept), completes it, and
    /// plans the next session. Each page is scanned with axe.
    /// </summary>
    [Fact]
    public async Task Staff_pair_a_participant_with_a_coach_who_then_logs_a_session_and_plans_the_next()
    {
        var scenario = await new SessionScenario(_app).SeedAsync(participants: 2);
        var camille = scenario.Participants[0];
        var manager = await fixture.NewPageAsync();
        await manager.SignInAsync(SessionScenario.ManagerEmail, "Paul Responsable");

        await manager.GotoAsync($"/gestion/promotions/{scenario.CohortId}/coachs");
        await Expect(manager.GetByRole(AriaRole.Heading, new() { NameRegex = new Regex("^Coachs et accompagnement") })).ToBeVisibleAsync();
        await manager.AssertNoSeriousViolationsAsync();
        await manager.GetByLabel("Compte coach").SelectOptionAsync(new SelectOptionValue { Label = $"Hugo Coach ({SessionScenario.CoachEmail})" });
        await manager.GetByLabel("Nombre maximum de coachés De 1 à 50.").FillAsync("2");
        await manager.GetByRole(AriaRole.Button, new() { Name = "Ajouter le coach" }).ClickAsync();
        await Expect(manager.Locator("#message")).ToContainTextAsync("Hugo Coach accompagne désormais la promotion, jusqu'à 2 coachés.");
        await manager.GetByLabel("Participant sans coach").SelectOptionAsync(new SelectOptionValue { Label = $"{camille.Name} ({camille.Email})" });
        await manager.GetByLabel("Coach", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "Hugo Coach (0 sur 2)" });
        await manager.GetByRole(AriaRole.Button, new() { Name = "Associer" }).ClickAsync();
        await Expect(manager.Locator("#message")).ToContainTextAsync($"{camille.Name} est accompagné(e) par Hugo Coach.");
        await Expect(manager.Locator("#coachs")).ToContainTextAsync("1 sur 2");
        await manager.AssertNoSeriousViolationsAsync();

        var held = await scenario.SessionAsync(SessionKind.Coaching, scenario.At(-1, 9, 30), scenario.At(-1, 10, 30), participantIds: [camille.Id],
            title: "Bilan de départ");
        var coach = await fixture.NewPageAsync();
        await coach.SignInAsync(SessionScenario.CoachEmail, "Hugo Coach");
        await coach.GotoAsync("/accompagnement");
        await Expect(coach.Locator("#a-rediger")).ToContainTextAsync("1 compte rendu à rédiger");
        await Expect(coach.Locator("#passees")).ToContainTextAsync("de 09:30 à 10:30");
        await coach.AssertNoSeriousViolationsAsync();

        await coach.Locator("#a-rediger").GetByRole(AriaRole.Link, new() { Name = "Bilan de départ" }).ClickAsync();
        await Expect(coach.GetByRole(AriaRole.Heading, new() { NameRegex = new Regex("^Compte rendu") })).ToBeVisibleAsync();
        await coach.GetByLabel("Thèmes abordés").FillAsync("Projet, posture");
        await coach.GetByLabel("Notes privées (facultatif)", new() { Exact = false }).FillAsync("À revoir : la confiance en soi.");
        await coach.GetByRole(AriaRole.Button, new() { Name = "Enregistrer le compte rendu" }).ClickAsync();
        await Expect(coach.Locator("#erreurs")).ToContainTextAsync("Rédigez la synthèse partagée avec le participant.");
        await Expect(coach.GetByLabel("Thèmes abordés")).ToHaveValueAsync("Projet, posture");
        await coach.AssertNoSeriousViolationsAsync();
        await coach.GetByLabel("Synthèse partagée", new() { Exact = false }).FillAsync("Objectifs fixés pour le projet de transformation.");
        await coach.Locator("label[for=mode-Video]").ClickAsync();
        await Expect(coach.GetByLabel("En visioconférence")).ToBeCheckedAsync();
        await coach.GetByLabel("Durée réelle, en minutes", new() { Exact = false }).FillAsync("50");
        await coach.GetByRole(AriaRole.Button, new() { Name = "Enregistrer le compte rendu" }).ClickAsync();
        await Expect(coach.Locator("#message")).ToContainTextAsync("Le compte rendu est enregistré.");
        await coach.AssertNoSeriousViolationsAsync();
        var log = await _app.WithDbAsync(db => db.CoachingLogs.AsNoTracking().SingleAsync());
        Assert.Equal((held.Id, 50, CoachingMode.Video), (log.SessionId, log.DurationMinutes, log.Mode));

        await coach.GotoAsync("/accompagnement");
        await coach.GetByRole(AriaRole.Link, new() { Name = "Planifier une séance d'accompagnement" }).ClickAsync();
        await coach.GetByLabel("Titre", new() { Exact = false }).FillAsync("Point d'étape");
        await coach.GetByText(camille.Name, new() { Exact = true }).ClickAsync();
        await Expect(coach.GetByLabel(camille.Name)).ToBeCheckedAsync();
        await coach.GetByLabel("Lien de visioconférence", new() { Exact = false }).FillAsync("https://visio.numerique.gouv.fr/point");
        await coach.AssertNoSeriousViolationsAsync();
        await coach.GetByLabel("Lien de visioconférence", new() { Exact = false }).PressAsync("Enter");
        await Expect(coach.Locator("#message")).ToContainTextAsync("La séance d'accompagnement est planifiée");
        await coach.AssertNoSeriousViolationsAsync();

        await manager.ReloadAsync();
        await Expect(manager.Locator("#seances-accompagnement")).ToContainTextAsync("Rédigé 0,83 h");
        await Expect(manager.Locator("#seances-accompagnement")).Not.ToContainTextAsync("confiance en soi");
    }
}

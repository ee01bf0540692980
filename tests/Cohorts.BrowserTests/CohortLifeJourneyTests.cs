using System.Globalization;
using System.Text.RegularExpressions;
using Cohorts.Domain;
using Cohorts.Domain.Sessions;
using Cohorts.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Cohorts.BrowserTests;

/// <summary>The life of a cohort after acceptance, across the roles, as each person does it in the browser.</summary>
[Collection(BrowserFixtureGroup.Name)]
public sealed class CohortLifeJourneyTests(BrowserFixture fixture) : IAsyncLifetime
{
    private readonly BrowserApp _app = fixture.App;

    public Task InitializeAsync() => _app.ResetAsync();
    public Task DisposeAsync() => Task.CompletedTask;

    /// <summary>
    /// Staff plan a weekly series and a coaching session → two days later the coach logs the coaching session → staff mark
    /// the first class's attendance → the participant reads their hours (over the whole cohort's planned mandatory hours),
    /// their coach's shared summary (never the private notes), and rates the class. Each page is scanned with axe.
    /// </summary>
    [Fact]
    public async Task Staff_plan_the_coach_logs_staff_mark_attendance_and_the_participant_sees_their_hours_and_rates_a_session()
    {
        var scenario = await new SessionScenario(_app).SeedAsync(participants: 1);
        var camille = scenario.Participants[0];
        await scenario.PairAsync(scenario.Coach, [camille]);
        var tomorrow = ParisTime.Today(_app.Clock.GetUtcNow()).AddDays(1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

        var manager = await fixture.NewPageAsync();
        await manager.SignInAsync(SessionScenario.ManagerEmail, "Paul Responsable");
        await manager.GotoAsync($"/gestion/promotions/{scenario.CohortId}/seances/nouvelle");
        await manager.Locator("label[for='Input_Kind_Remote']").ClickAsync();
        await manager.GetByLabel("Titre").FillAsync("Classe de stratégie");
        await manager.GetByRole(AriaRole.Textbox, new() { Name = "Jour", Exact = true }).FillAsync(tomorrow);
        await manager.GetByLabel("Heure de début").FillAsync("09:30");
        await manager.GetByLabel("Heure de fin").FillAsync("11:30");
        await manager.GetByLabel("Animée par").SelectOptionAsync(scenario.Facilitator.Id);
        await manager.GetByLabel("Lien de visioconférence").FillAsync("https://visio.numerique.gouv.fr/strategie");
        await manager.Locator("label[for='Repeat_Mode_Weeks']").ClickAsync();
        await manager.GetByRole(AriaRole.Spinbutton, new() { NameRegex = new Regex("^Nombre de semaines") }).FillAsync("3");
        await manager.GetByRole(AriaRole.Button, new() { Name = "Créer la séance" }).ClickAsync();
        await Expect(manager.Locator("#message")).ToContainTextAsync("La série « Classe de stratégie » est créée : 3 séances");
        await manager.AssertNoSeriousViolationsAsync();

        await manager.GetByRole(AriaRole.Link, new() { Name = "Nouvelle séance ou série" }).ClickAsync();
        await manager.Locator("label[for='Input_Kind_Coaching']").ClickAsync();
        await manager.GetByLabel("Titre").FillAsync("Premier accompagnement");
        await manager.GetByRole(AriaRole.Textbox, new() { Name = "Jour", Exact = true }).FillAsync(tomorrow);
        await manager.GetByLabel("Heure de début").FillAsync("14:00");
        await manager.GetByLabel("Heure de fin").FillAsync("15:00");
        await manager.GetByLabel("Animée par").SelectOptionAsync(scenario.Coach.Id);
        await manager.Locator("label[for='Input_Participants_0']").ClickAsync();
        await manager.GetByRole(AriaRole.Button, new() { Name = "Créer la séance" }).ClickAsync();
        await Expect(manager.Locator("#message")).ToContainTextAsync("La séance « Premier accompagnement » est créée");
        await manager.AssertNoSeriousViolationsAsync();

        // Two days later: the first class and the coaching session are over.
        _app.Clock.Advance(TimeSpan.FromDays(2));

        var coach = await fixture.NewPageAsync();
        await coach.SignInAsync(SessionScenario.CoachEmail, "Hugo Coach");
        await coach.GetByRole(AriaRole.Link, new() { Name = "Mon accompagnement" }).ClickAsync();
        await Expect(coach.Locator("#a-rediger")).ToContainTextAsync("1 compte rendu à rédiger");
        await coach.AssertNoSeriousViolationsAsync();
        await coach.Locator("#a-rediger").GetByRole(AriaRole.Link, new() { Name = "Premier accompagnement" }).ClickAsync();
        await coach.GetByLabel("Thèmes abordés").FillAsync("Projet de transformation");
        await coach.GetByLabel("Synthèse partagée", new() { Exact = false }).FillAsync("Vous avez choisi le service pilote de votre projet.");
        await coach.GetByLabel("Notes privées (facultatif)", new() { Exact = false }).FillAsync("Note réservée au coach : fatigue.");
        await coach.Locator("label[for=mode-Video]").ClickAsync();
        await coach.GetByLabel("Durée réelle, en minutes", new() { Exact = false }).FillAsync("60");
        await coach.AssertNoSeriousViolationsAsync();
        await coach.GetByRole(AriaRole.Button, new() { Name = "Enregistrer le compte rendu" }).ClickAsync();
        await Expect(coach.Locator("#message")).ToContainTextAsync("Le compte rendu est enregistré.");

        manager = await fixture.NewPageAsync();
        await manager.SignInAsync(SessionScenario.ManagerEmail, "Paul Responsable");
        await manager.GotoAsync("/gestion");
        await manager.GetByRole(AriaRole.Link, new() { Name = "Assiduité de Conseiller en stratégie numérique, Promotion 2027" }).ClickAsync();
        await manager.GetByRole(AriaRole.Link, new() { Name = "Classe de stratégie : noter les présences" }).ClickAsync();
        await manager.Locator($"label[for='presence-{camille.Id}-Present']").ClickAsync();
        await manager.AssertNoSeriousViolationsAsync();
        await manager.GetByRole(AriaRole.Button, new() { Name = "Enregistrer les présences" }).ClickAsync();
        await Expect(manager.GetByText("Présences enregistrées pour 1 participant")).ToBeVisibleAsync();
        await manager.GotoAsync($"/gestion/promotions/{scenario.CohortId}/assiduite");
        // 3 classes of 2 h and the coaching hour are planned and mandatory; 2 h attended so far.
        await Expect(manager.Locator("#participants tbody tr").Filter(new() { HasText = camille.Name })).ToContainTextAsync("Sous le seuil à ce jour");
        await Expect(manager.Locator("#participants")).Not.ToContainTextAsync("fatigue");
        await manager.AssertNoSeriousViolationsAsync();

        var participant = await fixture.NewPageAsync();
        await participant.SignInAsync(camille.Email, camille.Name);
        await participant.GetByRole(AriaRole.Link, new() { Name = "Mon parcours" }).ClickAsync();
        var hours = participant.Locator($"#heures-{scenario.CohortId}");
        await Expect(hours).ToContainTextAsync("Heures obligatoires suivies : 2 h sur 7 h prévues pour toute la promotion");
        await Expect(hours).ToContainTextAsync("28,6 %");
        await Expect(hours).ToContainTextAsync("Heures d'accompagnement individuel (comptes rendus de votre coach) : 1 h");
        await Expect(participant.GetByText("Vous avez choisi le service pilote de votre projet.")).ToBeVisibleAsync();
        await Expect(participant.GetByText("fatigue")).ToHaveCountAsync(0);
        await Expect(participant.GetByRole(AriaRole.Link, new() { Name = "Rejoindre la visioconférence de la séance « Classe de stratégie »" }).First)
            .ToHaveAttributeAsync("href", "https://visio.numerique.gouv.fr/strategie");
        await participant.AssertNoSeriousViolationsAsync();

        await participant.GetByRole(AriaRole.Link, new() { Name = "Donner mon avis sur la séance « Classe de stratégie »" }).ClickAsync();
        await participant.Locator("label[for='Score-5']").ClickAsync();
        await participant.GetByLabel("Commentaire").FillAsync("Clair et concret.");
        await participant.AssertNoSeriousViolationsAsync();
        await participant.GetByRole(AriaRole.Button, new() { Name = "Envoyer mon avis" }).ClickAsync();
        await Expect(participant.GetByRole(AriaRole.Status)).ToContainTextAsync("votre avis sur la séance « Classe de stratégie » est enregistré");

        var rating = await _app.WithDbAsync(db => db.SessionRatings.AsNoTracking().SingleAsync());
        Assert.Equal((5, "Clair et concret.", camille.Id), (rating.Score, rating.Comment, rating.ParticipantId));
        var log = await _app.WithDbAsync(db => db.CoachingLogs.AsNoTracking().SingleAsync());
        Assert.Equal((60, CoachingMode.Video), (log.DurationMinutes, log.Mode));
    }
}

using System.Globalization;
using System.Text.RegularExpressions;
using Cohorts.Domain;
using Cohorts.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Cohorts.BrowserTests;

[Collection(BrowserFixtureGroup.Name)]
public sealed class SessionsJourneyTests(BrowserFixture fixture) : IAsyncLifetime
{
    private readonly BrowserApp _app = fixture.App;

    public Task InitializeAsync() => _app.ResetAsync();
    public Task DisposeAsync() => Task.CompletedTask;

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>
    /// The manager reaches the cohort's calendar from the staff home, plans a weekly remote series (a first try ends before
    /// it starts: refused, what was typed stays), then a coaching session for a coach and their coachee, looks at the week,
    /// changes one occurrence and cancels another. Each page is scanned with axe.
    /// </summary>
    [Fact]
    public async Task The_manager_plans_a_weekly_series_and_a_coaching_session_then_changes_and_cancels_occurrences()
    {
        var scenario = await new SessionScenario(_app).SeedAsync(participants: 2);
        await scenario.PairAsync(scenario.Coach, [scenario.Participants[0]]);
        var today = ParisTime.Today(_app.Clock.GetUtcNow());
        var tuesday = today.AddDays(1);
        while (tuesday.DayOfWeek != DayOfWeek.Tuesday) tuesday = tuesday.AddDays(1);
        var page = await fixture.NewPageAsync();
        await page.SignInAsync(SessionScenario.ManagerEmail, "Paul Responsable");

        await page.GotoAsync("/gestion");
        await page.GetByRole(AriaRole.Link, new() { Name = "Calendrier des séances de Conseiller en stratégie numérique, Promotion 2027" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { NameRegex = new Regex("^Calendrier des séances") })).ToBeVisibleAsync();
        await Expect(page.Locator("#aucune-seance")).ToBeVisibleAsync();
        await page.AssertNoSeriousViolationsAsync();

        await page.GetByRole(AriaRole.Link, new() { Name = "Nouvelle séance ou série" }).ClickAsync();
        await page.AssertNoSeriousViolationsAsync();
        // DSFR draws radios and checkboxes on their labels: a user clicks the label.
        await page.Locator("label[for='Input_Kind_Remote']").ClickAsync();
        await page.GetByLabel("Titre").FillAsync("Classe du mardi");
        await page.GetByRole(AriaRole.Textbox, new() { Name = "Jour", Exact = true }).FillAsync(Day(tuesday));
        await page.GetByLabel("Heure de début").FillAsync("16:00");
        await page.GetByLabel("Heure de fin").FillAsync("14:00");
        await page.GetByLabel("Animée par").SelectOptionAsync(scenario.OtherCoach.Id);
        await page.GetByLabel("Lien de visioconférence").FillAsync("https://visio.numerique.gouv.fr/mardi");
        await page.Locator("label[for='Repeat_Mode_Weeks']").ClickAsync();
        await page.GetByRole(AriaRole.Spinbutton, new() { NameRegex = new Regex("^Nombre de semaines") }).FillAsync("4");
        await page.GetByRole(AriaRole.Button, new() { Name = "Créer la séance" }).ClickAsync();
        await Expect(page.Locator("#erreurs")).ToContainTextAsync("La séance doit finir après son début");
        await Expect(page.GetByLabel("Titre")).ToHaveValueAsync("Classe du mardi");
        await page.AssertNoSeriousViolationsAsync();
        await page.GetByLabel("Heure de début").FillAsync("14:00");
        await page.GetByLabel("Heure de fin").FillAsync("16:00");
        // Enter in a field submits the form, as a keyboard user does.
        await page.GetByRole(AriaRole.Spinbutton, new() { NameRegex = new Regex("^Nombre de semaines") }).PressAsync("Enter");
        await Expect(page.Locator("#message")).ToContainTextAsync("La série « Classe du mardi » est créée : 4 séances");
        await Expect(page.Locator("#a-venir tbody tr")).ToHaveCountAsync(4);
        await page.AssertNoSeriousViolationsAsync();

        await page.GetByRole(AriaRole.Link, new() { Name = "Nouvelle séance ou série" }).ClickAsync();
        await page.Locator("label[for='Input_Kind_Coaching']").ClickAsync();
        await page.GetByLabel("Titre").FillAsync("Point d'étape");
        await page.GetByRole(AriaRole.Textbox, new() { Name = "Jour", Exact = true }).FillAsync(Day(tuesday));
        await page.GetByLabel("Heure de début").FillAsync("10:00");
        await page.GetByLabel("Heure de fin").FillAsync("11:00");
        await page.GetByLabel("Animée par").SelectOptionAsync(scenario.Coach.Id);
        await page.Locator("label[for='Input_Participants_0']").ClickAsync();
        await Expect(page.GetByLabel(scenario.Participants[0].Name)).ToBeCheckedAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Créer la séance" }).ClickAsync();
        await Expect(page.Locator("#message")).ToContainTextAsync("La séance « Point d'étape » est créée");
        await Expect(page.Locator("#participants")).ToHaveTextAsync(scenario.Participants[0].Name);
        await Expect(page.Locator("#animation")).ToHaveTextAsync("Hugo Coach");
        await page.AssertNoSeriousViolationsAsync();

        await page.GetByRole(AriaRole.Link, new() { Name = "Calendrier des séances" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Semaine", Exact = true }).ClickAsync();
        await page.GotoAsync($"/gestion/promotions/{scenario.CohortId}/seances?vue=semaine&semaine={Day(tuesday)}");
        await Expect(page.Locator("#semaine")).ToContainTextAsync("14:00–16:00 Classe du mardi");
        await Expect(page.Locator("#semaine")).ToContainTextAsync("10:00–11:00 Point d'étape");
        await page.AssertNoSeriousViolationsAsync();

        // One occurrence moves to 15:00; the next is cancelled.
        await page.GetByRole(AriaRole.Link, new() { Name = "Classe du mardi" }).ClickAsync();
        await page.AssertNoSeriousViolationsAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Modifier cette séance" }).ClickAsync();
        await page.AssertNoSeriousViolationsAsync();
        await page.GetByLabel("Heure de début").FillAsync("15:00");
        await page.GetByLabel("Heure de fin").FillAsync("17:00");
        await page.GetByRole(AriaRole.Button, new() { Name = "Enregistrer et prévenir" }).ClickAsync();
        await Expect(page.Locator("#quand")).ToContainTextAsync("de 15:00 à 17:00");
        await page.GetByRole(AriaRole.Link, new() { NameRegex = new Regex("^Modifier la série") }).ClickAsync();
        await Expect(page.Locator("#seances-a-venir li")).ToHaveCountAsync(4);
        await page.AssertNoSeriousViolationsAsync();

        var second = await _app.WithDbAsync(db => db.Sessions.Where(s => s.SeriesId != null).OrderBy(s => s.StartsAt).Skip(1).Select(s => s.Id).FirstAsync());
        await page.GotoAsync($"/gestion/seances/{second}/annuler");
        await page.AssertNoSeriousViolationsAsync();
        await page.GetByLabel("Motif").FillAsync("Jour férié local.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Annuler et prévenir" }).ClickAsync();
        await Expect(page.Locator("#annulee")).ToBeVisibleAsync();
        await Expect(page.Locator("#annulation")).ToContainTextAsync("Jour férié local.");
        await page.AssertNoSeriousViolationsAsync();
        await page.GotoAsync($"/gestion/promotions/{scenario.CohortId}/seances");
        await Expect(page.Locator($"#seance-{second}")).ToContainTextAsync("Annulée");
    }
}

using Cohorts.Web.Identity;
using Cohorts.Web.Tests.Support;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Cohorts.BrowserTests;

[Collection(BrowserFixtureGroup.Name)]
public sealed class CatalogueJourneyTests(BrowserFixture fixture) : IAsyncLifetime
{
    private readonly BrowserApp _app = fixture.App;

    public Task InitializeAsync() => _app.ResetAsync();
    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task A_manager_creates_a_cohort_publishes_it_and_a_candidate_finds_it_in_the_catalogue()
    {
        var scenario = await new ApplicationScenario(_app).SeedAsync();
        var paul = await _app.CreateUserAsync("paul@cohorts.test", ApplicationScenario.Password, Roles.ProgramManager, firstName: "Paul", lastName: "Responsable");
        await _app.AssignAsync(scenario.ProgramId, paul.Id);
        var page = await fixture.NewPageAsync();
        await page.SignInAsync("paul@cohorts.test", "Paul Responsable");

        await page.GotoAsync("/gestion");
        await page.GetByRole(AriaRole.Main).GetByRole(AriaRole.Link, new() { Name = "Programmes : créer et modifier" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Booster Agile" }).ClickAsync();
        await page.AssertNoSeriousViolationsAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Créer une promotion" }).ClickAsync();
        await page.AssertNoSeriousViolationsAsync();
        await page.GetByLabel("Nom de la promotion").FillAsync("Promotion 4");
        await page.GetByLabel("Nombre de places").FillAsync("40");
        await page.GetByLabel("Premier jour de formation").FillAsync("2031-03-01");
        await page.GetByLabel("Dernier jour de formation").FillAsync("2031-04-30");
        await page.GetByLabel("Ouverture").FillAsync("2020-01-01T09:00");
        // A first try with a deadline after the start: refused, what was typed stays.
        await page.GetByLabel("Date limite de dépôt").FillAsync("2031-03-15T12:00");
        await page.GetByRole(AriaRole.Button, new() { Name = "Créer la promotion" }).ClickAsync();
        await Expect(page.Locator("#erreurs")).ToContainTextAsync("L'appel à candidatures doit fermer avant le début de la promotion.");
        await Expect(page.GetByLabel("Nom de la promotion")).ToHaveValueAsync("Promotion 4");
        await page.GetByLabel("Date limite de dépôt").FillAsync("2031-01-15T12:00");
        await page.GetByRole(AriaRole.Button, new() { Name = "Créer la promotion" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Promotion 4" })).ToBeVisibleAsync();
        await page.AssertNoSeriousViolationsAsync();
        await page.Locator("label[for='Input_Published']").ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Enregistrer la promotion" }).ClickAsync();
        await Expect(page.GetByText("La promotion est enregistrée.")).ToBeVisibleAsync();

        var visitor = await fixture.NewPageAsync();
        await visitor.GotoAsync("/");
        await visitor.GetByRole(AriaRole.Link, new() { Name = "Promotion 4" }).ClickAsync();
        await Expect(visitor.GetByText("15 janvier 2031 à 12 h 00").First).ToBeVisibleAsync();
        await Expect(visitor.GetByRole(AriaRole.Button, new() { Name = "Commencer ma candidature" })).ToBeVisibleAsync();
        await visitor.AssertNoSeriousViolationsAsync();
    }
}

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
    public async Task A_manager_creates_a_cohort_publishes_it_a_candidate_finds_it_and_applies_the_manager_finds_them_by_name_and_exports_the_CSV()
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

        // Fifty-five other agents apply, so that the manager's list has two pages; then Zoé applies in the browser.
        var cohortId = int.Parse(new Uri(visitor.Url).Segments[^1], System.Globalization.CultureInfo.InvariantCulture);
        for (var n = 1; n <= 55; n++)
            await SubmitAsync(await scenario.SignedInAsync($"agent{n:00}@numerique.gouv.fr", lastName: $"Agent{n:00}"), cohortId, $"Agent{n:00}");
        await _app.CreateUserAsync("zoe.lefevre@justice.gouv.fr", ApplicationScenario.Password, Roles.Candidate, firstName: "Zoé", lastName: "Lefèvre");
        var candidate = await fixture.NewPageAsync();
        await candidate.SignInAsync("zoe.lefevre@justice.gouv.fr", "Zoé Lefèvre");
        await candidate.GotoAsync($"/promotions/{cohortId}");
        await candidate.GetByRole(AriaRole.Button, new() { Name = "Commencer ma candidature" }).ClickAsync();
        await candidate.Locator("label[for='Input_Civility']").ClickAsync();
        await candidate.GetByLabel("Adresse électronique professionnelle").FillAsync("zoe.lefevre@justice.gouv.fr");
        await candidate.Locator("#Input_Administration").FillAsync(ApplicationScenario.AdministrationLabel);
        await candidate.GetByLabel("Catégorie").SelectOptionAsync("A");
        await candidate.Locator("#Input_Grade").FillAsync("Greffière principale");
        await candidate.GetByLabel("Poste actuel").FillAsync("Greffière");
        await candidate.GetByLabel("Motivation").FillAsync("Porter le mode produit dans ma juridiction.");
        await candidate.Locator("label[for='Input_AvailabilityCommitment']").ClickAsync();
        await candidate.GetByLabel("Prénom et nom du responsable hiérarchique").FillAsync("Jean Chef");
        await candidate.GetByLabel("Adresse électronique du responsable hiérarchique").FillAsync("jean.chef@justice.gouv.fr");
        await candidate.GetByLabel("Joindre votre CV").SetInputFilesAsync(new FilePayload { Name = "cv.pdf", MimeType = "application/pdf", Buffer = ApplicationScenario.Pdf });
        await candidate.GetByRole(AriaRole.Button, new() { Name = "Soumettre ma candidature" }).ClickAsync();
        await Expect(candidate.Locator("#etat")).ToHaveTextAsync("En attente de l'avis hiérarchique");

        // The manager finds her by name, typed without its accent, in the paged list, and exports what the list shows.
        await page.GotoAsync("/gestion");
        await page.GetByRole(AriaRole.Link, new() { Name = "Voir les candidatures de Booster Agile, Promotion 4" }).ClickAsync();
        await Expect(page.Locator("#candidatures caption")).ToContainTextAsync("56 candidature(s) — page 1 sur 2");
        await page.AssertNoSeriousViolationsAsync();
        await page.GetByLabel("Nom du candidat").FillAsync("lefevre");
        await page.GetByLabel("Nom du candidat").PressAsync("Enter");
        await Expect(page.Locator("#candidatures tbody tr")).ToHaveCountAsync(1);
        await Expect(page.Locator("#candidatures tbody")).ToContainTextAsync("Zoé Lefèvre");
        var download = await page.RunAndWaitForDownloadAsync(() => page.Locator("#export").ClickAsync());
        var csv = await File.ReadAllBytesAsync((await download.PathAsync())!);

        Assert.Equal([0xEF, 0xBB, 0xBF], csv[..3]);
        var lines = System.Text.Encoding.UTF8.GetString(csv[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, lines.Length);
        Assert.StartsWith("Nom;Prénom;", lines[0], StringComparison.Ordinal);
        Assert.StartsWith("Lefèvre;Zoé;zoe.lefevre@justice.gouv.fr;", lines[1], StringComparison.Ordinal);
    }

    /// <summary>Applies to a cohort and submits, as the web tests' candidates do.</summary>
    private static async Task SubmitAsync(HttpClient candidate, int cohortId, string lastName)
    {
        var started = await Forms.PostAsync(candidate, $"/promotions/{cohortId}?handler=Apply", new Dictionary<string, string>(), tokenFrom: $"/promotions/{cohortId}");
        var id = Guid.Parse(started.Headers.Location!.OriginalString.Split('/')[2]);
        var form = ApplicationScenario.CompleteForm();
        form["Input.LastName"] = lastName;
        var submitted = await ApplicationScenario.PostFormAsync(candidate, id, "Submit", form, ("Input.Cv", "cv.pdf", ApplicationScenario.Pdf));
        Assert.Equal(System.Net.HttpStatusCode.Redirect, submitted.StatusCode);
    }
}

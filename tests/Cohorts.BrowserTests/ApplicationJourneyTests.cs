using Cohorts.Web.Identity;
using Cohorts.Web.Tests.Support;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Cohorts.BrowserTests;

[Collection(BrowserFixtureGroup.Name)]
public sealed class ApplicationJourneyTests(BrowserFixture fixture) : IAsyncLifetime
{
    private readonly BrowserApp _app = fixture.App;

    public Task InitializeAsync() => _app.ResetAsync();
    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task A_candidate_applies_with_a_CV_the_manager_endorses_through_the_link_and_the_candidate_follows_then_withdraws()
    {
        var scenario = await new ApplicationScenario(_app).SeedAsync(requiresEndorsement: true);
        await _app.CreateUserAsync("zoe.lefevre@justice.gouv.fr", ApplicationScenario.Password, Roles.Candidate, firstName: "Zoé", lastName: "Lefèvre");
        var page = await fixture.NewPageAsync();

        await page.SignInAsync("zoe.lefevre@justice.gouv.fr", "Zoé Lefèvre");

        await page.GetByRole(AriaRole.Link, new() { Name = "Promotion 3" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Comment se passe la sélection" })).ToBeVisibleAsync();
        await page.AssertNoSeriousViolationsAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Commencer ma candidature" }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Ma candidature", Level = 1 })).ToBeVisibleAsync();
        await Expect(page.GetByLabel("Prénom", new() { Exact = true })).ToHaveValueAsync("Zoé");
        await page.AssertNoSeriousViolationsAsync();
        // DSFR draws radios and checkboxes on their labels: a user clicks the label.
        await page.Locator("label[for='Input_Civility']").ClickAsync();
        await Expect(page.GetByLabel("Madame")).ToBeCheckedAsync();
        await page.GetByLabel("Adresse électronique professionnelle").FillAsync("zoe.lefevre@justice.gouv.fr");
        await page.Locator("#Input_Administration").FillAsync(ApplicationScenario.AdministrationLabel);
        await page.GetByLabel("Catégorie").SelectOptionAsync("A");
        await page.Locator("#Input_Grade").FillAsync("Attachée principale");
        await page.GetByLabel("Poste actuel").FillAsync("Cheffe de projet numérique");
        await page.GetByLabel("Motivation").FillAsync("Porter le mode produit dans mon service.");
        await Expect(page.Locator("#Input_Motivation-counter")).ToHaveTextAsync("40 / 3000 caractères");
        await page.Locator("label[for='Input_AvailabilityCommitment']").ClickAsync();
        await page.GetByLabel("Prénom et nom du responsable hiérarchique").FillAsync("Jean Chef");
        await page.GetByLabel("Adresse électronique du responsable hiérarchique").FillAsync("jean.chef@justice.gouv.fr");
        await page.GetByLabel("Joindre votre CV").SetInputFilesAsync(new FilePayload { Name = "cv-zoe.pdf", MimeType = "application/pdf", Buffer = ApplicationScenario.Pdf });
        await page.GetByRole(AriaRole.Button, new() { Name = "Soumettre ma candidature" }).ClickAsync();

        await Expect(page.Locator("#etat")).ToHaveTextAsync("En attente de l'avis hiérarchique");
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "cv-zoe.pdf" })).ToBeVisibleAsync();
        await page.AssertNoSeriousViolationsAsync();

        // The line manager, without an account, opens the link of the email received by the SMTP server.
        var request = await _app.Mailbox.WaitForAsync("jean.chef@justice.gouv.fr");
        var manager = await fixture.NewPageAsync();
        await manager.GotoAsync(Mailbox.LinkIn(request, _app.BaseUrl));
        await Expect(manager.GetByText("Porter le mode produit dans mon service.")).ToBeVisibleAsync();
        await manager.AssertNoSeriousViolationsAsync();
        await manager.Locator("label[for='avis-favorable']").ClickAsync();
        await manager.GetByLabel("Commentaire").FillAsync("Très bonne idée");
        await manager.GetByRole(AriaRole.Button, new() { Name = "Enregistrer mon avis" }).ClickAsync();
        await Expect(manager.GetByRole(AriaRole.Heading, new() { Name = "Avis enregistré" })).ToBeVisibleAsync();
        await manager.AssertNoSeriousViolationsAsync();

        await page.GetByRole(AriaRole.Navigation, new() { Name = "Menu principal" }).GetByRole(AriaRole.Link, new() { Name = "Mes candidatures" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Cell, new() { Name = "Avis hiérarchique favorable", Exact = true })).ToBeVisibleAsync();
        await page.AssertNoSeriousViolationsAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Voir la candidature à Booster Agile, Promotion 3" }).ClickAsync();
        var history = page.Locator("#historique li");
        await Expect(history).ToHaveCountAsync(4);
        await Expect(history.Nth(3)).ToContainTextAsync("Émettre un avis favorable → Avis hiérarchique favorable");
        await Expect(history.Nth(3)).ToContainTextAsync("Jean Chef (responsable hiérarchique)");

        await page.GetByRole(AriaRole.Link, new() { Name = "Retirer ma candidature" }).ClickAsync();
        await Expect(page.GetByText("Ce retrait est définitif")).ToBeVisibleAsync();
        await page.AssertNoSeriousViolationsAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Oui, retirer ma candidature" }).ClickAsync();
        await Expect(page.Locator("#etat")).ToHaveTextAsync("Retirée");
        await Expect(history).ToHaveCountAsync(5);
        await page.AssertNoSeriousViolationsAsync();
    }

    [Fact]
    public async Task Staff_pages_are_accessible()
    {
        var scenario = await new ApplicationScenario(_app).SeedAsync(requiresEndorsement: false, hasInterview: true);
        var applicationId = await scenario.SubmitAsync(await scenario.SignedInAsync("alice@numerique.gouv.fr"), firstName: "Alice", lastName: "Soumise");
        var paul = await _app.CreateUserAsync("paul@cohorts.test", ApplicationScenario.Password, Roles.ProgramManager, firstName: "Paul", lastName: "Responsable");
        await _app.AssignAsync(scenario.ProgramId, paul.Id);
        var page = await fixture.NewPageAsync();
        await page.SignInAsync("paul@cohorts.test", "Paul Responsable");

        await page.GetByRole(AriaRole.Link, new() { Name = "Gestion" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Gestion des promotions" })).ToBeVisibleAsync();
        await page.AssertNoSeriousViolationsAsync();
        await page.GotoAsync($"/gestion/promotions/{scenario.CohortId}/candidatures");
        await Expect(page.GetByLabel("Ministère")).ToBeVisibleAsync();
        await page.AssertNoSeriousViolationsAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Alice Soumise" }).ClickAsync();
        await Expect(page.Locator("#etat")).ToHaveTextAsync("Soumise");
        await page.AssertNoSeriousViolationsAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Déclarer non recevable" }).ClickAsync();
        await Expect(page.GetByText("Indiquez le motif.").First).ToBeVisibleAsync();
        await page.AssertNoSeriousViolationsAsync();
        await page.GetByLabel("Motif").FillAsync("Dossier hors périmètre");
        await page.GetByRole(AriaRole.Button, new() { Name = "Passer à l'examen" }).ClickAsync();
        await Expect(page.Locator("#etat")).ToHaveTextAsync("En cours d'examen");
        await Expect(page.Locator("#historique li")).ToHaveCountAsync(3);
        Assert.NotEqual(Guid.Empty, applicationId);

        await page.GotoAsync("/gestion/cycle-de-vie");
        await page.AssertNoSeriousViolationsAsync();
    }
}

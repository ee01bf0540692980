using Cohorts.Web.Identity;
using Cohorts.Web.Tests.Support;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Cohorts.BrowserTests;

/// <summary>A draft filled the untidy way people fill forms: half of it, Enter in a field, a reload, a wrong value, the back button.</summary>
[Collection(BrowserFixtureGroup.Name)]
public sealed class DraftJourneyTests(BrowserFixture fixture) : IAsyncLifetime
{
    private readonly BrowserApp _app = fixture.App;

    public Task InitializeAsync() => _app.ResetAsync();
    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task A_half_filled_draft_saved_with_Enter_comes_back_whole_after_a_reload_and_a_wrong_value_is_shown_then_fixed()
    {
        await new ApplicationScenario(_app).SeedAsync(requiresEndorsement: true);
        await _app.CreateUserAsync("zoe.lefevre@justice.gouv.fr", ApplicationScenario.Password, Roles.Candidate, firstName: "Zoé", lastName: "Lefèvre");
        var page = await fixture.NewPageAsync();
        await page.GotoAsync("/connexion");
        await page.GetByLabel("Adresse électronique").FillAsync("zoe.lefevre@justice.gouv.fr");
        await page.GetByLabel("Mot de passe").FillAsync(ApplicationScenario.Password);
        await page.GetByLabel("Mot de passe").PressAsync("Enter");
        await Expect(page.Locator("#utilisateur")).ToHaveTextAsync("Zoé Lefèvre");
        await page.GetByRole(AriaRole.Link, new() { Name = "Promotion 3" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Commencer ma candidature" }).ClickAsync();

        // Half of the form, an address without "@", an administration that is not in the list; Enter in a field.
        await page.GetByLabel("Nom", new() { Exact = true }).FillAsync("");
        await page.GetByLabel("Adresse électronique professionnelle").FillAsync("zoe.lefevre");
        await page.Locator("#Input_Administration").FillAsync("Mairie de Lyon");
        await page.GetByLabel("Catégorie").SelectOptionAsync("B");
        await page.GetByLabel("Motivation").FillAsync("Première ligne\nDeuxième ligne, « entre guillemets » & <balises>");
        await page.GetByLabel("Poste actuel").FillAsync("Greffière");
        await page.GetByLabel("Poste actuel").PressAsync("Enter");

        await Expect(page.GetByText("Brouillon enregistré. Avant de soumettre, corrigez les champs signalés ci-dessous.")).ToBeVisibleAsync();
        await page.ReloadAsync();
        await Expect(page.GetByLabel("Prénom", new() { Exact = true })).ToHaveValueAsync("Zoé");
        await Expect(page.GetByLabel("Nom", new() { Exact = true })).ToHaveValueAsync("");
        await Expect(page.GetByLabel("Adresse électronique professionnelle")).ToHaveValueAsync("zoe.lefevre");
        await Expect(page.Locator("#Input_Administration")).ToHaveValueAsync("Mairie de Lyon");
        await Expect(page.GetByLabel("Catégorie")).ToHaveValueAsync("B");
        await Expect(page.GetByLabel("Motivation")).ToHaveValueAsync("Première ligne\nDeuxième ligne, « entre guillemets » & <balises>");
        await Expect(page.GetByLabel("Poste actuel")).ToHaveValueAsync("Greffière");
        await Expect(page.GetByText("Le format de l'adresse électronique professionnelle n'est pas valide").First).ToBeVisibleAsync();
        await page.AssertNoSeriousViolationsAsync();

        // A motivation over the limit: not saved, said so, the summary takes the focus and leads to the field.
        await page.GetByLabel("Motivation").FillAsync(new string('m', 3001));
        await page.GetByRole(AriaRole.Button, new() { Name = "Soumettre ma candidature" }).ClickAsync();
        var summary = page.Locator("#erreurs");
        await Expect(summary).ToContainTextAsync("Votre brouillon est enregistré, sauf : Motivation.");
        await Expect(summary).ToBeFocusedAsync();
        await page.AssertNoSeriousViolationsAsync();
        await summary.GetByRole(AriaRole.Link, new() { Name = "La motivation ne doit pas dépasser 3000 caractères (actuellement 3001). Ce champ n'a pas été enregistré." }).ClickAsync();
        await Expect(page.GetByLabel("Motivation")).ToBeFocusedAsync();

        // The candidate comes back later from "Mes candidatures" and fixes every field.
        await page.GetByRole(AriaRole.Navigation, new() { Name = "Menu principal" }).GetByRole(AriaRole.Link, new() { Name = "Mes candidatures" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Voir la candidature à Booster Agile, Promotion 3" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Compléter ma candidature" }).ClickAsync();
        await Expect(page.GetByLabel("Motivation")).ToHaveValueAsync("Première ligne\nDeuxième ligne, « entre guillemets » & <balises>");
        await page.GetByLabel("Motivation").FillAsync("Porter le mode produit dans ma juridiction.");
        await page.Locator("label[for='Input_Civility']").ClickAsync();
        await page.GetByLabel("Nom", new() { Exact = true }).FillAsync("Lefèvre");
        await page.GetByLabel("Adresse électronique professionnelle").FillAsync("zoe.lefevre@justice.gouv.fr");
        await page.Locator("#Input_Administration").FillAsync(ApplicationScenario.AdministrationLabel);
        await page.Locator("#Input_Grade").FillAsync("Greffière principale");
        await page.Locator("label[for='Input_AvailabilityCommitment']").ClickAsync();
        await page.GetByLabel("Prénom et nom du responsable hiérarchique").FillAsync("Jean Chef");
        await page.GetByLabel("Adresse électronique du responsable hiérarchique").FillAsync("jean.chef@justice.gouv.fr");
        await page.GetByLabel("Joindre votre CV").SetInputFilesAsync(new FilePayload { Name = "cv.pdf", MimeType = "application/pdf", Buffer = ApplicationScenario.Pdf });
        await page.GetByRole(AriaRole.Button, new() { Name = "Soumettre ma candidature" }).ClickAsync();
        await Expect(page.Locator("#etat")).ToHaveTextAsync("En attente de l'avis hiérarchique");

        // Back to the form (a page got, not posted): a submitted application is no longer editable, and the page says so.
        await page.GoBackAsync();
        await Expect(page.GetByText("Cette candidature est soumise : elle n'est plus modifiable.")).ToBeVisibleAsync();
        await Expect(page.Locator("#etat")).ToHaveTextAsync("En attente de l'avis hiérarchique");
        await page.AssertNoSeriousViolationsAsync();
    }
}

using Cohorts.Domain.Catalogue;
using Cohorts.Web.Tests.Support;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Cohorts.BrowserTests;

[Collection(BrowserFixtureGroup.Name)]
public sealed class VisitorJourneyTests(BrowserFixture fixture) : IAsyncLifetime
{
    private readonly BrowserApp _app = fixture.App;

    public Task InitializeAsync() => _app.ResetAsync();
    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task A_visitor_opens_the_catalogue_registers_confirms_the_email_and_signs_in()
    {
        await SeedCatalogueAsync();
        var page = await fixture.NewPageAsync();

        await page.GotoAsync("/");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Programmes de formation", Level = 1 })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Booster Agile" })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Conseiller en stratégie numérique" })).ToBeVisibleAsync();
        await page.AssertNoSeriousViolationsAsync();

        await page.GetByRole(AriaRole.Link, new() { Name = "Créer un compte" }).First.ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Créer un compte candidat" })).ToBeVisibleAsync();
        await page.AssertNoSeriousViolationsAsync();

        // A first try with a short password: the error is shown next to the field, what was typed stays.
        await page.GetByLabel("Prénom").FillAsync("Zoé");
        await page.GetByLabel("Nom", new() { Exact = true }).FillAsync("Lefèvre");
        await page.GetByLabel("Adresse électronique professionnelle").FillAsync("zoe.lefevre@justice.gouv.fr");
        await page.GetByLabel("Mot de passe", new() { Exact = false }).First.FillAsync("court");
        await page.GetByLabel("Confirmation du mot de passe").FillAsync("court");
        await page.GetByRole(AriaRole.Button, new() { Name = "Créer mon compte" }).ClickAsync();
        await Expect(page.Locator("#Input_Password-messages")).ToHaveTextAsync("Le mot de passe doit compter au moins 12 caractères.");
        await Expect(page.Locator("#erreurs").GetByRole(AriaRole.Link, new() { Name = "Le mot de passe doit compter au moins 12 caractères." })).ToBeVisibleAsync();
        await Expect(page.Locator("#erreurs")).ToBeFocusedAsync();
        await Expect(page.GetByLabel("Prénom")).ToHaveValueAsync("Zoé");
        await page.AssertNoSeriousViolationsAsync();

        await page.Locator("#Input_Password").FillAsync("le chemin de la promotion");
        await page.GetByLabel("Confirmation du mot de passe").FillAsync("le chemin de la promotion");
        await page.GetByRole(AriaRole.Button, new() { Name = "Créer mon compte" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Vérifiez vos courriels" })).ToBeVisibleAsync();
        await page.AssertNoSeriousViolationsAsync();

        var email = await _app.Mailbox.WaitForAsync("zoe.lefevre@justice.gouv.fr");
        await page.GotoAsync(Mailbox.LinkIn(email, _app.BaseUrl));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Adresse confirmée" })).ToBeVisibleAsync();
        await page.AssertNoSeriousViolationsAsync();

        await page.GetByRole(AriaRole.Main).GetByRole(AriaRole.Link, new() { Name = "Se connecter" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Se connecter à Cohorts" })).ToBeVisibleAsync();
        await page.AssertNoSeriousViolationsAsync();
        await page.GetByLabel("Adresse électronique").FillAsync("zoe.lefevre@justice.gouv.fr");
        await page.GetByLabel("Mot de passe").FillAsync("le chemin de la promotion");
        await page.GetByRole(AriaRole.Main).GetByRole(AriaRole.Button, new() { Name = "Se connecter" }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Se déconnecter" })).ToBeVisibleAsync();
        await Expect(page.Locator("#utilisateur")).ToHaveTextAsync("Zoé Lefèvre");
        await page.AssertNoSeriousViolationsAsync();
    }

    [Fact]
    public async Task Error_pages_are_in_French_and_accessible()
    {
        var page = await fixture.NewPageAsync();

        var response = await page.GotoAsync("/nulle-part");

        Assert.Equal(404, response!.Status);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Page non trouvée" })).ToBeVisibleAsync();
        await page.AssertNoSeriousViolationsAsync();
    }

    private Task<int> SeedCatalogueAsync() => _app.WithDbAsync(async db =>
    {
        var now = _app.Clock.GetUtcNow();
        var today = Cohorts.Domain.ParisTime.Today(now);
        var booster = TrainingProgram.Create("booster-agile", "Booster Agile", "Deux mois pour adopter la posture agile.", "Présentiel et distanciel", true, false);
        var advisor = TrainingProgram.Create("conseiller-strategie-numerique", "Conseiller en stratégie numérique", "Six mois de parcours métier.", "Présentiel, distanciel et coaching", true, true);
        db.Programs.AddRange(booster, advisor);
        db.Cohorts.AddRange(
            Cohort.Create(booster, "Promotion 3", 100, today.AddMonths(3), today.AddMonths(5), now.AddDays(-10), now.AddDays(20)).Published(),
            Cohort.Create(advisor, "Promotion 2027", 40, today.AddMonths(6), today.AddMonths(12), now.AddMonths(1), now.AddMonths(2)).Published());
        return await db.SaveChangesAsync();
    });
}

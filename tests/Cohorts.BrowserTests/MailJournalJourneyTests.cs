using System.Text.RegularExpressions;
using Cohorts.Web.Emails;
using Cohorts.Web.Identity;
using Cohorts.Web.Tests.Mail;
using Cohorts.Web.Tests.Support;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Cohorts.BrowserTests;

[Collection(BrowserFixtureGroup.Name)]
public sealed class MailJournalJourneyTests(BrowserFixture fixture) : IAsyncLifetime
{
    private readonly BrowserApp _app = fixture.App;

    public Task InitializeAsync() => _app.ResetAsync();
    public Task DisposeAsync() => Task.CompletedTask;

    /// <summary>
    /// A manager finds a refused message from the menu, filters the journal, reads the message (its HTML drawn with its
    /// inline styles in the sandboxed frame, the page's policy notwithstanding), resends it and the SMTP server receives
    /// it; then previews a template. Each page is scanned with axe.
    /// </summary>
    [Fact]
    public async Task A_manager_finds_a_refused_message_resends_it_and_previews_a_template()
    {
        var scenario = await new ApplicationScenario(_app).SeedAsync();
        var manager = await _app.CreateUserAsync("booster@cohorts.test", ApplicationScenario.Password, Roles.ProgramManager, firstName: "Paul", lastName: "Booster");
        await _app.AssignAsync(scenario.ProgramId, manager.Id);
        var concerns = new MessageConcerns(scenario.CohortId);
        await MailSeeding.AddAsync(_app,
            MailSeeding.Sent("camille@numerique.gouv.fr", "offer", "Vous êtes admis(e) — Booster Agile, Promotion 3", concerns),
            MailSeeding.Failed("jean.chef@numerique.gouv.fr", "endorsement-request", "Avis hiérarchique demandé : candidature de Camille Durand", concerns));
        var page = await fixture.NewPageAsync();
        await page.SignInAsync("booster@cohorts.test", "Paul Booster");

        await page.GotoAsync("/gestion");
        await page.GetByRole(AriaRole.Link, new() { Name = "Courriels", Exact = true }).First.ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Journal des courriels" })).ToBeVisibleAsync();
        await page.AssertNoSeriousViolationsAsync();
        await page.GetByLabel("État").SelectOptionAsync(new SelectOptionValue { Label = "Échec" });
        await page.GetByRole(AriaRole.Button, new() { Name = "Rechercher" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("state=Failed"));
        await Expect(page.Locator("#courriels caption")).ToHaveTextAsync("1 courriel(s)");

        await page.Locator("#courriels tbody a").ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Avis hiérarchique demandé : candidature de Camille Durand" })).ToBeVisibleAsync();
        await page.AssertNoSeriousViolationsAsync();
        var styled = page.FrameLocator("#corps-html").Locator("p");
        await Expect(styled).ToHaveTextAsync("Bonjour,");
        await Expect(styled).ToHaveCSSAsync("color", "rgb(0, 0, 145)");
        await page.GetByRole(AriaRole.Button, new() { Name = "Renvoyer" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Le courriel est remis dans la file d'envoi");
        await _app.Mailbox.WaitForAsync("jean.chef@numerique.gouv.fr");

        await page.GotoAsync("/gestion/courriels");
        await page.GetByRole(AriaRole.Link, new() { Name = "Voir les modèles de courriels" }).ClickAsync();
        await page.AssertNoSeriousViolationsAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Proposition de place", Exact = true }).ClickAsync();
        await Expect(page.Locator("#objet")).ToHaveTextAsync("Vous êtes admis(e) — Booster Agile, Promotion 3");
        await Expect(page.FrameLocator("#corps-html").GetByRole(AriaRole.Link, new() { Name = "Répondre à la proposition" })).ToBeVisibleAsync();
        await page.AssertNoSeriousViolationsAsync();
    }
}

using Cohorts.Web.Identity;
using Cohorts.Web.Tests.Support;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Cohorts.BrowserTests;

[Collection(BrowserFixtureGroup.Name)]
public sealed class AccountPageTests(BrowserFixture fixture) : IAsyncLifetime
{
    private readonly BrowserApp _app = fixture.App;

    public Task InitializeAsync() => _app.ResetAsync();
    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task An_Admin_opens_an_account_from_the_list_tries_to_leave_it_without_a_role_then_deactivates_it()
    {
        await _app.CreateUserAsync("alice@cohorts.test", ApplicationScenario.Password, Roles.Admin, firstName: "Alice", lastName: "Admin");
        await _app.CreateUserAsync("karim@cohorts.test", ApplicationScenario.Password, Roles.Coach, firstName: "Karim", lastName: "Benali");
        var page = await fixture.NewPageAsync();
        await page.SignInAsync("alice@cohorts.test", "Alice Admin");

        await page.GotoAsync("/admin/comptes");
        await page.GetByRole(AriaRole.Link, new() { Name = "Karim Benali" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Karim Benali", Level = 1 })).ToBeVisibleAsync();
        await page.AssertNoSeriousViolationsAsync();

        // The DSFR draws the box on the label, which is what a user clicks.
        await page.Locator("label[for=role-Coach]").ClickAsync();
        await Expect(page.GetByLabel("Coach")).Not.ToBeCheckedAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Enregistrer les rôles" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Choisissez au moins un rôle." })).ToBeVisibleAsync();
        await page.AssertNoSeriousViolationsAsync();

        await page.GetByRole(AriaRole.Button, new() { Name = "Désactiver le compte" }).ClickAsync();
        await Expect(page.GetByText("Le compte de Karim Benali est désactivé ; ses sessions ouvertes sont fermées.")).ToBeVisibleAsync();
        await Expect(page.GetByText("Compte désactivé, par Alice Admin")).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Réactiver le compte" })).ToBeVisibleAsync();
        await page.AssertNoSeriousViolationsAsync();
    }
}

using Cohorts.Web.Identity;
using Cohorts.Web.Tests.Support;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Cohorts.BrowserTests;

[Collection(BrowserFixtureGroup.Name)]
public sealed class LifecycleDiagramTests(BrowserFixture fixture) : IAsyncLifetime
{
    private readonly BrowserApp _app = fixture.App;

    public Task InitializeAsync() => _app.ResetAsync();
    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Staff_see_both_lifecycles_drawn_with_French_labels_under_the_site_CSP()
    {
        await _app.CreateUserAsync("paul@cohorts.test", ApplicationScenario.Password, Roles.ProgramManager, firstName: "Paul", lastName: "Responsable");
        var page = await fixture.NewPageAsync();
        var errors = new List<string>();
        page.Console += (_, message) => { if (message.Type == "error") errors.Add(message.Text); };
        page.PageError += (_, error) => errors.Add(error);
        // Registered before any page script runs; a refused inline style would land here even without a console line.
        await page.AddInitScriptAsync(
            "document.addEventListener('securitypolicyviolation', e => (window.cspViolations ??= []).push(`${e.violatedDirective} ${e.blockedURI}`));");

        await page.SignInAsync("paul@cohorts.test", "Paul Responsable");
        await page.GotoAsync("/gestion/cycle-de-vie");

        var application = page.Locator("#diagramme-candidature svg[viewBox]");
        var enrollment = page.Locator("#diagramme-parcours svg[viewBox]");
        await Expect(application).ToBeVisibleAsync();
        await Expect(enrollment).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Img, new() { Name = "Diagramme d'états d'une candidature, détaillé dans le tableau « Actions sur une candidature »" }))
            .ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Img, new() { Name = "Diagramme d'états d'un parcours, détaillé dans le tableau « Actions sur un parcours »" }))
            .ToBeVisibleAsync();
        await Expect(application.Locator(".cohorts-lifecycle__state")).ToHaveCountAsync(15);
        await Expect(application.Locator(".cohorts-lifecycle__state", new() { HasText = "Brouillon" })).ToBeVisibleAsync();
        await Expect(application.Locator(".cohorts-lifecycle__state", new() { HasText = "Sur liste complémentaire" })).ToBeVisibleAsync();
        await Expect(application.Locator(".cohorts-lifecycle__trigger", new() { HasText = "Admettre depuis la liste complémentaire" })).ToBeVisibleAsync();
        await Expect(enrollment.Locator(".cohorts-lifecycle__state", new() { HasText = "Parcours terminé" })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Cell, new() { Name = "Le programme demande un avis hiérarchique" }).First).ToBeVisibleAsync();

        Assert.Empty(await OverlapsAsync(page));
        // The site's stylesheet reaches the drawing: a box is filled with the DSFR colour, not the SVG default black.
        Assert.NotEqual("rgb(0, 0, 0)", await application.Locator(".cohorts-lifecycle__state rect").First.EvaluateAsync<string>("r => getComputedStyle(r).fill"));
        Assert.Empty(await page.EvaluateAsync<string[]>("() => window.cspViolations ?? []"));
        Assert.Empty(errors);
        await page.AssertNoSeriousViolationsAsync();
    }

    /// <summary>Pairs of state boxes and trigger labels whose drawn boxes cross, in either diagram.</summary>
    private static Task<string[]> OverlapsAsync(IPage page) => page.EvaluateAsync<string[]>("""
        () => [...document.querySelectorAll('.cohorts-lifecycle__drawing')].flatMap(svg => {
          const boxes = [...svg.querySelectorAll('.cohorts-lifecycle__state rect, .cohorts-lifecycle__trigger text')]
            .map(e => ({ name: e.closest('g').textContent, r: e.getBoundingClientRect() }));
          const crossed = [];
          boxes.forEach((a, i) => boxes.slice(i + 1).forEach(b => {
            if (a.r.left < b.r.right - 1 && b.r.left < a.r.right - 1 && a.r.top < b.r.bottom - 1 && b.r.top < a.r.bottom - 1)
              crossed.push(`${a.name} × ${b.name}`);
          }));
          return crossed;
        })
        """);
}

using System.Text.RegularExpressions;
using Cohorts.Domain.Sessions;
using Cohorts.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Cohorts.BrowserTests;

[Collection(BrowserFixtureGroup.Name)]
public sealed class AttendanceJourneyTests(BrowserFixture fixture) : IAsyncLifetime
{
    private readonly BrowserApp _app = fixture.App;

    public Task InitializeAsync() => _app.ResetAsync();
    public Task DisposeAsync() => Task.CompletedTask;

    /// <summary>
    /// The manager opens the cohort's attendance, goes to yesterday's sheet and marks it with the keyboard alone (Tab from
    /// one participant to the next, arrows to choose, Enter on the button), corrects one mark the same way and reads the
    /// correction in the history, then sees that participant below the threshold, and changes the threshold after a wrong
    /// value. Each page is scanned with axe.
    /// </summary>
    [Fact]
    public async Task The_manager_marks_a_session_with_the_keyboard_corrects_a_mark_and_sees_who_is_below_the_threshold()
    {
        var scenario = await new SessionScenario(_app).SeedAsync(participants: 3);
        var held = await scenario.SessionAsync(SessionKind.InPerson, scenario.At(-1, 9, 30), scenario.At(-1, 12, 30), title: "Atelier cartographie des usages");
        var (first, second, third) = (scenario.Participants[0], scenario.Participants[1], scenario.Participants[2]);
        var manager = await fixture.NewPageAsync();
        await manager.SignInAsync(SessionScenario.ManagerEmail, "Paul Responsable");

        await manager.GotoAsync($"/gestion/promotions/{scenario.CohortId}/assiduite");
        await Expect(manager.GetByRole(AriaRole.Heading, new() { NameRegex = new Regex("^Assiduité") })).ToBeVisibleAsync();
        await manager.AssertNoSeriousViolationsAsync();
        await manager.GetByRole(AriaRole.Link, new() { Name = "Atelier cartographie des usages : noter les présences" }).ClickAsync();
        await Expect(manager.GetByRole(AriaRole.Heading, new() { NameRegex = new Regex("^Présences") })).ToBeVisibleAsync();
        await manager.AssertNoSeriousViolationsAsync();

        // The keyboard alone, from the top of the page: each participant is one stop of Tab, the arrows choose.
        await TabToAsync(manager, Choice(manager, first.Name, "Présent"));
        await manager.Keyboard.PressAsync("Space");
        await manager.Keyboard.PressAsync("Tab");
        await manager.Keyboard.PressAsync("ArrowRight");
        await manager.Keyboard.PressAsync("Tab");
        await manager.Keyboard.PressAsync("ArrowRight");
        await manager.Keyboard.PressAsync("ArrowRight");
        await manager.Keyboard.PressAsync("ArrowRight");
        await manager.Keyboard.PressAsync("Tab");
        await Expect(manager.GetByRole(AriaRole.Button, new() { Name = "Enregistrer les présences" })).ToBeFocusedAsync();
        await manager.Keyboard.PressAsync("Enter");

        await Expect(manager.GetByText("Présences enregistrées pour 3 participants.")).ToBeVisibleAsync();
        await Expect(Choice(manager, first.Name, "Présent")).ToBeCheckedAsync();
        await Expect(Choice(manager, second.Name, "En retard")).ToBeCheckedAsync();
        await Expect(Choice(manager, third.Name, "Absent")).ToBeCheckedAsync();
        await manager.AssertNoSeriousViolationsAsync();

        // The third participant had warned: Absent becomes Excusé, one arrow back.
        await TabToAsync(manager, Choice(manager, first.Name, "Présent"));
        await manager.Keyboard.PressAsync("Tab");
        await manager.Keyboard.PressAsync("Tab");
        await Expect(Choice(manager, third.Name, "Absent")).ToBeFocusedAsync();
        await manager.Keyboard.PressAsync("ArrowLeft");
        await manager.Keyboard.PressAsync("Tab");
        await manager.Keyboard.PressAsync("Enter");

        await Expect(manager.GetByText("Présences enregistrées : 1 correction, gardée dans l'historique.")).ToBeVisibleAsync();
        var correction = manager.Locator("#historique tbody tr").First;
        await Expect(correction).ToContainTextAsync(third.Name);
        await Expect(correction).ToContainTextAsync("Paul Responsable");
        await Expect(correction.Locator("td").Nth(3)).ToHaveTextAsync("Absent");
        await Expect(correction.Locator("td").Nth(4)).ToHaveTextAsync("Excusé");
        await manager.AssertNoSeriousViolationsAsync();
        var saved = await _app.WithDbAsync(db => db.Attendances.Where(a => a.SessionId == held.Id).ToDictionaryAsync(a => a.ParticipantId, a => a.Status));
        Assert.Equal([AttendanceStatus.Present, AttendanceStatus.Late, AttendanceStatus.Excused], new[] { first, second, third }.Select(p => saved[p.Id]));

        // Next week's session cannot be marked yet: the sheet says so and offers no form.
        var upcoming = await scenario.SessionAsync(SessionKind.Remote, scenario.At(6, 14), scenario.At(6, 16), mandatory: false,
            title: "Classe à distance : la donnée");
        await manager.GotoAsync($"/seances/{upcoming.Id}/presences");
        await Expect(manager.Locator("#fermee")).ToContainTextAsync("La séance n'a pas encore eu lieu");
        await Expect(manager.GetByRole(AriaRole.Button, new() { Name = "Enregistrer les présences" })).ToHaveCountAsync(0);
        await manager.AssertNoSeriousViolationsAsync();

        await manager.GotoAsync($"/gestion/promotions/{scenario.CohortId}/assiduite");
        var thirdRow = manager.Locator("#participants tbody tr").Filter(new() { HasText = third.Name });
        await Expect(thirdRow).ToContainTextAsync("Seuil hors d'atteinte");
        await Expect(manager.Locator("#participants tbody tr").Filter(new() { HasText = first.Name })).ToContainTextAsync("Au-dessus du seuil");

        // A threshold of 150 %, Enter in the field: refused next to it; then 0 %, and nobody is below it.
        var threshold = manager.GetByLabel("Seuil d'assiduité du programme (en %)");
        await threshold.FillAsync("150");
        await threshold.PressAsync("Enter");
        await Expect(manager.Locator("#erreurs")).ToBeFocusedAsync();
        await Expect(manager.Locator("#Threshold-messages")).ToHaveTextAsync("Le seuil d'assiduité est un pourcentage, de 0 à 100.");
        await Expect(threshold).ToHaveValueAsync("150");
        await manager.AssertNoSeriousViolationsAsync();
        await threshold.FillAsync("0");
        await threshold.PressAsync("Enter");
        await Expect(manager.GetByRole(AriaRole.Heading, new() { Name = "Seuil d'assiduité : 0 %" })).ToBeVisibleAsync();
        await Expect(manager.Locator("#resume-seuil")).ToHaveTextAsync("Aucun participant sous le seuil de 0 %.");
        await manager.AssertNoSeriousViolationsAsync();
    }

    /// <summary>Presses Tab from where the focus is until <paramref name="target"/> has it (the header's links come first).</summary>
    private static async Task TabToAsync(IPage page, ILocator target)
    {
        for (var presses = 0; presses < 40; presses++)
        {
            await page.Keyboard.PressAsync("Tab");
            if (await target.EvaluateAsync<bool>("e => e === document.activeElement")) return;
        }
        Assert.Fail("Tab never reached the sheet's first choice.");
    }

    private static ILocator Choice(IPage page, string participant, string label) =>
        page.GetByRole(AriaRole.Group, new() { NameRegex = new Regex($"^{Regex.Escape(participant)}") }).GetByLabel(label, new() { Exact = true });
}

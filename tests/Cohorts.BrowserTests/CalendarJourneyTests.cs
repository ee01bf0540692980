using System.Net;
using Cohorts.Domain.Sessions;
using Cohorts.Web.Sessions;
using Cohorts.Web.Tests.Support;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Cohorts.BrowserTests;

[Collection(BrowserFixtureGroup.Name)]
public sealed class CalendarJourneyTests(BrowserFixture fixture) : IAsyncLifetime
{
    private readonly BrowserApp _app = fixture.App;

    public Task InitializeAsync() => _app.ResetAsync();
    public Task DisposeAsync() => Task.CompletedTask;

    /// <summary>
    /// A participant opens « Mon agenda », creates their feed, copies its address, which a calendar client reads without
    /// signing in (their cohort's session in it), then revokes it: the address answers 404. Each page is scanned with axe.
    /// </summary>
    [Fact]
    public async Task A_participant_creates_their_feed_a_calendar_client_reads_it_then_they_revoke_it_and_it_answers_404()
    {
        var scenario = await new SessionScenario(_app).SeedAsync(participants: 2);
        var session = await scenario.SessionAsync(SessionKind.InPerson, scenario.At(2, 9, 30), scenario.At(2, 12, 30), title: "Atelier stratégie");
        var participant = scenario.Participants[0];
        var page = await fixture.NewPageAsync();
        await page.SignInAsync(participant.Email, participant.Name);

        await page.GotoAsync("/agenda");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Mon agenda", Level = 1 })).ToBeVisibleAsync();
        await Expect(page.Locator("#prochaines-seances")).ToContainTextAsync("Atelier stratégie");
        await page.AssertNoSeriousViolationsAsync();

        await page.GetByRole(AriaRole.Button, new() { Name = "Créer mon lien d'agenda" }).ClickAsync();
        var address = page.GetByLabel("Adresse de votre agenda");
        await Expect(address).ToBeVisibleAsync();
        var url = await address.InputValueAsync();
        await page.AssertNoSeriousViolationsAsync();

        using var calendarClient = new HttpClient();
        var feed = await calendarClient.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, feed.StatusCode);
        var calendar = Ical.Net.Calendar.Load(await feed.Content.ReadAsStringAsync())!;
        var held = Assert.Single(calendar.Events);
        Assert.Equal(SessionCalendar.Uid(session.Id), held.Uid);
        Assert.Equal((9, 30), (held.DtStart!.Value.Hour, held.DtStart.Value.Minute));

        // Shown once: back on the page, the address is gone.
        await page.ReloadAsync();
        await Expect(page.GetByText("Votre lien d'agenda est actif")).ToBeVisibleAsync();
        await Expect(page.GetByLabel("Adresse de votre agenda")).ToHaveCountAsync(0);

        await page.GetByRole(AriaRole.Button, new() { Name = "Révoquer le lien" }).ClickAsync();
        await Expect(page.GetByText("Votre lien d'agenda est révoqué")).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Créer mon lien d'agenda" })).ToBeVisibleAsync();
        await page.AssertNoSeriousViolationsAsync();
        Assert.Equal(HttpStatusCode.NotFound, (await calendarClient.GetAsync(url)).StatusCode);
    }
}

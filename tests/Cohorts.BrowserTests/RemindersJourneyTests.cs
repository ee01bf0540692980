using System.Text.RegularExpressions;
using Cohorts.Web.Jobs;
using Cohorts.Web.Reminders;
using Cohorts.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Cohorts.BrowserTests;

[Collection(BrowserFixtureGroup.Name)]
public sealed class RemindersJourneyTests(BrowserFixture fixture) : IAsyncLifetime
{
    private readonly BrowserApp _app = fixture.App;

    public Task InitializeAsync() => _app.ResetAsync();
    public Task DisposeAsync() => Task.CompletedTask;

    /// <summary>
    /// The manager reaches the cohort's reminders from its committee, reads the reviewer to be reminded, switches the kind
    /// off (the job then sends nothing) and on again. Each page is scanned with axe.
    /// </summary>
    [Fact]
    public async Task The_manager_sees_the_reviewer_to_remind_switches_the_reminder_off_and_the_job_sends_nothing()
    {
        var scenario = await new SelectionScenario(_app).SeedAsync(applications: 2, reviewers: 2);
        await scenario.AssignAsync(scenario.Applications[0].Id, scenario.Reviewers[1].Id);
        var deadline = _app.Clock.GetUtcNow().AddDays(4);
        await _app.WithDbAsync(db => db.SelectionSettings.ExecuteUpdateAsync(s => s.SetProperty(x => x.ReviewDeadline, deadline)));
        // The 3-day reminder's hour has come, and the job has not run yet.
        _app.Clock.Advance(TimeSpan.FromDays(1).Add(TimeSpan.FromHours(1)));
        var manager = await fixture.NewPageAsync();
        await manager.SignInAsync(SelectionScenario.ManagerEmail, "Paul Responsable");

        await manager.GotoAsync($"/gestion/promotions/{scenario.CohortId}/jury");
        await manager.GetByRole(AriaRole.Link, new() { Name = "Rappels automatiques" }).ClickAsync();
        await Expect(manager.GetByRole(AriaRole.Heading, new() { NameRegex = new Regex("^Rappels automatiques") })).ToBeVisibleAsync();
        await Expect(manager.Locator("#a-venir-reviews-due")).ToContainTextAsync($"{scenario.Reviewers[1].Name} <{scenario.Reviewers[1].Email}>");
        await Expect(manager.Locator("#a-venir-reviews-due")).ToContainTextAsync("Au prochain passage");
        await manager.AssertNoSeriousViolationsAsync();

        await manager.GetByRole(AriaRole.Button, new() { Name = "Désactiver pour cette promotion : « Évaluations à rendre »" }).ClickAsync();
        await Expect(manager.Locator("#desactive-reviews-due")).ToContainTextAsync("aucun message de ce type ne part");
        await manager.AssertNoSeriousViolationsAsync();
        var written = -1;
        await _app.WithScopeAsync(async services =>
            written = await services.GetRequiredService<SendRemindersJob>().RunAsync(ReminderKind.ReviewsDue, CancellationToken.None));
        Assert.Equal(0, written);

        await manager.GetByRole(AriaRole.Button, new() { Name = "Réactiver le rappel « Évaluations à rendre »" }).ClickAsync();
        await Expect(manager.Locator("#a-venir-reviews-due")).ToContainTextAsync(scenario.Reviewers[1].Name);
    }
}

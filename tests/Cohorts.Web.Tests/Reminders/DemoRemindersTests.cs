using Cohorts.Migrations;
using Cohorts.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Cohorts.Web.Tests.Reminders;

/// <summary>The demo gives the reminders page something to show, and seeding it again adds nothing.</summary>
[Collection(AppFixtureGroup.Name)]
public sealed class DemoRemindersTests(CohortsApp app) : IAsyncLifetime
{
    public Task InitializeAsync() => app.ResetAsync();
    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task The_demo_manager_sees_drafts_reviews_and_an_endorsement_to_be_reminded()
    {
        await app.WithScopeAsync(DemoData.SeedAsync);
        await app.WithScopeAsync(DemoData.SeedAsync);
        var open = await app.WithDbAsync(db => db.Applications.Where(a => a.State == Domain.Applications.ApplicationState.Draft)
            .Select(a => a.CohortId).Distinct().SingleAsync());
        var advisor = await app.WithDbAsync(db => db.Applications.Where(a => a.State == Domain.Applications.ApplicationState.AwaitingEndorsement)
            .Select(a => a.CohortId).SingleAsync());
        var manager = app.Client();
        await Forms.PostAndReadAsync(manager, "/connexion",
            new Dictionary<string, string> { ["Input.Email"] = "responsable@cohorts.test", ["Input.Password"] = DemoData.Password });

        var booster = await Forms.ReadAsync(manager, $"/gestion/promotions/{open}/rappels");

        Assert.Contains($"{2 * (1 + DemoReminders.Drafts.Count)} rappels à venir", RemindersPageTests.Section(booster, "application-deadline"), StringComparison.Ordinal);
        Assert.Contains("Zoé Lambert <zoe.lambert@demo.cohorts.test>", booster, StringComparison.Ordinal);
        var reviews = RemindersPageTests.Section(booster, "reviews-due");
        Assert.Contains("<jury@cohorts.test>", reviews, StringComparison.Ordinal);
        Assert.Contains("6 évaluations non soumises", reviews, StringComparison.Ordinal);
        var endorsement = RemindersPageTests.Section(await Forms.ReadAsync(manager, $"/gestion/promotions/{advisor}/rappels"), "endorsement-pending");
        Assert.Contains("2 rappels à venir", endorsement, StringComparison.Ordinal);
        Assert.Contains("Avis hiérarchique sur la candidature d'Inès Martin", endorsement, StringComparison.Ordinal);
    }
}

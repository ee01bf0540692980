using Cohorts.Domain.Applications;
using Cohorts.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Cohorts.Web.Tests.Selection;

[Collection(AppFixtureGroup.Name)]
public sealed class SelectionScenarioTests(CohortsApp app) : IAsyncLifetime
{
    public Task InitializeAsync() => app.ResetAsync();
    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task The_scenario_gives_a_committee_applications_under_review_and_a_submitted_review_with_its_weighted_mean()
    {
        var scenario = await new SelectionScenario(app).SeedAsync(applications: 4, reviewers: 2);
        var assignment = await scenario.AssignAsync(scenario.Applications[0].Id, scenario.Reviewers[1].Id);

        await scenario.SubmitReviewAsync(assignment, [5, 3, 2]);

        var (states, mean, frozen) = await app.WithDbAsync(async db => (
            await db.Applications.Select(a => a.State).Distinct().ToListAsync(),
            await db.Reviews.Select(r => r.WeightedMean).SingleAsync(),
            await db.SelectionSettings.Select(s => s.RubricId).SingleAsync()));
        Assert.Equal([ApplicationState.UnderReview], states);
        // (2 × 5 + 3 + 2) / 4
        Assert.Equal(3.75, mean);
        Assert.Equal(scenario.RubricId, frozen);
        var reviewer = await scenario.SignInAsync(scenario.Reviewers[0].Email);
        var candidate = await scenario.SignInAsync(scenario.Applications[3].Email);
        Assert.NotNull(reviewer);
        Assert.NotNull(candidate);
    }
}

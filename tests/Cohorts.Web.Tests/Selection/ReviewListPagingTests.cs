using System.Net;
using Cohorts.Web.Tests.Support;

namespace Cohorts.Web.Tests.Selection;

[Collection(AppFixtureGroup.Name)]
public sealed class ReviewListPagingTests(CohortsApp app) : IAsyncLifetime
{
    public Task InitializeAsync() => app.ResetAsync();
    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Mes_evaluations_shows_fifty_assignments_a_page_and_the_progress_over_all_of_them()
    {
        var scenario = await new SelectionScenario(app).SeedAsync(applications: 52, reviewers: 1);
        var assignments = new List<Guid>();
        foreach (var application in scenario.Applications) assignments.Add(await scenario.AssignAsync(application.Id, scenario.Reviewers[0].Id));
        await scenario.SubmitReviewAsync(assignments[^1], [3, 3, 3]);
        var client = await scenario.SignInAsync(scenario.Reviewers[0].Email);

        var first = await Forms.ReadAsync(client, "/evaluations");
        var second = await Forms.ReadAsync(client, "/evaluations?PageNumber=2");

        Assert.Equal(50, assignments.Count(a => first.Contains($"href=\"/evaluations/{a}\"", StringComparison.Ordinal)));
        Assert.Equal(2, assignments.Count(a => second.Contains($"href=\"/evaluations/{a}\"", StringComparison.Ordinal)));
        Assert.Contains("href=\"/evaluations?PageNumber=2\"", first, StringComparison.Ordinal);
        Assert.Contains("1 / 52 soumise(s)", first, StringComparison.Ordinal);
        Assert.Contains("1 / 52 soumise(s)", second, StringComparison.Ordinal);
        // What is left to do comes first: the submitted one is on the last page.
        Assert.Contains($"href=\"/evaluations/{assignments[^1]}\"", second, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/evaluations?PageNumber=9")).StatusCode);
    }
}

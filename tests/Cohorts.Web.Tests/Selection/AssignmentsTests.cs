using Cohorts.Domain.Selection;
using Cohorts.Domain.Workflow;
using Cohorts.Web.Selection;
using Cohorts.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Cohorts.Web.Tests.Selection;

/// <summary>The shared reassignment a declared conflict calls: it sees the conflict and the removal before they are saved.</summary>
[Collection(AppFixtureGroup.Name)]
public sealed class AssignmentsTests(CohortsApp app) : IAsyncLifetime
{
    public Task InitializeAsync() => app.ResetAsync();
    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task A_conflict_declared_in_the_same_unit_of_work_gives_the_application_to_another_eligible_reviewer_never_back_to_the_declarer()
    {
        // Four reviewers of administrations 0, 1, 2, 0; application 0 is of administration 0: reviewers 1 and 2 may review it.
        var scenario = await new SelectionScenario(app).SeedAsync(applications: 1, reviewers: 4);
        var application = scenario.Applications[0].Id;
        var declared = await scenario.AssignAsync(application, scenario.Reviewers[1].Id);
        await scenario.AssignAsync(application, scenario.Reviewers[2].Id);
        var declarer = new ActorRef(Actor.Reviewer, scenario.Reviewers[1].Id, scenario.Reviewers[1].Name);

        var plan = await app.WithDbAsync(async db =>
        {
            var assignment = await db.ReviewAssignments.SingleAsync(a => a.Id == declared);
            db.ConflictsOfInterest.Add(ConflictOfInterest.Declare(assignment, "Mon ancienne équipe", app.Clock.GetUtcNow()));
            var result = await db.ReassignAsync(application, declarer, app.Clock.GetUtcNow(), CancellationToken.None);
            await db.SaveChangesAsync();
            return result;
        });

        // Nobody else is eligible: reviewers 0 and 3 share the candidate's administration, reviewer 2 has it already.
        Assert.Empty(plan.Added);
        var unfilled = Assert.Single(plan.Unfilled);
        Assert.Equal(1, unfilled.Missing);
        Assert.StartsWith("Il manque 1 évaluateur", unfilled.Reason, StringComparison.Ordinal);
        Assert.Equal([scenario.Reviewers[2].Id],
            await app.WithDbAsync(db => db.ReviewAssignments.Where(a => a.RemovedAt == null).Select(a => a.ReviewerId).ToListAsync()));
    }

    [Fact]
    public async Task Reassigning_after_a_conflict_picks_the_least_loaded_eligible_member_and_records_it_as_automatic_by_the_declarer()
    {
        // Six reviewers of administrations 0, 1, 2, 0, 1, 2; application 0 is of administration 0.
        var scenario = await new SelectionScenario(app).SeedAsync(applications: 2, reviewers: 6);
        var application = scenario.Applications[0].Id;
        var declared = await scenario.AssignAsync(application, scenario.Reviewers[1].Id);
        await scenario.AssignAsync(application, scenario.Reviewers[2].Id);
        // Reviewer 4 is busier than reviewer 5: the application goes to reviewer 5.
        await scenario.AssignAsync(scenario.Applications[1].Id, scenario.Reviewers[4].Id);
        var declarer = new ActorRef(Actor.Reviewer, scenario.Reviewers[1].Id, scenario.Reviewers[1].Name);

        var plan = await app.WithDbAsync(async db =>
        {
            var assignment = await db.ReviewAssignments.SingleAsync(a => a.Id == declared);
            db.ConflictsOfInterest.Add(ConflictOfInterest.Declare(assignment, "Mon ancienne équipe", app.Clock.GetUtcNow()));
            var result = await db.ReassignAsync(application, declarer, app.Clock.GetUtcNow(), CancellationToken.None);
            await db.SaveChangesAsync();
            return result;
        });

        Assert.Equal([new AssignmentPair(application, scenario.Reviewers[5].Id)], plan.Added);
        Assert.Empty(plan.Unfilled);
        var change = await app.WithDbAsync(db => db.AssignmentChanges.AsNoTracking().OrderBy(c => c.Id).LastAsync());
        Assert.Equal((AssignmentChangeKind.Assigned, true, scenario.Reviewers[5].Id, scenario.Reviewers[1].Name, Actor.Reviewer),
            (change.Kind, change.Automatic, change.ReviewerId, change.ActorName, change.ActorKind));
    }
}

using Cohorts.Domain.Selection;
using static Cohorts.Domain.Tests.Selection.Ids;

namespace Cohorts.Domain.Tests.Selection;

public sealed class AutoAssignmentTests
{
    private static AssignableApplication Application(int app, int? administration = null) => new(App(app), administration);

    private static CommitteeReviewer Reviewer(string id, int? administration = null) => new(id, $"Évaluateur {id}", administration);

    private static AssignmentPair Pair(int app, string reviewer) => new(App(app), reviewer);

    [Fact]
    public void A_reviewer_never_gets_an_application_from_their_own_administration()
    {
        var plan = AutoAssignment.Assign([Application(1, 10)], [Reviewer("r1", 10), Reviewer("r2", 11), Reviewer("r3")], [], [], 2);

        Assert.Equal([Pair(1, "r2"), Pair(1, "r3")], plan.Added);
        Assert.Empty(plan.Unfilled);
    }

    [Fact]
    public void An_excluded_pair_is_never_assigned()
    {
        var plan = AutoAssignment.Assign([Application(1), Application(2)], [Reviewer("r1"), Reviewer("r2"), Reviewer("r3")], [],
            [Pair(1, "r1")], 1);

        Assert.Equal([Pair(1, "r2"), Pair(2, "r1")], plan.Added);
    }

    [Fact]
    public void Loads_are_balanced_the_least_loaded_first_ties_by_identifier()
    {
        var plan = AutoAssignment.Assign(
            [Application(1), Application(2), Application(3), Application(4), Application(5)],
            [Reviewer("r4"), Reviewer("r2"), Reviewer("r3"), Reviewer("r1")], [], [], 2);

        Assert.Equal(
            [Pair(1, "r1"), Pair(1, "r2"), Pair(2, "r3"), Pair(2, "r4"), Pair(3, "r1"), Pair(3, "r2"),
             Pair(4, "r3"), Pair(4, "r4"), Pair(5, "r1"), Pair(5, "r2")],
            plan.Added);
        var loads = plan.Added.GroupBy(p => p.ReviewerId).Select(g => g.Count()).ToList();
        Assert.True(loads.Max() - loads.Min() <= 1);
    }

    [Fact]
    public void Loads_stay_balanced_around_administrations_and_conflicts()
    {
        // 40 applications over 4 administrations, 8 reviewers (two per administration), 3 each, a few conflicts.
        AssignableApplication[] applications = [.. Enumerable.Range(1, 40).Select(i => Application(i, i % 4))];
        CommitteeReviewer[] reviewers = [.. Enumerable.Range(1, 8).Select(r => Reviewer($"r{r}", r % 4))];
        AssignmentPair[] conflicts = [Pair(1, "r2"), Pair(2, "r3"), Pair(3, "r4")];

        var plan = AutoAssignment.Assign(applications, reviewers, [], conflicts, 3);

        Assert.Empty(plan.Unfilled);
        Assert.Equal(120, plan.Added.Count);
        Assert.DoesNotContain(plan.Added, p => conflicts.Contains(p));
        Assert.All(plan.Added, p => Assert.NotEqual(
            applications.Single(a => a.ApplicationId == p.ApplicationId).AdministrationId,
            reviewers.Single(r => r.ReviewerId == p.ReviewerId).AdministrationId));
        var loads = plan.Added.GroupBy(p => p.ReviewerId).Select(g => g.Count()).ToList();
        Assert.Equal(8, loads.Count);
        Assert.True(loads.Max() - loads.Min() <= 1, $"loads {string.Join(", ", loads)}");
        Assert.All(applications, a => Assert.Equal(3, plan.Added.Count(p => p.ApplicationId == a.ApplicationId)));
    }

    [Fact]
    public void Existing_assignments_count_towards_the_application_and_the_reviewer_load()
    {
        var plan = AutoAssignment.Assign(
            [Application(1), Application(2)],
            [Reviewer("r1"), Reviewer("r2"), Reviewer("r3")],
            [Pair(1, "r2"), Pair(100, "r1"), Pair(101, "r1")],
            [], 2);

        // Application 1 already has r2: one more, r3 (r1 carries two). Application 2: r3 and r2 carry one each now,
        // r1 two: r2, then r3.
        Assert.Equal([Pair(1, "r3"), Pair(2, "r2"), Pair(2, "r3")], plan.Added);
    }

    [Fact]
    public void An_application_with_too_few_eligible_reviewers_is_reported_with_the_reason()
    {
        var plan = AutoAssignment.Assign([Application(1, 10), Application(2, 10)],
            [Reviewer("r1", 10), Reviewer("r2", 10), Reviewer("r3", 11)], [], [Pair(2, "r3")], 2);

        Assert.Equal([Pair(1, "r3")], plan.Added);
        Assert.Equal(
            [new Unfilled(App(1), 1, "Il manque 1 évaluateur : un seul membre du jury est éligible (les autres sont de la même administration que le candidat, en conflit d'intérêts, déjà désignés ou retirés de cette candidature)."),
             new Unfilled(App(2), 2, "Il manque 2 évaluateurs : aucun membre du jury n'est éligible (les autres sont de la même administration que le candidat, en conflit d'intérêts, déjà désignés ou retirés de cette candidature).")],
            plan.Unfilled);
    }

    [Fact]
    public void An_application_already_fully_assigned_gets_no_one_more()
    {
        var plan = AutoAssignment.Assign([Application(1)], [Reviewer("r1"), Reviewer("r2"), Reviewer("r3")],
            [Pair(1, "r1"), Pair(1, "r2")], [], 2);

        Assert.Empty(plan.Added);
        Assert.Empty(plan.Unfilled);
    }

    [Fact]
    public void The_plan_is_the_same_whatever_the_order_of_the_committee()
    {
        AssignableApplication[] applications = [.. Enumerable.Range(1, 12).Select(i => Application(i, i % 3))];
        CommitteeReviewer[] reviewers = [.. Enumerable.Range(1, 6).Select(r => Reviewer($"r{r}", r % 3))];

        var plan = AutoAssignment.Assign(applications, reviewers, [], [], 2);
        var again = AutoAssignment.Assign(applications, [.. reviewers.Reverse()], [], [], 2);

        Assert.Equal(plan.Added, again.Added);
        Assert.Equal(plan.Unfilled, again.Unfilled);
    }
}

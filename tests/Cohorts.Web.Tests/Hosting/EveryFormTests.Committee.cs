using Cohorts.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Cohorts.Web.Tests.Hosting;

/// <summary>The committee's staff forms (rubric, rules, members, assignments), reached from a selection scenario of their own.</summary>
public sealed partial class EveryFormTests
{
    /// <summary>The selection scenario replaces the application one: both seed the same ministries.</summary>
    private async Task<(SelectionScenario Scenario, HttpClient Manager)> SelectionAsync()
    {
        await app.ResetAsync();
        var scenario = await new SelectionScenario(app).SeedAsync(applications: 2, reviewers: 3);
        return (scenario, await scenario.SignInAsync(SelectionScenario.ManagerEmail));
    }

    private static string Jury(SelectionScenario scenario) => $"/gestion/promotions/{scenario.CohortId}/jury";

    private async Task<Target> RubricAsync(string? handler)
    {
        var (scenario, manager) = await SelectionAsync();
        var page = $"/gestion/programmes/{scenario.ProgramId}/grille";
        var fields = new Dictionary<string, string> { ["Input.ScaleMax"] = "5" };
        // The scenario's three criteria and the page's three spare rows: every field of the form.
        for (var i = 0; i < 6; i++)
        {
            fields[$"Input.Criteria[{i}].Name"] = i < 3 ? $"Critère {i + 1}" : "";
            fields[$"Input.Criteria[{i}].Description"] = i < 3 ? "Ce que le jury apprécie." : "";
            fields[$"Input.Criteria[{i}].Weight"] = i < 3 ? "1" : "";
            for (var level = 0; level < 5; level++) fields[$"Input.Criteria[{i}].Guidance[{level}]"] = i < 3 ? $"Niveau {level + 1}" : "";
        }
        return new Target(manager, handler is null ? page : $"{page}?handler={handler}", page, fields);
    }

    private async Task<Target> CommitteeSettingsAsync()
    {
        var (scenario, manager) = await SelectionAsync();
        return new Target(manager, $"{Jury(scenario)}?handler=Settings", Jury(scenario), new()
        {
            ["SettingsInput.ReviewersPerApplication"] = "2", ["SettingsInput.ReviewDeadline"] = "2031-01-20T18:00",
            ["SettingsInput.DisagreementThreshold"] = "1,5", ["SettingsInput.MaxPerAdministration"] = "2", ["SettingsInput.MaxPerMinistry"] = "5",
            ["SettingsInput.MinimumShareA"] = "20", ["SettingsInput.MinimumShareB"] = "20", ["SettingsInput.MinimumShareC"] = "20",
            ["SettingsInput.WaitlistLength"] = "10", ["SettingsInput.OfferDays"] = "7",
        });
    }

    /// <summary>Closing or reopening scoring; each post finds scoring as the form expects it.</summary>
    private async Task<Target> CommitteeScoringAsync(string handler)
    {
        var (scenario, manager) = await SelectionAsync();
        Task Restore() => app.WithDbAsync(db => db.SelectionSettings
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.ScoringClosedAt, handler == "Close" ? null : app.Clock.GetUtcNow())));
        await Restore();
        return new Target(manager, $"{Jury(scenario)}?handler={handler}", Jury(scenario), []) { BeforeEachPost = _ => Restore() };
    }

    /// <summary>Adding the first reviewer to the committee, or taking them off; each post finds the committee as before.</summary>
    private async Task<Target> CommitteeMemberAsync(string handler)
    {
        var (scenario, manager) = await SelectionAsync();
        var reviewer = scenario.Reviewers[0].Id;
        Task Restore() => handler == "AddMember"
            ? app.WithDbAsync(db => db.CommitteeMembers.Where(m => m.ReviewerId == reviewer).ExecuteDeleteAsync())
            : app.WithDbAsync(db => db.Database.ExecuteSqlRawAsync(
                "INSERT INTO committee_members (cohort_id, reviewer_id, added_at) VALUES ({0}, {1}, now()) ON CONFLICT DO NOTHING", scenario.CohortId, reviewer));
        await Restore();
        return new Target(manager, $"{Jury(scenario)}?handler={handler}", Jury(scenario), new() { ["ReviewerId"] = reviewer })
        {
            BeforeEachPost = _ => Restore(),
        };
    }

    private async Task<Target> CommitteeAssignAsync()
    {
        var (scenario, manager) = await SelectionAsync();
        return new Target(manager, $"{Jury(scenario)}?handler=Assign", Jury(scenario), []);
    }

    /// <summary>
    /// The adjustment of one application: designating a reviewer (each post finds none designated) or taking an
    /// assignment back (each post finds it active again).
    /// </summary>
    private async Task<Target> CommitteeAdjustAsync(string handler)
    {
        var (scenario, manager) = await SelectionAsync();
        var application = scenario.Applications[0].Id;
        // Application 0 is from the first reviewer's administration: the second one may review it.
        var reviewer = scenario.Reviewers[1].Id;
        var assignment = await scenario.AssignAsync(application, reviewer);
        var page = $"{Jury(scenario)}?Candidature={application}";
        if (handler == "AddReviewer")
            return new Target(manager, $"{Jury(scenario)}?handler=AddReviewer", page,
                new() { ["ApplicationId"] = application.ToString(), ["ReviewerId"] = reviewer })
            {
                BeforeEachPost = _ => app.WithDbAsync(db => db.ReviewAssignments.ExecuteDeleteAsync()),
            };
        return new Target(manager, $"{Jury(scenario)}?handler=Unassign", page,
            new() { ["AssignmentId"] = assignment.ToString(), ["Reason"] = "Charge trop lourde" })
        {
            BeforeEachPost = _ => app.WithDbAsync(db => db.ReviewAssignments
                .ExecuteUpdateAsync(s => s.SetProperty(a => a.RemovedAt, (DateTimeOffset?)null).SetProperty(a => a.Removal, (Cohorts.Domain.Selection.AssignmentRemoval?)null))),
        };
    }
}

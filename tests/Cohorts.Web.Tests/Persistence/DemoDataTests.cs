using Cohorts.Domain.Applications;
using Cohorts.Domain.Catalogue;
using Cohorts.Migrations;
using Cohorts.Web.Identity;
using Cohorts.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Cohorts.Web.Tests.Persistence;

[Collection(AppFixtureGroup.Name)]
public sealed class DemoDataTests(CohortsApp app) : IAsyncLifetime
{
    public Task InitializeAsync() => app.ResetAsync();
    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Demo_data_holds_both_programs_with_a_past_a_running_and_an_open_cohort_and_seeding_twice_adds_nothing()
    {
        bool first = false, second = true;
        await app.WithScopeAsync(async services => first = await DemoData.SeedAsync(services));
        await app.WithScopeAsync(async services => second = await DemoData.SeedAsync(services));
        Assert.True(first);
        Assert.False(second);

        var now = app.Clock.GetUtcNow();
        var phases = await app.WithDbAsync(async db => (await db.Cohorts.Include(c => c.Program).ToListAsync())
            .GroupBy(c => c.Program.Name)
            .ToDictionary(g => g.Key, g => g.Select(c => c.PhaseAt(now)).OrderBy(p => p).ToList()));
        Assert.Equal(["Booster Agile", "Conseiller en stratégie numérique"], phases.Keys.Order());
        foreach (var (program, cohortPhases) in phases)
            Assert.True(cohortPhases.SequenceEqual([CohortPhase.OpenForApplications, CohortPhase.Running, CohortPhase.Finished]),
                $"{program}: {string.Join(", ", cohortPhases)}");

        Assert.True(await app.WithDbAsync(db => db.Cohorts.AllAsync(c => c.Published)), "every demo cohort is in the catalogue");
        Assert.Equal(8, await app.WithDbAsync(db => db.Ministries.CountAsync()));
        Assert.Equal(20, await app.WithDbAsync(db => db.Administrations.CountAsync()));
        var emails = await app.WithDbAsync(db => db.Users.Select(u => u.Email).ToListAsync());
        Assert.All(DemoData.Accounts, account => Assert.Contains(account.Email, emails));
        var rolesOfAccounts = await app.WithDbAsync(db => db.UserRoles.Join(db.Roles, ur => ur.RoleId, r => r.Id, (_, r) => r.Name!).Distinct().ToListAsync());
        Assert.Equal(Roles.All.Order(), rolesOfAccounts.Order());

        // Applications at several stages, each submitted one with a CV that opens as a PDF.
        var applications = await app.WithDbAsync(db => db.Applications.Include(a => a.History).ToListAsync());
        var states = applications.GroupBy(a => a.State).ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(new Dictionary<ApplicationState, int>
        {
            [ApplicationState.Draft] = 1 + DemoReminders.Drafts.Count,
            [ApplicationState.AwaitingEndorsement] = 1,
            [ApplicationState.Endorsed] = 1,
            [ApplicationState.UnderReview] = 1 + 130,
            [ApplicationState.OfferAccepted] = DemoSessions.Enrolled,
        }, states);
        Assert.All(applications.Where(a => a.State != ApplicationState.Draft), a => Assert.NotNull(a.CvDocumentId));
        var cvs = await app.WithDbAsync(db => db.Documents.Select(d => d.Content).ToListAsync());
        Assert.All(cvs, cv => Assert.StartsWith("%PDF-1.4", System.Text.Encoding.ASCII.GetString(cv), StringComparison.Ordinal));
    }

    [Fact]
    public async Task Every_demo_account_can_sign_in_with_the_documented_password()
    {
        await app.WithScopeAsync(DemoData.SeedAsync);
        foreach (var (email, _, _, _) in DemoData.Accounts)
        {
            var client = app.Client();
            var page = await Forms.PostAndReadAsync(client, "/connexion",
                new Dictionary<string, string> { ["Input.Email"] = email, ["Input.Password"] = DemoData.Password });
            Assert.Contains("Se déconnecter", page, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task The_responsible_account_runs_both_demo_programs_and_the_strategy_manager_only_one()
    {
        await app.WithScopeAsync(DemoData.SeedAsync);
        await app.WithScopeAsync(DemoData.SeedAsync);

        var managed = await app.WithDbAsync(db => db.ProgramManagers
            .Join(db.Users, m => m.UserId, u => u.Id, (m, u) => new { m.ProgramId, u.Email })
            .Join(db.Programs, x => x.ProgramId, p => p.Id, (x, p) => new { x.Email, p.Name })
            .ToListAsync());
        Assert.Equal(["Booster Agile", "Conseiller en stratégie numérique"],
            managed.Where(m => m.Email == "responsable@cohorts.test").Select(m => m.Name).Order());
        Assert.Equal(["Conseiller en stratégie numérique"], managed.Where(m => m.Email == "responsable.strategie@cohorts.test").Select(m => m.Name));

        var client = app.Client();
        await Forms.PostAndReadAsync(client, "/connexion",
            new Dictionary<string, string> { ["Input.Email"] = "responsable.strategie@cohorts.test", ["Input.Password"] = DemoData.Password });
        var gestion = await Forms.ReadAsync(client, "/gestion");
        Assert.Contains("Promotion 2027", gestion, StringComparison.Ordinal);
        Assert.DoesNotContain("Booster Agile", gestion, StringComparison.Ordinal);
    }

    [Fact]
    public void The_README_lists_every_demo_account()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (!File.Exists(Path.Combine(folder!.FullName, "Cohorts.sln"))) folder = folder.Parent;
        var readme = File.ReadAllText(Path.Combine(folder.FullName, "README.md"));
        Assert.All(DemoData.Accounts, account => Assert.Contains($"| {account.Email} ", readme, StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_demo_committee_has_a_rubric_assignments_without_conflicts_and_reviews_left_to_the_demo_reviewer()
    {
        await app.WithScopeAsync(DemoData.SeedAsync);

        var (rubrics, settings, members) = await app.WithDbAsync(async db => (
            await db.Rubrics.CountAsync(), await db.SelectionSettings.CountAsync(), await db.CommitteeMembers.CountAsync()));
        Assert.Equal(2, rubrics);
        Assert.Equal(2, settings);
        Assert.Equal(6 + 3, members);
        var demoReviewer = await app.WithDbAsync(db => db.Users.SingleAsync(u => u.Email == "jury@cohorts.test"));
        // In Booster Agile's open cohort (in the other, the automatic assignment may or may not give them its one application).
        var work = await app.WithDbAsync(async db => await db.ReviewAssignments
            .Where(a => a.ReviewerId == demoReviewer.Id && db.Cohorts.Any(c => c.Id == a.CohortId && c.Program.Slug == "booster-agile"))
            .Select(a => new { Review = db.Reviews.Where(r => r.AssignmentId == a.Id).Select(r => (bool?)(r.SubmittedAt != null)).SingleOrDefault() })
            .ToListAsync());
        Assert.True(work.Count(w => w.Review == true) > 20, "the demo reviewer has submitted reviews");
        Assert.Equal(1, work.Count(w => w.Review == false));
        Assert.Equal(DemoSelection.LeftToTheDemoReviewer - 1, work.Count(w => w.Review is null));
        // Every application under review in Booster Agile's open cohort has two reviewers, none from its administration.
        var sameAdministration = await app.WithDbAsync(db => db.ReviewAssignments.CountAsync(a =>
            db.Applications.Any(x => x.Id == a.ApplicationId && db.Users.Any(u => u.Id == a.ReviewerId && u.AdministrationId == x.AdministrationId))));
        Assert.Equal(0, sameAdministration);
        var perApplication = await app.WithDbAsync(db => db.ReviewAssignments.GroupBy(a => a.ApplicationId).Select(g => g.Count()).Distinct().ToListAsync());
        Assert.Equal([2], perApplication);
    }
}

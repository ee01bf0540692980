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

        Assert.Equal(8, await app.WithDbAsync(db => db.Ministries.CountAsync()));
        Assert.Equal(20, await app.WithDbAsync(db => db.Administrations.CountAsync()));
        Assert.Equal(DemoData.Accounts.Count, await app.WithDbAsync(db => db.Users.CountAsync()));
        var rolesOfAccounts = await app.WithDbAsync(db => db.UserRoles.Join(db.Roles, ur => ur.RoleId, r => r.Id, (_, r) => r.Name!).ToListAsync());
        Assert.Equal(Roles.All.Order(), rolesOfAccounts.Order());
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
}

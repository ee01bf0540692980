using System.Net;
using Cohorts.Web.Identity;
using Cohorts.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Cohorts.Web.Tests.Management;

/// <summary>A ProgramManager sees and acts on the programs assigned to them only; to them another program's URLs do not exist.</summary>
[Collection(AppFixtureGroup.Name)]
public sealed class ScopedAccessTests(CohortsApp app) : IAsyncLifetime
{
    private readonly ApplicationScenario _scenario = new(app);
    private int _otherProgram;
    private int _otherCohort;
    private Guid _application;
    private Guid _cv;

    public async Task InitializeAsync()
    {
        await app.ResetAsync();
        await _scenario.SeedAsync(requiresEndorsement: false);
        (_otherProgram, _otherCohort) = await _scenario.SeedOtherProgramAsync();
        _application = await _scenario.SubmitAsync(await _scenario.SignedInAsync("alice@numerique.gouv.fr"), firstName: "Alice", lastName: "Soumise");
        _cv = await app.WithDbAsync(db => db.Applications.Where(a => a.Id == _application).Select(a => a.CvDocumentId!.Value).SingleAsync());
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private Task<HttpClient> ManagerOfTheOtherProgramAsync() =>
        _scenario.SignedInAsync("strategie@cohorts.test", Roles.ProgramManager, "Sophie", "Stratégie", manages: _otherProgram);

    [Fact]
    public async Task Gestion_lists_only_the_cohorts_of_the_managers_programs()
    {
        var other = await ManagerOfTheOtherProgramAsync();
        var mine = await _scenario.SignedInAsync("booster@cohorts.test", Roles.ProgramManager, "Paul", "Booster");

        var otherPage = await Forms.ReadAsync(other, "/gestion");
        Assert.Contains("Promotion Stratégie", otherPage, StringComparison.Ordinal);
        Assert.DoesNotContain("Promotion 3", otherPage, StringComparison.Ordinal);
        var minePage = await Forms.ReadAsync(mine, "/gestion");
        Assert.Contains("Promotion 3", minePage, StringComparison.Ordinal);
        Assert.DoesNotContain("Promotion Stratégie", minePage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_manager_assigned_to_no_program_sees_no_cohort()
    {
        await app.CreateUserAsync("seul@cohorts.test", ApplicationScenario.Password, Roles.ProgramManager);
        var alone = app.Client(followRedirects: false);
        await ApplicationScenario.SignInAgainAsync(alone, "seul@cohorts.test");

        var page = await Forms.ReadAsync(alone, "/gestion");

        Assert.DoesNotContain("Promotion 3", page, StringComparison.Ordinal);
        Assert.DoesNotContain("Promotion Stratégie", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Another_programs_cohort_list_is_not_found()
    {
        var other = await ManagerOfTheOtherProgramAsync();

        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/gestion/promotions/{_scenario.CohortId}/candidatures")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await other.GetAsync($"/gestion/promotions/{_otherCohort}/candidatures")).StatusCode);
    }

    [Fact]
    public async Task Another_programs_application_is_not_found_to_read_nor_to_act_on()
    {
        var other = await ManagerOfTheOtherProgramAsync();
        var mine = await _scenario.SignedInAsync("booster@cohorts.test", Roles.ProgramManager, "Paul", "Booster");
        var url = $"/gestion/candidatures/{_application}";

        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync(url)).StatusCode);
        var post = await Forms.PostAsync(other, url, new Dictionary<string, string> { ["Trigger"] = "StartReview", ["Version"] = "0" }, tokenFrom: "/gestion");
        Assert.Equal(HttpStatusCode.NotFound, post.StatusCode);
        Assert.Equal(Cohorts.Domain.Applications.ApplicationState.Submitted,
            await app.WithDbAsync(db => db.Applications.Where(a => a.Id == _application).Select(a => a.State).SingleAsync()));
        Assert.Equal(HttpStatusCode.OK, (await mine.GetAsync(url)).StatusCode);
    }

    [Fact]
    public async Task Another_programs_CV_is_not_found()
    {
        var other = await ManagerOfTheOtherProgramAsync();
        var mine = await _scenario.SignedInAsync("booster@cohorts.test", Roles.ProgramManager, "Paul", "Booster");

        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/documents/{_cv}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await mine.GetAsync($"/documents/{_cv}")).StatusCode);
    }

    [Fact]
    public async Task An_Admin_reaches_every_program()
    {
        var admin = await _scenario.SignedInAsync("admin@cohorts.test", Roles.Admin, "Ada", "Admin");

        var page = await Forms.ReadAsync(admin, "/gestion");
        Assert.Contains("Promotion 3", page, StringComparison.Ordinal);
        Assert.Contains("Promotion Stratégie", page, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync($"/gestion/promotions/{_scenario.CohortId}/candidatures")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync($"/gestion/candidatures/{_application}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync($"/documents/{_cv}")).StatusCode);
    }
}

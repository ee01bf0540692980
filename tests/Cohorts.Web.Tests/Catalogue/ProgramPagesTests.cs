using System.Net;
using Cohorts.Domain.Catalogue;
using Cohorts.Web.Identity;
using Cohorts.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Cohorts.Web.Tests.Catalogue;

[Collection(AppFixtureGroup.Name)]
public sealed class ProgramPagesTests(CohortsApp app) : IAsyncLifetime
{
    private readonly ApplicationScenario _scenario = new(app);

    public async Task InitializeAsync()
    {
        await app.ResetAsync();
        await _scenario.SeedAsync();
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private static Dictionary<string, string> Fields(string name) => new()
    {
        ["Input.Name"] = name, ["Input.Summary"] = "Quatre mois pour piloter un projet de données.", ["Input.Expertise"] = "DataAndAi",
        ["Input.Format"] = "6 journées en présentiel", ["Input.HasInterview"] = "true", ["Input.SelectionDescription"] = "Un jury de trois membres lit chaque dossier.",
    };

    [Fact]
    public async Task An_Admin_creates_a_program_whose_slug_is_made_from_its_name_once_and_unique()
    {
        var admin = await _scenario.SignedInAsync("admin@cohorts.test", Roles.Admin);

        var first = await Forms.PostAsync(admin, "/gestion/programmes/nouveau", Fields("Données & Économie"));
        var second = await Forms.PostAsync(admin, "/gestion/programmes/nouveau", Fields("Données & Économie"));

        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, second.StatusCode);
        var programs = await app.WithDbAsync(db => db.Programs.AsNoTracking().Where(p => p.Name == "Données & Économie").OrderBy(p => p.Id).ToListAsync());
        Assert.Equal(["donnees-economie", "donnees-economie-2"], programs.Select(p => p.Slug));
        var program = programs[0];
        Assert.Equal((CampusExpertise.DataAndAi, false, true, "Un jury de trois membres lit chaque dossier.", "6 journées en présentiel"),
            (program.Expertise, program.RequiresEndorsement, program.HasInterview, program.SelectionDescription, program.Format));
        Assert.Equal($"/gestion/programmes/{program.Id}", first.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task A_program_without_a_name_is_refused_in_French()
    {
        var admin = await _scenario.SignedInAsync("admin@cohorts.test", Roles.Admin);

        var page = await Forms.PostAndReadAsync(admin, "/gestion/programmes/nouveau", Fields(""));

        Assert.Contains("Indiquez le nom du programme.", page, StringComparison.Ordinal);
        Assert.Equal(1, await app.WithDbAsync(db => db.Programs.CountAsync()));
    }

    [Fact]
    public async Task A_ProgramManager_cannot_create_a_program()
    {
        var manager = await _scenario.SignedInAsync("paul@cohorts.test", Roles.ProgramManager);

        var response = await manager.GetAsync("/gestion/programmes/nouveau");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/acces-refuse", response.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_ProgramManager_edits_their_program_and_the_cohort_page_shows_the_selection_to_candidates()
    {
        var manager = await _scenario.SignedInAsync("paul@cohorts.test", Roles.ProgramManager);
        var url = $"/gestion/programmes/{_scenario.ProgramId}";

        var response = await Forms.PostAsync(manager, url, Fields("Booster Agile renouvelé"));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var program = await app.WithDbAsync(db => db.Programs.AsNoTracking().SingleAsync(p => p.Id == _scenario.ProgramId));
        Assert.Equal(("Booster Agile renouvelé", "booster-agile", CampusExpertise.DataAndAi), (program.Name, program.Slug, program.Expertise));
        var cohortPage = await Forms.ReadAsync(app.Client(), $"/promotions/{_scenario.CohortId}");
        Assert.Contains("Un jury de trois membres lit chaque dossier.", cohortPage, StringComparison.Ordinal);
        Assert.Contains("Booster Agile renouvelé", await Forms.ReadAsync(manager, "/gestion/programmes"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Another_programs_page_is_not_found_to_read_nor_to_edit()
    {
        var other = await app.WithDbAsync(async db =>
        {
            var program = TrainingProgram.Create("autre", "Autre programme", "", "", true, false);
            db.Programs.Add(program);
            await db.SaveChangesAsync();
            return program.Id;
        });
        var manager = await _scenario.SignedInAsync("paul@cohorts.test", Roles.ProgramManager);

        Assert.Equal(HttpStatusCode.NotFound, (await manager.GetAsync($"/gestion/programmes/{other}")).StatusCode);
        var post = await Forms.PostAsync(manager, $"/gestion/programmes/{other}", Fields("Pris"), tokenFrom: "/gestion/programmes");
        Assert.Equal(HttpStatusCode.NotFound, post.StatusCode);
        Assert.Equal("Autre programme", await app.WithDbAsync(db => db.Programs.Where(p => p.Id == other).Select(p => p.Name).SingleAsync()));
        Assert.DoesNotContain("Autre programme", await Forms.ReadAsync(manager, "/gestion/programmes"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_Admin_assigns_a_ProgramManager_chosen_among_the_accounts_with_that_role_and_can_remove_them()
    {
        var sophie = await app.CreateUserAsync("sophie@cohorts.test", ApplicationScenario.Password, Roles.ProgramManager, firstName: "Sophie", lastName: "Stratège");
        var jury = await app.CreateUserAsync("jury@cohorts.test", ApplicationScenario.Password, Roles.Reviewer, firstName: "Jeanne", lastName: "Jury");
        var admin = await _scenario.SignedInAsync("admin@cohorts.test", Roles.Admin);
        var url = $"/gestion/programmes/{_scenario.ProgramId}";

        var page = await Forms.ReadAsync(admin, url);
        Assert.Contains($"value=\"{sophie.Id}\"", page, StringComparison.Ordinal);
        Assert.DoesNotContain($"value=\"{jury.Id}\"", page, StringComparison.Ordinal);
        var refused = await Forms.PostAndReadAsync(admin, $"{url}?handler=Assign", new Dictionary<string, string> { ["ManagerId"] = jury.Id });
        Assert.Contains("Choisissez un responsable de programme dans la liste.", refused, StringComparison.Ordinal);

        await Forms.PostAsync(admin, $"{url}?handler=Assign", new Dictionary<string, string> { ["ManagerId"] = sophie.Id });
        var client = app.Client(followRedirects: false);
        await ApplicationScenario.SignInAgainAsync(client, "sophie@cohorts.test");
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(url)).StatusCode);

        await Forms.PostAsync(admin, $"{url}?handler=Unassign", new Dictionary<string, string> { ["ManagerId"] = sophie.Id });
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(url)).StatusCode);
    }

    [Fact]
    public async Task A_ProgramManager_cannot_assign_managers()
    {
        var sophie = await app.CreateUserAsync("sophie@cohorts.test", ApplicationScenario.Password, Roles.ProgramManager);
        var manager = await _scenario.SignedInAsync("paul@cohorts.test", Roles.ProgramManager);
        var url = $"/gestion/programmes/{_scenario.ProgramId}";

        Assert.DoesNotContain("handler=Assign", await Forms.ReadAsync(manager, url), StringComparison.Ordinal);
        var response = await Forms.PostAsync(manager, $"{url}?handler=Assign", new Dictionary<string, string> { ["ManagerId"] = sophie.Id }, tokenFrom: url);

        Assert.Contains("/acces-refuse", response.Headers.Location!.OriginalString, StringComparison.Ordinal);
        Assert.False(await app.WithDbAsync(db => db.ProgramManagers.AnyAsync(m => m.UserId == sophie.Id)));
    }

    [Fact]
    public async Task Staff_find_the_programs_from_gestion()
    {
        var manager = await _scenario.SignedInAsync("paul@cohorts.test", Roles.ProgramManager);

        Assert.Contains("href=\"/gestion/programmes\"", await manager.GetStringAsync("/gestion"), StringComparison.Ordinal);
    }
}

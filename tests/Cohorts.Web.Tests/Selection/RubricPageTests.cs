using System.Net;
using Cohorts.Domain.Catalogue;
using Cohorts.Domain.Selection;
using Cohorts.Web.Identity;
using Cohorts.Web.Selection;
using Cohorts.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Cohorts.Web.Tests.Selection;

[Collection(AppFixtureGroup.Name)]
public sealed class RubricPageTests(CohortsApp app) : IAsyncLifetime
{
    private SelectionScenario _scenario = null!;

    public async Task InitializeAsync()
    {
        await app.ResetAsync();
        _scenario = await new SelectionScenario(app).SeedAsync(applications: 3, reviewers: 2);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private string Page => $"/gestion/programmes/{_scenario.ProgramId}/grille";

    /// <summary>The form as the page fills it for the scenario's rubric, changed by <paramref name="change"/>.</summary>
    private static Dictionary<string, string> Fields(int scale = 5, Action<Dictionary<string, string>>? change = null)
    {
        string[] names = ["Motivation", "Adéquation au programme", "Capacité à diffuser le changement"];
        var fields = new Dictionary<string, string> { ["Input.ScaleMax"] = scale.ToString(System.Globalization.CultureInfo.InvariantCulture) };
        for (var i = 0; i < names.Length; i++)
        {
            fields[$"Input.Criteria[{i}].Name"] = names[i];
            fields[$"Input.Criteria[{i}].Description"] = $"Ce que le jury apprécie : {names[i].ToLowerInvariant()}.";
            fields[$"Input.Criteria[{i}].Weight"] = i == 0 ? "2" : "1";
            for (var level = 0; level < scale; level++) fields[$"Input.Criteria[{i}].Guidance[{level}]"] = $"Niveau {level + 1}";
        }
        // The spare rows, left empty.
        for (var i = names.Length; i < names.Length + 3; i++)
        {
            fields[$"Input.Criteria[{i}].Name"] = "";
            fields[$"Input.Criteria[{i}].Weight"] = "";
            for (var level = 0; level < scale; level++) fields[$"Input.Criteria[{i}].Guidance[{level}]"] = "";
        }
        change?.Invoke(fields);
        return fields;
    }

    private Task<List<Rubric>> RubricsAsync() => app.WithDbAsync(db =>
        db.Rubrics.AsNoTracking().Include(r => r.Criteria.OrderBy(c => c.Position)).OrderBy(r => r.Version).ToListAsync());

    [Fact]
    public async Task A_rubric_no_cohort_has_scored_with_is_edited_in_place_and_a_filled_spare_row_adds_a_criterion()
    {
        var manager = await _scenario.SignInAsync(SelectionScenario.ManagerEmail);

        var response = await Forms.PostAsync(manager, Page, Fields(change: f =>
        {
            f["Input.Criteria[0].Weight"] = "3";
            f["Input.Criteria[3].Name"] = "Disponibilité";
            f["Input.Criteria[3].Weight"] = "1";
            f["Input.Criteria[3].Guidance[0]"] = "Peu disponible";
        }));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var rubric = Assert.Single(await RubricsAsync());
        Assert.Equal((_scenario.RubricId, 1), (rubric.Id, rubric.Version));
        Assert.Equal(["Motivation", "Adéquation au programme", "Capacité à diffuser le changement", "Disponibilité"], rubric.Criteria.Select(c => c.Name));
        Assert.Equal(3, rubric.Criteria[0].Weight);
        // Criteria keep their ids: a draft's scores still point at them.
        Assert.Equal(_scenario.CriterionIds, rubric.Criteria.Take(3).Select(c => c.Id));
        Assert.Equal(["Peu disponible", "", "", "", ""], rubric.Criteria[3].Guidance);
        Assert.DoesNotContain("Cette grille est utilisée", await Forms.ReadAsync(manager, Page), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Once_a_cohort_has_scored_with_it_a_change_makes_a_new_version_the_cohort_keeps_the_old_one_and_a_new_cohort_gets_the_new()
    {
        var assignment = await _scenario.AssignAsync(_scenario.Applications[0].Id, _scenario.Reviewers[1].Id);
        await _scenario.SubmitReviewAsync(assignment, [4, 3, 5]);
        var manager = await _scenario.SignInAsync(SelectionScenario.ManagerEmail);

        var page = await Forms.ReadAsync(manager, Page);
        Assert.Contains("Cette grille est déjà utilisée (Promotion 3) : vos changements s'appliqueront aux promotions suivantes.",
            System.Text.RegularExpressions.Regex.Replace(page, @"\s+", " "), StringComparison.Ordinal);

        var response = await Forms.PostAsync(manager, Page, Fields(scale: 4, change: f => f["Input.Criteria[1].Name"] = "Projet professionnel"));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var rubrics = await RubricsAsync();
        Assert.Equal([1, 2], rubrics.Select(r => r.Version));
        var (old, next) = (rubrics[0], rubrics[1]);
        Assert.Equal((5, "Adéquation au programme"), (old.ScaleMax, old.Criteria[1].Name));
        Assert.Equal((4, "Projet professionnel"), (next.ScaleMax, next.Criteria[1].Name));
        var (frozen, current) = await app.WithDbAsync(async db => (
            await db.SelectionSettings.Where(s => s.CohortId == _scenario.CohortId).Select(s => s.RubricId).SingleAsync(),
            (await db.CurrentRubricAsync(_scenario.ProgramId, CancellationToken.None))!.Id));
        Assert.Equal(old.Id, frozen);
        // A cohort that has not scored yet freezes, at its first review, the program's current rubric: the new one.
        var newCohort = await app.WithDbAsync(async db =>
        {
            var program = await db.Programs.SingleAsync(p => p.Id == _scenario.ProgramId);
            var now = app.Clock.GetUtcNow();
            var cohort = Cohort.Create(program, "Promotion 4", 30, Cohorts.Domain.ParisTime.Today(now).AddMonths(6),
                Cohorts.Domain.ParisTime.Today(now).AddMonths(8), now.AddDays(-3), now.AddMonths(2));
            db.Cohorts.Add(cohort);
            await db.SaveChangesAsync();
            var settings = SelectionSettings.For(cohort.Id);
            db.SelectionSettings.Add(settings);
            settings.FreezeRubric(current);
            await db.SaveChangesAsync();
            return settings.RubricId;
        });
        Assert.Equal(next.Id, newCohort);
        Assert.Contains("version 2", await Forms.ReadAsync(manager, Page), StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("Input.ScaleMax", "11", "entre 2 et 10")]
    [InlineData("Input.Criteria[0].Weight", "0", "Le poids du critère « Motivation » est un entier de 1 à 10.")]
    [InlineData("Input.Criteria[1].Name", "Motivation", "Deux critères portent le même nom.")]
    [InlineData("Input.Criteria[2].Name", "", "Chaque critère a un nom.")]
    [InlineData("Input.Criteria[0].Weight", "beaucoup", "Saisissez un nombre entier, en chiffres (par exemple 12).")]
    public async Task Bad_values_are_refused_with_a_message_and_the_rubric_does_not_change(string field, string value, string message)
    {
        var manager = await _scenario.SignInAsync(SelectionScenario.ManagerEmail);
        var before = await RubricsAsync();

        var response = await Forms.PostAsync(manager, Page, Fields(change: f => f[field] = value));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(message, WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        var after = await RubricsAsync();
        Assert.Equal(before.Select(r => (r.Id, r.ScaleMax, string.Join("|", r.Criteria.Select(c => $"{c.Name}:{c.Weight}")))),
            after.Select(r => (r.Id, r.ScaleMax, string.Join("|", r.Criteria.Select(c => $"{c.Name}:{c.Weight}")))));
    }

    [Fact]
    public async Task A_new_scale_redraws_one_description_per_level_and_saves_nothing_until_the_rubric_is_saved()
    {
        var manager = await _scenario.SignInAsync(SelectionScenario.ManagerEmail);

        var response = await Forms.PostAsync(manager, $"{Page}?handler=Scale", Fields(change: f => f["Input.ScaleMax"] = "7"), tokenFrom: Page);

        var page = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Contains("name=\"Input.Criteria[0].Guidance[6]\"", page, StringComparison.Ordinal);
        Assert.DoesNotContain("name=\"Input.Criteria[0].Guidance[7]\"", page, StringComparison.Ordinal);
        Assert.Contains("value=\"Niveau 5\"", page, StringComparison.Ordinal);
        Assert.Equal(5, (await RubricsAsync()).Single().ScaleMax);
        // Saved with the old number of levels for the new scale, the form asks for them instead of guessing.
        var saved = await Forms.PostAsync(manager, Page, Fields(change: f => f["Input.ScaleMax"] = "7"));
        Assert.Contains("décrivez chaque niveau de 1 à 7", WebUtility.HtmlDecode(await saved.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await Forms.PostAsync(manager, Page, Fields(scale: 7))).StatusCode);
        Assert.Equal(7, (await RubricsAsync()).Single().ScaleMax);
    }

    [Fact]
    public async Task A_program_without_a_rubric_is_offered_three_criteria_and_saving_them_makes_its_first_version_without_interview_share()
    {
        await app.WithDbAsync(db => db.Rubrics.ExecuteDeleteAsync());
        var manager = await _scenario.SignInAsync(SelectionScenario.ManagerEmail);

        var page = await Forms.ReadAsync(manager, Page);
        Assert.Contains("Ce programme n'a pas encore de grille", page, StringComparison.Ordinal);
        Assert.Contains("value=\"Capacité à diffuser le changement\"", page, StringComparison.Ordinal);
        Assert.DoesNotContain("Input.InterviewShare", page, StringComparison.Ordinal);

        var response = await Forms.PostAsync(manager, Page, Fields(change: f => f["Input.InterviewShare"] = "40"));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var rubric = Assert.Single(await RubricsAsync());
        Assert.Equal((1, 0, 3), (rubric.Version, rubric.InterviewShare, rubric.Criteria.Count));
    }

    [Fact]
    public async Task A_program_with_an_interview_sets_the_interviews_share_of_the_final_score()
    {
        await app.ResetAsync();
        _scenario = await new SelectionScenario(app).SeedAsync(applications: 1, reviewers: 1, hasInterview: true);
        var manager = await _scenario.SignInAsync(SelectionScenario.ManagerEmail);
        Assert.Contains("name=\"Input.InterviewShare\"", await Forms.ReadAsync(manager, Page), StringComparison.Ordinal);

        Assert.Contains("La part de l'entretien est un pourcentage, entre 0 et 100.",
            await Forms.PostAndReadAsync(manager, Page, Fields(change: f => f["Input.InterviewShare"] = "140")), StringComparison.Ordinal);
        Assert.Equal(30, (await RubricsAsync()).Single().InterviewShare);

        Assert.Equal(HttpStatusCode.Redirect, (await Forms.PostAsync(manager, Page, Fields(change: f => f["Input.InterviewShare"] = "40"))).StatusCode);
        Assert.Equal(40, (await RubricsAsync()).Single().InterviewShare);
    }

    [Fact]
    public async Task The_program_page_links_to_its_rubric()
    {
        var manager = await _scenario.SignInAsync(SelectionScenario.ManagerEmail);

        Assert.Contains($"href=\"{Page}\"", await Forms.ReadAsync(manager, $"/gestion/programmes/{_scenario.ProgramId}"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Another_programs_manager_finds_no_rubric_and_a_reviewer_or_a_candidate_is_refused()
    {
        var other = await app.CreateUserAsync("autre@cohorts.test", SelectionScenario.Password, Roles.ProgramManager);
        var stranger = await _scenario.SignInAsync(other.Email!);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync(Page)).StatusCode);
        var post = await Forms.PostAsync(stranger, Page, Fields(), tokenFrom: "/gestion");
        Assert.Equal(HttpStatusCode.NotFound, post.StatusCode);

        foreach (var email in new[] { _scenario.Reviewers[0].Email, _scenario.Applications[0].Email })
        {
            var response = await (await _scenario.SignInAsync(email)).GetAsync(Page);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.StartsWith("/acces-refuse", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        }
        Assert.Equal(5, (await RubricsAsync()).Single().ScaleMax);
    }
}

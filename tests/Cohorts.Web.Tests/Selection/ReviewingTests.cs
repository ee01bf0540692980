using System.Net;
using System.Text.RegularExpressions;
using Cohorts.Domain.Catalogue;
using Cohorts.Domain.Selection;
using Cohorts.Web.Pages;
using Cohorts.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Cohorts.Web.Tests.Selection;

/// <summary>The reviewer's side: "Mes évaluations", the review page, blind scoring, conflicts of interest, the CV.</summary>
[Collection(AppFixtureGroup.Name)]
public sealed partial class ReviewingTests(CohortsApp app) : IAsyncLifetime
{
    private SelectionScenario _scenario = null!;

    public async Task InitializeAsync()
    {
        await app.ResetAsync();
        // Reviewers 1 to 4 work at DINUM, DGFiP, DGE, DINUM; applications 1, 2, 3... at DINUM, DGFiP, DGE in turn.
        _scenario = await new SelectionScenario(app).SeedAsync(applications: 6, reviewers: 4);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private SelectionScenario.SeededReviewer Reviewer(int n) => _scenario.Reviewers[n - 1];
    private SelectionScenario.SeededApplication Candidate(int n) => _scenario.Applications[n - 1];

    private static string ReviewUrl(Guid assignment) => $"/evaluations/{assignment}";

    /// <summary>Fills the review form as drawn on the page (its version included) and clicks one of its buttons.</summary>
    private async Task<HttpResponseMessage> PostReviewAsync(HttpClient client, Guid assignment, string handler, IReadOnlyList<int?> scores,
        string comment = "", string? page = null, IReadOnlyList<int>? criteria = null, string? tokenFrom = null)
    {
        page ??= await Forms.ReadAsync(client, ReviewUrl(assignment));
        var fields = new Dictionary<string, string> { ["Comment"] = comment, ["Version"] = VersionField().Match(page).Groups[1].Value };
        for (var k = 0; k < scores.Count; k++)
        {
            fields[$"Scores[{k}].CriterionId"] = (criteria ?? _scenario.CriterionIds)[k].ToString(System.Globalization.CultureInfo.InvariantCulture);
            // An unchecked radio button is not posted at all.
            if (scores[k] is { } score) fields[$"Scores[{k}].Score"] = score.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
        return await Forms.PostAsync(client, $"{ReviewUrl(assignment)}?handler={handler}", fields, tokenFrom: tokenFrom ?? ReviewUrl(assignment));
    }

    private static async Task<string> ReadAfterAsync(HttpClient client, HttpResponseMessage response) =>
        response.StatusCode == HttpStatusCode.Redirect
            ? await Forms.ReadAsync(client, response.Headers.Location!.OriginalString)
            : WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

    private Task<Review?> ReviewOfAsync(Guid assignment) =>
        app.WithDbAsync(db => db.Reviews.AsNoTracking().SingleOrDefaultAsync(r => r.AssignmentId == assignment));

    private Task<int> ReviewCountAsync() => app.WithDbAsync(db => db.Reviews.CountAsync());

    [Fact]
    public async Task Mes_evaluations_lists_only_the_reviewers_active_assignments_by_cohort_with_the_deadline_and_progress()
    {
        var first = await _scenario.AssignAsync(Candidate(2).Id, Reviewer(1).Id);
        await _scenario.AssignAsync(Candidate(3).Id, Reviewer(1).Id);
        var draft = await _scenario.AssignAsync(Candidate(5).Id, Reviewer(1).Id);
        await _scenario.AssignAsync(Candidate(6).Id, Reviewer(2).Id);
        var removed = await _scenario.AssignAsync(Candidate(4).Id, Reviewer(1).Id);
        var reviewDeadline = app.Clock.GetUtcNow().AddDays(10);
        await app.WithDbAsync(async db =>
        {
            (await db.ReviewAssignments.SingleAsync(a => a.Id == removed)).Remove(AssignmentRemoval.Unassigned, app.Clock.GetUtcNow());
            var settings = await db.SelectionSettings.SingleAsync();
            settings.Edit(2, reviewDeadline, 1.5, null, null, null, null, null, null, 7);
            return await db.SaveChangesAsync();
        });
        await _scenario.SubmitReviewAsync(first, [4, 4, 4]);
        await _scenario.SubmitReviewAsync(draft, [3, 2, 1], submit: false);

        var page = await Forms.ReadAsync(await _scenario.SignInAsync(Reviewer(1).Email), "/evaluations");

        Assert.Contains("Booster Agile — Promotion 3", page, StringComparison.Ordinal);
        Assert.Contains("1 / 3 soumise(s)", page, StringComparison.Ordinal);
        Assert.Contains($"À rendre au plus tard le {Display.DateTime(reviewDeadline)}.", page, StringComparison.Ordinal);
        foreach (var candidate in new[] { Candidate(2), Candidate(3), Candidate(5) })
            Assert.Contains(candidate.Name, page, StringComparison.Ordinal);
        Assert.DoesNotContain(Candidate(4).Name, page, StringComparison.Ordinal);
        Assert.DoesNotContain(Candidate(6).Name, page, StringComparison.Ordinal);
        Assert.Contains("Direction générale des Finances publiques", page, StringComparison.Ordinal);
        var statuses = StatusBadge().Matches(page).Select(m => m.Groups[1].Value).ToList();
        // What is left to do comes first.
        Assert.Equal(["À faire", "Brouillon", "Soumise"], statuses);
    }

    [Fact]
    public async Task A_reviewer_lands_on_their_reviews_after_signing_in_and_finds_them_in_the_menu()
    {
        var client = app.Client(followRedirects: false);
        var response = await Forms.PostAsync(client, "/connexion",
            new Dictionary<string, string> { ["Input.Email"] = Reviewer(1).Email, ["Input.Password"] = SelectionScenario.Password });

        Assert.Equal("/evaluations", response.Headers.Location!.OriginalString);
        Assert.Contains("href=\"/evaluations\"", await Forms.ReadAsync(client, "/"), StringComparison.Ordinal);
        var candidate = await _scenario.SignInAsync(Candidate(1).Email);
        Assert.DoesNotContain("href=\"/evaluations\"", await Forms.ReadAsync(candidate, "/"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await candidate.GetAsync("/evaluations")).StatusCode);
    }

    [Fact]
    public async Task A_reviewer_cannot_open_another_reviewers_assignment_nor_declare_a_conflict_on_it()
    {
        await _scenario.AssignAsync(Candidate(2).Id, Reviewer(1).Id);
        var others = await _scenario.AssignAsync(Candidate(2).Id, Reviewer(3).Id);
        var client = await _scenario.SignInAsync(Reviewer(1).Email);

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(ReviewUrl(others))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"{ReviewUrl(others)}/conflit")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(ReviewUrl(Guid.NewGuid()))).StatusCode);
        var conflict = await Forms.PostAsync(client, $"{ReviewUrl(others)}/conflit", new Dictionary<string, string> { ["Reason"] = "Je la connais." },
            tokenFrom: "/evaluations");
        Assert.Equal(HttpStatusCode.NotFound, conflict.StatusCode);
        Assert.True(await app.WithDbAsync(db => db.ReviewAssignments.Where(a => a.Id == others).Select(a => a.RemovedAt == null).SingleAsync()));
        Assert.Equal(0, await app.WithDbAsync(db => db.ConflictsOfInterest.CountAsync()));
    }

    [Fact]
    public async Task A_reviewer_downloads_the_CV_of_an_application_assigned_to_them_and_cannot_open_another_application_nor_its_CV()
    {
        var assignment = await _scenario.AssignAsync(Candidate(2).Id, Reviewer(1).Id);
        var client = await _scenario.SignInAsync(Reviewer(1).Email);
        var (assigned, other) = await app.WithDbAsync(async db => (
            await db.Applications.Where(a => a.Id == Candidate(2).Id).Select(a => a.CvDocumentId!.Value).SingleAsync(),
            await db.Applications.Where(a => a.Id == Candidate(3).Id).Select(a => a.CvDocumentId!.Value).SingleAsync()));

        var page = await Forms.ReadAsync(client, ReviewUrl(assignment));
        Assert.Contains($"href=\"/documents/{assigned}\"", page, StringComparison.Ordinal);
        var cv = await client.GetAsync($"/documents/{assigned}");
        Assert.Equal(HttpStatusCode.OK, cv.StatusCode);
        Assert.Equal(ApplicationScenario.Pdf, await cv.Content.ReadAsByteArrayAsync());

        // Candidate 3's application is assigned to nobody: neither it nor its CV exists for this reviewer.
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/documents/{other}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(ReviewUrl(Candidate(3).Id))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"{ReviewUrl(Candidate(3).Id)}/conflit")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync($"/gestion/candidatures/{Candidate(3).Id}")).StatusCode);
    }

    [Fact]
    public async Task A_reviewer_cannot_reach_the_manager_pages()
    {
        await _scenario.AssignAsync(Candidate(2).Id, Reviewer(1).Id);
        var client = await _scenario.SignInAsync(Reviewer(1).Email);
        var cohort = _scenario.CohortId;

        foreach (var path in new[]
                 {
                     "/gestion", $"/gestion/promotions/{cohort}/candidatures", $"/gestion/candidatures/{Candidate(2).Id}",
                     $"/gestion/promotions/{cohort}/classement", $"/gestion/promotions/{cohort}/classement/export.csv",
                     $"/gestion/promotions/{cohort}/proposition", $"/gestion/promotions/{cohort}/jury", $"/gestion/programmes/{_scenario.ProgramId}/grille",
                 })
        {
            var response = await client.GetAsync(path);
            // The pages of other slices answer 404 until their branch merges; then access denied, never the page.
            Assert.True(response.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.Forbidden or HttpStatusCode.NotFound, $"{path}: {response.StatusCode}");
            if (response.StatusCode == HttpStatusCode.Redirect)
                Assert.StartsWith("/acces-refuse", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        }
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/gestion")).StatusCode);
    }

    [Fact]
    public async Task A_draft_saved_partially_keeps_its_scores_and_is_then_submitted_freezing_the_cohorts_rubric()
    {
        var assignment = await _scenario.AssignAsync(Candidate(2).Id, Reviewer(1).Id);
        var client = await _scenario.SignInAsync(Reviewer(1).Email);
        Assert.Null(await app.WithDbAsync(db => db.SelectionSettings.Select(s => s.RubricId).SingleAsync()));

        var saved = await PostReviewAsync(client, assignment, "Save", [4, null, null], "Première lecture.");
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var page = await ReadAfterAsync(client, saved);
        Assert.Contains("Brouillon enregistré.", page, StringComparison.Ordinal);
        Assert.Contains("id=\"critere-0-niveau-4\" name=\"Scores[0].Score\" value=\"4\" checked=\"checked\"", page, StringComparison.Ordinal);
        Assert.Contains("Première lecture.", page, StringComparison.Ordinal);
        var draft = await ReviewOfAsync(assignment);
        Assert.NotNull(draft);
        Assert.Null(draft.SubmittedAt);
        Assert.Equal([4], draft.Scores.Select(s => s.Score));
        Assert.Equal(_scenario.RubricId, await app.WithDbAsync(db => db.SelectionSettings.Select(s => s.RubricId).SingleAsync()));

        var submitted = await PostReviewAsync(client, assignment, "Submit", [4, 3, 2], "Dossier convaincant.");
        Assert.Contains("Évaluation soumise.", await ReadAfterAsync(client, submitted), StringComparison.Ordinal);
        var review = await ReviewOfAsync(assignment);
        Assert.NotNull(review!.SubmittedAt);
        // (2 × 4 + 3 + 2) / 4
        Assert.Equal(3.25, review.WeightedMean);
        Assert.Equal("Dossier convaincant.", review.Comment);
        Assert.Contains("1 / 1 soumise(s)", await Forms.ReadAsync(client, "/evaluations"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_first_save_freezes_the_programs_latest_rubric_version_and_a_later_version_changes_nothing_for_the_cohort()
    {
        var mine = await _scenario.AssignAsync(Candidate(2).Id, Reviewer(1).Id);
        var theirs = await _scenario.AssignAsync(Candidate(3).Id, Reviewer(1).Id);
        Task<(int Id, IReadOnlyList<int> Criteria)> AddVersionAsync(int version, string criterion) => app.WithDbAsync(async db =>
        {
            var rubric = Rubric.Create(_scenario.ProgramId, version, 4, 0,
                [new CriterionInput(criterion, "", 1, ["Non", "Peu", "Assez", "Très"]), new CriterionInput($"{criterion} bis", "", 1, ["1", "2", "3", "4"])],
                app.Clock.GetUtcNow());
            db.Rubrics.Add(rubric);
            await db.SaveChangesAsync();
            return (rubric.Id, (IReadOnlyList<int>)rubric.Criteria.OrderBy(c => c.Position).Select(c => c.Id).ToList());
        });
        var second = await AddVersionAsync(2, "Engagement");
        var client = await _scenario.SignInAsync(Reviewer(1).Email);

        var page = await Forms.ReadAsync(client, ReviewUrl(mine));
        Assert.Contains("Engagement", page, StringComparison.Ordinal);
        Assert.Contains("4 — Très", page, StringComparison.Ordinal);
        Assert.DoesNotContain("Adéquation au programme", page, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await PostReviewAsync(client, mine, "Save", [4, 1], page: page, criteria: second.Criteria)).StatusCode);
        Assert.Equal(second.Id, await app.WithDbAsync(db => db.SelectionSettings.Select(s => s.RubricId).SingleAsync()));

        await AddVersionAsync(3, "Ouverture");
        var later = await Forms.ReadAsync(client, ReviewUrl(theirs));
        Assert.Contains("Engagement", later, StringComparison.Ordinal);
        Assert.DoesNotContain("Ouverture", later, StringComparison.Ordinal);
        Assert.Equal(second.Id, (await ReviewOfAsync(mine))!.RubricId);
    }

    [Fact]
    public async Task Submitting_an_incomplete_review_is_refused_with_the_criterion_named_and_nothing_is_saved()
    {
        var assignment = await _scenario.AssignAsync(Candidate(2).Id, Reviewer(1).Id);
        var client = await _scenario.SignInAsync(Reviewer(1).Email);

        var response = await PostReviewAsync(client, assignment, "Submit", [4, 3, null], "Presque fini.");
        var twoMissing = await PostReviewAsync(client, assignment, "Submit", [4, null, null], "Presque fini.");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await ReadAfterAsync(client, response);
        Assert.Contains("Notez chaque critère avant de soumettre (« Capacité à diffuser le changement » n'a pas de note).", page, StringComparison.Ordinal);
        // Every criterion left without a score is named at once.
        Assert.Contains("Notez chaque critère avant de soumettre (« Adéquation au programme » et « Capacité à diffuser le changement » n'ont pas de note).",
            await ReadAfterAsync(client, twoMissing), StringComparison.Ordinal);
        // What was typed stays in the form.
        Assert.Contains("Presque fini.", page, StringComparison.Ordinal);
        Assert.Equal(0, await ReviewCountAsync());
    }

    [Theory]
    [InlineData("6")]
    [InlineData("0")]
    [InlineData("-1")]
    public async Task A_score_outside_the_scale_is_refused_and_changes_nothing(string score)
    {
        var assignment = await _scenario.AssignAsync(Candidate(2).Id, Reviewer(1).Id);
        var client = await _scenario.SignInAsync(Reviewer(1).Email);
        await PostReviewAsync(client, assignment, "Save", [2, null, null], "Avant.");
        var before = await ReviewOfAsync(assignment);

        var response = await PostReviewAsync(client, assignment, "Save", [int.Parse(score, System.Globalization.CultureInfo.InvariantCulture), 3, 3], "Après.");

        Assert.Contains("La note du critère « Motivation » va de 1 à 5.", await ReadAfterAsync(client, response), StringComparison.Ordinal);
        var after = await ReviewOfAsync(assignment);
        Assert.Equal(before!.Version, after!.Version);
        Assert.Equal("Avant.", after.Comment);
        Assert.Equal([2], after.Scores.Select(s => s.Score));
    }

    [Fact]
    public async Task A_score_on_a_criterion_of_another_programs_rubric_is_refused_and_changes_nothing()
    {
        var assignment = await _scenario.AssignAsync(Candidate(2).Id, Reviewer(1).Id);
        var foreign = await app.WithDbAsync(async db =>
        {
            var program = TrainingProgram.Create("strategie-numerique", "Conseiller en stratégie numérique", "Six mois.", "Hybride", false, false);
            db.Programs.Add(program);
            await db.SaveChangesAsync();
            var rubric = Rubric.Create(program.Id, 1, 5, 0, [new CriterionInput("Vision", "", 1, ["1", "2", "3", "4", "5"])], app.Clock.GetUtcNow());
            db.Rubrics.Add(rubric);
            await db.SaveChangesAsync();
            return rubric.Criteria.Single().Id;
        });
        var client = await _scenario.SignInAsync(Reviewer(1).Email);

        var response = await PostReviewAsync(client, assignment, "Save", [5], criteria: [foreign]);

        Assert.Contains("Une note porte sur un critère qui n'est pas dans la grille de cette promotion.", await ReadAfterAsync(client, response),
            StringComparison.Ordinal);
        Assert.Equal(0, await ReviewCountAsync());
        Assert.Null(await app.WithDbAsync(db => db.SelectionSettings.Select(s => s.RubricId).SingleAsync()));
    }

    [Fact]
    public async Task Scores_posted_on_someone_elses_assignment_are_refused_and_change_nothing()
    {
        var mine = await _scenario.AssignAsync(Candidate(2).Id, Reviewer(1).Id);
        var theirs = await _scenario.AssignAsync(Candidate(2).Id, Reviewer(3).Id);
        var client = await _scenario.SignInAsync(Reviewer(1).Email);
        var page = await Forms.ReadAsync(client, ReviewUrl(mine));

        foreach (var handler in new[] { "Save", "Submit" })
        {
            var fields = new Dictionary<string, string> { ["Comment"] = "Intrusion", ["Version"] = "" };
            for (var k = 0; k < 3; k++)
            {
                fields[$"Scores[{k}].CriterionId"] = _scenario.CriterionIds[k].ToString(System.Globalization.CultureInfo.InvariantCulture);
                fields[$"Scores[{k}].Score"] = "5";
            }
            var response = await Forms.PostAsync(client, $"{ReviewUrl(theirs)}?handler={handler}", fields, tokenFrom: ReviewUrl(mine));
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        }
        Assert.Contains("Scores[0].Score", page, StringComparison.Ordinal);
        Assert.Equal(0, await ReviewCountAsync());
    }

    [Fact]
    public async Task Once_scoring_is_closed_the_review_reads_only_and_a_posted_score_is_refused_and_changes_nothing()
    {
        var assignment = await _scenario.AssignAsync(Candidate(2).Id, Reviewer(1).Id);
        await _scenario.SubmitReviewAsync(assignment, [3, 3, 3], comment: "Avant la clôture.");
        await app.WithDbAsync(async db =>
        {
            (await db.SelectionSettings.SingleAsync()).CloseScoring(app.Clock.GetUtcNow());
            return await db.SaveChangesAsync();
        });
        var before = await ReviewOfAsync(assignment);
        var client = await _scenario.SignInAsync(Reviewer(1).Email);

        var page = await Forms.ReadAsync(client, ReviewUrl(assignment));
        Assert.Contains("L'évaluation est close", page, StringComparison.Ordinal);
        Assert.Contains("Avant la clôture.", page, StringComparison.Ordinal);
        Assert.DoesNotContain("Soumettre", page, StringComparison.Ordinal);
        Assert.DoesNotContain("/conflit", page, StringComparison.Ordinal);

        var response = await PostReviewAsync(client, assignment, "Submit", [5, 5, 5], "Après la clôture.", page: page);
        Assert.Contains("L'évaluation est close pour cette promotion : les évaluations ne sont plus modifiables.", await ReadAfterAsync(client, response),
            StringComparison.Ordinal);
        var after = await ReviewOfAsync(assignment);
        Assert.Equal(before!.Version, after!.Version);
        Assert.Equal("Avant la clôture.", after.Comment);
    }

    [Fact]
    public async Task Other_reviewers_scores_and_comments_stay_hidden_until_the_reviewer_submits_their_own()
    {
        var mine = await _scenario.AssignAsync(Candidate(2).Id, Reviewer(1).Id);
        var submitted = await _scenario.AssignAsync(Candidate(2).Id, Reviewer(3).Id);
        var drafted = await _scenario.AssignAsync(Candidate(2).Id, Reviewer(4).Id);
        await _scenario.SubmitReviewAsync(submitted, [1, 2, 1], comment: "Le commentaire secret du juré trois");
        await _scenario.SubmitReviewAsync(drafted, [5, 5, 5], submit: false, comment: "Le brouillon du juré quatre");
        var client = await _scenario.SignInAsync(Reviewer(1).Email);

        var before = await Forms.ReadAsync(client, ReviewUrl(mine));
        Assert.DoesNotContain("Le commentaire secret du juré trois", before, StringComparison.Ordinal);
        Assert.DoesNotContain(Reviewer(3).Name, before, StringComparison.Ordinal);
        Assert.Contains("s'affichent ici une fois la vôtre soumise", before, StringComparison.Ordinal);
        var afterDraft = await ReadAfterAsync(client, await PostReviewAsync(client, mine, "Save", [4, 4, 4], "Mon avis."));
        Assert.DoesNotContain("Le commentaire secret du juré trois", afterDraft, StringComparison.Ordinal);

        var afterSubmit = await ReadAfterAsync(client, await PostReviewAsync(client, mine, "Submit", [4, 4, 4], "Mon avis."));

        Assert.Contains("Le commentaire secret du juré trois", afterSubmit, StringComparison.Ordinal);
        Assert.Contains($"Évaluation {Display.Of(Reviewer(3).Name)}", afterSubmit, StringComparison.Ordinal);
        Assert.Contains("1 / 5 — Insuffisant", afterSubmit, StringComparison.Ordinal);
        // A draft is nobody's to read but its author's.
        Assert.DoesNotContain("Le brouillon du juré quatre", afterSubmit, StringComparison.Ordinal);
        Assert.DoesNotContain(Reviewer(4).Name, afterSubmit, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Two_tabs_saving_the_same_review_the_later_one_is_told_and_nothing_is_lost()
    {
        var assignment = await _scenario.AssignAsync(Candidate(2).Id, Reviewer(1).Id);
        var client = await _scenario.SignInAsync(Reviewer(1).Email);
        var firstTab = await Forms.ReadAsync(client, ReviewUrl(assignment));
        var secondTab = await Forms.ReadAsync(client, ReviewUrl(assignment));

        Assert.Equal(HttpStatusCode.Redirect, (await PostReviewAsync(client, assignment, "Save", [2, 2, 2], "Depuis le premier onglet.", firstTab)).StatusCode);
        var refused = await PostReviewAsync(client, assignment, "Save", [5, 5, null], "Depuis le second onglet.", secondTab);

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var page = await ReadAfterAsync(client, refused);
        Assert.Contains("Cette évaluation a été enregistrée entre-temps", page, StringComparison.Ordinal);
        // The second tab's text is still in the form, the first tab's is shown as saved.
        Assert.Contains(">Depuis le second onglet.</textarea>", page, StringComparison.Ordinal);
        Assert.Contains("Depuis le premier onglet.", page, StringComparison.Ordinal);
        Assert.Equal("Depuis le premier onglet.", (await ReviewOfAsync(assignment))!.Comment);

        // Saving again from the refused form replaces the stored version, knowingly.
        Assert.Equal(HttpStatusCode.Redirect, (await PostReviewAsync(client, assignment, "Save", [5, 5, null], "Depuis le second onglet.", page)).StatusCode);
        Assert.Equal("Depuis le second onglet.", (await ReviewOfAsync(assignment))!.Comment);
    }

    [Fact]
    public async Task Declaring_a_conflict_reassigns_the_application_to_another_eligible_reviewer_and_writes_the_history()
    {
        // Candidate 2 works at DGFiP: reviewer 2 (DGFiP) is never eligible; reviewer 3 already has it; reviewer 4 (DINUM) takes it.
        var declared = await _scenario.AssignAsync(Candidate(2).Id, Reviewer(1).Id);
        await _scenario.AssignAsync(Candidate(2).Id, Reviewer(3).Id);
        var client = await _scenario.SignInAsync(Reviewer(1).Email);

        var response = await Forms.PostAsync(client, $"{ReviewUrl(declared)}/conflit",
            new Dictionary<string, string> { ["Reason"] = "Nous avons travaillé ensemble l'an dernier." });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/evaluations", response.Headers.Location!.OriginalString);
        var list = await Forms.ReadAsync(client, "/evaluations");
        Assert.Contains("Conflit d'intérêts déclaré", list, StringComparison.Ordinal);
        Assert.DoesNotContain(ReviewUrl(declared), list, StringComparison.Ordinal);
        var (assignments, conflict, changes) = await app.WithDbAsync(async db => (
            await db.ReviewAssignments.AsNoTracking().Where(a => a.ApplicationId == Candidate(2).Id).ToListAsync(),
            await db.ConflictsOfInterest.AsNoTracking().SingleAsync(),
            await db.AssignmentChanges.AsNoTracking().Where(c => c.ApplicationId == Candidate(2).Id).OrderBy(c => c.Id).ToListAsync()));
        var removed = assignments.Single(a => a.Id == declared);
        Assert.Equal(AssignmentRemoval.Conflict, removed.Removal);
        Assert.Equal((Reviewer(1).Id, "Nous avons travaillé ensemble l'an dernier."), (conflict.ReviewerId, conflict.Reason));
        Assert.Equal(new[] { Reviewer(3).Id, Reviewer(4).Id }.Order(StringComparer.Ordinal),
            assignments.Where(a => a.RemovedAt == null).Select(a => a.ReviewerId).Order(StringComparer.Ordinal));
        var declaration = changes.Single(c => c.Kind == AssignmentChangeKind.ConflictDeclared);
        Assert.Equal((Reviewer(1).Id, Reviewer(1).Id, Reviewer(1).Name, false, "Nous avons travaillé ensemble l'an dernier."),
            (declaration.ReviewerId, declaration.ActorUserId, declaration.ActorName, declaration.Automatic, declaration.Reason));
        var reassignment = changes.Last();
        Assert.Equal((AssignmentChangeKind.Assigned, Reviewer(4).Id, true), (reassignment.Kind, reassignment.ReviewerId, reassignment.Automatic));
        Assert.Contains(Candidate(2).Name, await Forms.ReadAsync(await _scenario.SignInAsync(Reviewer(4).Email), "/evaluations"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task After_declaring_a_conflict_the_reviewer_can_open_neither_the_application_nor_its_CV()
    {
        var assignment = await _scenario.AssignAsync(Candidate(2).Id, Reviewer(1).Id);
        var client = await _scenario.SignInAsync(Reviewer(1).Email);
        var cv = await app.WithDbAsync(db => db.Applications.Where(a => a.Id == Candidate(2).Id).Select(a => a.CvDocumentId).SingleAsync());
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/documents/{cv}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(ReviewUrl(assignment))).StatusCode);

        var empty = await Forms.PostAsync(client, $"{ReviewUrl(assignment)}/conflit", new Dictionary<string, string> { ["Reason"] = "" });
        Assert.Contains("Indiquez la nature du conflit d'intérêts.", await ReadAfterAsync(client, empty), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(ReviewUrl(assignment))).StatusCode);
        var declared = await Forms.PostAsync(client, $"{ReviewUrl(assignment)}/conflit", new Dictionary<string, string> { ["Reason"] = "C'est ma sœur." });
        Assert.Equal(HttpStatusCode.Redirect, declared.StatusCode);

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(ReviewUrl(assignment))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"{ReviewUrl(assignment)}/conflit")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/documents/{cv}")).StatusCode);
        var saved = await PostReviewAsync(client, assignment, "Save", [5, 5, 5], page: "", tokenFrom: "/evaluations");
        Assert.Equal(HttpStatusCode.NotFound, saved.StatusCode);
    }

    [GeneratedRegex("name=\"Version\" value=\"(\\d*)\"")]
    private static partial Regex VersionField();

    [GeneratedRegex("<p class=\"fr-badge fr-badge--sm [^\"]*\">([^<]+)</p>")]
    private static partial Regex StatusBadge();

    [Fact]
    public async Task Once_scoring_is_closed_the_reviewer_list_says_when_and_every_row_only_offers_to_look()
    {
        var reviewer = Reviewer(1);
        var draft = await _scenario.AssignAsync(Candidate(1).Id, reviewer.Id);
        await _scenario.SubmitReviewAsync(draft, [4, 4, 4], submit: false);
        await _scenario.AssignAsync(Candidate(2).Id, reviewer.Id);
        var client = await _scenario.SignInAsync(reviewer.Email);

        var open = await Forms.ReadAsync(client, "/evaluations");
        Assert.Contains($">Continuer<span class=\"fr-sr-only\"> la candidature {Display.Of(Candidate(1).Name)}", open, StringComparison.Ordinal);
        Assert.Contains($">Évaluer<span class=\"fr-sr-only\"> la candidature {Display.Of(Candidate(2).Name)}", open, StringComparison.Ordinal);

        var closedAt = app.Clock.GetUtcNow();
        await app.WithDbAsync(async db =>
        {
            (await db.SelectionSettings.SingleAsync(s => s.CohortId == _scenario.CohortId)).CloseScoring(closedAt);
            return await db.SaveChangesAsync();
        });
        var closed = await Forms.ReadAsync(client, "/evaluations");

        Assert.Contains($"Évaluation close le {Display.DateTime(closedAt)}.", closed, StringComparison.Ordinal);
        Assert.DoesNotContain("À rendre au plus tard", closed, StringComparison.Ordinal);
        Assert.DoesNotContain(">Évaluer<", closed, StringComparison.Ordinal);
        Assert.DoesNotContain(">Continuer<", closed, StringComparison.Ordinal);
        Assert.Equal(2, System.Text.RegularExpressions.Regex.Count(closed, ">Voir<span class=\"fr-sr-only\"> la candidature"));
    }
}

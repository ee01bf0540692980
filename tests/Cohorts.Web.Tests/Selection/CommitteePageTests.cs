using System.Net;
using Cohorts.Domain.Selection;
using Cohorts.Domain.Workflow;
using Cohorts.Web.Identity;
using Cohorts.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Cohorts.Web.Tests.Selection;

[Collection(AppFixtureGroup.Name)]
public sealed class CommitteePageTests(CohortsApp app) : IAsyncLifetime
{
    private SelectionScenario _scenario = null!;

    public Task InitializeAsync() => app.ResetAsync();
    public Task DisposeAsync() => Task.CompletedTask;

    private string Page => $"/gestion/promotions/{_scenario.CohortId}/jury";

    private async Task<HttpClient> ManagerAsync(int applications = 6, int reviewers = 3, bool committee = true)
    {
        _scenario = await new SelectionScenario(app).SeedAsync(applications, reviewers, committee: committee);
        return await _scenario.SignInAsync(SelectionScenario.ManagerEmail);
    }

    private Task<HttpResponseMessage> PostAsync(HttpClient client, string handler, Dictionary<string, string> fields) =>
        Forms.PostAsync(client, $"{Page}?handler={handler}", fields, tokenFrom: Page);

    private static async Task<string> ReadAsync(HttpClient client, HttpResponseMessage response)
    {
        if (response.StatusCode == HttpStatusCode.Redirect) response = await client.GetAsync(response.Headers.Location);
        return WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
    }

    private Task<List<ReviewAssignment>> ActiveAsync() =>
        app.WithDbAsync(db => db.ReviewAssignments.AsNoTracking().Where(a => a.RemovedAt == null).ToListAsync());

    private Task<List<AssignmentChange>> ChangesAsync() =>
        app.WithDbAsync(db => db.AssignmentChanges.AsNoTracking().OrderBy(c => c.Id).ToListAsync());

    private static Dictionary<string, string> Settings(Action<Dictionary<string, string>>? change = null)
    {
        var fields = new Dictionary<string, string>
        {
            ["SettingsInput.ReviewersPerApplication"] = "3", ["SettingsInput.ReviewDeadline"] = "2031-01-20T18:00",
            ["SettingsInput.DisagreementThreshold"] = "2,5", ["SettingsInput.MaxPerAdministration"] = "2", ["SettingsInput.MaxPerMinistry"] = "",
            ["SettingsInput.MinimumShareA"] = "30", ["SettingsInput.MinimumShareB"] = "20", ["SettingsInput.MinimumShareC"] = "",
            ["SettingsInput.WaitlistLength"] = "10", ["SettingsInput.OfferDays"] = "5",
        };
        change?.Invoke(fields);
        return fields;
    }

    [Fact]
    public async Task The_rules_are_saved_with_the_deadline_typed_in_Paris_time_and_shown()
    {
        var manager = await ManagerAsync();

        var response = await PostAsync(manager, "Settings", Settings());

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var settings = await app.WithDbAsync(db => db.SelectionSettings.AsNoTracking().SingleAsync());
        // 18:00 in Paris in January is 17:00 UTC.
        Assert.Equal(new DateTimeOffset(2031, 1, 20, 17, 0, 0, TimeSpan.Zero), settings.ReviewDeadline);
        Assert.Equal((3, 2.5, 2, (int?)null, 30, 20, (int?)null, 10, 5),
            (settings.ReviewersPerApplication, settings.DisagreementThreshold, settings.MaxPerAdministration, settings.MaxPerMinistry,
                settings.MinimumShareA, settings.MinimumShareB, settings.MinimumShareC, settings.WaitlistLength, settings.OfferDays));
        Assert.Contains("20 janvier 2031 à 18 h 00", await ReadAsync(manager, response), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("SettingsInput.MinimumShareC", "60", "ne peuvent pas dépasser 100 %")]
    [InlineData("SettingsInput.ReviewersPerApplication", "9", "1 à 5 membres du jury")]
    [InlineData("SettingsInput.DisagreementThreshold", "beaucoup", "Le seuil de désaccord est un nombre de points")]
    [InlineData("SettingsInput.OfferDays", "", "Indiquez le délai de réponse")]
    public async Task Bad_rules_are_refused_with_a_message_and_nothing_changes(string field, string value, string message)
    {
        var manager = await ManagerAsync();

        var response = await PostAsync(manager, "Settings", Settings(f => f[field] = value));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(message, await ReadAsync(manager, response), StringComparison.Ordinal);
        var settings = await app.WithDbAsync(db => db.SelectionSettings.AsNoTracking().SingleAsync());
        Assert.Equal((2, null, null, 7), (settings.ReviewersPerApplication, settings.ReviewDeadline, settings.MinimumShareA, settings.OfferDays));
    }

    [Fact]
    public async Task The_first_visit_of_a_cohort_without_settings_creates_them_with_their_defaults()
    {
        var manager = await ManagerAsync();
        await app.WithDbAsync(db => db.SelectionSettings.ExecuteDeleteAsync());

        var page = await Forms.ReadAsync(manager, Page);

        Assert.Contains("Non fixée", page, StringComparison.Ordinal);
        var settings = await app.WithDbAsync(db => db.SelectionSettings.AsNoTracking().SingleAsync());
        Assert.Equal((_scenario.CohortId, 2, 1.5, 7), (settings.CohortId, settings.ReviewersPerApplication, settings.DisagreementThreshold, settings.OfferDays));
    }

    [Fact]
    public async Task Automatic_assignment_gives_each_application_N_reviewers_never_of_its_administration_evenly_and_records_each_one()
    {
        var manager = await ManagerAsync(applications: 12, reviewers: 6);

        var response = await PostAsync(manager, "Assign", []);

        Assert.Contains("24 attributions ajoutées", await ReadAsync(manager, response), StringComparison.Ordinal);
        var active = await ActiveAsync();
        Assert.All(_scenario.Applications, a => Assert.Equal(2, active.Count(x => x.ApplicationId == a.Id)));
        var administrationOf = _scenario.Reviewers.ToDictionary(r => r.Id, r => r.AdministrationId);
        Assert.All(active, x => Assert.NotEqual(_scenario.Applications.Single(a => a.Id == x.ApplicationId).AdministrationId, administrationOf[x.ReviewerId]));
        var loads = _scenario.Reviewers.Select(r => active.Count(x => x.ReviewerId == r.Id)).ToList();
        // 24 reviews over 6 reviewers: 4 each.
        Assert.True(loads.Max() - loads.Min() <= 1, $"loads {string.Join(", ", loads)}");
        var changes = await ChangesAsync();
        Assert.Equal(active.Select(a => (a.ApplicationId, a.ReviewerId)).Order(), changes.Select(c => (c.ApplicationId, c.ReviewerId)).Order());
        Assert.All(changes, c => Assert.Equal((AssignmentChangeKind.Assigned, true, "Paul Responsable", Actor.ProgramManager),
            (c.Kind, c.Automatic, c.ActorName, c.ActorKind)));

        // Run again: nothing is missing, nothing is added.
        Assert.Contains("rien à attribuer", await ReadAsync(manager, await PostAsync(manager, "Assign", [])), StringComparison.Ordinal);
        Assert.Equal(24, (await ActiveAsync()).Count);
    }

    [Fact]
    public async Task Two_automatic_assignments_at_once_still_give_each_application_exactly_N_reviewers()
    {
        var manager = await ManagerAsync(applications: 12, reviewers: 6);
        var colleague = await _scenario.SignInAsync(SelectionScenario.ManagerEmail);
        var responses = await Task.WhenAll(
            Enumerable.Range(0, 4).Select(i => PostAsync(i % 2 == 0 ? manager : colleague, "Assign", [])));

        Assert.All(responses, r => Assert.True((int)r.StatusCode < 500, $"HTTP {(int)r.StatusCode}"));
        var active = await ActiveAsync();
        Assert.All(_scenario.Applications, a => Assert.Equal(2, active.Count(x => x.ApplicationId == a.Id)));
        Assert.Equal(24, (await ChangesAsync()).Count);
    }

    [Fact]
    public async Task What_automatic_assignment_cannot_fill_is_said_in_French_per_application()
    {
        var manager = await ManagerAsync(applications: 2, reviewers: 3);
        await PostAsync(manager, "Settings", Settings());

        var page = await ReadAsync(manager, await PostAsync(manager, "Assign", []));

        // Three reviewers, one of each administration: each application has only two who may review it.
        Assert.Contains("4 attributions ajoutées", page, StringComparison.Ordinal);
        Assert.Contains("Camille Candidat01 — Il manque 1 évaluateur", page, StringComparison.Ordinal);
        Assert.Contains("Camille Candidat02 — Il manque 1 évaluateur", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_reviewer_added_by_hand_is_refused_for_the_candidates_administration_or_a_declared_conflict_and_recorded_otherwise()
    {
        var manager = await ManagerAsync(applications: 1, reviewers: 3);
        var application = _scenario.Applications[0];
        // Application 0 is from administration 0, as reviewer 0; reviewer 1 declares a conflict on it.
        var conflicted = await _scenario.AssignAsync(application.Id, _scenario.Reviewers[1].Id);
        await app.WithDbAsync(async db =>
        {
            var assignment = await db.ReviewAssignments.SingleAsync(a => a.Id == conflicted);
            db.ConflictsOfInterest.Add(ConflictOfInterest.Declare(assignment, "Ancienne collègue", app.Clock.GetUtcNow()));
            return await db.SaveChangesAsync();
        });
        var adjust = new Dictionary<string, string> { ["ApplicationId"] = application.Id.ToString() };

        var sameAdministration = await ReadAsync(manager, await PostAsync(manager, "AddReviewer", new(adjust) { ["ReviewerId"] = _scenario.Reviewers[0].Id }));
        var conflict = await ReadAsync(manager, await PostAsync(manager, "AddReviewer", new(adjust) { ["ReviewerId"] = _scenario.Reviewers[1].Id }));

        Assert.Contains("Juré Numéro1 travaille dans l'administration du candidat", sameAdministration, StringComparison.Ordinal);
        Assert.Contains("Juré Numéro2 a déclaré un conflit d'intérêts sur cette candidature", conflict, StringComparison.Ordinal);
        Assert.Empty(await ActiveAsync());

        var added = await PostAsync(manager, "AddReviewer", new(adjust) { ["ReviewerId"] = _scenario.Reviewers[2].Id });
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        var again = await ReadAsync(manager, await PostAsync(manager, "AddReviewer", new(adjust) { ["ReviewerId"] = _scenario.Reviewers[2].Id }));
        Assert.Contains("déjà attribuée à Juré Numéro3", again, StringComparison.Ordinal);
        Assert.Equal(_scenario.Reviewers[2].Id, Assert.Single(await ActiveAsync()).ReviewerId);
        var change = (await ChangesAsync()).Last();
        Assert.Equal((AssignmentChangeKind.Assigned, false, _scenario.Reviewers[2].Id, "Paul Responsable"),
            (change.Kind, change.Automatic, change.ReviewerId, change.ActorName));
    }

    [Fact]
    public async Task An_assignment_removed_by_hand_is_recorded_with_its_reason_and_shown_in_the_applications_jury()
    {
        var manager = await ManagerAsync(applications: 1, reviewers: 3);
        var application = _scenario.Applications[0];
        var kept = await _scenario.AssignAsync(application.Id, _scenario.Reviewers[1].Id);
        var removed = await _scenario.AssignAsync(application.Id, _scenario.Reviewers[2].Id);
        await _scenario.SubmitReviewAsync(kept, [4, 4, 4]);

        var response = await PostAsync(manager, "Unassign", new() { ["AssignmentId"] = removed.ToString(), ["Reason"] = "Charge trop lourde" });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal([kept], (await ActiveAsync()).Select(a => a.Id));
        var change = (await ChangesAsync()).Last();
        Assert.Equal((AssignmentChangeKind.Unassigned, false, "Charge trop lourde", _scenario.Reviewers[2].Id),
            (change.Kind, change.Automatic, change.Reason, change.ReviewerId));
        var page = System.Text.RegularExpressions.Regex.Replace(await Forms.ReadAsync(manager, $"/gestion/candidatures/{application.Id}"), @"\s+", " ");
        Assert.Contains("Juré Numéro2, depuis le", page, StringComparison.Ordinal);
        Assert.Contains("Soumise", page, StringComparison.Ordinal);
        Assert.DoesNotContain("Juré Numéro3, depuis le", page, StringComparison.Ordinal);
        Assert.Contains("<td>Retirée</td> <td>Juré Numéro3</td> <td>Paul Responsable (Responsable de programme)</td> <td>Charge trop lourde</td>", page, StringComparison.Ordinal);
        Assert.Contains("<td>Attribuée automatiquement</td> <td>Juré Numéro2</td>", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_member_taken_off_the_committee_loses_their_applications_which_go_to_the_others()
    {
        var manager = await ManagerAsync(applications: 6, reviewers: 6);
        await PostAsync(manager, "Assign", []);
        var leaving = _scenario.Reviewers[3];
        var theirs = (await ActiveAsync()).Where(a => a.ReviewerId == leaving.Id).Select(a => a.ApplicationId).ToList();
        Assert.NotEmpty(theirs);

        var response = await PostAsync(manager, "RemoveMember", new() { ["ReviewerId"] = leaving.Id });

        Assert.Contains("ses candidatures sont réattribuées", await ReadAsync(manager, response), StringComparison.Ordinal);
        Assert.False(await app.WithDbAsync(db => db.CommitteeMembers.AnyAsync(m => m.ReviewerId == leaving.Id)));
        var active = await ActiveAsync();
        Assert.DoesNotContain(active, a => a.ReviewerId == leaving.Id);
        Assert.All(_scenario.Applications, a => Assert.Equal(2, active.Count(x => x.ApplicationId == a.Id)));
        var changes = await ChangesAsync();
        Assert.Equal(theirs.Order(), changes.Where(c => c.Kind == AssignmentChangeKind.Unassigned).Select(c => c.ApplicationId).Order());
        Assert.All(changes.Where(c => c.Kind == AssignmentChangeKind.Unassigned), c => Assert.Equal(leaving.Id, c.ReviewerId));
    }

    [Fact]
    public async Task A_reviewer_account_joins_the_committee_from_the_list_with_its_administration()
    {
        var manager = await ManagerAsync(reviewers: 2, committee: false);

        var page = await Forms.ReadAsync(manager, Page);
        Assert.Contains("Juré Numéro1 — Direction interministérielle du numérique", page, StringComparison.Ordinal);

        var response = await PostAsync(manager, "AddMember", new() { ["ReviewerId"] = _scenario.Reviewers[0].Id });

        Assert.Contains("Juré Numéro1 rejoint le jury", await ReadAsync(manager, response), StringComparison.Ordinal);
        Assert.Equal([_scenario.Reviewers[0].Id], await app.WithDbAsync(db => db.CommitteeMembers.Select(m => m.ReviewerId).ToListAsync()));
        var candidate = _scenario.Applications[0].CandidateId;
        var refused = await ReadAsync(manager, await PostAsync(manager, "AddMember", new() { ["ReviewerId"] = candidate }));
        Assert.Contains("Choisissez un membre du jury dans la liste.", refused, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Closing_scoring_stops_assignment_changes_and_reopening_allows_them_again()
    {
        var manager = await ManagerAsync(applications: 2, reviewers: 3);

        await PostAsync(manager, "Close", []);
        Assert.NotNull(await app.WithDbAsync(db => db.SelectionSettings.Select(s => s.ScoringClosedAt).SingleAsync()));
        var refused = await ReadAsync(manager, await PostAsync(manager, "Assign", []));
        Assert.Contains("L'évaluation est close : rouvrez-la pour changer les attributions.", refused, StringComparison.Ordinal);
        Assert.Empty(await ActiveAsync());

        var page = await ReadAsync(manager, await PostAsync(manager, "Reopen", []));
        Assert.Contains("Clore l'évaluation", page, StringComparison.Ordinal);
        Assert.Null(await app.WithDbAsync(db => db.SelectionSettings.Select(s => s.ScoringClosedAt).SingleAsync()));
    }

    [Fact]
    public async Task Beside_the_close_button_the_page_says_how_many_applications_miss_reviews_and_how_many_drafts_are_unsubmitted()
    {
        var manager = await ManagerAsync(applications: 3, reviewers: 3);
        // Three reviewers per application by default: the first has all three submitted, the second one submitted and
        // one draft, the third nothing.
        foreach (var reviewer in _scenario.Reviewers)
            await _scenario.SubmitReviewAsync(await _scenario.AssignAsync(_scenario.Applications[0].Id, reviewer.Id), [4, 4, 4]);
        await _scenario.SubmitReviewAsync(await _scenario.AssignAsync(_scenario.Applications[1].Id, _scenario.Reviewers[0].Id), [4, 4, 4]);
        await _scenario.SubmitReviewAsync(await _scenario.AssignAsync(_scenario.Applications[1].Id, _scenario.Reviewers[1].Id), [4, 4, 4], submit: false);

        var page = System.Text.RegularExpressions.Regex.Replace(WebUtility.HtmlDecode(await Forms.ReadAsync(manager, Page)), @"\s+", " ");
        Assert.Contains("<p class=\"fr-hint-text\" id=\"avant-de-clore\">Avant de clore : 2 candidatures n'ont pas toutes leurs évaluations soumises, "
            + "et 1 évaluation est en brouillon, non soumise.", page, StringComparison.Ordinal);
        Assert.Contains("id=\"clore\" aria-describedby=\"avant-de-clore\">Clore l'évaluation</button>", page, StringComparison.Ordinal);

    }

    [Fact]
    public async Task The_cohorts_pages_link_to_its_committee_and_the_table_lists_each_applications_reviewers()
    {
        var manager = await ManagerAsync(applications: 2, reviewers: 3);
        await _scenario.AssignAsync(_scenario.Applications[0].Id, _scenario.Reviewers[1].Id);

        foreach (var page in new[] { "/gestion", $"/gestion/promotions/{_scenario.CohortId}/candidatures", $"/gestion/promotions/{_scenario.CohortId}/modifier" })
            Assert.Contains($"href=\"{Page}\"", await Forms.ReadAsync(manager, page), StringComparison.Ordinal);
        var jury = System.Text.RegularExpressions.Regex.Replace(await Forms.ReadAsync(manager, Page), @"\s+", " ");
        Assert.Contains("Juré Numéro2 — à faire", jury, StringComparison.Ordinal);
        Assert.Contains("1 sur 2", jury, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Another_programs_manager_finds_no_committee_and_a_reviewer_or_a_candidate_is_refused()
    {
        await ManagerAsync(applications: 2, reviewers: 3);
        var other = await app.CreateUserAsync("autre@cohorts.test", SelectionScenario.Password, Roles.ProgramManager);
        var stranger = await _scenario.SignInAsync(other.Email!);

        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync(Page)).StatusCode);
        foreach (var handler in new[] { "Assign", "Close", "Settings" })
        {
            var response = await Forms.PostAsync(stranger, $"{Page}?handler={handler}", Settings(), tokenFrom: "/gestion");
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        }
        Assert.Empty(await ActiveAsync());
        Assert.Null(await app.WithDbAsync(db => db.SelectionSettings.Select(s => s.ScoringClosedAt).SingleAsync()));

        foreach (var email in new[] { _scenario.Reviewers[0].Email, _scenario.Applications[0].Email })
        {
            var response = await (await _scenario.SignInAsync(email)).GetAsync(Page);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.StartsWith("/acces-refuse", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task The_committee_page_and_the_management_home_link_the_ranking_and_the_proposal()
    {
        var manager = await ManagerAsync();
        var ranking = $"/gestion/promotions/{_scenario.CohortId}/classement";
        var proposal = $"/gestion/promotions/{_scenario.CohortId}/proposition";

        foreach (var page in new[] { await Forms.ReadAsync(manager, Page), await Forms.ReadAsync(manager, "/gestion") })
        {
            Assert.Contains($"href=\"{ranking}\">Classement du jury", page, StringComparison.Ordinal);
            Assert.Contains($"href=\"{proposal}\">Proposition d'admission", page, StringComparison.Ordinal);
        }
        // The link's words are the page's title.
        Assert.Contains("<title>Classement du jury — ", await Forms.ReadAsync(manager, ranking), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_candidate_whose_name_starts_with_a_vowel_is_adjusted_with_an_elided_de()
    {
        var manager = await ManagerAsync();
        var id = _scenario.Applications[0].Id;
        await app.WithDbAsync(db => db.Applications.Where(a => a.Id == id)
            .ExecuteUpdateAsync(s => s.SetProperty(a => a.FirstName, "Adèle").SetProperty(a => a.LastName, "Blanc")));

        var page = await Forms.ReadAsync(manager, $"{Page}?Candidature={id}");

        Assert.Contains("les attributions d'Adèle Blanc", page, StringComparison.Ordinal);
        Assert.DoesNotContain("de Adèle", page, StringComparison.Ordinal);
    }
}

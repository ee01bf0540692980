using System.Text.RegularExpressions;
using Cohorts.Domain.Selection;
using Cohorts.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Cohorts.BrowserTests;

[Collection(BrowserFixtureGroup.Name)]
public sealed partial class SelectionJourneyTests(BrowserFixture fixture) : IAsyncLifetime
{
    private readonly BrowserApp _app = fixture.App;

    public Task InitializeAsync() => _app.ResetAsync();
    public Task DisposeAsync() => Task.CompletedTask;

    /// <summary>
    /// From a closed call to the last seat filled: three candidates (of three administrations) for two seats, a committee of
    /// three. The manager assigns automatically; two reviewers score in the browser (one saves a half-filled draft, tries to
    /// submit it, is told which criterion is missing, then completes it), the third reviewer's scores are seeded; the
    /// ranking, the proposal, the publication; one candidate accepts, the other declines, and the waitlisted one reads
    /// the offer in the email the SMTP server received, follows its link and accepts. Each page is scanned with axe.
    /// </summary>
    [Fact]
    public async Task From_a_closed_call_to_published_decisions_a_decline_gives_the_seat_to_the_waitlist_which_accepts_from_the_email()
    {
        var scenario = await new SelectionScenario(_app).SeedAsync(applications: 3, reviewers: 3, seats: 2);
        var (first, second, third) = (scenario.Applications[0], scenario.Applications[1], scenario.Applications[2]);
        var manager = await fixture.NewPageAsync();
        await manager.SignInAsync(SelectionScenario.ManagerEmail, "Paul Responsable");

        // The manager reaches the committee from the cohort's applications and assigns two reviewers to each application.
        await manager.GotoAsync($"/gestion/promotions/{scenario.CohortId}/candidatures");
        await manager.GetByRole(AriaRole.Link, new() { Name = "Jury et attributions" }).ClickAsync();
        await Expect(manager.GetByRole(AriaRole.Heading, new() { NameRegex = new Regex("^Jury et attributions") })).ToBeVisibleAsync();
        await manager.AssertNoSeriousViolationsAsync();
        await manager.GetByRole(AriaRole.Button, new() { Name = "Attribuer automatiquement" }).ClickAsync();
        var assignments = await _app.WithDbAsync(db => db.ReviewAssignments.Where(a => a.RemovedAt == null)
            .Select(a => new { a.Id, a.ApplicationId, a.ReviewerId }).ToListAsync());
        Assert.Equal(6, assignments.Count);
        await manager.AssertNoSeriousViolationsAsync();

        // Reviewer 1 (DINUM) has the DGFiP and DGE candidates; reviewer 2 (DGFiP) the DINUM and DGE ones.
        var reviewer = await fixture.NewPageAsync();
        await reviewer.SignInAsync(scenario.Reviewers[0].Email, scenario.Reviewers[0].Name);
        await Expect(reviewer.GetByRole(AriaRole.Heading, new() { Name = "Mes évaluations" })).ToBeVisibleAsync();
        await reviewer.AssertNoSeriousViolationsAsync();
        await reviewer.GetByRole(AriaRole.Link, new() { Name = $"Évaluer la candidature de {second.Name}" }).ClickAsync();
        await reviewer.AssertNoSeriousViolationsAsync();
        await ScoreAsync(reviewer, "Motivation", 5);
        await reviewer.GetByRole(AriaRole.Button, new() { Name = "Enregistrer le brouillon" }).ClickAsync();
        await Expect(reviewer.Locator("#statut")).ToHaveTextAsync("Brouillon");
        await reviewer.GetByRole(AriaRole.Button, new() { Name = "Soumettre l'évaluation" }).ClickAsync();
        await Expect(reviewer.Locator("#erreurs")).ToContainTextAsync("Adéquation au programme");
        await reviewer.AssertNoSeriousViolationsAsync();
        await ScoreAsync(reviewer, "Adéquation au programme", 5);
        await ScoreAsync(reviewer, "Capacité à diffuser le changement", 5);
        await reviewer.GetByRole(AriaRole.Button, new() { Name = "Soumettre l'évaluation" }).ClickAsync();
        await Expect(reviewer.Locator("#statut")).ToHaveTextAsync("Soumise");
        await ReviewAsync(reviewer, third, 4);

        var otherReviewer = await fixture.NewPageAsync();
        await otherReviewer.SignInAsync(scenario.Reviewers[1].Email, scenario.Reviewers[1].Name);
        await ReviewAsync(otherReviewer, first, 2);
        await ReviewAsync(otherReviewer, third, 4);
        // The third reviewer's two reviews, by the scenario: the DINUM candidate 3 everywhere, the DGFiP candidate 5.
        foreach (var assignment in assignments.Where(a => a.ReviewerId == scenario.Reviewers[2].Id))
            await scenario.SubmitReviewAsync(assignment.Id, assignment.ApplicationId == first.Id ? [3, 3, 3] : [5, 5, 5]);

        // Scoring closed, the ranking reads: the DGFiP candidate, the DGE one, the DINUM one (calibrated).
        await manager.GotoAsync($"/gestion/promotions/{scenario.CohortId}/jury");
        await manager.GetByRole(AriaRole.Button, new() { Name = "Clore l'évaluation" }).ClickAsync();
        await manager.GotoAsync($"/gestion/promotions/{scenario.CohortId}/candidatures");
        await manager.GetByRole(AriaRole.Link, new() { Name = "Classement du jury" }).ClickAsync();
        var rows = manager.Locator("table tbody tr");
        await Expect(rows).ToHaveCountAsync(3);
        await Expect(rows.Nth(0)).ToContainTextAsync(second.Name);
        await Expect(rows.Nth(1)).ToContainTextAsync(third.Name);
        await Expect(rows.Nth(2)).ToContainTextAsync(first.Name);
        await manager.AssertNoSeriousViolationsAsync();

        // The proposal admits two and waitlists the third; the manager publishes after the confirmation.
        await manager.GotoAsync($"/gestion/promotions/{scenario.CohortId}/proposition");
        await Expect(manager.Locator("#bilan")).ToContainTextAsync("2 admis, 1 sur liste complémentaire");
        await manager.AssertNoSeriousViolationsAsync();
        await manager.GetByRole(AriaRole.Link, new() { Name = "Publier les décisions" }).ClickAsync();
        await Expect(manager.Locator("#confirmation")).ToBeVisibleAsync();
        await manager.AssertNoSeriousViolationsAsync();
        await manager.GetByRole(AriaRole.Button, new() { Name = "Confirmer la publication" }).ClickAsync();
        await Expect(manager.Locator("#publiees")).ToBeVisibleAsync();
        await _app.Mailbox.WaitForAsync(first.Email, "Liste complémentaire");

        // The best ranked accepts from "Mes candidatures"; the second declines, after the confirmation page.
        var accepting = await fixture.NewPageAsync();
        await accepting.SignInAsync(second.Email, second.Name);
        await _app.Mailbox.WaitForAsync(second.Email, "Vous êtes admis");
        await accepting.GotoAsync("/candidatures");
        await accepting.AssertNoSeriousViolationsAsync();
        await accepting.GetByRole(AriaRole.Button, new() { Name = "Accepter la place" }).ClickAsync();
        await Expect(accepting.GetByText("Place acceptée : vous êtes inscrit(e)").First).ToBeVisibleAsync();

        var declining = await fixture.NewPageAsync();
        await declining.SignInAsync(third.Email, third.Name);
        await declining.GotoAsync($"/candidatures/{third.Id}");
        await declining.GetByRole(AriaRole.Link, new() { Name = "Décliner la place" }).ClickAsync();
        await declining.AssertNoSeriousViolationsAsync();
        await declining.GetByRole(AriaRole.Button, new() { Name = "Oui, décliner la place" }).ClickAsync();
        await Expect(declining.Locator("#etat")).ToHaveTextAsync("Place déclinée");

        // The waitlisted candidate gets the freed seat by email, follows its link and accepts.
        var offer = await _app.Mailbox.WaitForAsync(first.Email, "Une place s'est libérée");
        var waitlisted = await fixture.NewPageAsync();
        await waitlisted.SignInAsync(first.Email, first.Name);
        await waitlisted.GotoAsync(Mailbox.LinkIn(offer, _app.BaseUrl));
        await Expect(waitlisted.GetByRole(AriaRole.Heading, new() { NameRegex = new Regex("^Une place vous est proposée") })).ToBeVisibleAsync();
        await waitlisted.AssertNoSeriousViolationsAsync();
        await waitlisted.GetByRole(AriaRole.Button, new() { Name = "Accepter la place" }).ClickAsync();
        await Expect(waitlisted.Locator("#etat")).ToHaveTextAsync("Place acceptée");

        var enrolled = await _app.WithDbAsync(db => db.Enrollments.Select(e => e.ApplicationId).ToListAsync());
        Assert.Equal(new[] { first.Id, second.Id }.Order(), enrolled.Order());
    }

    /// <summary>Opens the candidate's review from "Mes évaluations", scores every criterion at this level and submits.</summary>
    private static async Task ReviewAsync(IPage reviewer, SelectionScenario.SeededApplication application, int level)
    {
        await reviewer.GotoAsync("/evaluations");
        await reviewer.GetByRole(AriaRole.Link, new() { Name = $"Évaluer la candidature de {application.Name}" }).ClickAsync();
        foreach (var criterion in new[] { "Motivation", "Adéquation au programme", "Capacité à diffuser le changement" })
            await ScoreAsync(reviewer, criterion, level);
        await reviewer.GetByRole(AriaRole.Button, new() { Name = "Soumettre l'évaluation" }).ClickAsync();
        await Expect(reviewer.Locator("#statut")).ToHaveTextAsync("Soumise");
    }

    /// <summary>Clicks the level's label in the criterion's group, as a person does (DSFR draws its own radio buttons).</summary>
    private static Task ScoreAsync(IPage reviewer, string criterion, int level) =>
        reviewer.Locator("fieldset").Filter(new() { Has = reviewer.Locator("legend", new() { HasText = criterion }) })
            .Locator("label").Filter(new() { HasTextRegex = new Regex($"^{level} — ") }).ClickAsync();
}

[Collection(BrowserFixtureGroup.Name)]
public sealed class SelectionPagesTests(BrowserFixture fixture) : IAsyncLifetime
{
    private readonly BrowserApp _app = fixture.App;

    public Task InitializeAsync() => _app.ResetAsync();
    public Task DisposeAsync() => Task.CompletedTask;

    /// <summary>
    /// The committee's pages the journey does not cross, each scanned with axe: the rubric, an interview convened in the
    /// browser (a place typed, the whole panel ticked, Enter in a field), the panel member's score page, the conflict
    /// declaration, and the candidate's "Mes candidatures" that shows the interview.
    /// </summary>
    [Fact]
    public async Task The_rubric_an_interview_convened_its_score_page_and_the_conflict_page_pass_axe_and_the_candidate_sees_the_interview()
    {
        var scenario = await new SelectionScenario(_app).SeedAsync(applications: 2, reviewers: 2, hasInterview: true);
        var (invited, other) = (scenario.Applications[0], scenario.Applications[1]);
        var manager = await fixture.NewPageAsync();
        await manager.SignInAsync(SelectionScenario.ManagerEmail, "Paul Responsable");

        await manager.GotoAsync($"/gestion/programmes/{scenario.ProgramId}/grille");
        await Expect(manager.GetByRole(AriaRole.Heading, new() { NameRegex = new Regex("^Grille d'évaluation") })).ToBeVisibleAsync();
        await manager.AssertNoSeriousViolationsAsync();

        await manager.GotoAsync($"/gestion/candidatures/{invited.Id}/entretien");
        await manager.AssertNoSeriousViolationsAsync();
        var at = Cohorts.Domain.ParisTime.ToParis(_app.Clock.GetUtcNow()).AddDays(10);
        await manager.Locator("#Input_At").FillAsync(at.ToString("yyyy-MM-dd'T'14:30", System.Globalization.CultureInfo.InvariantCulture));
        await manager.Locator("#Input_DurationMinutes").FillAsync("45");
        await manager.Locator("label[for='Input_Panel_0']").ClickAsync();
        await manager.Locator("label[for='Input_Panel_1']").ClickAsync();
        await manager.Locator("#Input_Place").FillAsync("DINUM, 20 avenue de Ségur, salle 4");
        await manager.Locator("#Input_Place").PressAsync("Enter");
        await Expect(manager.GetByRole(AriaRole.Button, new() { Name = "Déplacer l'entretien et prévenir" })).ToBeVisibleAsync();
        await manager.AssertNoSeriousViolationsAsync();
        await _app.Mailbox.WaitForAsync(invited.Email, "Convocation à un entretien");

        var reviewer = await fixture.NewPageAsync();
        await reviewer.SignInAsync(scenario.Reviewers[0].Email, scenario.Reviewers[0].Name);
        await reviewer.GotoAsync($"/evaluations/entretiens/{invited.Id}");
        await Expect(reviewer.GetByRole(AriaRole.Button, new() { Name = "Enregistrer la note" })).ToBeVisibleAsync();
        await reviewer.AssertNoSeriousViolationsAsync();
        var assignment = await scenario.AssignAsync(other.Id, scenario.Reviewers[0].Id);
        await reviewer.GotoAsync($"/evaluations/{assignment}/conflit");
        await Expect(reviewer.GetByRole(AriaRole.Button, new() { Name = "Déclarer le conflit d'intérêts" })).ToBeVisibleAsync();
        await reviewer.AssertNoSeriousViolationsAsync();

        var candidate = await fixture.NewPageAsync();
        await candidate.SignInAsync(invited.Email, invited.Name);
        await candidate.GotoAsync("/candidatures");
        await Expect(candidate.GetByText("DINUM, 20 avenue de Ségur, salle 4").First).ToBeVisibleAsync();
        await candidate.AssertNoSeriousViolationsAsync();
    }
}

using System.Net;
using System.Security.Claims;
using System.Text.RegularExpressions;
using Cohorts.Domain.Applications;
using Cohorts.Domain.Selection;
using Cohorts.Domain.Workflow;
using Cohorts.Web.Identity;
using Cohorts.Web.Selection;
using Cohorts.Web.Pages;
using Cohorts.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Cohorts.Web.Tests.Selection;

/// <summary>
/// The admission proposal, the committee's overrides and the publication of the decisions. Six candidates, three seats,
/// one agent at most per administration, two on the waitlist: a0 (DINUM) 5, a3 (DINUM) 4,75, a1 (DGFiP) 4, a4 (DGFiP) 3,
/// a2 (DGE) 2, a5 (DGE) 1, scored alike by the same two reviewers.
/// </summary>
[Collection(AppFixtureGroup.Name)]
public sealed partial class ProposalTests(CohortsApp app, Xunit.Abstractions.ITestOutputHelper output) : IAsyncLifetime
{
    private SelectionScenario _scenario = null!;

    public async Task InitializeAsync()
    {
        await app.ResetAsync();
        app.Mailbox.Clear();
        _scenario = await new SelectionScenario(app).SeedAsync(applications: 6, reviewers: 2, seats: 3);
        await EditSettingsAsync(maxPerAdministration: 1, waitlistLength: 2);
        int[][] scores = [[5, 5, 5], [4, 4, 4], [2, 2, 2], [5, 5, 4], [3, 3, 3], [1, 1, 1]];
        for (var i = 0; i < 6; i++)
            foreach (var reviewer in _scenario.Reviewers)
                await _scenario.SubmitReviewAsync(await _scenario.AssignAsync(_scenario.Applications[i].Id, reviewer.Id), scores[i]);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private string Url => $"/gestion/promotions/{_scenario.CohortId}/proposition";
    private Guid A(int i) => _scenario.Applications[i].Id;

    private Task<int> EditSettingsAsync(int? maxPerAdministration, int? waitlistLength) => app.WithDbAsync(async db =>
    {
        var settings = await db.SelectionSettings.SingleAsync(s => s.CohortId == _scenario.CohortId);
        settings.Edit(2, null, 1.5, maxPerAdministration, null, null, null, null, waitlistLength, 7);
        return await db.SaveChangesAsync();
    });

    private Task<int> CloseScoringAsync() => app.WithDbAsync(async db =>
    {
        var settings = await db.SelectionSettings.SingleAsync(s => s.CohortId == _scenario.CohortId);
        settings.CloseScoring(app.Clock.GetUtcNow());
        return await db.SaveChangesAsync();
    });

    private Task<HttpClient> ManagerAsync() => _scenario.SignInAsync(SelectionScenario.ManagerEmail);

    /// <summary>Each line's candidate, proposition and reason.</summary>
    private static List<(string Name, string Decision, string Reason)> Lines(string page) =>
        RankingTests.Rows(page).Select(r => (r[1], r[5], r[6])).ToList();

    private Task<HttpResponseMessage> OverrideAsync(HttpClient client, Guid application, string decision, string reason) =>
        Forms.PostAsync(client, $"{Url}?handler=Override", new Dictionary<string, string>
        {
            ["ApplicationId"] = application.ToString(), ["Decision"] = decision, ["Reason"] = reason,
        }, tokenFrom: Url);

    private async Task<string> FingerprintAsync(HttpClient client)
    {
        var page = await Forms.ReadAsync(client, $"{Url}?Confirm=true");
        return FingerprintField().Match(page).Groups[1].Value;
    }

    private Task<HttpResponseMessage> PublishAsync(HttpClient client, string fingerprint) =>
        Forms.PostAsync(client, $"{Url}?handler=Publish", new Dictionary<string, string> { ["Fingerprint"] = fingerprint }, tokenFrom: Url);

    private Task<List<(Guid Id, ApplicationState State, int? Rank, uint Version)>> StatesAsync() => app.WithDbAsync(async db =>
        (await db.Applications.OrderBy(a => a.LastName).Select(a => new { a.Id, a.State, a.WaitlistRank, a.Version }).ToListAsync())
        .Select(a => (a.Id, a.State, a.WaitlistRank, a.Version)).ToList());

    [Fact]
    public async Task The_proposal_admits_in_rank_order_under_the_caps_and_says_which_cap_skipped_a_candidate()
    {
        var page = await Forms.ReadAsync(await ManagerAsync(), Url);

        Assert.Equal(
        [
            ("Camille Candidat01", "Admis", ""),
            ("Camille Candidat04", "Liste complémentaire (rang 1)", "Plafond atteint : 1 agent au plus par administration (Direction interministérielle du numérique)"),
            ("Camille Candidat02", "Admis", ""),
            ("Camille Candidat05", "Liste complémentaire (rang 2)", "Plafond atteint : 1 agent au plus par administration (Direction générale des Finances publiques)"),
            ("Camille Candidat03", "Admis", ""),
            ("Camille Candidat06", "Non retenu", ""),
        ], Lines(page));
        Assert.Contains("Proposition : 3 admis, 2 sur liste complémentaire, 1 non retenu(s).", page, StringComparison.Ordinal);
        // Scoring is still open: the button says why it cannot publish.
        Assert.Contains("Clôturez l'évaluation", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_override_needs_a_reason_changes_its_line_and_stays_in_the_log_after_it_is_lifted()
    {
        var manager = await ManagerAsync();

        var refused = await Forms.PostAndReadAsync(manager, $"{Url}?handler=Override",
            new Dictionary<string, string> { ["ApplicationId"] = A(3).ToString(), ["Decision"] = "Admit", ["Reason"] = "  " });
        Assert.Contains("Indiquez par écrit le motif de la décision du jury.", refused, StringComparison.Ordinal);
        Assert.Equal(0, await app.WithDbAsync(db => db.ProposalOverrides.CountAsync()));

        Assert.Equal(HttpStatusCode.Redirect, (await OverrideAsync(manager, A(3), "Admit", "Seule candidate portant un projet de données")).StatusCode);
        var page = await Forms.ReadAsync(manager, Url);
        var lines = Lines(page);
        // Forced in, she takes a seat only, not DINUM's one place: the candidate ranked first of DINUM stays admitted, and
        // the last of those the caps admitted loses the seat she took, told why.
        Assert.Equal(("Camille Candidat01", "Admis", ""), lines[0]);
        Assert.Equal("Admis", lines[1].Decision);
        Assert.Equal(("Camille Candidat02", "Admis", ""), lines[2]);
        Assert.Equal(("Camille Candidat03", "Liste complémentaire (rang 2)", "Place prise par une décision du jury"), lines[4]);
        Assert.Contains("<strong>Admettre</strong> — Seule candidate portant un projet de données <span class=\"fr-hint-text\">(Paul Responsable", page, StringComparison.Ordinal);

        var lift = await Forms.PostAsync(manager, $"{Url}?handler=Lift",
            new Dictionary<string, string> { ["ApplicationId"] = A(3).ToString(), ["Reason"] = "Le projet est porté par une autre candidate" }, tokenFrom: Url);
        Assert.Equal(HttpStatusCode.Redirect, lift.StatusCode);
        page = await Forms.ReadAsync(manager, Url);
        Assert.Equal("Admis", Lines(page)[0].Decision);
        var log = Log(page);
        Assert.Equal(2, log.Count);
        Assert.Contains("Camille Candidat04 : Décision du jury levée — Le projet est porté par une autre candidate", log[0], StringComparison.Ordinal);
        Assert.Contains("Camille Candidat04 : Admettre — Seule candidate portant un projet de données", log[1], StringComparison.Ordinal);

        var application = await Forms.ReadAsync(manager, $"/gestion/candidatures/{A(3)}");
        Assert.Contains("Décisions du jury", application, StringComparison.Ordinal);
        Assert.Contains("Admettre</strong> — Seule candidate portant un projet de données", application, StringComparison.Ordinal);
        Assert.Contains("Décision du jury levée</strong> — Le projet est porté par une autre candidate", application, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Publishing_moves_every_candidate_in_one_transaction_and_emails_each_of_them()
    {
        await CloseScoringAsync();
        var manager = await ManagerAsync();
        var confirm = Regex.Replace(await Forms.ReadAsync(manager, $"{Url}?Confirm=true"), @"\s+", " ");
        Assert.Contains($"Vous allez publier 6 décision(s) : 3 admis (réponse attendue avant le {Display.DateTime(app.Clock.OfferDeadline())})",
            confirm, StringComparison.Ordinal);

        var response = await PublishAsync(manager, await FingerprintAsync(manager));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);

        var states = (await StatesAsync()).ToDictionary(s => s.Id);
        Assert.Equal(ApplicationState.Admitted, states[A(0)].State);
        Assert.Equal(ApplicationState.Admitted, states[A(1)].State);
        Assert.Equal(ApplicationState.Admitted, states[A(2)].State);
        Assert.Equal((ApplicationState.Waitlisted, (int?)1), (states[A(3)].State, states[A(3)].Rank));
        Assert.Equal((ApplicationState.Waitlisted, (int?)2), (states[A(4)].State, states[A(4)].Rank));
        Assert.Equal(ApplicationState.Rejected, states[A(5)].State);
        var (deadlines, settingsVersion, published) = await app.WithDbAsync(async db => (
            await db.Applications.Where(a => a.State == ApplicationState.Admitted).Select(a => a.OfferExpiresAt).Distinct().ToListAsync(),
            await db.SelectionSettings.Select(s => s.Version).SingleAsync(),
            await db.SelectionSettings.Select(s => s.DecisionsPublishedAt).SingleAsync()));
        Assert.Equal([app.Clock.OfferDeadline()], deadlines);
        Assert.Equal(app.Clock.GetUtcNow(), published);
        // One transaction: every row it wrote carries its id (xmin).
        Assert.Single(states.Values.Select(s => s.Version).Append(settingsVersion).Distinct());

        await app.Mailbox.WaitForAsync(_scenario.Applications[0].Email, "Vous êtes admis(e) — Booster Agile, Promotion 3");
        await app.Mailbox.WaitForAsync(_scenario.Applications[3].Email, "Liste complémentaire — Booster Agile, Promotion 3");
        await app.Mailbox.WaitForAsync(_scenario.Applications[5].Email, "Votre candidature — Booster Agile, Promotion 3");
        foreach (var candidate in _scenario.Applications) await app.Mailbox.WaitForAsync(candidate.Email);

        var page = Regex.Replace(await Forms.ReadAsync(manager, Url), @"\s+", " ");
        Assert.Contains($"Décisions publiées le {Display.DateTime(app.Clock.GetUtcNow())}", page, StringComparison.Ordinal);
        Assert.DoesNotContain("handler=Override", page, StringComparison.Ordinal);
        Assert.Contains("Liste complémentaire — Rang 1 sur la liste complémentaire.", page, StringComparison.Ordinal);
        // The CSV now carries the decision of each line.
        var csv = await manager.GetStringAsync($"/gestion/promotions/{_scenario.CohortId}/classement/export.csv");
        Assert.Contains(";Décision publiée;Rang sur la liste complémentaire;État actuel", csv, StringComparison.Ordinal);
        Assert.Contains(";Liste complémentaire;1;Sur liste complémentaire", csv, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Seats_the_caps_leave_empty_are_said_on_the_page_and_at_confirmation_and_the_waitlisted_email_does_not_claim_all_are_taken()
    {
        var manager = await ManagerAsync();
        // DGE's two candidates are not retained: the cap of one per administration leaves the third seat empty.
        await OverrideAsync(manager, A(2), "Reject", "Dossier incomplet");
        await OverrideAsync(manager, A(5), "Reject", "Dossier incomplet");
        await CloseScoringAsync();

        var sentence = "1 place reste libre : les plafonds de diversité ne permettent pas de la pourvoir avec les candidats classés.";
        var page = WebUtility.HtmlDecode(Regex.Replace(await Forms.ReadAsync(manager, Url), @"\s+", " "));
        Assert.Contains($"Proposition : 2 admis, 2 sur liste complémentaire, 2 non retenu(s). <strong id=\"places-libres\">{sentence}</strong>", page,
            StringComparison.Ordinal);
        var confirm = WebUtility.HtmlDecode(Regex.Replace(await Forms.ReadAsync(manager, $"{Url}?Confirm=true"), @"\s+", " "));
        Assert.Contains($"id=\"confirmation-places-libres\"><strong>{sentence}</strong>", confirm, StringComparison.Ordinal);
        Assert.DoesNotContain("confirmation-evaluations-manquantes", confirm, StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.Redirect, (await PublishAsync(manager, await FingerprintAsync(manager))).StatusCode);
        var email = await app.Mailbox.WaitForAsync(_scenario.Applications[3].Email, "Liste complémentaire — Booster Agile, Promotion 3");
        foreach (var body in new[] { email.TextBody, email.HtmlBody })
        {
            Assert.DoesNotContain("Toutes les places sont proposées", body, StringComparison.Ordinal);
            Assert.Contains("Le jury ne vous a pas retenu(e) parmi les admis à ce stade, mais vous êtes inscrit(e) sur la liste complémentaire",
                WebUtility.HtmlDecode(body), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task The_confirmation_warns_of_applications_with_missing_reviews_without_blocking_the_publication()
    {
        await app.WithDbAsync(async db =>
        {
            var settings = await db.SelectionSettings.SingleAsync(s => s.CohortId == _scenario.CohortId);
            settings.Edit(3, null, 1.5, 1, null, null, null, null, 2, 7);
            return await db.SaveChangesAsync();
        });
        await CloseScoringAsync();
        var manager = await ManagerAsync();

        var confirm = WebUtility.HtmlDecode(Regex.Replace(await Forms.ReadAsync(manager, $"{Url}?Confirm=true"), @"\s+", " "));
        Assert.Contains("<strong>6 candidatures n'ont pas toutes leurs évaluations (moins d'évaluations soumises que le nombre requis).</strong> Vous pouvez publier quand même.",
            confirm, StringComparison.Ordinal);
        Assert.DoesNotContain("places-libres", confirm, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await PublishAsync(manager, await FingerprintAsync(manager))).StatusCode);
    }

    [Fact]
    public async Task Publishing_is_refused_while_scoring_is_open_and_a_second_time()
    {
        var manager = await ManagerAsync();
        var fingerprint = await FingerprintAsync(manager);
        var open = await PublishAsync(manager, fingerprint);
        Assert.Equal(HttpStatusCode.OK, open.StatusCode);
        Assert.Contains("Clôturez l'évaluation (page du jury) avant de publier les décisions", WebUtility.HtmlDecode(await open.Content.ReadAsStringAsync()),
            StringComparison.Ordinal);
        Assert.All(await StatesAsync(), s => Assert.Equal(ApplicationState.UnderReview, s.State));

        await CloseScoringAsync();
        fingerprint = await FingerprintAsync(manager);
        Assert.Equal(HttpStatusCode.Redirect, (await PublishAsync(manager, fingerprint)).StatusCode);
        var again = await PublishAsync(manager, fingerprint);
        Assert.Contains("Les décisions de cette promotion sont déjà publiées.", WebUtility.HtmlDecode(await again.Content.ReadAsStringAsync()),
            StringComparison.Ordinal);
        Assert.Equal(6, await app.WithDbAsync(db => db.ApplicationTransitions.CountAsync(t =>
            t.Trigger == ApplicationTrigger.Admit || t.Trigger == ApplicationTrigger.Waitlist || t.Trigger == ApplicationTrigger.Reject)));
    }

    [Fact]
    public async Task Publishing_is_refused_when_overrides_admit_more_candidates_than_free_seats_or_the_proposal_changed()
    {
        await EditSettingsAsync(maxPerAdministration: null, waitlistLength: null);
        await CloseScoringAsync();
        var manager = await ManagerAsync();
        var before = await FingerprintAsync(manager);
        foreach (var i in new[] { 2, 4, 5, 3 }) await OverrideAsync(manager, A(i), "Admit", "Profil recherché");

        var page = await Forms.ReadAsync(manager, Url);
        Assert.Contains("Les décisions du jury admettent 4 candidats pour 3 place(s) libre(s)", page, StringComparison.Ordinal);
        var refused = await PublishAsync(manager, before);
        Assert.Contains("Les décisions du jury admettent 4 candidats pour 3 place(s) libre(s)", WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync()),
            StringComparison.Ordinal);

        // One admission lifted: the proposal is publishable again, but not with the fingerprint confirmed before the change.
        await Forms.PostAsync(manager, $"{Url}?handler=Lift",
            new Dictionary<string, string> { ["ApplicationId"] = A(3).ToString(), ["Reason"] = "Trois places seulement" }, tokenFrom: Url);
        var stale = await PublishAsync(manager, before);
        Assert.Contains(DecisionPublication.ChangedMessage, WebUtility.HtmlDecode(await stale.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.All(await StatesAsync(), s => Assert.Equal(ApplicationState.UnderReview, s.State));
        Assert.Null(await app.WithDbAsync(db => db.SelectionSettings.Select(s => s.DecisionsPublishedAt).SingleAsync()));
    }

    [Fact]
    public async Task Publishing_thirty_decisions_costs_a_bounded_number_of_queries()
    {
        await app.ResetAsync();
        _scenario = await new SelectionScenario(app).SeedAsync(applications: 30, reviewers: 2, seats: 10);
        for (var i = 0; i < 30; i++)
            await _scenario.SubmitReviewAsync(await _scenario.AssignAsync(A(i), _scenario.Reviewers[i % 2].Id), [1 + i % 5, 3, 2]);
        await CloseScoringAsync();
        var manager = await app.WithDbAsync(db => db.Users.SingleAsync(u => u.Email == SelectionScenario.ManagerEmail));
        var principal = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, manager.Id), new Claim(ClaimTypes.Role, Roles.ProgramManager)], "test"));
        var fingerprint = (await app.WithDbAsync(db => CohortProposal.LoadAsync(db, _scenario.CohortId, principal, CancellationToken.None)))!.Fingerprint;

        var written = await app.WithDbAsync(db => db.OutboxMessages.CountAsync());
        var (refusal, commands, selects) = await app.WithDbAsync(async db =>
        {
            using var log = new CommandLog();
            var refusal = await DecisionPublication.PublishAsync(db, _scenario.CohortId, principal, manager.As(Actor.ProgramManager), fingerprint,
                app.Clock.GetUtcNow(), CancellationToken.None);
            return (refusal, log.Texts.Count, log.Selects);
        });

        output.WriteLine($"Publishing 30 decisions: {commands} commands, {selects} of them SELECT");
        Assert.Null(refusal);
        Assert.Equal(written + 30, await app.WithDbAsync(db => db.OutboxMessages.CountAsync()));
        Assert.Equal(10, await app.WithDbAsync(db => db.Applications.CountAsync(a => a.State == ApplicationState.Admitted)));
        // Measured: 15 SELECTs (the lock, the ranking's seven reads, the seats held, the overrides, the rows to move, the
        // dispatcher's two reads), all the writes in one batch, then Hangfire's enqueue after the commit: 24 commands.
        // One command per candidate would be over thirty.
        Assert.InRange(selects, 1, 20);
        Assert.InRange(commands, 1, 29);
    }

    [GeneratedRegex("name=\"Fingerprint\" value=\"([0-9A-F]+)\"")]
    private static partial Regex FingerprintField();

    [GeneratedRegex("id=\"historique-jury\" reversed>(.*?)</ol>", RegexOptions.Singleline)]
    private static partial Regex LogList();

    [GeneratedRegex("<li>(.*?)</li>", RegexOptions.Singleline)]
    private static partial Regex LogEntry();

    private static List<string> Log(string page) => LogEntry().Matches(LogList().Match(page).Groups[1].Value)
        .Select(m => Regex.Replace(Regex.Replace(m.Groups[1].Value, "<[^>]+>", ""), @"\s+", " ").Trim()).ToList();
}

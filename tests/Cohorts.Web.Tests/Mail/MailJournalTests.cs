using System.Net;
using System.Text.RegularExpressions;
using Cohorts.Domain;
using Cohorts.Web.Emails;
using Cohorts.Web.Identity;
using Cohorts.Web.Tests.Support;
using static Cohorts.Web.Tests.Mail.MailSeeding;

namespace Cohorts.Web.Tests.Mail;

/// <summary>
/// The mail journal's list: newest first, 50 a page, filtered by cohort, kind, state and address; and who sees what (an
/// Admin everything, a manager their programs' cohorts only, anyone else nothing).
/// </summary>
[Collection(AppFixtureGroup.Name)]
public sealed partial class MailJournalTests(CohortsApp app) : IAsyncLifetime
{
    private readonly ApplicationScenario _scenario = new(app);
    private int _otherProgram;
    private int _otherCohort;
    private IReadOnlyList<Guid> _messages = [];

    private const int InCohort = 55;

    public async Task InitializeAsync()
    {
        await app.ResetAsync();
        await _scenario.SeedAsync(requiresEndorsement: false);
        (_otherProgram, _otherCohort) = await _scenario.SeedOtherProgramAsync();
        var mine = new MessageConcerns(_scenario.CohortId);
        var messages = Enumerable.Range(0, InCohort).Select(i => i switch
        {
            3 => Failed("agent03@numerique.gouv.fr", "offer", "Vous êtes admis(e) — Booster Agile, Promotion 3", mine),
            4 => Retrying("agent04@numerique.gouv.fr", "offer", "Vous êtes admis(e) — Booster Agile, Promotion 3", mine),
            _ => Sent($"agent{i:00}@numerique.gouv.fr", i % 2 == 0 ? "offer" : "rejected",
                i % 2 == 0 ? "Vous êtes admis(e) — Booster Agile, Promotion 3" : "Votre candidature — Booster Agile, Promotion 3", mine),
        }).ToList();
        messages.Add(Sent("strategie1@interieur.gouv.fr", "waitlisted", "Liste complémentaire — Conseiller en stratégie numérique", new(_otherCohort)));
        messages.Add(Sent("strategie2@interieur.gouv.fr", "waitlisted", "Liste complémentaire — Conseiller en stratégie numérique", new(_otherCohort)));
        messages.Add(Sent("compte@cohorts.test", "reset-password", "Réinitialisez votre mot de passe", MessageConcerns.Nothing));
        messages.Add(Sent("ancien@cohorts.test", "ancien-modele", "Un courriel d'un modèle disparu", MessageConcerns.Nothing));
        _messages = await AddAsync(app, [.. messages]);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private Task<HttpClient> AdminAsync() => _scenario.SignedInAsync("admin@cohorts.test", Roles.Admin, "Ada", "Admin");
    private Task<HttpClient> ManagerAsync() => _scenario.SignedInAsync("booster@cohorts.test", Roles.ProgramManager, "Paul", "Booster");
    private Task<HttpClient> OtherManagerAsync() =>
        _scenario.SignedInAsync("strategie@cohorts.test", Roles.ProgramManager, "Sophie", "Stratégie", manages: _otherProgram);

    private static List<Guid> Rows(string page) => Row().Matches(page).Select(m => Guid.Parse(m.Groups[1].Value)).ToList();

    [Fact]
    public async Task The_journal_shows_every_message_newest_first_50_a_page()
    {
        var admin = await AdminAsync();

        var first = await Forms.ReadAsync(admin, "/gestion/courriels");
        var second = await Forms.ReadAsync(admin, "/gestion/courriels?PageNumber=2");

        Assert.Contains("59 courriel(s) — page 1 sur 2", first, StringComparison.Ordinal);
        Assert.Equal(_messages.Reverse().Take(50), Rows(first));
        Assert.Equal(_messages.Reverse().Skip(50), Rows(second));
        Assert.Contains("href=\"/gestion/courriels?PageNumber=2\"", first, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Filters_by_cohort_kind_state_and_address_combine_and_stay_in_the_URL()
    {
        var admin = await AdminAsync();
        var cohort = _scenario.CohortId;

        Assert.Equal(_messages.Take(InCohort).Reverse().Take(50), Rows(await Forms.ReadAsync(admin, $"/gestion/courriels?cohorte={cohort}")));
        var offers = await Forms.ReadAsync(admin, $"/gestion/courriels?cohorte={cohort}&kind=offer");
        Assert.Contains("29 courriel(s)", offers, StringComparison.Ordinal);
        Assert.Contains("<option value=\"offer\" selected=\"selected\">Proposition de place</option>", offers, StringComparison.Ordinal);
        Assert.Equal([_messages[3]], Rows(await Forms.ReadAsync(admin, "/gestion/courriels?state=Failed")));
        Assert.Equal([_messages[4]], Rows(await Forms.ReadAsync(admin, $"/gestion/courriels?cohorte={cohort}&kind=offer&state=Pending")));
        Assert.Equal(_messages.Skip(10).Take(10).Reverse(), Rows(await Forms.ReadAsync(admin, "/gestion/courriels?Search=AGENT1")));
        Assert.Equal([_messages[InCohort]], Rows(await Forms.ReadAsync(admin, $"/gestion/courriels?cohorte={_otherCohort}&Search=strategie1")));
        Assert.Contains("Aucun courriel ne correspond", await Forms.ReadAsync(admin, "/gestion/courriels?Search=personne"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Each_line_reads_its_kind_in_French_its_state_and_when_a_waiting_message_is_tried_again()
    {
        var admin = await AdminAsync();
        var page = await Forms.ReadAsync(admin, "/gestion/courriels?PageNumber=2");
        var recent = await Forms.ReadAsync(admin, "/gestion/courriels");

        Assert.Contains("<td>Proposition de place</td>", page, StringComparison.Ordinal);
        Assert.Contains("<td>Candidature non retenue</td>", page, StringComparison.Ordinal);
        Assert.Contains(">Échec</p>", page, StringComparison.Ordinal);
        Assert.Contains("550 5.1.1 Recipient address rejected: User unknown", page, StringComparison.Ordinal);
        // Written 55 minutes before the clock's time and tried at once: the next try a minute later.
        Assert.Contains($"nouvel essai le {Cohorts.Web.Pages.Display.DateTime(app.Clock.GetUtcNow().AddMinutes(4 - 59 + 1))}", page, StringComparison.Ordinal);
        Assert.Contains("<td>ancien-modele</td>", recent, StringComparison.Ordinal);
        Assert.Contains("<td>Réinitialisation du mot de passe</td>", recent, StringComparison.Ordinal);
        Assert.Contains(">Envoyé</p>", recent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_manager_sees_the_messages_of_their_programs_cohorts_only_and_no_account_message()
    {
        var manager = await ManagerAsync();
        var other = await OtherManagerAsync();

        var mine = await Forms.ReadAsync(manager, "/gestion/courriels");
        Assert.Contains($"{InCohort} courriel(s)", mine, StringComparison.Ordinal);
        Assert.DoesNotContain("strategie1@interieur.gouv.fr", mine, StringComparison.Ordinal);
        Assert.DoesNotContain("compte@cohorts.test", mine, StringComparison.Ordinal);
        Assert.DoesNotContain("Promotion Stratégie", mine, StringComparison.Ordinal);
        Assert.Contains($"<option value=\"{_scenario.CohortId}\">Booster Agile — Promotion 3</option>", mine, StringComparison.Ordinal);
        // Asking for another program's cohort shows nothing of it.
        Assert.Empty(Rows(await Forms.ReadAsync(manager, $"/gestion/courriels?cohorte={_otherCohort}")));

        var theirs = await Forms.ReadAsync(other, "/gestion/courriels");
        Assert.Equal([_messages[InCohort + 1], _messages[InCohort]], Rows(theirs));

        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/gestion/courriels/{_messages[0]}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await manager.GetAsync($"/gestion/courriels/{_messages[InCohort + 2]}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await manager.GetAsync($"/gestion/courriels/{_messages[0]}")).StatusCode);
        var resend = await Forms.PostAsync(other, $"/gestion/courriels/{_messages[3]}?handler=Resend", new Dictionary<string, string>(),
            tokenFrom: "/gestion/courriels");
        Assert.Equal(HttpStatusCode.NotFound, resend.StatusCode);
    }

    [Fact]
    public async Task An_Admin_sees_every_message_account_messages_included()
    {
        var admin = await AdminAsync();

        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync($"/gestion/courriels/{_messages[InCohort + 2]}")).StatusCode);
        var page = await Forms.ReadAsync(admin, "/gestion/courriels?Search=cohorts.test");
        Assert.Equal([_messages[InCohort + 3], _messages[InCohort + 2]], Rows(page));
        Assert.Contains($"<option value=\"{_otherCohort}\">Conseiller en stratégie numérique — Promotion Stratégie</option>", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_manager_of_no_program_sees_no_message()
    {
        await app.CreateUserAsync("seul@cohorts.test", ApplicationScenario.Password, Roles.ProgramManager);
        var alone = app.Client(followRedirects: false);
        await ApplicationScenario.SignInAgainAsync(alone, "seul@cohorts.test");

        Assert.Empty(Rows(await Forms.ReadAsync(alone, "/gestion/courriels")));
        Assert.Equal(HttpStatusCode.NotFound, (await alone.GetAsync($"/gestion/courriels/{_messages[0]}")).StatusCode);
    }

    [Theory]
    [InlineData(Roles.Reviewer)]
    [InlineData(Roles.Candidate)]
    [InlineData(Roles.Coach)]
    public async Task Another_role_is_refused_the_journal_its_messages_and_the_previews(string role)
    {
        var client = await _scenario.SignedInAsync($"{role.ToLowerInvariant()}@numerique.gouv.fr", role);

        foreach (var path in new[] { "/gestion/courriels", $"/gestion/courriels/{_messages[0]}", "/gestion/courriels/modeles", "/gestion/courriels/modeles/offer" })
        {
            var response = await client.GetAsync(path);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.StartsWith("/acces-refuse", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        }
        Assert.DoesNotContain("href=\"/gestion/courriels\"", await Forms.ReadAsync(client, "/"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_anonymous_visitor_is_sent_to_the_sign_in_page()
    {
        var response = await app.Client(followRedirects: false).GetAsync($"/gestion/courriels/{_messages[0]}");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/connexion?ReturnUrl=", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_menu_leads_staff_to_the_journal_and_a_cohorts_pages_to_its_own()
    {
        var manager = await ManagerAsync();

        var menu = await Forms.ReadAsync(manager, "/gestion/courriels");
        Assert.Contains("<a class=\"fr-nav__link\" href=\"/gestion/courriels\" aria-current=\"page\">Courriels</a>", menu, StringComparison.Ordinal);
        Assert.Contains("<a class=\"fr-nav__link\" href=\"/gestion\">Gestion</a>", menu, StringComparison.Ordinal);
        var cohortPage = await Forms.ReadAsync(manager, $"/gestion/promotions/{_scenario.CohortId}/candidatures");
        Assert.Contains($"href=\"/gestion/courriels?cohorte={_scenario.CohortId}\"", cohortPage, StringComparison.Ordinal);
        Assert.Contains($"href=\"/gestion/courriels?cohorte={_scenario.CohortId}\"", await Forms.ReadAsync(manager, "/gestion"), StringComparison.Ordinal);
    }

    [GeneratedRegex("<a href=\"/gestion/courriels/([0-9a-f-]{36})\">")]
    private static partial Regex Row();
}

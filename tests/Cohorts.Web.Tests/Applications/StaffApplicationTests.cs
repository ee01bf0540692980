using System.Net;
using System.Text.RegularExpressions;
using Cohorts.Domain.Applications;
using Cohorts.Web.Identity;
using Cohorts.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Cohorts.Web.Tests.Applications;

[Collection(AppFixtureGroup.Name)]
public sealed partial class StaffApplicationTests(CohortsApp app) : IAsyncLifetime
{
    private readonly ApplicationScenario _scenario = new(app);

    public async Task InitializeAsync()
    {
        await app.ResetAsync();
        await _scenario.SeedAsync(requiresEndorsement: false, hasInterview: true);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private Task<Application> LoadAsync(Guid id) =>
        app.WithDbAsync(db => db.Applications.AsNoTracking().Include(a => a.History).SingleAsync(a => a.Id == id));

    private static Dictionary<string, string> Action(string page, ApplicationTrigger trigger, string reason = "") => new()
    {
        ["Trigger"] = trigger.ToString(),
        ["Reason"] = reason,
        ["Version"] = VersionField().Match(page).Groups[1].Value,
    };

    [Fact]
    public async Task Staff_list_a_cohorts_applications_filtered_by_state_ministry_administration_and_category()
    {
        var submitted = await _scenario.SubmitAsync(await _scenario.SignedInAsync("a@numerique.gouv.fr"), firstName: "Alice", lastName: "Soumise");
        // A draft is prefilled with the account's name.
        await _scenario.StartAsync(await _scenario.SignedInAsync("b@numerique.gouv.fr", firstName: "Bruno", lastName: "Brouillon"));
        var staff = await _scenario.SignedInAsync("responsable@cohorts.test", Roles.ProgramManager, "Paul", "Responsable");
        var list = $"/gestion/promotions/{_scenario.CohortId}/candidatures";
        var (spm, dinum) = await app.WithDbAsync(async db =>
        {
            var administration = await db.Administrations.SingleAsync(a => a.Name == "Direction interministérielle du numérique");
            return (administration.MinistryId, administration.Id);
        });
        var mef = await app.WithDbAsync(db => db.Ministries.Where(m => m.Acronym == "MEF").Select(m => m.Id).SingleAsync());

        var all = await Forms.ReadAsync(staff, list);
        Assert.Contains("Alice Soumise", all, StringComparison.Ordinal);
        Assert.DoesNotContain("Bruno Brouillon", all, StringComparison.Ordinal);
        var onlySubmitted = await Forms.ReadAsync(staff, $"{list}?State=Submitted");
        Assert.Contains("Alice Soumise", onlySubmitted, StringComparison.Ordinal);
        Assert.DoesNotContain("Bruno Brouillon", onlySubmitted, StringComparison.Ordinal);
        Assert.Contains("Alice Soumise", await Forms.ReadAsync(staff, $"{list}?Ministry={spm}&Category=A"), StringComparison.Ordinal);
        Assert.Contains("Alice Soumise", await Forms.ReadAsync(staff, $"{list}?Administration={dinum}"), StringComparison.Ordinal);
        Assert.DoesNotContain("Alice Soumise", await Forms.ReadAsync(staff, $"{list}?Ministry={mef}"), StringComparison.Ordinal);
        Assert.DoesNotContain("Alice Soumise", await Forms.ReadAsync(staff, $"{list}?Category=C"), StringComparison.Ordinal);

        var detail = await Forms.ReadAsync(staff, $"/gestion/candidatures/{submitted}");
        Assert.Contains("Direction interministérielle du numérique — Services du Premier ministre", detail, StringComparison.Ordinal);
        Assert.Contains("cv.pdf", detail, StringComparison.Ordinal);
        // Only the moves that this program allows at this stage are offered.
        Assert.Contains("value=\"StartReview\"", detail, StringComparison.Ordinal);
        Assert.Contains("value=\"MarkIneligible\"", detail, StringComparison.Ordinal);
        Assert.DoesNotContain("value=\"RequestEndorsement\"", detail, StringComparison.Ordinal);
        Assert.DoesNotContain("value=\"InviteToInterview\"", detail, StringComparison.Ordinal);
        var cv = (await LoadAsync(submitted)).CvDocumentId;
        Assert.Equal(HttpStatusCode.OK, (await staff.GetAsync($"/documents/{cv}")).StatusCode);
    }

    [Fact]
    public async Task Staff_never_see_a_draft_nor_its_CV_and_a_withdrawn_draft_counts_nowhere()
    {
        await _scenario.SubmitAsync(await _scenario.SignedInAsync("a@numerique.gouv.fr"), firstName: "Alice", lastName: "Soumise");
        var drafter = await _scenario.SignedInAsync("b@numerique.gouv.fr", firstName: "Bruno", lastName: "Brouillon");
        var draft = await _scenario.StartAsync(drafter);
        var form = ApplicationScenario.CompleteForm();
        form["Input.Motivation"] = "Motivation encore secrète";
        await ApplicationScenario.PostFormAsync(drafter, draft, "Save", form, ("Input.Cv", "cv-brouillon.pdf", ApplicationScenario.Pdf));
        var cv = (await LoadAsync(draft)).CvDocumentId!.Value;
        var staff = await _scenario.SignedInAsync("responsable@cohorts.test", Roles.ProgramManager, "Paul", "Responsable");

        Assert.Equal(HttpStatusCode.NotFound, (await staff.GetAsync($"/gestion/candidatures/{draft}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await staff.GetAsync($"/documents/{cv}")).StatusCode);
        Assert.DoesNotContain("Motivation encore secrète", await Forms.ReadAsync(staff, $"/gestion/promotions/{_scenario.CohortId}/candidatures"), StringComparison.Ordinal);
        Assert.Contains("<td>1</td>\n                <td>1</td>", await Forms.ReadAsync(staff, "/gestion"), StringComparison.Ordinal);

        await Forms.PostAsync(drafter, $"/candidatures/{draft}/retirer", new Dictionary<string, string>());

        Assert.Equal(ApplicationState.Withdrawn, (await LoadAsync(draft)).State);
        Assert.Contains("<td>1</td>\n                <td>0</td>", await Forms.ReadAsync(staff, "/gestion"), StringComparison.Ordinal);
        Assert.DoesNotContain("Bruno Brouillon", await Forms.ReadAsync(staff, $"/gestion/promotions/{_scenario.CohortId}/candidatures?State=Withdrawn"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_staff_page_of_an_application_writes_d_apostrophe_before_a_vowel()
    {
        var id = await _scenario.SubmitAsync(await _scenario.SignedInAsync("ines@numerique.gouv.fr"), firstName: "Inès", lastName: "Martin");
        var staff = await _scenario.SignedInAsync("responsable@cohorts.test", Roles.ProgramManager, "Paul", "Responsable");

        var page = await Forms.ReadAsync(staff, $"/gestion/candidatures/{id}");

        Assert.Contains("<h1>Candidature d'Inès Martin</h1>", page, StringComparison.Ordinal);
        Assert.Contains("<title>Candidature d'Inès Martin — Cohorts</title>", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Names_are_listed_in_French_alphabetical_order_accents_included()
    {
        await app.WithDbAsync(async db =>
        {
            var ministry = await db.Ministries.SingleAsync(m => m.Acronym == "SPM");
            db.Administrations.Add(new Cohorts.Domain.Organisations.Administration("Délégation au numérique", ministry));
            db.Ministries.Add(new Cohorts.Domain.Organisations.Ministry("Ministère de l'Intérieur", "MI"));
            return await db.SaveChangesAsync();
        });
        foreach (var (email, last) in new[] { ("e@numerique.gouv.fr", "Écuyer"), ("i@numerique.gouv.fr", "Izard"), ("d@numerique.gouv.fr", "Durand") })
            await _scenario.SubmitAsync(await _scenario.SignedInAsync(email), lastName: last);
        var staff = await _scenario.SignedInAsync("responsable@cohorts.test", Roles.ProgramManager, "Paul", "Responsable");

        var list = await Forms.ReadAsync(staff, $"/gestion/promotions/{_scenario.CohortId}/candidatures");
        var another = await _scenario.SignedInAsync("x@numerique.gouv.fr");
        var form = await Forms.ReadAsync(another, $"/candidatures/{await _scenario.StartAsync(another)}/formulaire");

        Assert.True(list.IndexOf("Durand", StringComparison.Ordinal) < list.IndexOf("Écuyer", StringComparison.Ordinal)
                    && list.IndexOf("Écuyer", StringComparison.Ordinal) < list.IndexOf("Izard", StringComparison.Ordinal), "Durand, Écuyer, Izard");
        Assert.True(list.IndexOf("Ministère de l'Économie", StringComparison.Ordinal) < list.IndexOf("Ministère de l'Intérieur", StringComparison.Ordinal),
            "Économie before Intérieur");
        Assert.True(form.IndexOf("Délégation au numérique", StringComparison.Ordinal) < form.IndexOf("Direction générale", StringComparison.Ordinal),
            "Délégation before Direction");
    }

    [Fact]
    public async Task A_staff_reason_over_2000_characters_is_refused_with_a_French_message_and_changes_nothing()
    {
        var id = await _scenario.SubmitAsync(await _scenario.SignedInAsync("a@numerique.gouv.fr"));
        var staff = await _scenario.SignedInAsync("responsable@cohorts.test", Roles.ProgramManager, "Paul", "Responsable");
        var url = $"/gestion/candidatures/{id}";
        var page = await Forms.ReadAsync(staff, url);

        var response = await Forms.PostAsync(staff, url, Action(page, ApplicationTrigger.MarkIneligible, new string('m', 2001)));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Le motif ne doit pas dépasser 2000 caractères.", await ApplicationScenario.ReadAsync(response), StringComparison.Ordinal);
        Assert.Equal(ApplicationState.Submitted, (await LoadAsync(id)).State);
    }

    [Fact]
    public async Task Marking_ineligible_needs_a_reason_then_records_it_and_tells_the_candidate()
    {
        var id = await _scenario.SubmitAsync(await _scenario.SignedInAsync("a@numerique.gouv.fr"));
        var staff = await _scenario.SignedInAsync("responsable@cohorts.test", Roles.ProgramManager, "Paul", "Responsable");
        var url = $"/gestion/candidatures/{id}";

        var page = await Forms.ReadAsync(staff, url);
        var refused = await Forms.PostAndReadAsync(staff, url, Action(page, ApplicationTrigger.MarkIneligible));
        Assert.Contains("Indiquez le motif.", refused, StringComparison.Ordinal);
        Assert.Equal(ApplicationState.Submitted, (await LoadAsync(id)).State);

        var done = await Forms.PostAndReadAsync(staff, url, Action(page, ApplicationTrigger.MarkIneligible, "Catégorie non éligible à ce programme"));
        Assert.Contains("Action enregistrée : Déclarer non recevable.", done, StringComparison.Ordinal);
        var application = await LoadAsync(id);
        Assert.Equal(ApplicationState.Ineligible, application.State);
        Assert.Equal("Catégorie non éligible à ce programme", application.History.OrderBy(h => h.Id).Last().Reason);
        var email = await app.Mailbox.WaitForAsync("a@numerique.gouv.fr", "Non recevable");
        Assert.Contains("Motif : Catégorie non éligible à ce programme", email.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_administrator_moves_an_application_and_the_history_records_them_as_administrator()
    {
        var id = await _scenario.SubmitAsync(await _scenario.SignedInAsync("a@numerique.gouv.fr"));
        var marie = await _scenario.SignedInAsync("marie@cohorts.test", Roles.Admin, "Marie", "Seconde");
        var url = $"/gestion/candidatures/{id}";

        var page = await Forms.PostAndReadAsync(marie, url, Action(await Forms.ReadAsync(marie, url), ApplicationTrigger.StartReview));

        Assert.Contains("Action enregistrée : Passer à l'examen.", page, StringComparison.Ordinal);
        Assert.Contains("par Marie Seconde (administrateur)", page, StringComparison.Ordinal);
        Assert.Equal(Domain.Workflow.Actor.Admin, (await LoadAsync(id)).History.OrderBy(h => h.Id).Last().ActorKind);
    }

    [Fact]
    public async Task Two_staff_members_acting_at_once_one_wins_the_other_is_told_and_nothing_is_lost()
    {
        var id = await _scenario.SubmitAsync(await _scenario.SignedInAsync("a@numerique.gouv.fr"));
        var paul = await _scenario.SignedInAsync("paul@cohorts.test", Roles.ProgramManager, "Paul", "Premier");
        var marie = await _scenario.SignedInAsync("marie@cohorts.test", Roles.Admin, "Marie", "Seconde");
        var url = $"/gestion/candidatures/{id}";
        var seenByPaul = await Forms.ReadAsync(paul, url);
        var seenByMarie = await Forms.ReadAsync(marie, url);

        var first = await Forms.PostAndReadAsync(paul, url, Action(seenByPaul, ApplicationTrigger.StartReview));
        var second = await Forms.PostAndReadAsync(marie, url, Action(seenByMarie, ApplicationTrigger.MarkIneligible, "Dossier incomplet"));

        Assert.Contains("Action enregistrée : Passer à l'examen.", first, StringComparison.Ordinal);
        Assert.Contains("Cette candidature vient d'être modifiée par quelqu'un d'autre", second, StringComparison.Ordinal);
        Assert.Contains("En cours d'examen", second, StringComparison.Ordinal);
        var application = await LoadAsync(id);
        Assert.Equal(ApplicationState.UnderReview, application.State);
        Assert.Equal("Paul Premier", application.History.OrderBy(h => h.Id).Last().ActorName);
        Assert.DoesNotContain(application.History, h => h.Trigger == ApplicationTrigger.MarkIneligible);

        // With the fresh version the page now carries, Marie's move goes through.
        var retried = await Forms.PostAndReadAsync(marie, url, Action(second, ApplicationTrigger.MarkIneligible, "Dossier incomplet"));
        Assert.Contains("Action enregistrée : Déclarer non recevable.", retried, StringComparison.Ordinal);
        Assert.Equal(ApplicationState.Ineligible, (await LoadAsync(id)).State);
    }

    [Fact]
    public async Task Staff_send_the_line_manager_a_new_link_when_the_first_expired_and_the_old_one_stops_working()
    {
        await app.ResetAsync();
        await _scenario.SeedAsync(requiresEndorsement: true);
        var id = await _scenario.SubmitAsync(await _scenario.SignedInAsync("a@numerique.gouv.fr"));
        var first = Mailbox.LinkIn(await app.Mailbox.WaitForAsync("jean.chef@numerique.gouv.fr"), app.BaseUrl);
        app.Clock.Advance(TimeSpan.FromDays(15));
        Assert.Contains("Ce lien a expiré", await Forms.ReadAsync(app.Client(), first), StringComparison.Ordinal);
        app.Mailbox.Clear();

        var staff = await _scenario.SignedInAsync("responsable@cohorts.test", Roles.ProgramManager, "Paul", "Responsable");
        var url = $"/gestion/candidatures/{id}";
        var done = await Forms.PostAndReadAsync(staff, url, Action(await Forms.ReadAsync(staff, url), ApplicationTrigger.RequestEndorsement));
        Assert.Contains("Action enregistrée : Demander l'avis hiérarchique.", done, StringComparison.Ordinal);

        var second = Mailbox.LinkIn(await app.Mailbox.WaitForAsync("jean.chef@numerique.gouv.fr"), app.BaseUrl);
        Assert.NotEqual(first, second);
        var manager = app.Client();
        await Forms.PostAsync(manager, second, new Dictionary<string, string> { ["Decision"] = "favourable" });
        var application = await LoadAsync(id);
        Assert.Equal(ApplicationState.Endorsed, application.State);
        Assert.Equal(2, application.History.Count(h => h.Trigger == ApplicationTrigger.RequestEndorsement));
        Assert.Equal("Paul Responsable", application.History.Where(h => h.Trigger == ApplicationTrigger.RequestEndorsement).OrderBy(h => h.Id).Last().ActorName);
    }

    [Fact]
    public async Task A_move_the_page_does_not_offer_is_refused_even_when_posted()
    {
        var id = await _scenario.SubmitAsync(await _scenario.SignedInAsync("a@numerique.gouv.fr"));
        var staff = await _scenario.SignedInAsync("responsable@cohorts.test", Roles.ProgramManager);
        var url = $"/gestion/candidatures/{id}";
        var page = await Forms.ReadAsync(staff, url);

        var admit = await Forms.PostAndReadAsync(staff, url, Action(page, ApplicationTrigger.Admit));
        var interviewTooEarly = await Forms.PostAndReadAsync(staff, url, Action(page, ApplicationTrigger.InviteToInterview));

        var bogus = Action(page, ApplicationTrigger.StartReview);
        bogus["Trigger"] = "Bogus";
        var unknown = await Forms.PostAndReadAsync(staff, url, bogus);

        Assert.Contains("Cette action n'est pas proposée ici.", admit, StringComparison.Ordinal);
        Assert.Contains("Cette action n'est pas proposée ici.", unknown, StringComparison.Ordinal);
        // The invitation to an interview is the interview page's, with its date, place and panel.
        Assert.Contains("Cette action n'est pas proposée ici.", interviewTooEarly, StringComparison.Ordinal);
        Assert.Equal(ApplicationState.Submitted, (await LoadAsync(id)).State);
    }

    [Theory]
    [InlineData(Roles.Candidate)]
    [InlineData(Roles.Reviewer)]
    [InlineData(Roles.Coach)]
    public async Task Only_program_managers_and_admins_reach_the_staff_pages(string role)
    {
        var id = await _scenario.SubmitAsync(await _scenario.SignedInAsync("a@numerique.gouv.fr"));
        var other = await _scenario.SignedInAsync($"{role.ToLowerInvariant()}@cohorts.test", role);

        foreach (var path in new[] { "/gestion", $"/gestion/promotions/{_scenario.CohortId}/candidatures", $"/gestion/candidatures/{id}", "/gestion/cycle-de-vie" })
        {
            var response = await other.GetAsync(path);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.StartsWith("/acces-refuse", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        }
        if (role != Roles.Candidate)
            Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/documents/{(await LoadAsync(id)).CvDocumentId}")).StatusCode);
    }

    [GeneratedRegex("name=\"Version\" value=\"(\\d+)\"")]
    private static partial Regex VersionField();
}

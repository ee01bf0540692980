using System.Net;
using Cohorts.Domain.Applications;
using Cohorts.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using static Cohorts.Web.Tests.Support.ApplicationScenario;

namespace Cohorts.Web.Tests.Applications;

[Collection(AppFixtureGroup.Name)]
public sealed class ApplicationJourneyTests(CohortsApp app) : IAsyncLifetime
{
    private readonly ApplicationScenario _scenario = new(app);

    public async Task InitializeAsync()
    {
        await app.ResetAsync();
        await _scenario.SeedAsync();
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private Task<Application> LoadAsync(Guid id) =>
        app.WithDbAsync(db => db.Applications.AsNoTracking().Include(a => a.History).SingleAsync(a => a.Id == id));

    [Fact]
    public async Task A_candidate_applies_submits_and_the_line_manager_endorses_through_the_emailed_link()
    {
        var candidate = await _scenario.SignedInAsync("camille@numerique.gouv.fr");
        var id = await _scenario.SubmitAsync(candidate);

        var confirmation = await app.Mailbox.WaitForAsync("camille@numerique.gouv.fr", "Candidature reçue");
        Assert.Contains("Jean Chef vient de recevoir un courriel", confirmation.TextBody, StringComparison.Ordinal);
        var request = await app.Mailbox.WaitForAsync("jean.chef@numerique.gouv.fr", "Avis hiérarchique demandé");
        var link = Mailbox.LinkIn(request, app.BaseUrl);
        Assert.Equal(ApplicationState.AwaitingEndorsement, (await LoadAsync(id)).State);

        var manager = app.Client();
        var summary = await Forms.ReadAsync(manager, link);
        Assert.Contains("Camille Durand candidate au programme", summary, StringComparison.Ordinal);
        Assert.Contains("Je veux apprendre le mode produit.", summary, StringComparison.Ordinal);
        var thanks = await Forms.PostAndReadAsync(manager, link, new Dictionary<string, string> { ["Decision"] = "favourable", ["Comment"] = "Agent très impliqué" });
        Assert.Contains("votre avis favorable est enregistré", thanks, StringComparison.Ordinal);

        var outcome = await app.Mailbox.WaitForAsync("camille@numerique.gouv.fr", "Avis hiérarchique favorable");
        Assert.Contains("Agent très impliqué", outcome.TextBody, StringComparison.Ordinal);
        var application = await LoadAsync(id);
        Assert.Equal(ApplicationState.Endorsed, application.State);
        Assert.Equal([null, ApplicationTrigger.Submit, ApplicationTrigger.RequestEndorsement, ApplicationTrigger.Endorse],
            application.History.OrderBy(h => h.Id).Select(h => h.Trigger));
        Assert.Equal("Jean Chef", application.History.OrderBy(h => h.Id).Last().ActorName);

        var status = await Forms.ReadAsync(candidate, $"/candidatures/{id}");
        Assert.Contains("Avis hiérarchique favorable", status, StringComparison.Ordinal);
        Assert.Contains("Émettre un avis favorable", status, StringComparison.Ordinal);
        Assert.Contains("« Agent très impliqué »", status, StringComparison.Ordinal);
        var list = await Forms.ReadAsync(candidate, "/candidatures");
        Assert.Contains("Booster Agile", list, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unfavourable_endorsement_needs_a_comment_and_ends_the_application()
    {
        var candidate = await _scenario.SignedInAsync("camille@numerique.gouv.fr");
        var id = await _scenario.SubmitAsync(candidate);
        var link = Mailbox.LinkIn(await app.Mailbox.WaitForAsync("jean.chef@numerique.gouv.fr"), app.BaseUrl);
        var manager = app.Client();

        var withoutComment = await Forms.PostAndReadAsync(manager, link, new Dictionary<string, string> { ["Decision"] = "unfavourable" });
        Assert.Contains("Expliquez votre avis défavorable", withoutComment, StringComparison.Ordinal);
        Assert.Equal(ApplicationState.AwaitingEndorsement, (await LoadAsync(id)).State);

        await Forms.PostAsync(manager, link, new Dictionary<string, string> { ["Decision"] = "unfavourable", ["Comment"] = "Période de forte charge" });
        Assert.Equal(ApplicationState.EndorsementRefused, (await LoadAsync(id)).State);
        await app.Mailbox.WaitForAsync("camille@numerique.gouv.fr", "Avis hiérarchique défavorable");
    }

    [Fact]
    public async Task Without_an_endorsement_stage_a_submission_waits_for_review_and_no_manager_is_emailed()
    {
        await app.ResetAsync();
        await _scenario.SeedAsync(requiresEndorsement: false);
        var candidate = await _scenario.SignedInAsync("camille@numerique.gouv.fr");

        var id = await _scenario.SubmitAsync(candidate);

        Assert.Equal(ApplicationState.Submitted, (await LoadAsync(id)).State);
        await app.Mailbox.WaitForAsync("camille@numerique.gouv.fr", "Candidature reçue");
        Assert.DoesNotContain(app.Mailbox.Received, m => m.To.ToString().Contains("jean.chef", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_visitor_who_wants_to_apply_is_asked_to_sign_in_and_comes_back_to_the_cohort()
    {
        var visitor = app.Client(followRedirects: false);
        var page = await Forms.ReadAsync(visitor, $"/promotions/{_scenario.CohortId}");
        Assert.Contains("Comment se passe la sélection", page, StringComparison.Ordinal);
        Assert.Contains("Votre responsable hiérarchique reçoit un courriel", page, StringComparison.Ordinal);

        var response = await Forms.PostAsync(visitor, $"/promotions/{_scenario.CohortId}?handler=Apply", new Dictionary<string, string>(), tokenFrom: $"/promotions/{_scenario.CohortId}");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal($"/connexion?ReturnUrl=%2Fpromotions%2F{_scenario.CohortId}", response.Headers.Location!.OriginalString);
        Assert.Equal(0, await app.WithDbAsync(db => db.Applications.CountAsync()));
    }

    [Fact]
    public async Task A_saved_draft_keeps_what_was_typed_and_stays_editable()
    {
        var candidate = await _scenario.SignedInAsync("camille@numerique.gouv.fr");
        var id = await _scenario.StartAsync(candidate);

        var response = await PostFormAsync(candidate, id, "Save", new Dictionary<string, string>
        {
            ["Input.FirstName"] = "Camille", ["Input.LastName"] = "Durand", ["Input.Position"] = "Cheffe de projet",
            ["Input.Motivation"] = "Premier jet", ["Input.Administration"] = AdministrationLabel,
        });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);

        var form = await Forms.ReadAsync(candidate, $"/candidatures/{id}/formulaire");
        Assert.Contains("Brouillon enregistré", form, StringComparison.Ordinal);
        Assert.Contains("value=\"Cheffe de projet\"", form, StringComparison.Ordinal);
        Assert.Contains($"value=\"{AdministrationLabel}\"", form, StringComparison.Ordinal);
        Assert.Contains(">Premier jet</textarea>", form, StringComparison.Ordinal);
        var application = await LoadAsync(id);
        Assert.Equal(ApplicationState.Draft, application.State);
        Assert.NotNull(application.AdministrationId);
    }

    [Fact]
    public async Task Submitting_with_a_missing_field_says_which_keeps_the_rest_and_stays_a_draft()
    {
        var candidate = await _scenario.SignedInAsync("camille@numerique.gouv.fr");
        var id = await _scenario.StartAsync(candidate);
        var form = CompleteForm();
        form.Remove("Input.Grade");

        var page = await ReadAsync(await PostFormAsync(candidate, id, "Submit", form, ("Input.Cv", "cv.pdf", Pdf)));

        Assert.Contains("Indiquez votre grade.", page, StringComparison.Ordinal);
        Assert.Contains("Votre brouillon est enregistré", page, StringComparison.Ordinal);
        var application = await LoadAsync(id);
        Assert.Equal(ApplicationState.Draft, application.State);
        Assert.Equal("Cheffe de projet", application.Position);
        Assert.NotNull(application.CvDocumentId);
        Assert.Empty(app.Mailbox.Received);
    }

    [Fact]
    public async Task A_motivation_over_the_limit_is_refused_and_comes_back_as_typed()
    {
        var candidate = await _scenario.SignedInAsync("camille@numerique.gouv.fr");
        var id = await _scenario.StartAsync(candidate);
        var form = CompleteForm();
        form["Input.Motivation"] = string.Concat(Enumerable.Repeat("Très motivée ! ", 250));

        var page = await ReadAsync(await PostFormAsync(candidate, id, "Save", form));

        Assert.Contains("La motivation ne doit pas dépasser 3000 caractères (actuellement 3750).", page, StringComparison.Ordinal);
        Assert.Contains(form["Input.Motivation"], page, StringComparison.Ordinal);
        Assert.Equal("", (await LoadAsync(id)).Motivation);
    }

    [Theory]
    [InlineData("cv.pdf", false)]
    [InlineData("cv.PDF", true)]
    public async Task A_file_that_is_not_a_PDF_is_refused_whatever_its_name(string fileName, bool actuallyPdf)
    {
        var candidate = await _scenario.SignedInAsync("camille@numerique.gouv.fr");
        var id = await _scenario.StartAsync(candidate);
        var content = actuallyPdf ? Pdf : "PK\u0003\u0004 this is a zip renamed .pdf"u8.ToArray();

        var response = await PostFormAsync(candidate, id, "Save", CompleteForm(), ("Input.Cv", fileName, content));

        var stored = await app.WithDbAsync(db => db.Documents.CountAsync());
        if (actuallyPdf)
        {
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.Equal(1, stored);
            var document = await app.WithDbAsync(db => db.Documents.SingleAsync());
            Assert.Equal(Pdf.Length, document.Size);
            Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Pdf)), document.Sha256);
        }
        else
        {
            Assert.Contains("Ce fichier n'est pas un PDF", await ReadAsync(response), StringComparison.Ordinal);
            Assert.Equal(0, stored);
            Assert.Null((await LoadAsync(id)).CvDocumentId);
        }
    }

    [Fact]
    public async Task A_replaced_CV_is_deleted()
    {
        var candidate = await _scenario.SignedInAsync("camille@numerique.gouv.fr");
        var id = await _scenario.StartAsync(candidate);
        await PostFormAsync(candidate, id, "Save", CompleteForm(), ("Input.Cv", "ancien.pdf", Pdf));
        var newer = Pdf.Concat("% version 2\n"u8.ToArray()).ToArray();

        await PostFormAsync(candidate, id, "Save", CompleteForm(), ("Input.Cv", "nouveau.pdf", newer));

        var document = await app.WithDbAsync(db => db.Documents.SingleAsync());
        Assert.Equal("nouveau.pdf", document.FileName);
        Assert.Equal(document.Id, (await LoadAsync(id)).CvDocumentId);
    }

    [Fact]
    public async Task An_upload_over_5_MB_is_refused_and_the_typed_fields_are_kept()
    {
        var candidate = await _scenario.SignedInAsync("camille@numerique.gouv.fr");
        var id = await _scenario.StartAsync(candidate);
        var big = new byte[5 * 1024 * 1024 + 1];
        Pdf.CopyTo(big, 0);

        var response = await PostFormAsync(candidate, id, "Save", CompleteForm(), ("Input.Cv", "gros.pdf", big));

        var page = await ReadAsync(response);
        Assert.Contains("Le fichier pèse 5\u202F121 Ko, au-delà de la limite de 5 Mo (5\u202F120 Ko)", page, StringComparison.Ordinal);
        Assert.Contains("value=\"Attachée principale\"", page, StringComparison.Ordinal);
        Assert.Equal(0, await app.WithDbAsync(db => db.Documents.CountAsync()));
    }

    [Fact]
    public async Task Submitting_after_the_deadline_is_refused_with_a_clear_message()
    {
        var candidate = await _scenario.SignedInAsync("camille@numerique.gouv.fr");
        var id = await _scenario.StartAsync(candidate);
        app.Clock.SetUtcNow(_scenario.Deadline);
        await SignInAgainAsync(candidate, "camille@numerique.gouv.fr");

        var page = await ReadAsync(await PostFormAsync(candidate, id, "Submit", CompleteForm(), ("Input.Cv", "cv.pdf", Pdf)));

        Assert.Contains("La date limite de dépôt des candidatures est dépassée", page, StringComparison.Ordinal);
        var application = await LoadAsync(id);
        Assert.Equal(ApplicationState.Draft, application.State);
        Assert.Equal("", application.Grade);
        Assert.Null(application.CvDocumentId);
        Assert.Empty(app.Mailbox.Received);
        Assert.Contains("La date limite est passée", await Forms.ReadAsync(candidate, $"/candidatures/{id}/formulaire"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_second_application_to_the_same_cohort_leads_to_the_first()
    {
        var candidate = await _scenario.SignedInAsync("camille@numerique.gouv.fr");
        var first = await _scenario.StartAsync(candidate);

        var again = await Forms.PostAsync(candidate, $"/promotions/{_scenario.CohortId}?handler=Apply", new Dictionary<string, string>(), tokenFrom: $"/promotions/{_scenario.CohortId}");

        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        Assert.Equal($"/candidatures/{first}", again.Headers.Location!.OriginalString);
        Assert.Contains("Vous avez déjà une candidature pour cette promotion", await Forms.ReadAsync(candidate, $"/candidatures/{first}"), StringComparison.Ordinal);
        Assert.Equal(1, await app.WithDbAsync(db => db.Applications.CountAsync()));
    }

    [Fact]
    public async Task Endorsement_links_that_are_tampered_expired_or_reused_are_refused_without_change()
    {
        var candidate = await _scenario.SignedInAsync("camille@numerique.gouv.fr");
        var id = await _scenario.SubmitAsync(candidate);
        var link = Mailbox.LinkIn(await app.Mailbox.WaitForAsync("jean.chef@numerique.gouv.fr"), app.BaseUrl);
        var manager = app.Client();
        var favourable = new Dictionary<string, string> { ["Decision"] = "favourable" };

        var tampered = link[..^4] + (link[^4..] == "AAAA" ? "BBBB" : "AAAA");
        Assert.Contains("Ce lien n'est pas valide", await Forms.ReadAsync(manager, tampered), StringComparison.Ordinal);
        var forged = await manager.PostAsync(tampered, new FormUrlEncodedContent(favourable));
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Equal(ApplicationState.AwaitingEndorsement, (await LoadAsync(id)).State);

        app.Clock.Advance(TimeSpan.FromDays(15));
        Assert.Contains("Ce lien a expiré", await Forms.ReadAsync(manager, link), StringComparison.Ordinal);
        // A form kept open past the expiry: the post is refused too (any page gives a valid token).
        var expired = await Forms.PostAsync(manager, link, favourable, tokenFrom: "/connexion");
        Assert.Contains("Ce lien a expiré", await ReadAsync(expired), StringComparison.Ordinal);
        Assert.Equal(ApplicationState.AwaitingEndorsement, (await LoadAsync(id)).State);
    }

    [Fact]
    public async Task An_endorsement_link_works_once()
    {
        var candidate = await _scenario.SignedInAsync("camille@numerique.gouv.fr");
        var id = await _scenario.SubmitAsync(candidate);
        var link = Mailbox.LinkIn(await app.Mailbox.WaitForAsync("jean.chef@numerique.gouv.fr"), app.BaseUrl);
        var manager = app.Client();
        var page = await Forms.ReadAsync(manager, link);
        var token = System.Text.RegularExpressions.Regex.Match(page, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;

        await Forms.PostAsync(manager, link, new Dictionary<string, string> { ["Decision"] = "favourable" });
        // The same form posted again (a double click, or the link forwarded): refused, nothing changes.
        var replay = await manager.PostAsync(link, new FormUrlEncodedContent(new Dictionary<string, string>
            { ["__RequestVerificationToken"] = token, ["Decision"] = "unfavourable", ["Comment"] = "Non" }));

        Assert.Contains("Ce lien a déjà été utilisé", await ReadAsync(replay), StringComparison.Ordinal);
        Assert.Contains("Ce lien a déjà été utilisé", await Forms.ReadAsync(manager, link), StringComparison.Ordinal);
        var application = await LoadAsync(id);
        Assert.Equal(ApplicationState.Endorsed, application.State);
        Assert.Equal(4, application.History.Count);
    }

    [Fact]
    public async Task Another_candidates_application_and_CV_do_not_exist_for_you()
    {
        var owner = await _scenario.SignedInAsync("camille@numerique.gouv.fr");
        var id = await _scenario.SubmitAsync(owner);
        var cv = (await LoadAsync(id)).CvDocumentId;
        var other = await _scenario.SignedInAsync("intrus@finances.gouv.fr", firstName: "Ivan", lastName: "Intrus");

        foreach (var path in new[] { $"/candidatures/{id}", $"/candidatures/{id}/formulaire", $"/candidatures/{id}/retirer", $"/documents/{cv}" })
        {
            var response = await other.GetAsync(path);
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            Assert.DoesNotContain("Camille", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
        var withdraw = await Forms.PostAsync(other, $"/candidatures/{id}/retirer", new Dictionary<string, string>(), tokenFrom: "/candidatures");
        Assert.Equal(HttpStatusCode.NotFound, withdraw.StatusCode);
        Assert.Equal(ApplicationState.AwaitingEndorsement, (await LoadAsync(id)).State);

        var download = await owner.GetAsync($"/documents/{cv}");
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("attachment", download.Content.Headers.ContentDisposition!.DispositionType);
        Assert.Equal(Pdf, await download.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task A_post_without_anti_forgery_token_is_refused_and_changes_nothing()
    {
        var candidate = await _scenario.SignedInAsync("camille@numerique.gouv.fr");
        var id = await _scenario.StartAsync(candidate);

        var response = await candidate.PostAsync(FormUrl(id, "Submit"), new FormUrlEncodedContent(CompleteForm()));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var application = await LoadAsync(id);
        Assert.Equal(ApplicationState.Draft, application.State);
        Assert.Equal("", application.Grade);
    }

    [Fact]
    public async Task Text_with_markup_is_stored_as_typed_and_shown_escaped()
    {
        var candidate = await _scenario.SignedInAsync("camille@numerique.gouv.fr");
        var id = await _scenario.StartAsync(candidate);
        var form = CompleteForm();
        form["Input.Position"] = "<script>alert('x')</script>";
        form["Input.Motivation"] = "Je dis \"oui\" à l'agilité — 🚀 élan, cœur & <b>gras</b>";

        await PostFormAsync(candidate, id, "Submit", form, ("Input.Cv", "<img src=x>.pdf", Pdf));

        var application = await LoadAsync(id);
        Assert.Equal("<script>alert('x')</script>", application.Position);
        Assert.Equal(form["Input.Motivation"], application.Motivation);
        var raw = await candidate.GetStringAsync($"/candidatures/{id}");
        Assert.DoesNotContain("<script>alert", raw, StringComparison.Ordinal);
        Assert.DoesNotContain("<b>gras</b>", raw, StringComparison.Ordinal);
        Assert.DoesNotContain("<img src=x>", raw, StringComparison.Ordinal);
        var shown = WebUtility.HtmlDecode(raw);
        Assert.Contains("<script>alert('x')</script>", shown, StringComparison.Ordinal);
        Assert.Contains("🚀 élan, cœur & <b>gras</b>", shown, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_candidate_withdraws_after_confirming_and_can_no_longer_act()
    {
        var candidate = await _scenario.SignedInAsync("camille@numerique.gouv.fr");
        var id = await _scenario.SubmitAsync(candidate);

        var confirmation = await Forms.ReadAsync(candidate, $"/candidatures/{id}/retirer");
        Assert.Contains("Ce retrait est définitif", confirmation, StringComparison.Ordinal);
        Assert.Equal(ApplicationState.AwaitingEndorsement, (await LoadAsync(id)).State);
        await Forms.PostAsync(candidate, $"/candidatures/{id}/retirer", new Dictionary<string, string>());

        Assert.Equal(ApplicationState.Withdrawn, (await LoadAsync(id)).State);
        await app.Mailbox.WaitForAsync("camille@numerique.gouv.fr", "Retirée");
        var again = await ReadAsync(await candidate.GetAsync((await Forms.PostAsync(candidate, $"/candidatures/{id}/retirer",
            new Dictionary<string, string>(), tokenFrom: $"/candidatures/{id}")).Headers.Location));
        Assert.Contains("Cette candidature ne peut plus être retirée : elle est à l'état « Retirée ».", again, StringComparison.Ordinal);
        // The manager's link died with the application.
        var link = Mailbox.LinkIn(await app.Mailbox.WaitForAsync("jean.chef@numerique.gouv.fr"), app.BaseUrl);
        Assert.Contains("Ce lien a déjà été utilisé", await Forms.ReadAsync(app.Client(), link), StringComparison.Ordinal);
    }
}

using System.Net;
using System.Text.RegularExpressions;
using Cohorts.Domain.Applications;
using Cohorts.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using static Cohorts.Web.Tests.Support.ApplicationScenario;

namespace Cohorts.Web.Tests.Applications;

/// <summary>A draft saves whatever is typed: empty fields, wrong formats, odd characters; it says exactly what it could not keep.</summary>
[Collection(AppFixtureGroup.Name)]
public sealed partial class DraftTests(CohortsApp app) : IAsyncLifetime
{
    private readonly ApplicationScenario _scenario = new(app);

    private static readonly string[] TextFields =
    [
        "Input.Civility", "Input.FirstName", "Input.LastName", "Input.ProfessionalEmail", "Input.Administration", "Input.Category",
        "Input.Grade", "Input.Position", "Input.Motivation", "Input.ManagerName", "Input.ManagerEmail",
    ];

    public async Task InitializeAsync()
    {
        await app.ResetAsync();
        await _scenario.SeedAsync();
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private Task<Application> LoadAsync(Guid id) =>
        app.WithDbAsync(db => db.Applications.AsNoTracking().SingleAsync(a => a.Id == id));

    private static Dictionary<string, string> EmptyForm() => TextFields.ToDictionary(f => f, _ => "");

    [Fact]
    public async Task A_draft_with_every_field_empty_saves()
    {
        var candidate = await _scenario.SignedInAsync("camille@numerique.gouv.fr");
        var id = await _scenario.StartAsync(candidate);

        var response = await PostFormAsync(candidate, id, "Save", EmptyForm());

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var application = await LoadAsync(id);
        Assert.Equal(("", "", null), (application.FirstName, application.Motivation, application.Civility));
        Assert.Contains("Brouillon enregistré", await Forms.ReadAsync(candidate, $"/candidatures/{id}/formulaire"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Input.FirstName", "Camillo", "value=\"Camillo\"")]
    [InlineData("Input.Motivation", "Premier jet", ">Premier jet</textarea>")]
    [InlineData("Input.Administration", AdministrationLabel, "value=\"" + AdministrationLabel + "\"")]
    [InlineData("Input.Category", "B", "<option value=\"B\" selected=\"selected\">")]
    [InlineData("Input.Civility", "Monsieur", "value=\"Monsieur\" checked=\"checked\"")]
    public async Task A_draft_with_one_field_typed_and_the_others_empty_saves_that_field(string field, string value, string shown)
    {
        var candidate = await _scenario.SignedInAsync("camille@numerique.gouv.fr");
        var id = await _scenario.StartAsync(candidate);
        var form = EmptyForm();
        form[field] = value;

        var response = await PostFormAsync(candidate, id, "Save", form);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var page = await Forms.ReadAsync(candidate, $"/candidatures/{id}/formulaire");
        Assert.Contains(shown, page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_wrong_email_and_an_unlisted_administration_are_saved_as_typed_and_only_stop_the_submission()
    {
        var candidate = await _scenario.SignedInAsync("camille@numerique.gouv.fr");
        var id = await _scenario.StartAsync(candidate);
        var form = CompleteForm();
        form["Input.ProfessionalEmail"] = "camille.durand-sans-arobase";
        form["Input.Administration"] = "Mairie de Lyon";

        var saved = await PostFormAsync(candidate, id, "Save", form, ("Input.Cv", "cv.pdf", Pdf));

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var reloaded = await Forms.ReadAsync(candidate, $"/candidatures/{id}/formulaire");
        Assert.Contains("value=\"camille.durand-sans-arobase\"", reloaded, StringComparison.Ordinal);
        Assert.Contains("value=\"Mairie de Lyon\"", reloaded, StringComparison.Ordinal);
        Assert.Contains("Le format de l'adresse électronique professionnelle n'est pas valide", reloaded, StringComparison.Ordinal);
        Assert.Contains("Choisissez votre administration dans la liste proposée", reloaded, StringComparison.Ordinal);
        Assert.Contains("Avant de soumettre, corrigez les champs signalés", reloaded, StringComparison.Ordinal);
        Assert.Contains("value=\"Cheffe de projet\"", reloaded, StringComparison.Ordinal);

        var submitted = await ReadAsync(await PostFormAsync(candidate, id, "Submit", form));
        Assert.Contains("ne peut pas encore être soumise", submitted, StringComparison.Ordinal);
        Assert.Equal(ApplicationState.Draft, (await LoadAsync(id)).State);
    }

    [Fact]
    public async Task A_save_from_an_older_tab_does_not_overwrite_a_newer_one_silently_and_a_second_save_keeps_what_it_shows()
    {
        var candidate = await _scenario.SignedInAsync("camille@numerique.gouv.fr");
        var id = await _scenario.StartAsync(candidate);
        var version = VersionField().Match(await candidate.GetStringAsync($"/candidatures/{id}/formulaire")).Groups[1].Value;
        var tabA = CompleteForm();
        tabA["Version"] = version;
        tabA["Input.Grade"] = "Grade de l'onglet A";
        var tabB = CompleteForm();
        tabB["Version"] = version;
        tabB["Input.Position"] = "Poste de l'onglet B";

        Assert.Equal(HttpStatusCode.Redirect, (await PostFormAsync(candidate, id, "Save", tabA)).StatusCode);
        var refused = await ReadAsync(await PostFormAsync(candidate, id, "Save", tabB));

        Assert.Contains("Votre brouillon a été enregistré depuis un autre onglet ou une autre fenêtre", refused, StringComparison.Ordinal);
        Assert.Contains("value=\"Poste de l'onglet B\"", refused, StringComparison.Ordinal);
        Assert.Equal(("Grade de l'onglet A", "Cheffe de projet"), ((await LoadAsync(id)).Grade, (await LoadAsync(id)).Position));
        tabB["Version"] = VersionField().Match(refused).Groups[1].Value;
        Assert.Equal(HttpStatusCode.Redirect, (await PostFormAsync(candidate, id, "Save", tabB)).StatusCode);
        Assert.Equal("Poste de l'onglet B", (await LoadAsync(id)).Position);
    }

    [GeneratedRegex("name=\"Version\" value=\"(\\d+)\"")]
    private static partial Regex VersionField();

    [Fact]
    public async Task A_refused_submission_lists_each_problem_once_in_the_order_of_the_form()
    {
        var candidate = await _scenario.SignedInAsync("camille@numerique.gouv.fr");
        var id = await _scenario.StartAsync(candidate);
        var form = EmptyForm();
        form["Input.ManagerEmail"] = "jean.chef.sans.arobase";

        var page = await ReadAsync(await PostFormAsync(candidate, id, "Submit", form));

        var start = page.IndexOf("id=\"erreurs\"", StringComparison.Ordinal);
        var summary = page[start..page.IndexOf("</ul>", start, StringComparison.Ordinal)];
        Assert.Equal(
            ["Input_Civility", "Input_FirstName", "Input_LastName", "Input_ProfessionalEmail", "Input_Administration", "Input_Category", "Input_Grade",
             "Input_Position", "Input_Motivation", "Input_AvailabilityCommitment", "Input_ManagerName", "Input_ManagerEmail", "Input_Cv"],
            SummaryLink().Matches(summary).Select(m => m.Groups[1].Value));
        Assert.Single(SummaryLink().Matches(summary), m => m.Value.Contains("Le format de l'adresse du responsable hiérarchique n'est pas valide", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_attached_CV_shows_its_size_in_words_people_read()
    {
        var candidate = await _scenario.SignedInAsync("camille@numerique.gouv.fr");
        var id = await _scenario.StartAsync(candidate);

        await PostFormAsync(candidate, id, "Save", CompleteForm(), ("Input.Cv", "cv.pdf", Pdf));

        Assert.Contains($"cv.pdf</a> ({Pdf.Length} octets)", await Forms.ReadAsync(candidate, $"/candidatures/{id}/formulaire"), StringComparison.Ordinal);
    }

    [GeneratedRegex("<li><a href=\"#([A-Za-z_]+)\">[^<]*</a></li>")]
    private static partial Regex SummaryLink();

    [Fact]
    public async Task A_field_over_its_limit_is_not_saved_the_page_says_which_and_the_other_fields_are_saved()
    {
        var candidate = await _scenario.SignedInAsync("camille@numerique.gouv.fr");
        var id = await _scenario.StartAsync(candidate);
        var form = CompleteForm();
        form["Input.LastName"] = new string('x', 101);

        var page = await ReadAsync(await PostFormAsync(candidate, id, "Save", form));

        Assert.Contains("Votre brouillon est enregistré, sauf : Nom.", page, StringComparison.Ordinal);
        Assert.Contains("Le nom ne doit pas dépasser 100 caractères (actuellement 101). Ce champ n'a pas été enregistré.", page, StringComparison.Ordinal);
        Assert.Contains($"value=\"{form["Input.LastName"]}\"", page, StringComparison.Ordinal);
        var application = await LoadAsync(id);
        Assert.Equal(("Durand", "Cheffe de projet", "Je veux apprendre le mode produit."), (application.LastName, application.Position, application.Motivation));
    }

    [Fact]
    public async Task Text_is_normalised_before_it_is_saved_NUL_and_control_characters_removed_accents_composed()
    {
        var candidate = await _scenario.SignedInAsync("camille@numerique.gouv.fr");
        var id = await _scenario.StartAsync(candidate);
        var form = CompleteForm();
        form["Input.FirstName"] = "Cam\0ille\u0007";
        form["Input.LastName"] = "Le\u0301o\u202E";
        form["Input.Motivation"] = "Ligne 1\r\nLigne 2\u200D👩‍💻";

        var response = await PostFormAsync(candidate, id, "Save", form);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var application = await LoadAsync(id);
        Assert.Equal(("Camille", "Léo", "Ligne 1\nLigne 2\u200D👩‍💻"), (application.FirstName, application.LastName, application.Motivation));
    }

    [Theory]
    [InlineData("Input.Civility", "5")]
    [InlineData("Input.Civility", "Madame,Monsieur")]
    [InlineData("Input.Category", "7")]
    [InlineData("Input.Category", "12")]
    [InlineData("Input.Category", "A,B")]
    [InlineData("Input.AvailabilityCommitment", "peut-être")]
    public async Task A_choice_outside_its_list_is_refused_with_a_message_and_nothing_else_is_lost(string field, string value)
    {
        var candidate = await _scenario.SignedInAsync("camille@numerique.gouv.fr");
        var id = await _scenario.StartAsync(candidate);
        var form = CompleteForm();
        form[field] = value;

        var page = await ReadAsync(await PostFormAsync(candidate, id, "Save", form));

        Assert.Contains("La valeur choisie ne fait pas partie de la liste proposée. Ce champ n'a pas été enregistré.", page, StringComparison.Ordinal);
        Assert.DoesNotContain("is not valid", page, StringComparison.Ordinal);
        var application = await LoadAsync(id);
        object? stored = field switch
        {
            "Input.Civility" => application.Civility,
            "Input.Category" => application.Category,
            _ => application.AvailabilityCommitment ? true : null,
        };
        Assert.Null(stored);
        Assert.Equal("Cheffe de projet", application.Position);
    }

    [Theory]
    [InlineData("cv.html", "cv.pdf")]
    [InlineData("cv.svg", "cv.pdf")]
    [InlineData("cv\u202Efdp.exe", "cvfdp.pdf")]
    [InlineData("C:\\Users\\camille\\CV final.PDF", "CV final.pdf")]
    [InlineData("\u200B.pdf", "document.pdf")]
    public async Task A_CV_keeps_a_safe_display_name_that_ends_in_pdf(string uploaded, string stored)
    {
        var candidate = await _scenario.SignedInAsync("camille@numerique.gouv.fr");
        var id = await _scenario.StartAsync(candidate);

        await PostFormAsync(candidate, id, "Save", CompleteForm(), ("Input.Cv", uploaded, Pdf));

        Assert.Equal(stored, await app.WithDbAsync(db => db.Documents.Select(d => d.FileName).SingleAsync()));
    }

    [Fact]
    public async Task A_long_CV_name_is_cut_and_still_ends_in_pdf_and_its_download_is_not_cached()
    {
        var candidate = await _scenario.SignedInAsync("camille@numerique.gouv.fr");
        var id = await _scenario.StartAsync(candidate);

        await PostFormAsync(candidate, id, "Save", CompleteForm(), ("Input.Cv", new string('c', 300) + ".pdf", Pdf));

        var document = await app.WithDbAsync(db => db.Documents.SingleAsync());
        Assert.Equal(new string('c', 196) + ".pdf", document.FileName);
        var download = await candidate.GetAsync($"/documents/{document.Id}");
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.True(download.Headers.CacheControl?.NoStore, "the CV download must say Cache-Control: no-store");
        Assert.True((await candidate.GetAsync($"/candidatures/{id}")).Headers.CacheControl?.NoStore, "personal pages are not cached");
    }

    [Fact]
    public async Task A_draft_status_page_says_it_is_a_draft_not_what_was_sent()
    {
        var candidate = await _scenario.SignedInAsync("camille@numerique.gouv.fr");
        var id = await _scenario.StartAsync(candidate);

        var page = await Forms.ReadAsync(candidate, $"/candidatures/{id}");

        Assert.Contains("<h2>Votre brouillon</h2>", page, StringComparison.Ordinal);
        Assert.DoesNotContain("Ce que vous avez envoyé", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_withdrawal_page_is_offered_only_where_withdrawal_is_possible()
    {
        var candidate = await _scenario.SignedInAsync("camille@numerique.gouv.fr");
        var id = await _scenario.SubmitAsync(candidate);
        await app.WithDbAsync(db => db.Database.ExecuteSqlRawAsync("UPDATE applications SET state = 'Rejected' WHERE id = {0}", id));

        var response = await candidate.GetAsync($"/candidatures/{id}/retirer");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal($"/candidatures/{id}", response.Headers.Location!.OriginalString);
        var status = await Forms.ReadAsync(candidate, $"/candidatures/{id}");
        Assert.Contains("Cette candidature ne peut plus être retirée", status, StringComparison.Ordinal);
        Assert.DoesNotContain("/retirer\"", status, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_candidate_who_withdrew_can_start_again_while_the_call_is_open_and_the_old_application_keeps_its_history()
    {
        var candidate = await _scenario.SignedInAsync("camille@numerique.gouv.fr");
        var first = await _scenario.StartAsync(candidate);
        var warning = await Forms.ReadAsync(candidate, $"/candidatures/{first}/retirer");
        Assert.Contains("Vous pourrez en déposer une nouvelle pour cette promotion", warning, StringComparison.Ordinal);
        await Forms.PostAsync(candidate, $"/candidatures/{first}/retirer", new Dictionary<string, string>());

        var second = await _scenario.StartAsync(candidate);

        Assert.NotEqual(first, second);
        var applications = await app.WithDbAsync(db => db.Applications.Include(a => a.History).ToDictionaryAsync(a => a.Id));
        Assert.Equal((ApplicationState.Withdrawn, ApplicationState.Draft), (applications[first].State, applications[second].State));
        Assert.Equal([null, ApplicationTrigger.Withdraw], applications[first].History.OrderBy(h => h.Id).Select(h => h.Trigger));
        var again = await Forms.PostAsync(candidate, $"/promotions/{_scenario.CohortId}?handler=Apply", new Dictionary<string, string>(), tokenFrom: $"/promotions/{_scenario.CohortId}");
        Assert.Equal($"/candidatures/{second}", again.Headers.Location!.OriginalString);
    }

    /// <summary>The application form's text fields, their limits, and whether the stored value is trimmed.</summary>
    private static readonly (string Field, int Max, bool Trimmed, Func<Application, string> Stored)[] TypedFields =
    [
        ("Input.FirstName", 100, true, a => a.FirstName),
        ("Input.LastName", 100, true, a => a.LastName),
        ("Input.ProfessionalEmail", 254, true, a => a.ProfessionalEmail),
        ("Input.Administration", 300, true, a => a.UnlistedAdministration),
        ("Input.Grade", 200, true, a => a.Grade),
        ("Input.Position", 200, true, a => a.Position),
        ("Input.Motivation", 3000, false, a => a.Motivation),
        ("Input.ManagerName", 200, true, a => a.ManagerName),
        ("Input.ManagerEmail", 254, true, a => a.ManagerEmail),
    ];

    public static TheoryData<string> CorpusNames => new(BadInput.Strings.Select(v => v.Name));

    [Theory]
    [MemberData(nameof(CorpusNames))]
    public async Task Every_corpus_value_typed_in_every_text_field_is_stored_normalised_and_shown_escaped(string name)
    {
        var value = BadInput.Strings.Single(v => v.Name == name);
        var candidate = await _scenario.SignedInAsync("camille@numerique.gouv.fr");
        var id = await _scenario.StartAsync(candidate);
        var form = TypedFields.ToDictionary(f => f.Field, _ => value.Text);

        var answer = await ReadAsync(await PostFormAsync(candidate, id, "Save", form));

        var application = await LoadAsync(id);
        foreach (var (field, max, trimmed, stored) in TypedFields)
        {
            // A field left blank is empty, whatever blanks it held.
            var expected = string.IsNullOrWhiteSpace(value.Stored) ? "" : trimmed ? value.Stored.Trim() : value.Stored;
            if (expected.Length <= max)
            {
                Assert.Equal(expected, stored(application));
            }
            else
            {
                Assert.NotEqual(expected, stored(application));
                Assert.Contains($"ne doit pas dépasser {max} caractères", answer, StringComparison.Ordinal);
            }
        }
        var raw = await candidate.GetStringAsync($"/candidatures/{id}/formulaire");
        foreach (var markup in new[] { "<script>", "<img src=x", "<svg onload" })
            if (value.Text.Contains(markup, StringComparison.Ordinal)) Assert.DoesNotContain(markup, raw, StringComparison.Ordinal);
        var shown = WebUtility.HtmlDecode(raw);
        Assert.Contains(application.Position, shown, StringComparison.Ordinal);
        Assert.Contains(application.Motivation, shown, StringComparison.Ordinal);
    }
}

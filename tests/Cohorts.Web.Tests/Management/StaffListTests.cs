using System.Net;
using System.Text.RegularExpressions;
using Cohorts.Web.Identity;
using Cohorts.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Cohorts.Web.Tests.Management;

/// <summary>The staff lists at scale: 50 a page, sorted by any column, searched by name, everything kept in the URL.</summary>
[Collection(AppFixtureGroup.Name)]
public sealed partial class StaffListTests(CohortsApp app) : IAsyncLifetime
{
    private readonly ApplicationScenario _scenario = new(app);
    private string List => $"/gestion/promotions/{_scenario.CohortId}/candidatures";

    public async Task InitializeAsync()
    {
        await app.ResetAsync();
        await _scenario.SeedAsync(requiresEndorsement: false);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    /// <summary>
    /// Copies of a submitted application under the names "Zoé Nom001" ...: withdrawn, so that the one-in-force rule lets
    /// one candidate hold them all (withdrawn after submission, staff still list them).
    /// </summary>
    private Task<int> CopyAsync(Guid template, int count) => app.WithDbAsync(db => db.Database.ExecuteSqlAsync($"""
        INSERT INTO applications (id, cohort_id, candidate_id, state, civility, first_name, last_name, professional_email,
            administration_id, unlisted_administration, category, grade, position, motivation, availability_commitment,
            manager_name, manager_email, created_at, updated_at, submitted_at)
        SELECT gen_random_uuid(), cohort_id, candidate_id, 'Withdrawn', civility, 'Zoé', 'Nom' || lpad(n::text, 3, '0'), professional_email,
            administration_id, unlisted_administration, category, grade, position, motivation, availability_commitment,
            manager_name, manager_email, created_at, updated_at, submitted_at + n * interval '1 minute'
        FROM applications, generate_series(1, {count}) AS n WHERE id = {template}
        """));

    private static List<string> Names(string page) => [.. RowName().Matches(page).Select(m => m.Groups[1].Value)];

    [Fact]
    public async Task Applications_are_listed_50_a_page_and_every_link_keeps_the_filters_search_and_sort()
    {
        await CopyAsync(await _scenario.SubmitAsync(await _scenario.SignedInAsync("a@numerique.gouv.fr"), firstName: "Alice", lastName: "Soumise"), 119);
        var staff = await _scenario.SignedInAsync("responsable@cohorts.test", Roles.ProgramManager, "Paul", "Responsable");

        var first = await Forms.ReadAsync(staff, List);
        Assert.Equal(50, Names(first).Count);
        Assert.Contains("<caption>120 candidature(s) — page 1 sur 3</caption>", first, StringComparison.Ordinal);
        Assert.Contains("aria-current=\"page\" title=\"Page 1\">1</a>", first, StringComparison.Ordinal);
        Assert.Equal("Zoé Nom001", Names(first)[0]);

        var filtered = await Forms.ReadAsync(staff, $"{List}?State=Withdrawn&Search=zoe&Sort=submitted&Order=desc");
        Assert.Contains("<caption>119 candidature(s) — page 1 sur 3</caption>", filtered, StringComparison.Ordinal);
        Assert.Equal("Zoé Nom119", Names(filtered)[0]);
        Assert.Contains($"href=\"{List}?State=Withdrawn&Search=zoe&Sort=submitted&Order=desc&PageNumber=2\"", filtered, StringComparison.Ordinal);
        Assert.Contains($"href=\"{List}/export.csv?State=Withdrawn&Search=zoe&Sort=submitted&Order=desc\"", filtered, StringComparison.Ordinal);
        // The filter form carries the order, so that a new search keeps it.
        Assert.Contains("<input type=\"hidden\" name=\"Sort\" value=\"submitted\">", filtered, StringComparison.Ordinal);
        Assert.Contains("<input type=\"hidden\" name=\"Order\" value=\"desc\">", filtered, StringComparison.Ordinal);

        var last = await Forms.ReadAsync(staff, $"{List}?State=Withdrawn&Search=zoe&Sort=submitted&Order=desc&PageNumber=3");
        Assert.Equal(19, Names(last).Count);
        Assert.Equal("Zoé Nom001", Names(last)[^1]);
        // Past the end: the last page, not an empty one nor an error.
        Assert.Contains("page 3 sur 3", await Forms.ReadAsync(staff, $"{List}?PageNumber=999999"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_second_click_on_a_column_reverses_it_and_rows_that_tie_keep_one_order_across_pages()
    {
        await CopyAsync(await _scenario.SubmitAsync(await _scenario.SignedInAsync("a@numerique.gouv.fr"), firstName: "Alice", lastName: "Soumise"), 119);
        var staff = await _scenario.SignedInAsync("responsable@cohorts.test", Roles.ProgramManager, "Paul", "Responsable");

        var byName = await Forms.ReadAsync(staff, $"{List}?Sort=name");
        Assert.Contains("aria-sort=\"ascending\"", byName, StringComparison.Ordinal);
        Assert.Contains($"href=\"{List}?Sort=name&Order=desc\"", byName, StringComparison.Ordinal);
        var reversed = await Forms.ReadAsync(staff, $"{List}?Sort=name&Order=desc");
        Assert.Contains("aria-sort=\"descending\"", reversed, StringComparison.Ordinal);
        Assert.Equal("Alice Soumise", Names(reversed)[0]);

        // Every copy has the same administration: only the tie-break orders them, and it must hold page after page.
        foreach (var order in new[] { "", "&Order=desc" })
        {
            var seen = new List<string>();
            for (var page = 1; page <= 3; page++)
                seen.AddRange(Names(await Forms.ReadAsync(staff, $"{List}?Sort=administration{order}&PageNumber={page}")));
            Assert.Equal(120, seen.Distinct().Count());
        }
    }

    [Fact]
    public async Task Search_by_name_ignores_case_accents_and_the_order_of_first_and_last_name_and_reads_wildcards_as_letters()
    {
        await _scenario.SubmitAsync(await _scenario.SignedInAsync("i@numerique.gouv.fr"), firstName: "Inès", lastName: "Écuyer");
        await _scenario.SubmitAsync(await _scenario.SignedInAsync("b@numerique.gouv.fr"), firstName: "Bruno", lastName: "Martin");
        var staff = await _scenario.SignedInAsync("responsable@cohorts.test", Roles.ProgramManager, "Paul", "Responsable");

        foreach (var search in new[] { "ecuyer", "INES", "Écu", "ecuyer ines", "  inès   écuyer ", "Ine\u0301s" })
            Assert.Equal(["Inès Écuyer"], Names(await Forms.ReadAsync(staff, $"{List}?Search={Uri.EscapeDataString(search)}")));
        // An emoji alone is searched for too: it finds nobody, where it used to vanish and leave a search finding everyone.
        foreach (var search in new[] { "%", "_", "Dupont", "\U0001F642", "\U0001F642\U0001F642" })
        {
            var page = await Forms.ReadAsync(staff, $"{List}?Search={Uri.EscapeDataString(search)}");
            Assert.Empty(Names(page));
            Assert.Contains("Aucune candidature soumise ne correspond à ces critères.", page, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Accounts_are_searched_by_name_or_address_filtered_by_role_sorted_and_paged()
    {
        var admin = await _scenario.SignedInAsync("admin@cohorts.test", Roles.Admin, "Ada", "Admin");
        await app.CreateUserAsync("helene.lefevre@culture.gouv.fr", ApplicationScenario.Password, Roles.Coach, firstName: "Hélène", lastName: "Lefèvre");
        await app.CreateUserAsync("jury@cohorts.test", ApplicationScenario.Password, Roles.Reviewer, firstName: "Jules", lastName: "Jury");
        for (var n = 1; n <= 55; n++)
            await app.CreateUserAsync($"candidat{n:000}@numerique.gouv.fr", ApplicationScenario.Password, Roles.Candidate, firstName: "Camille", lastName: $"Candidat{n:000}");

        var first = await Forms.ReadAsync(admin, "/admin/comptes");
        Assert.Contains("<caption>58 compte(s) — page 1 sur 2</caption>", first, StringComparison.Ordinal);
        Assert.Equal(50, Names(first).Count);
        Assert.Equal("Ada Admin", Names(first)[0]);
        Assert.Equal(8, Names(await Forms.ReadAsync(admin, "/admin/comptes?PageNumber=2")).Count);

        Assert.Equal(["Hélène Lefèvre"], Names(await Forms.ReadAsync(admin, "/admin/comptes?Search=lefevre")));
        Assert.Equal(["Hélène Lefèvre"], Names(await Forms.ReadAsync(admin, "/admin/comptes?Search=CULTURE.gouv")));
        Assert.Equal(["Jules Jury"], Names(await Forms.ReadAsync(admin, "/admin/comptes?Role=Reviewer")));
        Assert.Empty(Names(await Forms.ReadAsync(admin, "/admin/comptes?Role=Coach&Search=jury")));
        Assert.Empty(Names(await Forms.ReadAsync(admin, $"/admin/comptes?Search={Uri.EscapeDataString("\U0001F642")}")));
        var candidates = await Forms.ReadAsync(admin, "/admin/comptes?Role=Candidate&Sort=email&Order=desc");
        Assert.Contains("<caption>55 compte(s) — page 1 sur 2</caption>", candidates, StringComparison.Ordinal);
        Assert.Equal("Camille Candidat055", Names(candidates)[0]);
        Assert.Contains("href=\"/admin/comptes?Role=Candidate&Sort=email&Order=desc&PageNumber=2\"", candidates, StringComparison.Ordinal);
        // An unknown role is no filter.
        Assert.Contains("58 compte(s)", await Forms.ReadAsync(admin, "/admin/comptes?Role=Root"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_management_page_counts_each_cohorts_submitted_applications_by_state_and_drafts_only_as_a_number()
    {
        await CopyAsync(await _scenario.SubmitAsync(await _scenario.SignedInAsync("a@numerique.gouv.fr"), firstName: "Alice", lastName: "Soumise"), 5);
        await _scenario.StartAsync(await _scenario.SignedInAsync("b@numerique.gouv.fr", firstName: "Bruno", lastName: "Brouillon"));
        var other = await app.WithDbAsync(async db =>
        {
            var program = await db.Programs.SingleAsync();
            var cohort = Cohorts.Domain.Catalogue.Cohort.Create(program, "Promotion 4", 30, new DateOnly(2027, 9, 1), new DateOnly(2027, 11, 1),
                app.Clock.GetUtcNow(), app.Clock.GetUtcNow().AddDays(30));
            db.Cohorts.Add(cohort);
            await db.SaveChangesAsync();
            // Two of the copies move to the other cohort, one of them back under review.
            await db.Database.ExecuteSqlAsync($"UPDATE applications SET cohort_id = {cohort.Id} WHERE last_name IN ('Nom001', 'Nom002')");
            await db.Database.ExecuteSqlAsync($"UPDATE applications SET state = 'UnderReview' WHERE last_name = 'Nom001'");
            return cohort.Id;
        });
        var staff = await _scenario.SignedInAsync("responsable@cohorts.test", Roles.ProgramManager, "Paul", "Responsable");

        var page = await Forms.ReadAsync(staff, "/gestion");

        var rows = page.Split("<tr>");
        var three = rows.Single(r => r.Contains("Promotion 3", StringComparison.Ordinal));
        var four = rows.Single(r => r.Contains("Promotion 4", StringComparison.Ordinal) && r.Contains($"/promotions/{other}/", StringComparison.Ordinal));
        Assert.Contains("<td>4</td>\n                <td>1</td>", three, StringComparison.Ordinal);
        Assert.Contains("<li>Soumise : 1</li>", three, StringComparison.Ordinal);
        Assert.Contains("<li>Retirée : 3</li>", three, StringComparison.Ordinal);
        Assert.DoesNotContain("Brouillon :", three, StringComparison.Ordinal);
        Assert.Contains("<td>2</td>\n                <td>0</td>", four, StringComparison.Ordinal);
        Assert.Contains("<li>En cours d'examen : 1</li>", four, StringComparison.Ordinal);
        Assert.Contains("<li>Retirée : 1</li>", four, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_CSV_export_opens_right_in_French_spreadsheets_applies_the_lists_filters_and_neutralises_formulas()
    {
        var ines = await _scenario.SubmitAsync(await _scenario.SignedInAsync("i@numerique.gouv.fr"), firstName: "Inès", lastName: "Écuyer");
        await _scenario.SubmitAsync(await _scenario.SignedInAsync("b@numerique.gouv.fr"), firstName: "Bruno", lastName: "Martin");
        await app.WithDbAsync(db => db.Database.ExecuteSqlAsync(
            $"UPDATE applications SET grade = {"=HYPERLINK(\"http://x\")"}, position = {"Cheffe; \"projet\""} WHERE id = {ines}"));
        var staff = await _scenario.SignedInAsync("responsable@cohorts.test", Roles.ProgramManager, "Paul", "Responsable");
        var submittedAt = await app.WithDbAsync(db => db.Applications.Where(a => a.Id == ines).Select(a => a.SubmittedAt!.Value).SingleAsync());

        using var response = await staff.GetAsync($"{List}/export.csv?State=Submitted&Search=ecuyer");
        var bytes = await response.Content.ReadAsByteArrayAsync();

        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
        Assert.Equal("candidatures-booster-agile-promotion-3.csv", response.Content.Headers.ContentDisposition?.FileNameStar);
        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
        var text = System.Text.Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3);
        Assert.EndsWith("\r\n", text, StringComparison.Ordinal);
        var lines = text.Split("\r\n")[..^1];
        Assert.Equal("Nom;Prénom;Adresse électronique professionnelle;Administration;Ministère;Catégorie;Grade;Fonction;État;Soumise le", lines[0]);
        var paris = Cohorts.Domain.ParisTime.ToParis(submittedAt).ToString("dd/MM/yyyy HH:mm", System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(2, lines.Length);
        Assert.Equal($"Écuyer;Inès;camille.durand@numerique.gouv.fr;Direction interministérielle du numérique;Services du Premier ministre;A;"
                      + $"\"'=HYPERLINK(\"\"http://x\"\")\";\"Cheffe; \"\"projet\"\"\";Soumise;{paris}", lines[1]);

        // Without filters every submitted application is there, in the list's order.
        var all = System.Text.Encoding.UTF8.GetString(await staff.GetByteArrayAsync($"{List}/export.csv?Sort=name&Order=desc")).Split("\r\n");
        Assert.StartsWith("Martin;Bruno;", all[1], StringComparison.Ordinal);
        Assert.StartsWith("Écuyer;Inès;", all[2], StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await staff.GetAsync($"/gestion/promotions/{_scenario.CohortId + 1000}/candidatures/export.csv")).StatusCode);
    }

    // The first cell of each row of the list's body: a link to the application, or to the account.
    [GeneratedRegex(@"<tr>\s*<td>(?:<a href=""/(?:gestion/candidatures|admin/comptes)/[^""]+"">)?([^<]+)(?:</a>)?</td>")]
    private static partial Regex RowName();
}

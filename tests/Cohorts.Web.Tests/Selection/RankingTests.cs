using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Cohorts.Web.Documents.Pdf;
using Cohorts.Web.Identity;
using Cohorts.Web.Pages;
using Cohorts.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Cohorts.Web.Tests.Selection;

/// <summary>The manager's ranking of a cohort: its rows and flags from the submitted reviews, its list tools, its exports, who may read it.</summary>
[Collection(AppFixtureGroup.Name)]
public sealed partial class RankingTests(CohortsApp app, Xunit.Abstractions.ITestOutputHelper output) : IAsyncLifetime
{
    private SelectionScenario _scenario = null!;

    public async Task InitializeAsync()
    {
        await app.ResetAsync();
        _scenario = await new SelectionScenario(app).SeedAsync(applications: 6, reviewers: 3);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private string Url => $"/gestion/promotions/{_scenario.CohortId}/classement";

    /// <summary>
    /// Candidat01 gets 5 and 1 (a disagreement), Candidat02 gets 4 twice, Candidat03 one review of 3 (one missing),
    /// Candidat05 gets 2 twice; Candidat04 and Candidat06 none.
    /// </summary>
    private async Task ScoreAsync()
    {
        var a = _scenario.Applications;
        var r = _scenario.Reviewers;
        await _scenario.SubmitReviewAsync(await _scenario.AssignAsync(a[0].Id, r[1].Id), [5, 5, 5]);
        await _scenario.SubmitReviewAsync(await _scenario.AssignAsync(a[0].Id, r[2].Id), [1, 1, 1]);
        await _scenario.SubmitReviewAsync(await _scenario.AssignAsync(a[1].Id, r[0].Id), [4, 4, 4]);
        await _scenario.SubmitReviewAsync(await _scenario.AssignAsync(a[1].Id, r[2].Id), [4, 4, 4]);
        await _scenario.SubmitReviewAsync(await _scenario.AssignAsync(a[2].Id, r[0].Id), [3, 3, 3]);
        // A draft counts for nothing.
        await _scenario.SubmitReviewAsync(await _scenario.AssignAsync(a[2].Id, r[1].Id), [5, 5, 5], submit: false);
        await _scenario.SubmitReviewAsync(await _scenario.AssignAsync(a[4].Id, r[0].Id), [2, 2, 2]);
        await _scenario.SubmitReviewAsync(await _scenario.AssignAsync(a[4].Id, r[2].Id), [2, 2, 2]);
    }

    private Task<HttpClient> ManagerAsync() => _scenario.SignInAsync(SelectionScenario.ManagerEmail);

    [Fact]
    public async Task The_ranking_shows_each_application_with_its_reviews_means_and_flags_in_rank_order()
    {
        await ScoreAsync();
        var page = await Forms.ReadAsync(await ManagerAsync(), Url);

        var rows = Rows(page);
        Assert.Equal(6, rows.Count);
        // Rank, candidate, administration, category, reviews, mean, calibrated, spread, flags.
        Assert.Equal(["1", "Camille Candidat02", "Direction générale des Finances publiques", "B", "2/2", "4,00"], rows[0][..6]);
        // One review of 3, from a reviewer whose mean is 3: calibrated 3,00, above Candidat01's 5 and 1 (the 1 from a lenient
        // reviewer weighs more than the 5 from one with a single review).
        Assert.Equal(["2", "Camille Candidat03"], rows[1][..2]);
        Assert.Equal("1/2", rows[1][4]);
        Assert.Equal("3,00", rows[1][6]);
        Assert.Contains("Évaluations manquantes", rows[1][8], StringComparison.Ordinal);
        Assert.DoesNotContain("Désaccord", rows[1][8], StringComparison.Ordinal);
        Assert.Equal(["3", "Camille Candidat01"], rows[2][..2]);
        Assert.Equal("3,00", rows[2][5]);
        Assert.Equal("4,00", rows[2][7]);
        Assert.Contains("Désaccord", rows[2][8], StringComparison.Ordinal);
        Assert.Equal(["4", "Camille Candidat05"], rows[3][..2]);
        Assert.Equal("", rows[3][8]);
        // Unscored last, without a rank.
        Assert.Equal(["—", "—"], new[] { rows[4][0], rows[5][0] });
        Assert.Equal(["Camille Candidat04", "Camille Candidat06"], new[] { rows[4][1], rows[5][1] });
        Assert.Contains("Le score calibré corrige la sévérité propre à chaque évaluateur", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_ranking_filters_by_flag_administration_and_category_and_sorts_by_a_column()
    {
        await ScoreAsync();
        var manager = await ManagerAsync();

        var disagreements = Rows(await Forms.ReadAsync(manager, $"{Url}?Alert=Disagreement"));
        Assert.Equal(["Camille Candidat01"], disagreements.Select(r => r[1]));
        var missing = Rows(await Forms.ReadAsync(manager, $"{Url}?Alert=MissingReviews"));
        Assert.Equal(["Camille Candidat03", "Camille Candidat04", "Camille Candidat06"], missing.Select(r => r[1]));
        var dgfip = Rows(await Forms.ReadAsync(manager, $"{Url}?Administration={_scenario.Administrations["DGFiP"]}"));
        Assert.Equal(["Camille Candidat02", "Camille Candidat05"], dgfip.Select(r => r[1]));
        var categoryC = Rows(await Forms.ReadAsync(manager, $"{Url}?Category=C"));
        Assert.Equal(["Camille Candidat03", "Camille Candidat06"], categoryC.Select(r => r[1]));

        var bySpread = Rows(await Forms.ReadAsync(manager, $"{Url}?Sort=spread&Order=desc"));
        Assert.Equal("Camille Candidat01", bySpread[0][1]);
        // Rows without a score stay last, whatever the direction.
        var byMeanAscending = Rows(await Forms.ReadAsync(manager, $"{Url}?Sort=mean"));
        Assert.Equal(["Camille Candidat05", "Camille Candidat03", "Camille Candidat01", "Camille Candidat02", "Camille Candidat04", "Camille Candidat06"],
            byMeanAscending.Select(r => r[1]));
    }

    [Fact]
    public async Task The_ranking_is_paged_fifty_a_page_over_the_whole_cohort()
    {
        await app.ResetAsync();
        _scenario = await new SelectionScenario(app).SeedAsync(applications: 55, reviewers: 2);
        var manager = await ManagerAsync();

        var first = await Forms.ReadAsync(manager, Url);
        Assert.Equal(50, Rows(first).Count);
        Assert.Contains("55 candidature(s) — page 1 sur 2", first, StringComparison.Ordinal);
        var second = await Forms.ReadAsync(manager, $"{Url}?PageNumber=2");
        Assert.Equal(5, Rows(second).Count);
        Assert.Empty(Rows(first).Select(r => r[1]).Intersect(Rows(second).Select(r => r[1])));
    }

    [Fact]
    public async Task The_CSV_export_opens_in_French_spreadsheets_with_the_formula_neutralised()
    {
        await ScoreAsync();
        await app.WithDbAsync(db => db.Applications.Where(a => a.Id == _scenario.Applications[1].Id)
            .ExecuteUpdateAsync(s => s.SetProperty(a => a.LastName, "=HYPERLINK(\"http://x\")")));

        var response = await (await ManagerAsync()).GetAsync($"{Url}/export.csv");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);
        var lines = Encoding.UTF8.GetString(bytes[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        var header = lines[0].Split(';');
        Assert.Equal(["Rang", "Nom", "Prénom", "Administration", "Ministère", "Catégorie", "Évaluations soumises", "Évaluations attendues",
            "Moyenne pondérée", "Score calibré", "Écart", "Désaccord", "Évaluations manquantes"], header);
        Assert.Equal(7, lines.Length);
        Assert.StartsWith("1;\"'=HYPERLINK(\"\"http://x\"\")\";Camille;Direction générale des Finances publiques;Ministère de l'Économie et des Finances;B;2;2;4,00;",
            lines[1], StringComparison.Ordinal);
        Assert.EndsWith(";non;non", lines[1], StringComparison.Ordinal);
        Assert.StartsWith("2;Candidat03;Camille;Direction générale des Entreprises;", lines[2], StringComparison.Ordinal);
        Assert.EndsWith(";1;2;3,00;3,00;0,00;non;oui", lines[2], StringComparison.Ordinal);
        Assert.StartsWith("3;Candidat01;", lines[3], StringComparison.Ordinal);
        Assert.EndsWith(";4,00;oui;non", lines[3], StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_PDF_snapshot_holds_the_cohort_the_date_and_the_ranked_candidates()
    {
        await ScoreAsync();
        var response = await (await ManagerAsync()).GetAsync($"{Url}/export.pdf");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType!.MediaType);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal("%PDF", Encoding.ASCII.GetString(bytes[..4]));
        var text = PdfText(bytes);
        Assert.Contains("Classement final — Booster Agile, Promotion 3", text, StringComparison.Ordinal);
        Assert.Contains($"Édité le {Display.DateTime(app.Clock.GetUtcNow())} par Paul Responsable", text, StringComparison.Ordinal);
        Assert.Contains("Camille Candidat02", text, StringComparison.Ordinal);
        Assert.Contains("Évaluations manquantes", text, StringComparison.Ordinal);
        Assert.Contains("Page 1 sur 1", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Every_compressed_stream_of_the_PDF_snapshot_is_a_whole_zlib_stream_with_its_checksum()
    {
        await ScoreAsync();
        var bytes = await (await ManagerAsync()).GetByteArrayAsync($"{Url}/export.pdf");

        // The contents of each page and the embedded fonts: PDFsharp alone wrote them without their Adler-32.
        var streams = FlateStreams(bytes);
        Assert.True(streams.Count >= 3, $"{streams.Count} compressed stream(s)");
        foreach (var (offset, data) in streams)
        {
            using var zlib = new System.IO.Compression.ZLibStream(new MemoryStream(data), System.IO.Compression.CompressionMode.Decompress);
            using var inflated = new MemoryStream();
            var error = Record.Exception(() => zlib.CopyTo(inflated));
            Assert.True(error is null, $"The stream at byte {offset} does not inflate: {error?.Message}");
            Assert.True(inflated.Length > 0, $"The stream at byte {offset} is empty");
            // ZLibStream may stop quietly at the deflate data's end when the checksum is absent: compare it here too.
            var expected = System.Buffers.Binary.BinaryPrimitives.ReadUInt32BigEndian(data.AsSpan(data.Length - 4));
            Assert.True(Adler32(inflated.ToArray()) == expected, $"The stream at byte {offset} ends without its Adler-32");
        }
    }

    private static uint Adler32(byte[] data)
    {
        uint a = 1, b = 0;
        foreach (var x in data)
        {
            a = (a + x) % 65521;
            b = (b + a) % 65521;
        }
        return (b << 16) | a;
    }

    /// <summary>Each FlateDecode stream of a PDF, raw, found by its dictionary's direct /Length, with where it starts.</summary>
    internal static List<(int Offset, byte[] Data)> FlateStreams(byte[] pdf)
    {
        var text = Encoding.Latin1.GetString(pdf);
        var found = new List<(int, byte[])>();
        foreach (Match m in StreamStart().Matches(text))
        {
            var dictionary = m.Groups["dict"].Value;
            if (!dictionary.Contains("/FlateDecode", StringComparison.Ordinal)) continue;
            var length = LengthEntry().Match(dictionary);
            Assert.True(length.Success, $"No direct /Length in {dictionary}");
            var start = m.Index + m.Length;
            var count = int.Parse(length.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
            Assert.Matches(@"^\s*endstream", text.Substring(start + count, Math.Min(20, text.Length - start - count)));
            found.Add((start, pdf[start..(start + count)]));
        }
        return found;
    }

    [GeneratedRegex(@"<<(?<dict>(?:(?!>>\s*stream|endobj|stream)[\s\S])*?)>>\s*stream\r?\n")]
    private static partial Regex StreamStart();

    [GeneratedRegex(@"/Length\s+(\d+)(?!\s+\d+\s+R)")]
    private static partial Regex LengthEntry();

    [Fact]
    public void A_table_document_runs_over_several_pages_with_the_header_on_each_and_numbered_pages()
    {
        var rows = Enumerable.Range(1, 100).Select(i => (IReadOnlyList<string>)[i.ToString(System.Globalization.CultureInfo.InvariantCulture), $"Agnès Écuyer {i}"]).ToList();
        var bytes = TableDocument.Write(new TableDocumentContent("Un tableau « long »", ["Sous-titre"], [new("Rang", 1, Numeric: true), new("Nom", 4)], rows));

        using var document = UglyToad.PdfPig.PdfDocument.Open(bytes);
        var pages = document.GetPages().Select(p => string.Join(" ", p.GetWords().Select(w => w.Text))).ToList();
        Assert.True(pages.Count >= 3, $"{pages.Count} page(s)");
        Assert.All(pages, p => Assert.Contains("Nom", p, StringComparison.Ordinal));
        Assert.Contains($"Page {pages.Count} sur {pages.Count}", pages[^1], StringComparison.Ordinal);
        Assert.Contains("Écuyer 100", pages[^1], StringComparison.Ordinal);
        Assert.Contains("«", pages[0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Another_programs_manager_finds_no_ranking_and_a_reviewer_is_refused()
    {
        var other = await app.CreateUserAsync("autre@cohorts.test", SelectionScenario.Password, Roles.ProgramManager);
        var otherClient = await _scenario.SignInAsync("autre@cohorts.test");
        foreach (var path in new[] { Url, $"{Url}/export.csv", $"{Url}/export.pdf", $"/gestion/promotions/{_scenario.CohortId}/proposition" })
            Assert.Equal(HttpStatusCode.NotFound, (await otherClient.GetAsync(path)).StatusCode);

        var reviewer = await _scenario.SignInAsync(_scenario.Reviewers[0].Email);
        foreach (var path in new[] { Url, $"{Url}/export.csv", $"{Url}/export.pdf", $"/gestion/promotions/{_scenario.CohortId}/proposition" })
        {
            var response = await reviewer.GetAsync(path);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.StartsWith("/acces-refuse", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
            Assert.Equal(HttpStatusCode.Forbidden, (await reviewer.GetAsync(response.Headers.Location)).StatusCode);
        }
        Assert.NotNull(other);
    }

    [Fact]
    public async Task The_ranking_of_two_thousand_applications_with_three_reviews_each_shows_its_first_page()
    {
        const int Count = 2000;
        var reviewers = _scenario.Reviewers;
        await app.WithDbAsync(async db =>
        {
            var now = app.Clock.GetUtcNow();
            var cohort = await db.Cohorts.Include(c => c.Program).SingleAsync();
            var settings = await db.SelectionSettings.SingleAsync();
            var rubric = await db.Rubrics.Include(r => r.Criteria).SingleAsync();
            settings.FreezeRubric(rubric.Id);
            var context = Cohorts.Domain.Applications.ApplicationContext.For(cohort, now.AddDays(-10));
            var manager = new Cohorts.Domain.Workflow.ActorRef(Cohorts.Domain.Workflow.Actor.ProgramManager, null, "Paul Responsable");
            var administrations = _scenario.Administrations.Values.ToList();
            var random = new Random(8);
            for (var i = 0; i < Count; i++)
            {
                var user = CohortsUser.Create($"masse{i}@numerique.gouv.fr", "Agnès", $"Masse{i:0000}", now);
                user.NormalizedEmail = user.Email!.ToUpperInvariant();
                user.NormalizedUserName = user.NormalizedEmail;
                db.Users.Add(user);
                var cv = Cohorts.Web.Documents.StoredDocument.Create(user.Id, "cv.pdf", "application/pdf", ApplicationScenario.Pdf, now);
                db.Documents.Add(cv);
                var application = Cohorts.Domain.Applications.Application.Start(cohort.Id, user.As(Cohorts.Domain.Workflow.Actor.Candidate),
                    new Cohorts.Domain.Applications.ApplicationDetails(Cohorts.Domain.Applications.Civility.Madame, "Agnès", $"Masse{i:0000}",
                        user.Email, administrations[i % 3], (Cohorts.Domain.Applications.ServiceCategory)(i % 3), "Attachée", "Cheffe de projet",
                        "Je veux apprendre.", true, "Jean Chef", "jean.chef@numerique.gouv.fr"), now.AddDays(-10));
                application.AttachCv(cv.Id, context);
                application.Submit(context, user.As(Cohorts.Domain.Workflow.Actor.Candidate));
                application.StartReview(context with { Now = now }, manager);
                db.Applications.Add(application);
                foreach (var reviewer in reviewers)
                {
                    var assignment = Cohorts.Domain.Selection.ReviewAssignment.Create(cohort.Id, application.Id, reviewer.Id, now);
                    db.ReviewAssignments.Add(assignment);
                    var review = Cohorts.Domain.Selection.Review.Start(assignment, rubric, now);
                    review.Save(rubric, settings, rubric.Criteria.Select(c => new Cohorts.Domain.Selection.ScoreInput(c.Id, random.Next(1, 6), null)).ToList(),
                        null, submit: true, now);
                    db.Reviews.Add(review);
                }
            }
            return await db.SaveChangesAsync();
        });
        var manager = await ManagerAsync();
        await manager.GetStringAsync(Url);

        var times = new List<double>();
        string page = "";
        for (var i = 0; i < 5; i++)
        {
            var watch = System.Diagnostics.Stopwatch.StartNew();
            page = await manager.GetStringAsync(Url);
            times.Add(watch.Elapsed.TotalMilliseconds);
        }
        output.WriteLine($"Ranking page 1 of {Count + 6} applications, {Count * 3} reviews: {string.Join(", ", times.Select(t => $"{t:0} ms"))}; median {times.Order().ElementAt(2):0} ms");
        Assert.Equal(50, Rows(WebUtility.HtmlDecode(page)).Count);
        Assert.Contains($"{Count + 6} candidature(s) — page 1 sur 41", WebUtility.HtmlDecode(page), StringComparison.Ordinal);
    }

    /// <summary>The page's ranking table, each row's cells as text.</summary>
    internal static List<string[]> Rows(string page)
    {
        var body = TableBody().Match(page).Groups[1].Value;
        return RowPattern().Matches(body).Select(row => CellPattern().Matches(row.Groups[1].Value)
            .Select(c => Whitespace().Replace(Tag().Replace(c.Groups[1].Value, " "), " ").Trim()).ToArray()).ToList();
    }

    internal static string PdfText(byte[] bytes)
    {
        using var document = UglyToad.PdfPig.PdfDocument.Open(bytes);
        return string.Join("\n", document.GetPages().Select(p => string.Join(" ", p.GetWords().Select(w => w.Text))));
    }

    [GeneratedRegex("<tbody>(.*?)</tbody>", RegexOptions.Singleline)]
    private static partial Regex TableBody();

    [GeneratedRegex("<tr[^>]*>(.*?)</tr>", RegexOptions.Singleline)]
    private static partial Regex RowPattern();

    [GeneratedRegex("<td[^>]*>(.*?)</td>", RegexOptions.Singleline)]
    private static partial Regex CellPattern();

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex Tag();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    [Fact]
    public async Task The_export_buttons_keep_their_words_beside_their_icons()
    {
        var page = await Forms.ReadAsync(await ManagerAsync(), Url);

        // A --sm button group without --icon-left shrinks each icon button to its 2rem icon.
        var group = Regex.Match(page, "<ul class=\"([^\"]*)\" id=\"actions\">");
        Assert.True(group.Success, "no group of actions");
        Assert.Contains("fr-btns-group--icon-left", group.Groups[1].Value, StringComparison.Ordinal);
        Assert.Matches("class=\"fr-btn fr-btn--secondary fr-icon-download-line fr-btn--icon-left\" id=\"export-csv\"[^>]*>Exporter \\(CSV\\)</a>", page);
        Assert.Matches("class=\"fr-btn fr-btn--secondary fr-icon-file-pdf-line fr-btn--icon-left\" id=\"export-pdf\"[^>]*>Classement final \\(PDF\\)</a>", page);
    }
}

using System.Net;
using System.Text;
using Cohorts.Domain;
using Cohorts.Domain.Catalogue;
using Cohorts.Domain.Organisations;
using Cohorts.Web.Identity;

namespace Cohorts.Web.Tests.Support;

/// <summary>An open cohort, a ministry with two administrations, and candidates who apply to it as users do.</summary>
public sealed class ApplicationScenario(CohortsApp app)
{
    public const string Password = "une phrase de passe solide";
    public static readonly byte[] Pdf = Encoding.ASCII.GetBytes("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n");

    public int ProgramId { get; private set; }
    public int CohortId { get; private set; }
    public DateTimeOffset Deadline { get; private set; }
    public const string AdministrationLabel = "Direction interministérielle du numérique (SPM)";

    public async Task<ApplicationScenario> SeedAsync(bool requiresEndorsement = true, bool hasInterview = false)
    {
        var now = app.Clock.GetUtcNow();
        var today = ParisTime.Today(now);
        Deadline = now.AddDays(20);
        (ProgramId, CohortId) = await app.WithDbAsync(async db =>
        {
            var spm = new Ministry("Services du Premier ministre", "SPM");
            var mef = new Ministry("Ministère de l'Économie et des Finances", "MEF");
            db.Ministries.AddRange(spm, mef);
            db.Administrations.AddRange(new Administration("Direction interministérielle du numérique", spm),
                new Administration("Direction générale des Finances publiques", mef));
            var program = TrainingProgram.Create("booster-agile", "Booster Agile", "Deux mois.", "8 journées en présentiel", requiresEndorsement, hasInterview);
            db.Programs.Add(program);
            var cohort = Cohort.Create(program, "Promotion 3", 100, today.AddMonths(2), today.AddMonths(4), now.AddDays(-5), Deadline);
            cohort.Publish();
            db.Cohorts.Add(cohort);
            await db.SaveChangesAsync();
            return (program.Id, cohort.Id);
        });
        return this;
    }

    /// <summary>A second program with an open cohort, for the tests of who sees which program.</summary>
    public Task<(int ProgramId, int CohortId)> SeedOtherProgramAsync()
    {
        var now = app.Clock.GetUtcNow();
        var today = ParisTime.Today(now);
        return app.WithDbAsync(async db =>
        {
            var program = TrainingProgram.Create("conseiller-strategie", "Conseiller en stratégie numérique", "Six mois.", "Parcours métier", true, true);
            var cohort = Cohort.Create(program, "Promotion Stratégie", 35, today.AddMonths(3), today.AddMonths(9), now.AddDays(-1), now.AddDays(30));
            db.AddRange(program, cohort);
            await db.SaveChangesAsync();
            return (program.Id, cohort.Id);
        });
    }

    public async Task<HttpClient> SignedInAsync(string email, string role = Roles.Candidate, string firstName = "Camille", string lastName = "Durand",
        int? manages = null)
    {
        var user = await app.CreateUserAsync(email, Password, role, firstName: firstName, lastName: lastName);
        // A manager signed in here runs the scenario's program unless told which one.
        if (role == Roles.ProgramManager && (manages ?? ProgramId) is var program and not 0) await app.AssignAsync(program, user.Id);
        var client = app.Client(followRedirects: false);
        var response = await Forms.PostAsync(client, "/connexion", new Dictionary<string, string> { ["Input.Email"] = email, ["Input.Password"] = Password });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return client;
    }

    /// <summary>Signs in again, e.g. after the clock moved past the session's lifetime.</summary>
    public static async Task SignInAgainAsync(HttpClient client, string email)
    {
        var response = await Forms.PostAsync(client, "/connexion", new Dictionary<string, string> { ["Input.Email"] = email, ["Input.Password"] = Password });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }

    /// <summary>Clicks "Commencer ma candidature"; returns the new draft's id.</summary>
    public async Task<Guid> StartAsync(HttpClient client)
    {
        var response = await Forms.PostAsync(client, $"/promotions/{CohortId}?handler=Apply", new Dictionary<string, string>(), tokenFrom: $"/promotions/{CohortId}");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!.OriginalString;
        Assert.EndsWith("/formulaire", location, StringComparison.Ordinal);
        return Guid.Parse(location.Split('/')[2]);
    }

    public static Dictionary<string, string> CompleteForm(string managerEmail = "jean.chef@numerique.gouv.fr") => new()
    {
        ["Input.Civility"] = "Madame",
        ["Input.FirstName"] = "Camille",
        ["Input.LastName"] = "Durand",
        ["Input.ProfessionalEmail"] = "camille.durand@numerique.gouv.fr",
        ["Input.Administration"] = AdministrationLabel,
        ["Input.Category"] = "A",
        ["Input.Grade"] = "Attachée principale",
        ["Input.Position"] = "Cheffe de projet",
        ["Input.Motivation"] = "Je veux apprendre le mode produit.",
        ["Input.AvailabilityCommitment"] = "true",
        ["Input.ManagerName"] = "Jean Chef",
        ["Input.ManagerEmail"] = managerEmail,
    };

    public static string FormUrl(Guid id, string handler) => $"/candidatures/{id}/formulaire?handler={handler}";

    public static Task<HttpResponseMessage> PostFormAsync(HttpClient client, Guid id, string handler, IDictionary<string, string> fields,
        (string, string, byte[])? file = null) =>
        Forms.PostMultipartAsync(client, FormUrl(id, handler), fields, tokenFrom: $"/candidatures/{id}/formulaire", file);

    /// <summary>Starts, fills, attaches a CV and submits; returns the application's id.</summary>
    public async Task<Guid> SubmitAsync(HttpClient client, string managerEmail = "jean.chef@numerique.gouv.fr",
        string firstName = "Camille", string lastName = "Durand")
    {
        var id = await StartAsync(client);
        var form = CompleteForm(managerEmail);
        form["Input.FirstName"] = firstName;
        form["Input.LastName"] = lastName;
        var response = await PostFormAsync(client, id, "Submit", form, ("Input.Cv", "cv.pdf", Pdf));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal($"/candidatures/{id}", response.Headers.Location!.OriginalString);
        return id;
    }

    public static async Task<string> ReadAsync(HttpResponseMessage response) => WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
}

using System.Net;
using Cohorts.Domain;
using Cohorts.Domain.Applications;
using Cohorts.Domain.Catalogue;
using Cohorts.Domain.Organisations;
using Cohorts.Domain.Selection;
using Cohorts.Domain.Workflow;
using Cohorts.Web.Documents;
using Cohorts.Web.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Cohorts.Web.Tests.Support;

/// <summary>
/// A cohort whose call has closed: its program's rubric, its selection settings, candidates' applications under review
/// (each with a CV, spread over administrations of two ministries and categories A/B/C), reviewers with an
/// administration on their account, and a manager running the program. The slices of the committee start from it.
/// </summary>
public sealed class SelectionScenario(CohortsApp app)
{
    public const string Password = ApplicationScenario.Password;
    public const string ManagerEmail = "responsable@cohorts.test";

    public int ProgramId { get; private set; }
    public int CohortId { get; private set; }
    public int RubricId { get; private set; }
    /// <summary>The rubric's criteria ids, in order: motivation (weight 2), fit (1), carrying change back (1); scale 1–5.</summary>
    public IReadOnlyList<int> CriterionIds { get; private set; } = [];
    /// <summary>Administrations by name: "DINUM", "DGFiP", "DGE" (the last two in the same ministry).</summary>
    public IReadOnlyDictionary<string, int> Administrations { get; private set; } = new Dictionary<string, int>();
    /// <summary>The applications, in the order they were seeded.</summary>
    public IReadOnlyList<SeededApplication> Applications { get; private set; } = [];
    public IReadOnlyList<SeededReviewer> Reviewers { get; private set; } = [];

    public sealed record SeededApplication(Guid Id, string CandidateId, string Email, string Name, int AdministrationId, ServiceCategory Category);
    public sealed record SeededReviewer(string Id, string Email, string Name, int AdministrationId);

    /// <summary>
    /// Seeds <paramref name="applications"/> applications under review and <paramref name="reviewers"/> committee members. The
    /// i-th application is from administration i mod 3 and category A, B, C in turn; the j-th reviewer from administration j mod 3.
    /// </summary>
    public async Task<SelectionScenario> SeedAsync(int applications = 6, int reviewers = 3, int seats = 3, bool hasInterview = false,
        bool committee = true)
    {
        var now = app.Clock.GetUtcNow();
        var today = ParisTime.Today(now);
        var ids = await app.WithDbAsync(async db =>
        {
            var spm = new Ministry("Services du Premier ministre", "SPM");
            var mef = new Ministry("Ministère de l'Économie et des Finances", "MEF");
            db.Ministries.AddRange(spm, mef);
            var dinum = new Administration("Direction interministérielle du numérique", spm);
            var dgfip = new Administration("Direction générale des Finances publiques", mef);
            var dge = new Administration("Direction générale des Entreprises", mef);
            db.Administrations.AddRange(dinum, dgfip, dge);
            var program = TrainingProgram.Create("booster-agile", "Booster Agile", "Deux mois.", "8 journées en présentiel",
                requiresEndorsement: false, hasInterview);
            db.Programs.Add(program);
            // The call closed yesterday; the cohort starts in two months.
            var cohort = Cohort.Create(program, "Promotion 3", seats, today.AddMonths(2), today.AddMonths(4), now.AddDays(-30), now.AddDays(-1));
            cohort.Publish();
            db.Cohorts.Add(cohort);
            await db.SaveChangesAsync();
            var rubric = Rubric.Create(program.Id, 1, 5, hasInterview ? 30 : 0,
            [
                Criterion("Motivation", 2),
                Criterion("Adéquation au programme", 1),
                Criterion("Capacité à diffuser le changement", 1),
            ], now);
            db.Rubrics.Add(rubric);
            db.SelectionSettings.Add(SelectionSettings.For(cohort.Id));
            await db.SaveChangesAsync();
            return (program.Id, cohort.Id, rubric.Id, rubric.Criteria.OrderBy(c => c.Position).Select(c => c.Id).ToList(),
                new Dictionary<string, int> { ["DINUM"] = dinum.Id, ["DGFiP"] = dgfip.Id, ["DGE"] = dge.Id });
        });
        (ProgramId, CohortId, RubricId, CriterionIds, Administrations) = ids;
        var administrations = Administrations.Values.ToList();

        var manager = await app.CreateUserAsync(ManagerEmail, Password, Roles.ProgramManager, firstName: "Paul", lastName: "Responsable");
        await app.AssignAsync(ProgramId, manager.Id);

        var seededReviewers = new List<SeededReviewer>();
        for (var j = 0; j < reviewers; j++)
        {
            var email = $"jury{j + 1}@numerique.gouv.fr";
            var user = await app.CreateUserAsync(email, Password, Roles.Reviewer, firstName: "Juré", lastName: $"Numéro{j + 1}");
            var administration = administrations[j % administrations.Count];
            await app.WithDbAsync(async db =>
            {
                var stored = await db.Users.SingleAsync(u => u.Id == user.Id);
                stored.AdministrationId = administration;
                if (committee) db.CommitteeMembers.Add(new CommitteeMember(CohortId, user.Id, now));
                return await db.SaveChangesAsync();
            });
            seededReviewers.Add(new(user.Id, email, user.FullName, administration));
        }
        Reviewers = seededReviewers;

        Applications = await app.WithDbAsync(async db =>
        {
            var cohort = await db.Cohorts.Include(c => c.Program).SingleAsync(c => c.Id == CohortId);
            // Submitted while the call was open, then put under review by the manager.
            var submittedAt = now.AddDays(-10);
            var context = ApplicationContext.For(cohort, submittedAt);
            var seeded = new List<SeededApplication>();
            for (var i = 0; i < applications; i++)
            {
                var email = $"candidat{i + 1}@numerique.gouv.fr";
                var user = CohortsUser.Create(email, "Camille", $"Candidat{i + 1:00}", submittedAt);
                user.NormalizedEmail = email.ToUpperInvariant();
                user.NormalizedUserName = user.NormalizedEmail;
                user.EmailConfirmed = true;
                user.SecurityStamp = Guid.NewGuid().ToString();
                db.Users.Add(user);
                var cv = StoredDocument.Create(user.Id, $"cv-{i + 1}.pdf", "application/pdf", ApplicationScenario.Pdf, submittedAt);
                db.Documents.Add(cv);
                var administration = administrations[i % administrations.Count];
                var category = (ServiceCategory)(i % 3);
                var application = Application.Start(cohort.Id, user.As(Actor.Candidate), new ApplicationDetails(Civility.Madame, "Camille",
                    $"Candidat{i + 1:00}", email, administration, category, "Attachée", "Cheffe de projet",
                    "Je veux apprendre et transmettre.", true, "Jean Chef", "jean.chef@numerique.gouv.fr"), submittedAt);
                application.AttachCv(cv.Id, context);
                application.Submit(context with { Now = submittedAt.AddMinutes(i) }, user.As(Actor.Candidate));
                application.StartReview(context with { Now = now }, new ActorRef(Actor.ProgramManager, manager.Id, manager.FullName));
                db.Applications.Add(application);
                seeded.Add(new(application.Id, user.Id, email, $"Camille Candidat{i + 1:00}", administration, category));
            }
            await db.SaveChangesAsync();
            return seeded;
        });
        // The password of every seeded candidate, so that a test can sign in as one.
        foreach (var candidate in Applications)
            await app.WithScopeAsync(async services =>
            {
                var users = services.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<CohortsUser>>();
                var user = await users.FindByIdAsync(candidate.CandidateId);
                await users.AddPasswordAsync(user!, Password);
                await users.AddToRoleAsync(user!, Roles.Candidate);
            });
        return this;
    }

    private static CriterionInput Criterion(string name, int weight) =>
        new(name, $"Ce que le jury apprécie : {name.ToLowerInvariant()}.", weight,
            ["Insuffisant", "Fragile", "Correct", "Solide", "Remarquable"]);

    /// <summary>Gives the application to the reviewer, as the automatic assignment would.</summary>
    public Task<Guid> AssignAsync(Guid applicationId, string reviewerId) => app.WithDbAsync(async db =>
    {
        var assignment = ReviewAssignment.Create(CohortId, applicationId, reviewerId, app.Clock.GetUtcNow());
        db.ReviewAssignments.Add(assignment);
        var name = await db.Users.Where(u => u.Id == reviewerId).Select(u => u.FirstName + " " + u.LastName).SingleAsync();
        db.AssignmentChanges.Add(AssignmentChange.Of(assignment, name, AssignmentChangeKind.Assigned, automatic: true, ActorRef.System,
            app.Clock.GetUtcNow()));
        await db.SaveChangesAsync();
        return assignment.Id;
    });

    /// <summary>Stores a review with these scores (one per criterion, in order), submitted unless told otherwise.</summary>
    public Task SubmitReviewAsync(Guid assignmentId, IReadOnlyList<int> scores, bool submit = true, string comment = "Dossier solide.") =>
        app.WithDbAsync(async db =>
        {
            var assignment = await db.ReviewAssignments.SingleAsync(a => a.Id == assignmentId);
            var settings = await db.SelectionSettings.SingleAsync(s => s.CohortId == assignment.CohortId);
            var rubric = await db.Rubrics.Include(r => r.Criteria).SingleAsync(r => r.Id == settings.FreezeRubric(RubricId));
            var review = await db.Reviews.SingleOrDefaultAsync(r => r.AssignmentId == assignmentId);
            if (review is null)
            {
                review = Review.Start(assignment, rubric, app.Clock.GetUtcNow());
                db.Reviews.Add(review);
            }
            review.Save(rubric, settings, CriterionIds.Select((id, k) => new ScoreInput(id, scores[k], null)).ToList(), comment, submit,
                app.Clock.GetUtcNow());
            return await db.SaveChangesAsync();
        });

    /// <summary>Signs in with the password every seeded account shares.</summary>
    public async Task<HttpClient> SignInAsync(string email)
    {
        var client = app.Client(followRedirects: false);
        var response = await Forms.PostAsync(client, "/connexion", new Dictionary<string, string> { ["Input.Email"] = email, ["Input.Password"] = Password });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return client;
    }
}

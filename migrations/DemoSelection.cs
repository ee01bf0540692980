using Cohorts.Domain.Applications;
using Cohorts.Domain.Catalogue;
using Cohorts.Domain.Selection;
using Cohorts.Domain.Workflow;
using Cohorts.Web.Data;
using Cohorts.Web.Documents;
using Cohorts.Web.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Cohorts.Migrations;

/// <summary>
/// The selection committee's demo: a rubric per program, and in each open cohort a committee (the demo reviewer and
/// others, each from an administration), its settings and caps; Booster Agile's open cohort also gets 130 applications
/// under review, assigned two reviewers each, most reviews submitted and a few left to the demo reviewer, so that the
/// reviewer has reviews to write and the manager a ranking, a proposal and decisions to publish.
/// </summary>
public static class DemoSelection
{
    /// <summary>The committee's reviewers besides the demo reviewer, and every reviewer's administration.</summary>
    public static readonly IReadOnlyList<(string Email, string Administration)> Reviewers =
    [
        ("jury@cohorts.test", "Direction interministérielle de la transformation publique"),
        ("jury.finances@cohorts.test", "Direction générale des Finances publiques"),
        ("jury.interieur@cohorts.test", "Direction du numérique du ministère de l'Intérieur"),
        ("jury.education@cohorts.test", "Direction du numérique pour l'éducation"),
        ("jury.armees@cohorts.test", "Direction générale de l'armement"),
        ("jury.sante@cohorts.test", "Délégation au numérique en santé"),
    ];

    public const int GeneratedApplications = 130;
    /// <summary>Reviews the demo reviewer has still to write (one of them begun as a draft).</summary>
    public const int LeftToTheDemoReviewer = 6;

    private static readonly (string Name, Civility Civility)[] FirstNames =
    [
        ("Adèle", Civility.Madame), ("Bastien", Civility.Monsieur), ("Chloé", Civility.Madame), ("Damien", Civility.Monsieur),
        ("Élise", Civility.Madame), ("Fabien", Civility.Monsieur), ("Gaëlle", Civility.Madame), ("Héloïse", Civility.Madame),
        ("Idriss", Civility.Monsieur), ("Jade", Civility.Madame), ("Kévin", Civility.Monsieur), ("Laure", Civility.Madame),
        ("Mathis", Civility.Monsieur), ("Noémie", Civility.Madame), ("Octave", Civility.Monsieur), ("Pauline", Civility.Madame),
        ("Quentin", Civility.Monsieur), ("Rose", Civility.Madame), ("Samir", Civility.Monsieur), ("Théo", Civility.Monsieur),
    ];

    private static readonly string[] LastNames =
        ["Lefèvre", "Moreau", "Garnier", "Chevalier", "Faure", "Rousseau", "Blanc", "Guérin", "Muller", "Henry", "Roussel", "Nicolas",
         "Perrin", "Morin", "Mathieu", "Clément", "Gauthier", "Dumont", "Lopez", "Fontaine"];

    /// <summary>Most candidates come from a few large administrations, so that the cap per administration bites.</summary>
    private static readonly string[] Large =
        ["Direction générale des Finances publiques", "Direction du numérique du ministère de l'Intérieur", "Direction du numérique pour l'éducation",
         "Direction générale de l'armement"];

    public static async Task<bool> SeedAsync(CohortsDbContext db, UserManager<CohortsUser> users, DateTimeOffset now)
    {
        if (await db.Rubrics.AnyAsync()) return false;
        var administrations = await db.Administrations.ToDictionaryAsync(a => a.Name, a => a.Id);
        // A developer's database may hold more open cohorts than the demo's (made by hand): each program's first to start is the demo's.
        var open = (await db.Cohorts.Include(c => c.Program).ToListAsync())
            .Where(c => c.PhaseAt(now) == CohortPhase.OpenForApplications)
            .GroupBy(c => c.Program.Slug).ToDictionary(g => g.Key, g => g.OrderBy(c => c.StartsOn).ThenBy(c => c.Id).First());
        if (!open.TryGetValue("booster-agile", out var boosterCohort) || !open.TryGetValue("conseiller-strategie-numerique", out var advisorCohort))
            return false;
        var reviewers = new List<CohortsUser>();
        foreach (var (email, administration) in Reviewers)
        {
            var user = (await users.FindByEmailAsync(email))!;
            user.AdministrationId = administrations[administration];
            reviewers.Add(user);
        }
        var programs = await db.Programs.ToDictionaryAsync(p => p.Slug);
        var booster = programs["booster-agile"];
        var advisor = programs["conseiller-strategie-numerique"];
        db.Rubrics.Add(Rubric.Create(booster.Id, 1, 5, 0, BoosterCriteria, now));
        db.Rubrics.Add(Rubric.Create(advisor.Id, 1, 5, 30, AdvisorCriteria, now));
        foreach (var cohort in open.Values)
        {
            var settings = SelectionSettings.For(cohort.Id);
            settings.Edit(reviewersPerApplication: 2, reviewDeadline: cohort.ApplicationsCloseAt.AddDays(14), disagreementThreshold: 1.5,
                maxPerAdministration: 6, maxPerMinistry: 30, minimumShareA: null, minimumShareB: 20, minimumShareC: 10, waitlistLength: 20, offerDays: 7);
            db.SelectionSettings.Add(settings);
            var members = cohort.Program.Slug == "booster-agile" ? reviewers : reviewers.Take(3);
            db.CommitteeMembers.AddRange(members.Select(r => new CommitteeMember(cohort.Id, r.Id, now)));
        }
        await db.SaveChangesAsync();

        await SeedBoosterApplicationsAsync(db, users, boosterCohort, administrations, now);
        await AssignAndReviewAsync(db, boosterCohort, reviewers, now, LeftToTheDemoReviewer, draftBegun: true);
        await AssignAndReviewAsync(db, advisorCohort, reviewers.Take(3).ToList(), now, left: 1, draftBegun: false);
        return true;
    }

    private static async Task SeedBoosterApplicationsAsync(CohortsDbContext db, UserManager<CohortsUser> users, Cohort cohort,
        Dictionary<string, int> administrations, DateTimeOffset now)
    {
        var names = administrations.Keys.Order(StringComparer.Ordinal).ToList();
        var staff = new ActorRef(Actor.ProgramManager, null, "Paul Responsable");
        for (var i = 0; i < GeneratedApplications; i++)
        {
            var ((firstName, civility), lastName) = (FirstNames[i % 20], LastNames[(i / 20 + i) % 20]);
            var email = $"{Plain(firstName)}.{Plain(lastName)}{i / 20 + 1}@demo.cohorts.test";
            // Demo candidates without a password: they exist to be reviewed, not to sign in.
            var user = CohortsUser.Create(email, firstName, lastName, now);
            user.EmailConfirmed = true;
            Check(await users.CreateAsync(user), email);
            Check(await users.AddToRoleAsync(user, Roles.Candidate), email);
            var administration = i < 70 ? Large[i % Large.Length] : names[i % names.Count];
            var category = (i % 5) switch { 0 or 1 => ServiceCategory.A, 2 or 3 => ServiceCategory.B, _ => ServiceCategory.C };
            var candidate = new ActorRef(Actor.Candidate, user.Id, user.FullName);
            var grade = category switch
            {
                ServiceCategory.A => "Attaché(e) d'administration",
                ServiceCategory.B => "Secrétaire administratif(ve)",
                _ => "Adjoint(e) administratif(ve)",
            };
            var details = new ApplicationDetails(civility, firstName, lastName, email, administrations[administration], category, grade,
                "Chef(fe) de projet", "Je veux porter le mode produit dans mon service et former mes collègues.", true, "Claire Dupont",
                $"claire.dupont{i}@demo.cohorts.test");
            var submitted = now.AddDays(-20).AddMinutes(17 * i);
            var context = ApplicationContext.For(cohort, submitted);
            var application = Application.Start(cohort.Id, candidate, details, submitted);
            var cv = StoredDocument.Create(user.Id, $"CV {firstName} {lastName}.pdf", "application/pdf", DemoCv.For($"{firstName} {lastName}", "Chef(fe) de projet"), submitted);
            db.Documents.Add(cv);
            application.AttachCv(cv.Id, context);
            application.Submit(context, candidate);
            application.Endorse(context, new ActorRef(Actor.LineManager, null, "Claire Dupont"), application.EndorsementNonce!.Value, "Avis favorable.");
            application.StartReview(context with { Now = now }, staff);
            application.ClearDomainEvents();
            db.Applications.Add(application);
        }
        await db.SaveChangesAsync();
    }

    /// <summary>Assigns the cohort's applications under review automatically, then writes the committee's reviews.</summary>
    private static async Task AssignAndReviewAsync(CohortsDbContext db, Cohort cohort, List<CohortsUser> reviewers, DateTimeOffset now,
        int left, bool draftBegun)
    {
        var applications = await db.Applications.Where(a => a.CohortId == cohort.Id && a.State == ApplicationState.UnderReview)
            .OrderBy(a => a.SubmittedAt).Select(a => new AssignableApplication(a.Id, a.AdministrationId)).ToListAsync();
        var plan = AutoAssignment.Assign(applications, reviewers.Select(r => new CommitteeReviewer(r.Id, r.FullName, r.AdministrationId)).ToList(),
            [], [], perApplication: 2);
        var names = reviewers.ToDictionary(r => r.Id, r => r.FullName);
        var assignments = plan.Added.Select(p => ReviewAssignment.Create(cohort.Id, p.ApplicationId, p.ReviewerId, now)).ToList();
        db.ReviewAssignments.AddRange(assignments);
        db.AssignmentChanges.AddRange(assignments.Select(a =>
            AssignmentChange.Of(a, names[a.ReviewerId], AssignmentChangeKind.Assigned, automatic: true, new ActorRef(Actor.ProgramManager, null, "Paul Responsable"), now)));
        var settings = await db.SelectionSettings.SingleAsync(s => s.CohortId == cohort.Id);
        var rubric = await db.Rubrics.Include(r => r.Criteria).SingleAsync(r => r.ProgramId == cohort.ProgramId);
        await db.SaveChangesAsync();
        settings.FreezeRubric(rubric.Id);

        var demoReviewer = reviewers[0].Id;
        var leftToDemo = assignments.Where(a => a.ReviewerId == demoReviewer).TakeLast(left).Select(a => a.Id).ToList();
        Guid? draft = draftBegun ? leftToDemo[0] : null;
        var quality = applications.Select((a, i) => (a.ApplicationId, Quality: 1 + (i * 37 % 41) / 10.0)).ToDictionary(x => x.ApplicationId, x => x.Quality);
        // Each reviewer's own severity: the calibrated score removes it.
        var severity = reviewers.Select((r, k) => (r.Id, Offset: new[] { 0.0, -0.8, 0.6, 0.0, -0.4, 0.9 }[k % 6])).ToDictionary(x => x.Id, x => x.Offset);
        var criteria = rubric.Criteria.OrderBy(c => c.Position).ToList();
        foreach (var (assignment, n) in assignments.Select((a, n) => (a, n)))
        {
            var last = assignment.Id == draft;
            if (!last && leftToDemo.Contains(assignment.Id)) continue;
            var review = Review.Start(assignment, rubric, now);
            var scores = criteria.Select((c, k) => new ScoreInput(c.Id,
                Math.Clamp((int)Math.Round(quality[assignment.ApplicationId] + severity[assignment.ReviewerId] + ((n + k) % 3 - 1) * 0.5), 1, 5),
                k == 0 ? "Motivation argumentée, projet concret pour son service." : null)).ToList();
            // The demo reviewer's first left review is a draft begun: two criteria scored.
            if (last) scores = scores.Take(2).ToList();
            review.Save(rubric, settings, scores, last ? "" : "Candidature solide, à confirmer sur la capacité à embarquer l'équipe.", submit: !last, now);
            db.Reviews.Add(review);
        }
        await db.SaveChangesAsync();
    }

    private static readonly IReadOnlyList<string> Levels = ["Insuffisant", "Fragile", "Satisfaisant", "Solide", "Remarquable"];

    private static readonly IReadOnlyList<CriterionInput> BoosterCriteria =
    [
        new("Motivation", "Le projet personnel et ce que l'agent attend du programme.", 2, Levels),
        new("Adéquation au programme", "Le poste, les missions et le moment sont favorables au mode produit.", 1, Levels),
        new("Capacité à diffuser le changement", "L'agent peut transmettre ce qu'il apprend dans son administration.", 2, Levels),
    ];

    private static readonly IReadOnlyList<CriterionInput> AdvisorCriteria =
    [
        new("Motivation", "Le projet de conseil et ce que l'agent attend du parcours.", 2, Levels),
        new("Expérience du numérique public", "Les projets menés : cloud, données, achats, souveraineté.", 2, Levels),
        new("Position auprès des décideurs", "L'agent conseille ou conseillera des décideurs publics.", 1, Levels),
    ];

    private static string Plain(string name) =>
        new string(name.Normalize(System.Text.NormalizationForm.FormD).Where(c => char.IsAsciiLetter(c)).ToArray()).ToLowerInvariant();

    private static void Check(IdentityResult result, string email)
    {
        if (!result.Succeeded)
            throw new InvalidOperationException($"Demo account {email}: {string.Join("; ", result.Errors.Select(e => e.Description))}");
    }
}

using Cohorts.Domain;
using Cohorts.Domain.Applications;
using Cohorts.Domain.Catalogue;
using Cohorts.Domain.Organisations;
using Cohorts.Domain.Workflow;
using Cohorts.Web.Catalogue;
using Cohorts.Web.Documents;
using Cohorts.Web.Data;
using Cohorts.Web.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Cohorts.Migrations;

/// <summary>
/// Realistic data for a developer's machine (never Production): both programs with a past, a running and an
/// open cohort, 20 administrations in 8 ministries, one account per role. Dates follow today's date.
/// Idempotent: what exists already is left as it is.
/// </summary>
public static class DemoData
{
    public const string Password = "Cohorts-demo-2026";

    public static readonly IReadOnlyList<(string Email, string FirstName, string LastName, string Role)> Accounts =
    [
        ("admin@cohorts.test", "Alice", "Administratrice", Roles.Admin),
        ("responsable@cohorts.test", "Paul", "Responsable", Roles.ProgramManager),
        ("responsable.strategie@cohorts.test", "Sophie", "Stratège", Roles.ProgramManager),
        ("jury@cohorts.test", "Jeanne", "Jury", Roles.Reviewer),
        ("jury.finances@cohorts.test", "Marc", "Trésor", Roles.Reviewer),
        ("jury.interieur@cohorts.test", "Nadia", "Préfète", Roles.Reviewer),
        ("jury.education@cohorts.test", "Olivier", "Recteur", Roles.Reviewer),
        ("jury.armees@cohorts.test", "Pascale", "Amirale", Roles.Reviewer),
        ("jury.sante@cohorts.test", "Rémi", "Soignant", Roles.Reviewer),
        ("coach@cohorts.test", "Karim", "Coach", Roles.Coach),
        ("candidat@cohorts.test", "Camille", "Candidate", Roles.Candidate),
    ];

    /// <summary>Who runs which demo program: the second manager runs one only, so that a newcomer sees the scoping.</summary>
    public static readonly IReadOnlyList<(string Email, string ProgramSlug)> Managers =
    [
        ("responsable@cohorts.test", "booster-agile"),
        ("responsable@cohorts.test", "conseiller-strategie-numerique"),
        ("responsable.strategie@cohorts.test", "conseiller-strategie-numerique"),
    ];

    private static readonly (string Ministry, string Acronym, string[] Administrations)[] Organisations =
    [
        ("Ministère de l'Économie et des Finances", "MEF", ["Direction générale des Finances publiques", "Direction générale des Entreprises", "Institut national de la statistique et des études économiques", "Direction du Budget"]),
        ("Ministère de l'Intérieur", "MI", ["Direction du numérique du ministère de l'Intérieur", "Direction générale de la Police nationale", "Préfecture de la région Bretagne"]),
        ("Ministère des Armées", "MINARM", ["Direction générale de l'armement", "Secrétariat général pour l'administration"]),
        ("Ministère de la Justice", "MJ", ["Secrétariat général du ministère de la Justice", "Direction de l'administration pénitentiaire"]),
        ("Ministère du Travail, de la Santé et des Solidarités", "MTSS", ["Direction de la recherche, des études, de l'évaluation et des statistiques", "Délégation au numérique en santé"]),
        ("Ministère de l'Éducation nationale", "MENJ", ["Direction du numérique pour l'éducation", "Rectorat de l'académie de Lyon"]),
        ("Ministère de la Transition écologique", "MTE", ["Commissariat général au développement durable", "Météo-France"]),
        ("Services du Premier ministre", "SPM", ["Direction interministérielle du numérique", "Direction interministérielle de la transformation publique", "Secrétariat général du Gouvernement"]),
    ];

    /// <summary>Returns whether anything was added.</summary>
    public static async Task<bool> SeedAsync(IServiceProvider scopedServices)
    {
        var db = scopedServices.GetRequiredService<CohortsDbContext>();
        var now = scopedServices.GetRequiredService<TimeProvider>().GetUtcNow();
        var added = await SeedOrganisationsAsync(db);
        added |= await SeedProgramsAsync(db, ParisTime.Today(now));
        added |= await PublishCohortsAsync(db);
        var users = scopedServices.GetRequiredService<UserManager<CohortsUser>>();
        added |= await SeedAccountsAsync(users, now);
        added |= await SeedManagersAsync(db, users);
        added |= await SeedApplicationsAsync(db, users, now);
        added |= await DemoSelection.SeedAsync(db, users, now);
        added |= await DemoReminders.SeedAsync(db, users, now);
        added |= await DemoMail.SeedAsync(scopedServices, now);
        // After the mail journal's demo, which shows the first applications of each program: those of the open cohorts.
        added |= await DemoSessions.SeedAsync(db, users, now);
        return added;
    }

    private static async Task<bool> SeedOrganisationsAsync(CohortsDbContext db)
    {
        if (await db.Ministries.AnyAsync()) return false;
        foreach (var (name, acronym, administrations) in Organisations)
        {
            var ministry = new Ministry(name, acronym);
            db.Ministries.Add(ministry);
            db.Administrations.AddRange(administrations.Select(a => new Administration(a, ministry)));
        }
        await db.SaveChangesAsync();
        return true;
    }

    private static async Task<bool> SeedProgramsAsync(CohortsDbContext db, DateOnly today)
    {
        var added = false;
        if (!await db.Programs.AnyAsync(p => p.Slug == "booster-agile"))
        {
            var booster = TrainingProgram.Create("booster-agile", "Booster Agile",
                "Un programme intensif et très sélectif de deux mois pour adopter le mode produit et la posture agile : " +
                "savoir-être, travail en équipe pluridisciplinaire, conduite du changement.",
                "8 journées en présentiel à Paris, 6 séances à distance et un accompagnement individuel.",
                requiresEndorsement: true, hasInterview: false);
            db.Programs.Add(booster);
            db.Cohorts.AddRange(
                CohortOf(booster, "Promotion 1", 44, today.AddMonths(-7), months: 2, callWeeks: 5),
                CohortOf(booster, "Promotion 2", 100, today.AddMonths(-1), months: 2, callWeeks: 5),
                CohortOf(booster, "Promotion 3", 100, today.AddMonths(2), months: 2, callWeeks: 7));
            added = true;
        }
        if (!await db.Programs.AnyAsync(p => p.Slug == "conseiller-strategie-numerique"))
        {
            var advisor = TrainingProgram.Create("conseiller-strategie-numerique", "Conseiller en stratégie numérique",
                "Un parcours métier de six mois pour conseiller les décideurs publics : cloud souverain, données, " +
                "souveraineté numérique, avec des masterclasses et un accompagnement personnalisé.",
                "Des journées en présentiel chaque mois, des séances à distance et 6 heures de coaching individuel.",
                requiresEndorsement: true, hasInterview: true, CampusExpertise.DigitalStrategy);
            db.Programs.Add(advisor);
            db.Cohorts.AddRange(
                CohortOf(advisor, "Promotion 2025", 35, today.AddMonths(-9), months: 6, callWeeks: 6),
                CohortOf(advisor, "Promotion 2026", 35, today.AddMonths(-2), months: 6, callWeeks: 6),
                CohortOf(advisor, "Promotion 2027", 40, today.AddMonths(3), months: 6, callWeeks: 12));
            added = true;
        }
        if (added) await db.SaveChangesAsync();
        return added;
    }

    /// <summary>The demo cohorts are in the catalogue, also in a database seeded before cohorts could be unpublished.</summary>
    private static async Task<bool> PublishCohortsAsync(CohortsDbContext db)
    {
        var demo = new[] { "booster-agile", "conseiller-strategie-numerique" };
        var hidden = await db.Cohorts.Where(c => !c.Published && demo.Contains(c.Program.Slug)).ToListAsync();
        foreach (var cohort in hidden) cohort.Publish();
        if (hidden.Count > 0) await db.SaveChangesAsync();
        return hidden.Count > 0;
    }

    /// <summary>A cohort starting on a date, whose call for applications closed a month before the start.</summary>
    private static Cohort CohortOf(TrainingProgram program, string name, int seats, DateOnly startsOn, int months, int callWeeks)
    {
        var closes = ParisTime.StartOfDay(startsOn.AddMonths(-1)).AddHours(12);
        return Cohort.Create(program, name, seats, startsOn, startsOn.AddMonths(months).AddDays(-1),
            closes.AddDays(-7 * callWeeks), closes);
    }

    private static async Task<bool> SeedAccountsAsync(UserManager<CohortsUser> users, DateTimeOffset now)
    {
        var added = false;
        foreach (var (email, firstName, lastName, role) in Accounts)
        {
            if (await users.FindByEmailAsync(email) is not null) continue;
            var user = CohortsUser.Create(email, firstName, lastName, now);
            user.EmailConfirmed = true;
            Check(await users.CreateAsync(user, Password), email);
            Check(await users.AddToRoleAsync(user, role), email);
            added = true;
        }
        return added;
    }

    private static async Task<bool> SeedManagersAsync(CohortsDbContext db, UserManager<CohortsUser> users)
    {
        var added = false;
        foreach (var (email, slug) in Managers)
        {
            var user = (await users.FindByEmailAsync(email))!;
            var program = await db.Programs.Where(p => p.Slug == slug).Select(p => p.Id).SingleAsync();
            if (await db.ProgramManagers.AnyAsync(m => m.ProgramId == program && m.UserId == user.Id)) continue;
            db.ProgramManagers.Add(new ProgramManager(program, user.Id));
            added = true;
        }
        if (added) await db.SaveChangesAsync();
        return added;
    }

    private static readonly (string Email, Civility Civility, string FirstName, string LastName, string Administration,
        ServiceCategory Category, string Grade, string Position, ApplicationState Reached)[] Candidates =
    [
        ("ines.martin@dgfip.finances.gouv.fr", Civility.Madame, "Inès", "Martin", "Direction générale des Finances publiques", ServiceCategory.A,
            "Inspectrice des finances publiques", "Cheffe de projet applicatif", ApplicationState.AwaitingEndorsement),
        ("hugo.bernard@interieur.gouv.fr", Civility.Monsieur, "Hugo", "Bernard", "Direction du numérique du ministère de l'Intérieur", ServiceCategory.A,
            "Ingénieur des systèmes d'information", "Responsable d'infrastructure", ApplicationState.Endorsed),
        ("lea.petit@education.gouv.fr", Civility.Madame, "Léa", "Petit", "Rectorat de l'académie de Lyon", ServiceCategory.B,
            "Secrétaire administrative", "Gestionnaire des outils numériques", ApplicationState.UnderReview),
    ];

    /// <summary>The demo candidate's draft, and three submitted applications at different stages, in the open cohorts.</summary>
    private static async Task<bool> SeedApplicationsAsync(CohortsDbContext db, UserManager<CohortsUser> users, DateTimeOffset now)
    {
        if (await db.Applications.AnyAsync()) return false;
        var open = (await db.Cohorts.Include(c => c.Program).ToListAsync())
            .Where(c => c.PhaseAt(now) == CohortPhase.OpenForApplications).ToDictionary(c => c.Program.Slug);
        var administrations = await db.Administrations.ToDictionaryAsync(a => a.Name, a => a.Id);

        var demo = (await users.FindByEmailAsync("candidat@cohorts.test"))!;
        db.Applications.Add(Application.Start(open["booster-agile"].Id, new ActorRef(Actor.Candidate, demo.Id, demo.FullName),
            ApplicationDetails.Empty with { FirstName = demo.FirstName, LastName = demo.LastName, ProfessionalEmail = demo.Email!,
                Position = "Chargée de mission transformation numérique" }, now));

        var cohort = open["conseiller-strategie-numerique"];
        var staff = new ActorRef(Actor.ProgramManager, null, "Paul Responsable");
        foreach (var (email, civility, firstName, lastName, administration, category, grade, position, reached) in Candidates)
        {
            var user = CohortsUser.Create(email, firstName, lastName, now);
            user.EmailConfirmed = true;
            Check(await users.CreateAsync(user, Password), email);
            Check(await users.AddToRoleAsync(user, Roles.Candidate), email);
            var candidate = new ActorRef(Actor.Candidate, user.Id, user.FullName);
            var details = new ApplicationDetails(civility, firstName, lastName, email, administrations[administration], category, grade, position,
                "Je souhaite accompagner ma direction dans ses choix numériques : cloud, données et souveraineté.",
                true, "Claire Dupont", $"claire.dupont.{lastName.ToLowerInvariant()}@demo.cohorts.test");
            var application = Application.Start(cohort.Id, candidate, details, now);
            var cv = StoredDocument.Create(user.Id, $"CV {firstName} {lastName}.pdf", "application/pdf", DemoCv.For($"{firstName} {lastName}", position), now);
            db.Documents.Add(cv);
            var context = ApplicationContext.For(cohort, now);
            application.AttachCv(cv.Id, context);
            application.Submit(context, candidate);
            if (reached is ApplicationState.Endorsed or ApplicationState.UnderReview)
                application.Endorse(context, new ActorRef(Actor.LineManager, null, "Claire Dupont"), application.EndorsementNonce!.Value, "Avis favorable.");
            if (reached is ApplicationState.UnderReview) application.StartReview(context, staff);
            // Demo history, not news: nobody is emailed about it.
            application.ClearDomainEvents();
            db.Applications.Add(application);
        }
        await db.SaveChangesAsync();
        return true;
    }

    internal static void Check(IdentityResult result, string email)
    {
        if (!result.Succeeded)
            throw new InvalidOperationException($"Demo account {email}: {string.Join("; ", result.Errors.Select(e => e.Description))}");
    }
}

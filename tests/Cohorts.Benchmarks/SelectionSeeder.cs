using Bogus;
using Cohorts.Domain;
using Cohorts.Domain.Applications;
using Cohorts.Domain.Catalogue;
using Cohorts.Domain.Selection;
using Cohorts.Domain.Workflow;
using Cohorts.Web.Data;
using Cohorts.Web.Identity;
using Microsoft.EntityFrameworkCore;

namespace Cohorts.Benchmarks;

/// <summary>
/// The committee at the size the issue measures: one more cohort, "Sélection 2 000", with 2,000 applications under review,
/// a committee of 60 reviewers over the seeded administrations, three submitted reviews per application, caps, and
/// scoring closed, so that the ranking and the proposal pages compute over all of it.
/// </summary>
public static class SelectionSeeder
{
    public const string CohortName = "Sélection 2 000";
    private const int Applications = 2_000;
    private const int Reviewers = 60;

    public static async Task<int> SeedAsync(CohortsDbContext db, DateTimeOffset now)
    {
        if (await db.Cohorts.SingleOrDefaultAsync(c => c.Name == CohortName) is { } existing) return existing.Id;
        // All or nothing: a seeding cut short must not leave a cohort that the next run takes as seeded.
        await using var transaction = await db.Database.BeginTransactionAsync();
        Randomizer.Seed = new Random(11);
        var faker = new Faker("fr");
        var program = await db.Programs.OrderBy(p => p.Id).FirstAsync();
        var today = ParisTime.Today(now);
        var cohort = Cohort.Create(program, CohortName, 100, today.AddMonths(3), today.AddMonths(5), now.AddDays(-40), now.AddDays(-1));
        db.Cohorts.Add(cohort);
        var rubric = Rubric.Create(program.Id, 1, 5, 0,
        [
            new("Motivation", "", 2, ["1", "2", "3", "4", "5"]),
            new("Adéquation au programme", "", 1, ["1", "2", "3", "4", "5"]),
            new("Capacité à diffuser le changement", "", 1, ["1", "2", "3", "4", "5"]),
        ], now);
        db.Rubrics.Add(rubric);
        await db.SaveChangesAsync();
        var settings = SelectionSettings.For(cohort.Id);
        settings.Edit(3, null, 1.5, maxPerAdministration: 2, maxPerMinistry: 20, null, minimumShareB: 30, null, waitlistLength: 200, offerDays: 7);
        settings.FreezeRubric(rubric.Id);
        db.SelectionSettings.Add(settings);

        var administrations = await db.Administrations.Select(a => a.Id).ToListAsync();
        var reviewers = Enumerable.Range(1, Reviewers).Select(n =>
        {
            var user = CohortsUser.Create($"jury{n}@bench.cohorts.test", faker.Name.FirstName(), faker.Name.LastName(), now);
            user.NormalizedEmail = user.Email!.ToUpperInvariant();
            user.NormalizedUserName = user.NormalizedEmail;
            user.AdministrationId = administrations[n * 3 % administrations.Count];
            return user;
        }).ToList();
        db.Users.AddRange(reviewers);
        db.CommitteeMembers.AddRange(reviewers.Select(r => new CommitteeMember(cohort.Id, r.Id, now)));
        var staff = new ActorRef(Actor.ProgramManager, null, "Bench Mesure");
        // The program's endorsement stage is left out here: the benchmark measures the committee, not the journey.
        var context = ApplicationContext.For(cohort, now.AddDays(-10)) with { RequiresEndorsement = false };
        var owner = reviewers[0];
        var cv = Web.Documents.StoredDocument.Create(owner.Id, "cv.pdf", "application/pdf", "%PDF-1.4\n%%EOF\n"u8.ToArray(), now);
        db.Documents.Add(cv);
        var applications = new List<Application>();
        for (var i = 0; i < Applications; i++)
        {
            var (first, last) = (faker.Name.FirstName(), faker.Name.LastName());
            // Bogus's names may hold apostrophes: the address is plain, for the application's format check.
            var email = $"agent.selection{i}@agents.gouv.fr";
            var user = CohortsUser.Create(email, first, last, now);
            user.NormalizedEmail = email.ToUpperInvariant();
            user.NormalizedUserName = user.NormalizedEmail;
            db.Users.Add(user);
            var application = Application.Start(cohort.Id, user.As(Actor.Candidate), new ApplicationDetails(Civility.Madame, first, last, email,
                administrations[faker.Random.Int(0, administrations.Count - 1)], faker.PickRandom<ServiceCategory>(), "Attaché", "Cheffe de projet",
                "Je veux apprendre.", true, "Jean Chef", "jean.chef@agents.gouv.fr"), context.Now);
            application.AttachCv(cv.Id, context);
            application.Submit(context with { Now = context.Now.AddSeconds(i) }, user.As(Actor.Candidate));
            application.StartReview(context, staff);
            application.ClearDomainEvents();
            applications.Add(application);
        }
        db.Applications.AddRange(applications);
        await db.SaveChangesAsync();

        var plan = AutoAssignment.Assign(applications.Select(a => new AssignableApplication(a.Id, a.AdministrationId)).ToList(),
            reviewers.Select(r => new CommitteeReviewer(r.Id, r.FullName, r.AdministrationId)).ToList(), [], [], perApplication: 3);
        var quality = applications.ToDictionary(a => a.Id, _ => faker.Random.Double(1.5, 4.5));
        var severity = reviewers.ToDictionary(r => r.Id, _ => faker.Random.Double(-0.8, 0.8));
        foreach (var pair in plan.Added)
        {
            var assignment = ReviewAssignment.Create(cohort.Id, pair.ApplicationId, pair.ReviewerId, now);
            db.ReviewAssignments.Add(assignment);
            var review = Review.Start(assignment, rubric, now);
            review.Save(rubric, settings, rubric.Criteria.Select(c => new ScoreInput(c.Id,
                Math.Clamp((int)Math.Round(quality[pair.ApplicationId] + severity[pair.ReviewerId] + faker.Random.Double(-0.7, 0.7)), 1, 5), null)).ToList(),
                "", submit: true, now);
            db.Reviews.Add(review);
        }
        settings.CloseScoring(now);
        await db.SaveChangesAsync();
        await transaction.CommitAsync();
        Console.WriteLine($"Seeded {CohortName}: {Applications} applications under review, {plan.Added.Count} submitted reviews by {Reviewers} reviewers.");
        return cohort.Id;
    }
}

using System.Diagnostics;
using Cohorts.Domain.Applications;
using Cohorts.Domain.Enrollments;
using Cohorts.Domain.Workflow;
using Cohorts.Web.Applications;
using Cohorts.Web.Documents;
using Cohorts.Web.Identity;
using Cohorts.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Cohorts.Web.Tests.Applications;

public sealed class LifecycleEventDeclarationTests
{
    [Fact]
    public void Every_application_event_is_either_emailed_or_declared_silent_with_a_reason()
    {
        foreach (var raised in Enum.GetValues<ApplicationEvent>())
        {
            var silent = LifecycleEvents.SilentApplicationEvents.TryGetValue(raised, out var reason);
            Assert.True(LifecycleEvents.Emailed.Contains(raised) != silent, $"{raised}: handled and silent, or neither");
            Assert.True(!silent || !string.IsNullOrWhiteSpace(reason), $"{raised}: silent without a reason");
        }
    }

    [Fact]
    public void Every_enrollment_event_is_declared_silent_with_a_reason()
    {
        foreach (var raised in Enum.GetValues<EnrollmentEvent>())
            Assert.False(string.IsNullOrWhiteSpace(LifecycleEvents.SilentEnrollmentEvents.GetValueOrDefault(raised)), $"{raised}: not declared");
    }
}

[Collection(AppFixtureGroup.Name)]
public sealed class LifecycleEventsTests(CohortsApp app) : IAsyncLifetime
{
    private const int Count = 500;
    private readonly ApplicationScenario _scenario = new(app);

    public async Task InitializeAsync()
    {
        await app.ResetAsync();
        await _scenario.SeedAsync(requiresEndorsement: false);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Moving_500_applications_in_one_save_writes_500_emails_with_a_bounded_number_of_queries()
    {
        await SubmitManyAsync();
        var admin = new ActorRef(Actor.Admin, null, "Marie Seconde");

        var (selects, written) = await app.WithDbAsync(async db =>
        {
            var applications = await db.Applications.Include(a => a.History).ToListAsync();
            var cohort = await db.Cohorts.Include(c => c.Program).SingleAsync();
            var context = ApplicationContext.For(cohort, app.Clock.GetUtcNow(), "Catégorie non éligible à ce programme");
            foreach (var application in applications) application.MarkIneligible(context, admin);
            using var commands = new CommandLog();
            await db.SaveChangesAsync();
            var selects = commands.Texts.Count(t => t.TrimStart().StartsWith("SELECT", StringComparison.OrdinalIgnoreCase));
            Assert.True(commands.Texts.Count > 0, "no command seen");
            return (selects, await db.OutboxMessages.CountAsync(m => m.Subject.EndsWith(": Non recevable")));
        });

        Assert.Equal(Count, written);
        // The cohorts and the candidates' addresses, one query each: not one per application.
        Assert.InRange(selects, 1, 10);
    }

    /// <summary>500 candidates, each with a submitted application (and its acknowledgement already written).</summary>
    private async Task SubmitManyAsync()
    {
        await app.WithDbAsync(async db =>
        {
            var now = app.Clock.GetUtcNow();
            var cohort = await db.Cohorts.Include(c => c.Program).SingleAsync();
            var administration = await db.Administrations.Select(a => a.Id).FirstAsync();
            var context = ApplicationContext.For(cohort, now);
            for (var i = 0; i < Count; i++)
            {
                var user = CohortsUser.Create($"candidat{i}@numerique.gouv.fr", "Camille", $"Durand{i}", now);
                user.NormalizedEmail = user.Email!.ToUpperInvariant();
                user.NormalizedUserName = user.NormalizedEmail;
                db.Users.Add(user);
                var cv = StoredDocument.Create(user.Id, "cv.pdf", "application/pdf", ApplicationScenario.Pdf, now);
                db.Documents.Add(cv);
                var application = Application.Start(cohort.Id, user.As(Actor.Candidate), new ApplicationDetails(Civility.Madame, "Camille",
                    $"Durand{i}", $"candidat{i}@numerique.gouv.fr", administration, ServiceCategory.A, "Attachée", "Cheffe de projet",
                    "Je veux apprendre.", true, "Jean Chef", "jean.chef@numerique.gouv.fr"), now);
                application.AttachCv(cv.Id, context);
                application.Submit(context, user.As(Actor.Candidate));
                db.Applications.Add(application);
            }
            await db.SaveChangesAsync();
            return 0;
        });
    }
}

using Cohorts.Domain;
using Cohorts.Domain.Sessions;
using Cohorts.Web.Sessions;
using Cohorts.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Cohorts.Web.Tests.Sessions;

/// <summary>
/// The clash rules, held by the database (exclusion constraints on <c>session_bookings</c>, the trigger on sessions),
/// and said in French by <see cref="SessionStore"/>.
/// </summary>
[Collection(AppFixtureGroup.Name)]
public sealed class ClashTests(CohortsApp app) : IAsyncLifetime
{
    private SessionScenario scenario = null!;

    public async Task InitializeAsync()
    {
        await app.ResetAsync();
        scenario = await new SessionScenario(app).SeedAsync(participants: 3);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Two_sessions_of_the_cohort_at_overlapping_times_are_refused_with_what_clashes()
    {
        await scenario.SessionAsync(SessionKind.InPerson, scenario.At(3, 9, 30), scenario.At(3, 17), title: "Journée stratégie");
        var refused = await Assert.ThrowsAsync<DomainException>(() =>
            scenario.SessionAsync(SessionKind.Remote, scenario.At(3, 16), scenario.At(3, 18), leadId: scenario.OtherCoach.Id));
        Assert.Contains("La promotion a déjà « Journée stratégie » le", refused.Message);
        Assert.Contains("de 09:30 à 17:00", refused.Message);
        // Back to back is no clash.
        await scenario.SessionAsync(SessionKind.Remote, scenario.At(3, 17), scenario.At(3, 18), leadId: scenario.OtherCoach.Id);
    }

    [Fact]
    public async Task A_lead_cannot_lead_two_overlapping_sessions_even_in_two_cohorts()
    {
        var (other, _) = await scenario.SeedOtherCohortAsync();
        await scenario.SessionAsync(SessionKind.InPerson, scenario.At(4, 14), scenario.At(4, 16), title: "Atelier data");
        var refused = await Assert.ThrowsAsync<DomainException>(() =>
            scenario.SessionAsync(SessionKind.InPerson, scenario.At(4, 15), scenario.At(4, 17), cohortId: other));
        Assert.Contains("Claire Animatrice anime déjà « Atelier data » le", refused.Message);
    }

    [Fact]
    public async Task A_coaching_participant_cannot_be_booked_during_a_session_of_their_cohort_nor_in_two_coaching_sessions()
    {
        var camille = scenario.Participants[0];
        await scenario.SessionAsync(SessionKind.InPerson, scenario.At(5, 9), scenario.At(5, 12), title: "Matinée cloud");
        var duringCohort = await Assert.ThrowsAsync<DomainException>(() =>
            scenario.SessionAsync(SessionKind.Coaching, scenario.At(5, 11), scenario.At(5, 12), participantIds: [camille.Id]));
        Assert.Contains($"{camille.Name} a déjà « Matinée cloud »", duringCohort.Message);

        await scenario.SessionAsync(SessionKind.Coaching, scenario.At(5, 14), scenario.At(5, 15), participantIds: [camille.Id], title: "Point d'étape");
        var twice = await Assert.ThrowsAsync<DomainException>(() => scenario.SessionAsync(SessionKind.Coaching, scenario.At(5, 14, 30),
            scenario.At(5, 15, 30), leadId: scenario.OtherCoach.Id, participantIds: [camille.Id]));
        Assert.Contains($"{camille.Name} participe déjà à « Point d'étape »", twice.Message);
        // Two participants coached at once by two coaches: no clash.
        await scenario.SessionAsync(SessionKind.Coaching, scenario.At(5, 14), scenario.At(5, 15), leadId: scenario.OtherCoach.Id,
            participantIds: [scenario.Participants[1].Id]);
    }

    [Fact]
    public async Task The_database_refuses_a_clash_that_skips_the_check()
    {
        await scenario.SessionAsync(SessionKind.InPerson, scenario.At(6, 9), scenario.At(6, 12));
        var refused = await Assert.ThrowsAsync<DbUpdateException>(() => app.WithDbAsync(async db =>
        {
            var cohort = await db.Cohorts.SingleAsync(c => c.Id == scenario.CohortId);
            db.Sessions.Add(Session.Plan(cohort.Id, new SessionDetails(SessionKind.Remote, "Classe", scenario.At(6, 11), scenario.At(6, 13), true, 2,
                scenario.OtherCoach.Id, VideoLink: "https://visio.example/x"), SessionWindow.Of(cohort), app.Clock.GetUtcNow()));
            return await db.SaveChangesAsync();
        }));
        var postgres = Assert.IsType<PostgresException>(refused.InnerException);
        Assert.Equal(PostgresErrorCodes.ExclusionViolation, postgres.SqlState);
        Assert.Equal("ex_session_bookings_cohort", postgres.ConstraintName);
    }

    [Fact]
    public async Task A_cancelled_session_frees_its_time()
    {
        var first = await scenario.SessionAsync(SessionKind.InPerson, scenario.At(7, 9), scenario.At(7, 12));
        await app.WithDbAsync(async db =>
        {
            var session = await db.Sessions.Include(s => s.Bookings).SingleAsync(s => s.Id == first.Id);
            session.Cancel("Grève", app.Clock.GetUtcNow());
            return await db.SaveChangesAsync();
        });
        await scenario.SessionAsync(SessionKind.InPerson, scenario.At(7, 9), scenario.At(7, 12));
    }

    [Fact]
    public async Task A_session_outside_the_cohort_is_refused_by_the_domain_and_by_the_database()
    {
        var before = ParisTime.FromParis(scenario.StartsOn.AddDays(-1).ToDateTime(new TimeOnly(9, 0)));
        var domain = await Assert.ThrowsAsync<DomainException>(() => scenario.SessionAsync(SessionKind.InPerson, before, before.AddHours(2)));
        Assert.Contains("La séance doit avoir lieu pendant la promotion, du", domain.Message);

        var session = await scenario.SessionAsync(SessionKind.InPerson, scenario.At(8, 9), scenario.At(8, 12));
        var database = await Assert.ThrowsAsync<PostgresException>(() => app.WithDbAsync(db => db.Database.ExecuteSqlAsync(
            $"UPDATE sessions SET starts_at = {before}, ends_at = {before.AddHours(2)} WHERE id = {session.Id}")));
        Assert.Equal("ck_sessions_within_cohort", database.ConstraintName);
        var cohortDates = await Assert.ThrowsAsync<PostgresException>(() => app.WithDbAsync(db => db.Database.ExecuteSqlAsync(
            $"UPDATE cohorts SET ends_on = {scenario.StartsOn.AddDays(1)} WHERE id = {scenario.CohortId}")));
        Assert.Equal("ck_cohort_dates_hold_sessions", cohortDates.ConstraintName);
    }

    [Fact]
    public async Task A_session_moved_in_place_keeps_its_bookings_and_raises_its_sequence()
    {
        var created = await scenario.SessionAsync(SessionKind.InPerson, scenario.At(9, 9), scenario.At(9, 12));
        await app.WithDbAsync(async db =>
        {
            var session = await db.Sessions.Include(s => s.Bookings).Include(s => s.Participants).SingleAsync(s => s.Id == created.Id);
            var cohort = await db.Cohorts.SingleAsync(c => c.Id == scenario.CohortId);
            Assert.True(session.Change(session.Details() with { StartsAt = scenario.At(9, 10), EndsAt = scenario.At(9, 13) },
                SessionWindow.Of(cohort), app.Clock.GetUtcNow()));
            Assert.Empty(await SessionStore.SaveAsync(db, session, CancellationToken.None));
            return 0;
        });
        var stored = await app.WithDbAsync(db => db.Sessions.AsNoTracking().Include(s => s.Bookings).SingleAsync(s => s.Id == created.Id));
        Assert.Equal(1, stored.Sequence);
        Assert.Equal(2, stored.Bookings.Count);
        Assert.All(stored.Bookings, b => Assert.Equal(scenario.At(9, 10), b.StartsAt));
    }
}

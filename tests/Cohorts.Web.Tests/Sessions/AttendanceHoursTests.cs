using Cohorts.Domain.Sessions;
using Cohorts.Web.Sessions;
using Cohorts.Web.Tests.Support;

namespace Cohorts.Web.Tests.Sessions;

/// <summary>The participants' hours as every page reads them: over all planned mandatory hours, sessions to come included.</summary>
[Collection(AppFixtureGroup.Name)]
public sealed class AttendanceHoursTests(CohortsApp app) : IAsyncLifetime
{
    private SessionScenario scenario = null!;

    public async Task InitializeAsync()
    {
        await app.ResetAsync();
        scenario = await new SessionScenario(app).SeedAsync(participants: 2);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task The_rate_counts_every_planned_mandatory_hour_and_coaching_only_for_those_named()
    {
        var (camille, other) = (scenario.Participants[0], scenario.Participants[1]);
        await scenario.PairAsync(scenario.Coach, [camille]);
        var held = await scenario.SessionAsync(SessionKind.InPerson, scenario.At(-3, 9), scenario.At(-3, 12));
        await scenario.SessionAsync(SessionKind.Remote, scenario.At(4, 14), scenario.At(4, 17));
        await scenario.SessionAsync(SessionKind.Remote, scenario.At(5, 14), scenario.At(5, 16), mandatory: false);
        var coaching = await scenario.SessionAsync(SessionKind.Coaching, scenario.At(-2, 10), scenario.At(-2, 11), participantIds: [camille.Id]);
        await scenario.MarkAsync(held.Id, camille, AttendanceStatus.Late);
        await scenario.MarkAsync(held.Id, other, AttendanceStatus.Absent);
        await scenario.MarkAsync(coaching.Id, camille, AttendanceStatus.Present);

        var records = await app.WithDbAsync(db => AttendanceHours.ForCohortAsync(db, scenario.CohortId, CancellationToken.None));

        // Camille: 3 + 3 + 1 mandatory planned, 3 (late counts) + 1 attended.
        Assert.Equal(new ParticipantHours(7, 4, 4), records[camille.Id].Hours);
        Assert.Equal(1m, records[camille.Id].Hours.BestReachableRate);
        Assert.Equal(0.5714m, records[camille.Id].Hours.Rate);
        Assert.Equal(new ParticipantHours(6, 0, 0, MissedMandatory: 3), records[other.Id].Hours);
        Assert.True(records[other.Id].Hours.Below(80));
        // Absent for 3 of 6 hours: 50 % at best.
        Assert.True(records[other.Id].Hours.OutOfReach(80));
        Assert.False(records[other.Id].Hours.OutOfReach(50));
        Assert.Equal(0, records[camille.Id].CoachingHoursLogged);
    }
}

using Cohorts.Domain.Sessions;
using Cohorts.Web.Tests.Support;

namespace Cohorts.Web.Tests.Hosting;

/// <summary>A session's attendance sheet, for its lead; a cohort's attendance threshold, for its manager.</summary>
public sealed partial class EveryFormTests
{
    /// <summary>The sheet of a session held yesterday, every participant marked present.</summary>
    private async Task<Target> AttendanceSheetAsync()
    {
        var sessions = await new SessionScenario(app).SeedAsync(participants: 2);
        var held = await sessions.SessionAsync(SessionKind.InPerson, sessions.At(-1, 9), sessions.At(-1, 12));
        var lead = await sessions.SignInAsync(SessionScenario.FacilitatorEmail);
        var page = $"/seances/{held.Id}/presences";
        return new Target(lead, page, page, sessions.Participants.ToDictionary(p => $"Marks[{p.Id}]", _ => nameof(AttendanceStatus.Present)));
    }

    private async Task<Target> AttendanceThresholdAsync()
    {
        var sessions = await new SessionScenario(app).SeedAsync(participants: 1);
        var manager = await sessions.SignInAsync(SessionScenario.ManagerEmail);
        var page = $"/gestion/promotions/{sessions.CohortId}/assiduite";
        return new Target(manager, page, page, new() { ["Threshold"] = "80" });
    }
}

using Cohorts.Domain.Sessions;
using Cohorts.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Cohorts.Web.Tests.Hosting;

/// <summary>« Mon parcours »: a participant's rating of a session they attended.</summary>
public sealed partial class EveryFormTests
{
    /// <summary>A held session the participant attended; each post finds it not rated yet.</summary>
    private async Task<Target> SessionRatingAsync()
    {
        var sessions = await new SessionScenario(app).SeedAsync(participants: 1);
        var held = await sessions.SessionAsync(SessionKind.InPerson, sessions.At(-3, 9), sessions.At(-3, 12));
        await sessions.MarkAsync(held.Id, sessions.Participants[0], AttendanceStatus.Present);
        var participant = await sessions.SignInAsync(sessions.Participants[0].Email);
        var page = $"/parcours/seances/{held.Id}/avis";
        return new Target(participant, page, page, new() { ["Score"] = "4", ["Comment"] = "Très utile pour mon projet." })
        {
            BeforeEachPost = _ => app.WithDbAsync(db => db.SessionRatings.ExecuteDeleteAsync()),
        };
    }
}

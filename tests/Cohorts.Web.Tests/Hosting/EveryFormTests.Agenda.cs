using Cohorts.Web.Sessions;
using Cohorts.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Cohorts.Web.Tests.Hosting;

/// <summary>« Mon agenda »: a participant's calendar feed, created (each post finds none), regenerated or revoked (each post finds one).</summary>
public sealed partial class EveryFormTests
{
    private async Task<Target> AgendaAsync(string handler)
    {
        var sessions = await new SessionScenario(app).SeedAsync(participants: 1);
        var participant = sessions.Participants[0];
        var client = await sessions.SignInAsync(participant.Email);
        Task Restore() => app.WithDbAsync(async db =>
        {
            await db.CalendarFeeds.ExecuteDeleteAsync();
            if (handler != "Create") db.CalendarFeeds.Add(CalendarFeed.Create(participant.Id, app.Clock.GetUtcNow()).Feed);
            return await db.SaveChangesAsync();
        });
        await Restore();
        return new Target(client, $"/agenda?handler={handler}", "/agenda", []) { BeforeEachPost = _ => Restore() };
    }
}

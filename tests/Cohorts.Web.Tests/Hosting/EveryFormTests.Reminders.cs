using Cohorts.Web.Identity;
using Microsoft.EntityFrameworkCore;

namespace Cohorts.Web.Tests.Hosting;

/// <summary>A cohort's reminder switches, for its manager.</summary>
public sealed partial class EveryFormTests
{
    /// <summary>Switching the reviews' reminder off (each post finds it on) or on (each post finds it off).</summary>
    private async Task<Target> ReminderSwitchAsync(string handler)
    {
        var manager = await _scenario.SignedInAsync("responsable@cohorts.test", Roles.ProgramManager, "Paul", "Responsable");
        var page = $"/gestion/promotions/{_scenario.CohortId}/rappels";
        Task Restore() => handler == "SwitchOff"
            ? app.WithDbAsync(db => db.ReminderSwitches.ExecuteDeleteAsync())
            : app.WithDbAsync(db => db.Database.ExecuteSqlRawAsync(
                "INSERT INTO reminder_switches (cohort_id, kind, switched_off_at, switched_off_by) VALUES ({0}, 'ReviewsDue', now(), 'Paul Responsable') ON CONFLICT DO NOTHING",
                _scenario.CohortId));
        await Restore();
        return new Target(manager, $"{page}?handler={handler}", page, new() { ["Kind"] = "ReviewsDue" }) { BeforeEachPost = _ => Restore() };
    }
}

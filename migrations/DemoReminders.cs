using Cohorts.Domain.Applications;
using Cohorts.Domain.Catalogue;
using Cohorts.Domain.Workflow;
using Cohorts.Web.Data;
using Cohorts.Web.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Cohorts.Migrations;

/// <summary>
/// Something for the reminders page to show: a few more drafts, begun on different days, in Booster Agile's open cohort
/// (with the demo candidate's, each reminded 7 days and 1 day before its deadline). The other kinds find their subjects in
/// the rest of the demo: the demo reviewer's reviews left to write, the application awaiting its line manager's endorsement.
/// Idempotent: nothing is added once the first of these candidates exists.
/// </summary>
public static class DemoReminders
{
    public static readonly IReadOnlyList<(string Email, Civility Civility, string FirstName, string LastName, int DaysAgo)> Drafts =
    [
        ("zoe.lambert@demo.cohorts.test", Civility.Madame, "Zoé", "Lambert", 12),
        ("yanis.mercier@demo.cohorts.test", Civility.Monsieur, "Yanis", "Mercier", 5),
        ("manon.robin@demo.cohorts.test", Civility.Madame, "Manon", "Robin", 1),
    ];

    public static async Task<bool> SeedAsync(CohortsDbContext db, UserManager<CohortsUser> users, DateTimeOffset now)
    {
        if (await users.FindByEmailAsync(Drafts[0].Email) is not null) return false;
        var cohort = (await db.Cohorts.Include(c => c.Program).Where(c => c.Program.Slug == "booster-agile").ToListAsync())
            .Where(c => c.PhaseAt(now) == CohortPhase.OpenForApplications).OrderBy(c => c.StartsOn).ThenBy(c => c.Id).FirstOrDefault();
        if (cohort is null) return false;
        foreach (var (email, civility, firstName, lastName, daysAgo) in Drafts)
        {
            var begun = now.AddDays(-daysAgo);
            // Demo candidates without a password: they exist to be reminded, not to sign in.
            var user = CohortsUser.Create(email, firstName, lastName, begun);
            user.EmailConfirmed = true;
            DemoData.Check(await users.CreateAsync(user), email);
            DemoData.Check(await users.AddToRoleAsync(user, Roles.Candidate), email);
            db.Applications.Add(Application.Start(cohort.Id, new ActorRef(Actor.Candidate, user.Id, user.FullName),
                ApplicationDetails.Empty with { Civility = civility, FirstName = firstName, LastName = lastName, ProfessionalEmail = email }, begun));
        }
        await db.SaveChangesAsync();
        return true;
    }
}

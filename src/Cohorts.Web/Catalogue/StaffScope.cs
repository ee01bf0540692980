using System.Security.Claims;
using Cohorts.Domain.Applications;
using Cohorts.Domain.Catalogue;
using Cohorts.Web.Data;
using Cohorts.Web.Emails;
using Cohorts.Web.Identity;

namespace Cohorts.Web.Catalogue;

/// <summary>
/// The one place that says which programs a staff member runs: an Admin all of them, a ProgramManager those assigned to
/// them, anyone else none. Every staff page filters through it, so that another program's cohort, application or
/// document does not exist for them (404, not 403).
/// </summary>
public static class StaffScope
{
    public static IQueryable<int> ProgramsManagedBy(this CohortsDbContext db, ClaimsPrincipal user)
    {
        if (user.IsInRole(Roles.Admin)) return db.Programs.Select(p => p.Id);
        var userId = user.FindFirstValue(ClaimTypes.NameIdentifier);
        if (!user.IsInRole(Roles.ProgramManager) || userId is null) return db.Programs.Where(_ => false).Select(p => p.Id);
        return db.ProgramManagers.Where(m => m.UserId == userId).Select(m => m.ProgramId);
    }

    public static IQueryable<TrainingProgram> ManagedBy(this IQueryable<TrainingProgram> programs, CohortsDbContext db, ClaimsPrincipal user)
    {
        var managed = db.ProgramsManagedBy(user);
        return programs.Where(p => managed.Contains(p.Id));
    }

    public static IQueryable<Cohort> ManagedBy(this IQueryable<Cohort> cohorts, CohortsDbContext db, ClaimsPrincipal user)
    {
        var managed = db.ProgramsManagedBy(user);
        return cohorts.Where(c => managed.Contains(c.ProgramId));
    }

    public static IQueryable<Application> ManagedBy(this IQueryable<Application> applications, CohortsDbContext db, ClaimsPrincipal user)
    {
        var managed = db.ProgramsManagedBy(user);
        return applications.Where(a => db.Cohorts.Any(c => c.Id == a.CohortId && managed.Contains(c.ProgramId)));
    }

    /// <summary>
    /// The outbox messages of the cohorts of programs the user runs; the messages about no cohort (accounts, passwords)
    /// are an Admin's only.
    /// </summary>
    public static IQueryable<OutboxMessage> ManagedBy(this IQueryable<OutboxMessage> messages, CohortsDbContext db, ClaimsPrincipal user)
    {
        if (user.IsInRole(Roles.Admin)) return messages;
        var managed = db.ProgramsManagedBy(user);
        return messages.Where(m => m.CohortId != null && db.Cohorts.Any(c => c.Id == m.CohortId && managed.Contains(c.ProgramId)));
    }
}

using Cohorts.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Cohorts.Web.Pages.Attendance;

/// <summary>Participants as the attendance pages list them: by last name, then first name.</summary>
public static class People
{
    public sealed record Person(string Id, string Name, string Email);

    public static Task<List<Person>> ByNameAsync(CohortsDbContext db, IQueryable<string> ids, CancellationToken cancellationToken) =>
        db.Users.AsNoTracking().Where(u => ids.Contains(u.Id))
            .OrderBy(u => u.LastName).ThenBy(u => u.FirstName).ThenBy(u => u.Email)
            .Select(u => new Person(u.Id, (u.FirstName + " " + u.LastName).Trim(), u.Email ?? "")).ToListAsync(cancellationToken);
}

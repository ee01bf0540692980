using Cohorts.Web.Data;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Cohorts.Web.Pages.Admin.Users;

/// <summary>Every account with its roles and state (Admin only, by the /Admin folder convention).</summary>
public sealed class IndexModel(CohortsDbContext db, TimeProvider clock) : PageModel
{
    public IReadOnlyList<AccountRow> Accounts { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        Accounts = await db.Users.AsNoTracking()
            .OrderBy(u => u.LastName).ThenBy(u => u.FirstName)
            .Select(u => new AccountRow(
                u.Id,
                u.FirstName + " " + u.LastName,
                u.Email!,
                db.UserRoles.Where(ur => ur.UserId == u.Id).Join(db.Roles, ur => ur.RoleId, r => r.Id, (_, r) => r.Name!).ToList(),
                u.EmailConfirmed,
                u.LockoutEnd != null && u.LockoutEnd > now))
            .ToListAsync(cancellationToken);
    }

    public sealed record AccountRow(string Id, string Name, string Email, List<string> Roles, bool Confirmed, bool LockedOut);
}

using Cohorts.Web.Data;
using Cohorts.Web.Identity;
using Cohorts.Web.Lists;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Cohorts.Web.Pages.Admin.Users;

/// <summary>
/// The accounts with their roles and state, 50 a page, searched by name or address, filtered by role, sorted by
/// name or address (Admin only, by the /Admin folder convention).
/// </summary>
public sealed class IndexModel(CohortsDbContext db, TimeProvider clock) : PageModel
{
    /// <summary>A role name of <see cref="Roles.All"/>; anything else lists every account.</summary>
    [BindProperty(SupportsGet = true)] public string? Role { get; set; }

    public ListQuery List { get; private set; } = null!;
    public ListPage<AccountRow> Accounts { get; private set; } = null!;
    public ListLinks Links { get; private set; } = null!;

    public static IReadOnlyList<string> SortKeys { get; } = ["name", "email"];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        List = ListQuery.Read(Request, SortKeys);
        var users = db.Users.AsNoTracking();
        if (List.Search.Length > 0)
            users = users.Where(u => EF.Functions.Like(EF.Property<string>(u, SearchText.Column), SearchText.Contains(List.Search), SearchText.LikeEscape));
        if (Roles.All.Contains(Role))
            users = users.Where(u => db.UserRoles.Any(ur => ur.UserId == u.Id && db.Roles.Any(r => r.Id == ur.RoleId && r.Name == Role)));
        else
            Role = null;
        var d = List.Descending;
        var sorted = List.Sort == "email"
            ? users.OrderBy(u => u.NormalizedEmail, d).ThenBy(u => u.Id, d)
            : users.OrderBy(u => u.LastName, d).ThenBy(u => u.FirstName, d).ThenBy(u => u.Id, d);
        Accounts = await List.PageAsync(sorted.Select(u => new AccountRow(
                u.Id,
                u.FirstName + " " + u.LastName,
                u.Email!,
                db.UserRoles.Where(ur => ur.UserId == u.Id).Join(db.Roles, ur => ur.RoleId, r => r.Id, (_, r) => r.Name!).ToList(),
                u.EmailConfirmed,
                u.LockoutEnd != null && u.LockoutEnd > now)), cancellationToken);
        Links = new ListLinks(Request.Path, Request.Query, List, Accounts.PageNumber, Accounts.PageCount);
        return Page();
    }

    public sealed record AccountRow(string Id, string Name, string Email, List<string> Roles, bool Confirmed, bool LockedOut);
}

using System.Security.Claims;
using Cohorts.Web.Identity;

namespace Cohorts.Web.Pages;

public sealed record NavigationItem(string Label, string Path);

/// <summary>The main menu: what each role can reach. Pages still check access themselves.</summary>
public static class Navigation
{
    public static IReadOnlyList<NavigationItem> For(ClaimsPrincipal user)
    {
        var items = new List<NavigationItem> { new("Programmes", "/") };
        if (user.IsInRole(Roles.Candidate)) items.Add(new("Mes candidatures", "/candidatures"));
        if (Roles.IsManagement(user)) items.Add(new("Gestion", "/gestion"));
        if (user.IsInRole(Roles.Admin))
        {
            items.Add(new("Comptes", "/admin/comptes"));
            items.Add(new("Tâches de fond", "/admin/jobs"));
        }
        return items;
    }
}

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
        if (user.IsInRole(Roles.Candidate))
        {
            items.Add(new("Mes candidatures", "/candidatures"));
            items.Add(new("Mon parcours", "/parcours"));
        }
        if (user.IsInRole(Roles.Coach)) items.Add(new("Mon accompagnement", "/accompagnement"));
        if (user.IsInRole(Roles.Reviewer)) items.Add(new("Mes évaluations", "/evaluations"));
        if (Roles.IsManagement(user))
        {
            items.Add(new("Gestion", "/gestion"));
            items.Add(new("Courriels", "/gestion/courriels"));
        }
        if (user.IsInRole(Roles.Admin))
        {
            items.Add(new("Comptes", "/admin/comptes"));
            items.Add(new("Tâches de fond", "/admin/jobs"));
        }
        return items;
    }

    /// <summary>The item of the page shown: the longest path the page's path starts with ("/gestion/courriels" is not "/gestion").</summary>
    public static NavigationItem? Current(IEnumerable<NavigationItem> items, string path) => items
        .Where(i => i.Path == "/" ? path == "/" : path.StartsWith(i.Path, StringComparison.OrdinalIgnoreCase))
        .MaxBy(i => i.Path.Length);

    /// <summary>
    /// Where signing in leads when no page was asked for: a reviewer to their reviews, unless they also manage
    /// programs; everyone else to the catalogue.
    /// </summary>
    public static string Landing(IReadOnlyCollection<string> roles) =>
        roles.Contains(Roles.Reviewer) && !Roles.Management.Any(roles.Contains) ? "/evaluations" : "/";
}

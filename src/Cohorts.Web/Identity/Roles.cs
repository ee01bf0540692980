using System.Security.Claims;
using Cohorts.Domain.Workflow;

namespace Cohorts.Web.Identity;

/// <summary>
/// The roles of Cohorts: the one place that maps them onto the domain's <see cref="Actor"/>s (whose French labels
/// they share) and says which of them are staff. Access to a resource is still checked per resource.
/// </summary>
public static class Roles
{
    public const string Candidate = "Candidate";
    public const string Reviewer = "Reviewer";
    public const string Coach = "Coach";
    public const string ProgramManager = "ProgramManager";
    public const string Admin = "Admin";

    /// <summary>Each role and the actor its holder is in the lifecycles; LineManager and System have no account.</summary>
    private static readonly Dictionary<string, Actor> Actors = new()
    {
        [Candidate] = Actor.Candidate,
        [Reviewer] = Actor.Reviewer,
        [Coach] = Actor.Coach,
        [ProgramManager] = Actor.ProgramManager,
        [Admin] = Actor.Admin,
    };

    public static IReadOnlyList<string> All { get; } = [Candidate, Reviewer, Coach, ProgramManager, Admin];

    /// <summary>Roles an administrator gives to staff accounts; candidates register by themselves.</summary>
    public static IReadOnlyList<string> Staff { get; } = [Reviewer, Coach, ProgramManager, Admin];

    /// <summary>
    /// The staff who manage applications: they open the management pages (the <c>Staff</c> policy, the menu) and the
    /// CVs of submitted applications. In this order: someone holding both roles acts, and is recorded, as program manager.
    /// </summary>
    public static IReadOnlyList<string> Management { get; } = [ProgramManager, Admin];

    public static bool IsManagement(ClaimsPrincipal user) => Management.Any(user.IsInRole);

    public static Actor ToActor(string role) =>
        Actors.TryGetValue(role, out var actor) ? actor : throw new ArgumentOutOfRangeException(nameof(role), role, null);

    /// <summary>The actor a member of the management staff moves an application as: the one their role makes them.</summary>
    public static Actor ManagementActor(ClaimsPrincipal user) =>
        ToActor(Management.FirstOrDefault(user.IsInRole) ?? throw new InvalidOperationException("Not a member of the management staff."));

    public static string ToFrench(string role) => Actors.TryGetValue(role, out var actor) ? actor.ToFrench() : role;
}

using Cohorts.Domain.Workflow;
using Microsoft.AspNetCore.Identity;

namespace Cohorts.Web.Identity;

public sealed class CohortsUser : IdentityUser
{
    public string FirstName { get; set; } = "";
    public string LastName { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>Set while an Admin has deactivated the account: it cannot sign in nor receive a reset link.</summary>
    public DateTimeOffset? DeactivatedAt { get; set; }

    /// <summary>Where a staff member works: the selection's conflict-of-interest rule reads it.</summary>
    public int? AdministrationId { get; set; }

    public string FullName => $"{FirstName} {LastName}".Trim();

    /// <summary>This person as the history of a move records them.</summary>
    public ActorRef As(Actor kind) => new(kind, Id, FullName);

    /// <summary>A new account whose sign-in name is its email address.</summary>
    public static CohortsUser Create(string email, string firstName, string lastName, DateTimeOffset now) => new()
    {
        UserName = email.Trim(),
        Email = email.Trim(),
        FirstName = firstName.Trim(),
        LastName = lastName.Trim(),
        CreatedAt = now,
    };
}

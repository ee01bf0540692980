using Microsoft.AspNetCore.Identity;

namespace Cohorts.Web.Identity;

public sealed class CohortsUser : IdentityUser
{
    public string FirstName { get; set; } = "";
    public string LastName { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }

    public string FullName => $"{FirstName} {LastName}".Trim();
}

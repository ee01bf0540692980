namespace Cohorts.Web.Identity;

/// <summary>The roles of Cohorts and their French labels. Access to a resource is still checked per resource.</summary>
public static class Roles
{
    public const string Candidate = "Candidate";
    public const string Reviewer = "Reviewer";
    public const string Coach = "Coach";
    public const string ProgramManager = "ProgramManager";
    public const string Admin = "Admin";

    public static IReadOnlyList<string> All { get; } = [Candidate, Reviewer, Coach, ProgramManager, Admin];

    /// <summary>Roles an administrator gives to staff accounts; candidates register by themselves.</summary>
    public static IReadOnlyList<string> Staff { get; } = [Reviewer, Coach, ProgramManager, Admin];

    public static string ToFrench(string role) => role switch
    {
        Candidate => "Candidat",
        Reviewer => "Membre du jury",
        Coach => "Coach",
        ProgramManager => "Responsable de programme",
        Admin => "Administrateur",
        _ => role,
    };
}

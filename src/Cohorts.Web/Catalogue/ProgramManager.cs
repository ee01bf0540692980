namespace Cohorts.Web.Catalogue;

/// <summary>A staff account assigned to run a program: it sees and acts on that program's cohorts and applications.</summary>
public sealed class ProgramManager(int programId, string userId)
{
    public int ProgramId { get; private set; } = programId;
    public string UserId { get; private set; } = userId;
}

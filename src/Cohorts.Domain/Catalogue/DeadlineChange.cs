namespace Cohorts.Domain.Catalogue;

/// <summary>A cohort's deadline moved after candidates had started applying: who moved it, when, from and to.</summary>
public sealed class DeadlineChange
{
    private DeadlineChange() { }

    internal DeadlineChange(int cohortId, DateTimeOffset from, DateTimeOffset to, DateTimeOffset at, string? actorId, string actorName)
    {
        CohortId = cohortId;
        From = from;
        To = to;
        At = at;
        ActorId = actorId;
        ActorName = actorName;
    }

    public long Id { get; private set; }
    public int CohortId { get; private set; }
    public DateTimeOffset From { get; private set; }
    public DateTimeOffset To { get; private set; }
    public DateTimeOffset At { get; private set; }
    public string? ActorId { get; private set; }
    public string ActorName { get; private set; } = "";
}

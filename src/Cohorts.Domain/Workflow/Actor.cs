namespace Cohorts.Domain.Workflow;

/// <summary>
/// Who acts, the one list: the people of the account roles, the line manager (no account, a signed link) and
/// System (a job or a chained move). Stored by name, so the order here is free.
/// </summary>
public enum Actor
{
    Candidate,
    LineManager,
    Reviewer,
    Coach,
    ProgramManager,
    Admin,
    System,
}

/// <summary>The person behind a move, as the history records it.</summary>
public sealed record ActorRef(Actor Kind, string? UserId, string Name)
{
    public static ActorRef System { get; } = new(Actor.System, null, "Cohorts");
}

public static class ActorLabels
{
    public static string ToFrench(this Actor actor) => actor switch
    {
        Actor.Candidate => "Candidat",
        Actor.LineManager => "Responsable hiérarchique",
        Actor.Reviewer => "Membre du jury",
        Actor.Coach => "Coach",
        Actor.ProgramManager => "Responsable de programme",
        Actor.Admin => "Administrateur",
        Actor.System => "Cohorts (automatique)",
        _ => throw new ArgumentOutOfRangeException(nameof(actor), actor, null),
    };
}

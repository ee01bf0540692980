namespace Cohorts.Domain.Workflow;

/// <summary>Who fires a transition. Line managers have no account; System is a job or a chained move.</summary>
public enum Actor
{
    Candidate,
    LineManager,
    ProgramManager,
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
        Actor.ProgramManager => "Responsable de programme",
        Actor.System => "Cohorts (automatique)",
        _ => throw new ArgumentOutOfRangeException(nameof(actor), actor, null),
    };
}

namespace Cohorts.Domain.Sessions;

/// <summary>
/// What a session is ("séance"): a day or half-day together somewhere, a video session, or a coach with one or a few of
/// their coachees. In-person and remote sessions are the whole cohort's; a coaching session is only its participants'.
/// </summary>
public enum SessionKind { InPerson, Remote, Coaching }

public static class SessionKinds
{
    public static IReadOnlyList<SessionKind> All { get; } = [SessionKind.InPerson, SessionKind.Remote, SessionKind.Coaching];

    public static string Label(SessionKind kind) => kind switch
    {
        SessionKind.InPerson => "Présentiel",
        SessionKind.Remote => "Distanciel",
        SessionKind.Coaching => "Accompagnement",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    /// <summary>Whether every participant of the cohort attends it (in-person and remote), not only those named.</summary>
    public static bool IsCohortWide(SessionKind kind) => kind != SessionKind.Coaching;
}

namespace Cohorts.Domain.Sessions;

/// <summary>A participant's opinion of a session they attended: 1 to 5, with a comment; one per participant and session.</summary>
public sealed class SessionRating
{
    private SessionRating() { }

    public const int Lowest = 1;
    public const int Highest = 5;
    public const int CommentMaxLength = 2000;

    public Guid Id { get; private set; }
    public Guid SessionId { get; private set; }
    public string ParticipantId { get; private set; } = "";
    public int Score { get; private set; }
    public string Comment { get; private set; } = "";
    public DateTimeOffset RatedAt { get; private set; }

    /// <param name="attendance">The participant's mark for the session, if any: only those who attended rate it.</param>
    /// <param name="alreadyRated">Whether this participant has already rated it (the database's unique index holds it too).</param>
    public static SessionRating Give(Session session, string participantId, AttendanceStatus? attendance, bool alreadyRated, int score,
        string comment, DateTimeOffset now)
    {
        CheckMayRate(session, attendance, alreadyRated, now);
        if (score < Lowest || score > Highest) throw new DomainException($"Choisissez une note de {Lowest} à {Highest}.");
        if (comment.Trim().Length > CommentMaxLength) throw new DomainException($"Le commentaire ne doit pas dépasser {CommentMaxLength} caractères.");
        return new SessionRating
        {
            Id = Guid.CreateVersion7(now), SessionId = session.Id, ParticipantId = participantId, Score = score, Comment = comment.Trim(), RatedAt = now,
        };
    }

    /// <summary>Refuses, in French, a participant who may not rate the session (whatever the score): the form is offered only otherwise.</summary>
    public static void CheckMayRate(Session session, AttendanceStatus? attendance, bool alreadyRated, DateTimeOffset now)
    {
        if (alreadyRated) throw new DomainException("Vous avez déjà donné votre avis sur cette séance : il ne se donne qu'une fois.");
        if (session.IsCancelled) throw new DomainException("Cette séance a été annulée : il n'y a pas d'avis à donner.");
        if (!session.HasEnded(now)) throw new DomainException("La séance n'est pas encore terminée : vous pourrez donner votre avis après.");
        if (attendance is not { } status || !AttendanceStatuses.Attended(status))
            throw new DomainException("Seuls les participants présents à la séance donnent leur avis.");
    }
}

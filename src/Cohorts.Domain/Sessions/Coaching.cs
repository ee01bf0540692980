namespace Cohorts.Domain.Sessions;

/// <summary>A coach taken on for a cohort, with the most coachees they accompany in it.</summary>
public sealed class CohortCoach
{
    private CohortCoach() { }

    public const int LargestCapacity = 50;

    public int CohortId { get; private set; }
    public string CoachId { get; private set; } = "";
    public int MaxCoachees { get; private set; }
    public DateTimeOffset AddedAt { get; private set; }

    public static CohortCoach Add(int cohortId, string coachId, int maxCoachees, DateTimeOffset now)
    {
        var coach = new CohortCoach { CohortId = cohortId, CoachId = coachId, AddedAt = now };
        coach.SetCapacity(maxCoachees, 0);
        return coach;
    }

    /// <summary>Sets the most coachees, never below those already paired.</summary>
    public void SetCapacity(int maxCoachees, int paired)
    {
        if (maxCoachees < 1 || maxCoachees > LargestCapacity)
            throw new DomainException($"Un coach accompagne de 1 à {LargestCapacity} participants.");
        if (maxCoachees < paired)
            throw new DomainException($"Ce coach accompagne déjà {paired} participants : sa limite ne peut pas être plus basse.");
        MaxCoachees = maxCoachees;
    }

    /// <summary>Refuses a new coachee past the limit.</summary>
    public void CheckRoomFor(int paired, string coachName)
    {
        if (paired >= MaxCoachees)
            throw new DomainException($"{coachName} accompagne déjà {paired} participant{(paired > 1 ? "s" : "")}, sa limite pour cette promotion.");
    }
}

/// <summary>A participant of a cohort and their coach; one coach per participant and cohort.</summary>
public sealed class CoachPairing
{
    private CoachPairing() { }

    public Guid Id { get; private set; }
    public int CohortId { get; private set; }
    public string CoachId { get; private set; } = "";
    public string ParticipantId { get; private set; } = "";
    public DateTimeOffset PairedAt { get; private set; }
    public string PairedBy { get; private set; } = "";

    public static CoachPairing Pair(int cohortId, string coachId, string participantId, string pairedBy, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(now), CohortId = cohortId, CoachId = coachId, ParticipantId = participantId, PairedAt = now, PairedBy = pairedBy,
    };
}

/// <summary>How a coaching session was held.</summary>
public enum CoachingMode { InPerson, Video, Phone }

public static class CoachingModes
{
    public static IReadOnlyList<CoachingMode> All { get; } = [CoachingMode.InPerson, CoachingMode.Video, CoachingMode.Phone];

    public static string Label(CoachingMode mode) => mode switch
    {
        CoachingMode.InPerson => "En présentiel",
        CoachingMode.Video => "En visioconférence",
        CoachingMode.Phone => "Au téléphone",
        _ => throw new ArgumentOutOfRangeException(nameof(mode), mode, null),
    };
}

/// <summary>
/// What a coach records after a coaching session ("compte rendu d'accompagnement"): when it was held, how long, how,
/// its topics, a summary shared with the participants, and private notes that only this coach ever sees.
/// </summary>
public sealed class CoachingLog
{
    private CoachingLog() { }

    public const int TopicsMaxLength = 500;
    public const int TextMaxLength = 4000;
    public const int LongestMinutes = 8 * 60;

    public Guid Id { get; private set; }
    public Guid SessionId { get; private set; }
    public string CoachId { get; private set; } = "";
    public DateOnly HeldOn { get; private set; }
    public int DurationMinutes { get; private set; }
    public CoachingMode Mode { get; private set; }
    public string Topics { get; private set; } = "";
    public string SharedSummary { get; private set; } = "";
    public string PrivateNotes { get; private set; } = "";
    public DateTimeOffset LoggedAt { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }
    public uint Version { get; private set; }

    public decimal Hours => Math.Round(DurationMinutes / 60m, 2);

    public static CoachingLog Write(Session session, string coachId, DateOnly heldOn, int durationMinutes, CoachingMode mode, string topics,
        string sharedSummary, string privateNotes, DateTimeOffset now)
    {
        CheckWriter(session, coachId, now);
        var log = new CoachingLog { Id = Guid.CreateVersion7(now), SessionId = session.Id, CoachId = coachId, LoggedAt = now };
        log.Set(heldOn, durationMinutes, mode, topics, sharedSummary, privateNotes, now);
        return log;
    }

    public void Edit(Session session, string coachId, DateOnly heldOn, int durationMinutes, CoachingMode mode, string topics,
        string sharedSummary, string privateNotes, DateTimeOffset now)
    {
        CheckWriter(session, coachId, now);
        if (coachId != CoachId) throw new DomainException("Seul le coach qui l'a rédigé peut modifier ce compte rendu.");
        Set(heldOn, durationMinutes, mode, topics, sharedSummary, privateNotes, now);
    }

    private void Set(DateOnly heldOn, int durationMinutes, CoachingMode mode, string topics, string sharedSummary, string privateNotes,
        DateTimeOffset now)
    {
        if (!Enum.IsDefined(mode)) throw new DomainException("Choisissez comment la séance s'est tenue.");
        if (durationMinutes < 1 || durationMinutes > LongestMinutes)
            throw new DomainException($"Indiquez une durée réelle de 1 à {LongestMinutes} minutes.");
        if (heldOn > ParisTime.Today(now)) throw new DomainException("La date de la séance ne peut pas être dans le futur.");
        if (string.IsNullOrWhiteSpace(topics)) throw new DomainException("Indiquez les thèmes abordés.");
        if (topics.Trim().Length > TopicsMaxLength) throw new DomainException($"Les thèmes ne doivent pas dépasser {TopicsMaxLength} caractères.");
        if (string.IsNullOrWhiteSpace(sharedSummary)) throw new DomainException("Rédigez la synthèse partagée avec le participant.");
        if (sharedSummary.Trim().Length > TextMaxLength) throw new DomainException($"La synthèse ne doit pas dépasser {TextMaxLength} caractères.");
        if (privateNotes.Trim().Length > TextMaxLength) throw new DomainException($"Les notes privées ne doivent pas dépasser {TextMaxLength} caractères.");
        HeldOn = heldOn;
        DurationMinutes = durationMinutes;
        Mode = mode;
        Topics = topics.Trim();
        SharedSummary = sharedSummary.Trim();
        PrivateNotes = privateNotes.Trim();
        UpdatedAt = now;
    }

    private static void CheckWriter(Session session, string coachId, DateTimeOffset now)
    {
        if (session.Kind != SessionKind.Coaching) throw new DomainException("Un compte rendu d'accompagnement porte sur une séance d'accompagnement.");
        if (session.LeadId != coachId) throw new DomainException("Seul le coach de la séance peut en rédiger le compte rendu.");
        if (session.IsCancelled) throw new DomainException("Cette séance est annulée : il n'y a pas de compte rendu à rédiger.");
        if (!session.HasEnded(now)) throw new DomainException("La séance n'est pas encore terminée : le compte rendu se rédige après.");
    }
}

namespace Cohorts.Domain.Catalogue;

/// <summary>One run of a program ("promotion"): its seats, its dates and its call for applications.</summary>
public sealed class Cohort
{
    private Cohort() { }

    public int Id { get; private set; }
    public int ProgramId { get; private set; }
    public TrainingProgram Program { get; private set; } = null!;
    public string Name { get; private set; } = "";
    public int Seats { get; private set; }
    /// <summary>First day of training, in the Paris calendar.</summary>
    public DateOnly StartsOn { get; private set; }
    /// <summary>Last day of training, in the Paris calendar.</summary>
    public DateOnly EndsOn { get; private set; }
    public DateTimeOffset ApplicationsOpenAt { get; private set; }
    /// <summary>The deadline: applications are accepted strictly before this instant.</summary>
    public DateTimeOffset ApplicationsCloseAt { get; private set; }

    public const int NameMaxLength = 200;
    public const int TextMaxLength = 500;

    /// <summary>Where the in-person days take place.</summary>
    public string Place { get; private set; } = "";
    /// <summary>How the cohort runs: in-person days, remote sessions, coaching, as a short text.</summary>
    public string Format { get; private set; } = "";
    /// <summary>Only a published cohort is in the public catalogue; its staff see it either way.</summary>
    public bool Published { get; private set; }
    private readonly List<DeadlineChange> _deadlineChanges = [];
    public IReadOnlyList<DeadlineChange> DeadlineChanges => _deadlineChanges;

    /// <summary>A new cohort, unpublished until its staff publish it.</summary>
    public static Cohort Create(TrainingProgram program, string name, int seats, DateOnly startsOn, DateOnly endsOn,
        DateTimeOffset applicationsOpenAt, DateTimeOffset applicationsCloseAt, string place = "", string format = "")
    {
        Check(name, seats, startsOn, endsOn, applicationsOpenAt, applicationsCloseAt, place, format, acceptedPlaces: 0);
        return new Cohort
        {
            Program = program,
            ProgramId = program.Id,
            Name = name.Trim(),
            Seats = seats,
            StartsOn = startsOn,
            EndsOn = endsOn,
            ApplicationsOpenAt = applicationsOpenAt.ToUniversalTime(),
            ApplicationsCloseAt = applicationsCloseAt.ToUniversalTime(),
            Place = place.Trim(),
            Format = format.Trim(),
        };
    }

    /// <summary>
    /// Changes the cohort. Seats never drop below the places already accepted. Once applications exist, a new
    /// deadline is recorded (who, when, old and new): candidates were told the old one. Returns that record, if any.
    /// </summary>
    public DeadlineChange? Edit(string name, int seats, DateOnly startsOn, DateOnly endsOn, DateTimeOffset applicationsOpenAt,
        DateTimeOffset applicationsCloseAt, string place, string format, bool published, int acceptedPlaces, bool hasApplications,
        Workflow.ActorRef who, DateTimeOffset now)
    {
        Check(name, seats, startsOn, endsOn, applicationsOpenAt, applicationsCloseAt, place, format, acceptedPlaces);
        DeadlineChange? change = null;
        var closes = applicationsCloseAt.ToUniversalTime();
        if (hasApplications && closes != ApplicationsCloseAt)
        {
            change = new DeadlineChange(Id, ApplicationsCloseAt, closes, now, who.UserId, who.Name);
            _deadlineChanges.Add(change);
        }
        Name = name.Trim();
        Seats = seats;
        StartsOn = startsOn;
        EndsOn = endsOn;
        ApplicationsOpenAt = applicationsOpenAt.ToUniversalTime();
        ApplicationsCloseAt = closes;
        Place = place.Trim();
        Format = format.Trim();
        Published = published;
        return change;
    }

    public void Publish() => Published = true;

    private static void Check(string name, int seats, DateOnly startsOn, DateOnly endsOn, DateTimeOffset applicationsOpenAt,
        DateTimeOffset applicationsCloseAt, string place, string format, int acceptedPlaces)
    {
        if (string.IsNullOrWhiteSpace(name)) throw new DomainException("Le nom de la promotion est obligatoire.");
        if (name.Trim().Length > NameMaxLength) throw new DomainException($"Le nom de la promotion ne doit pas dépasser {NameMaxLength} caractères.");
        if (seats <= 0) throw new DomainException("Une promotion compte au moins une place.");
        if (seats < acceptedPlaces)
            throw new DomainException($"La promotion compte déjà {acceptedPlaces} places acceptées : elle ne peut pas en avoir moins.");
        if (endsOn < startsOn) throw new DomainException("La promotion ne peut pas finir avant d'avoir commencé.");
        if (applicationsCloseAt <= applicationsOpenAt)
            throw new DomainException("L'appel à candidatures doit fermer après son ouverture.");
        if (applicationsCloseAt > ParisTime.StartOfDay(startsOn))
            throw new DomainException("L'appel à candidatures doit fermer avant le début de la promotion.");
        if (place.Trim().Length > TextMaxLength) throw new DomainException($"Le lieu ne doit pas dépasser {TextMaxLength} caractères.");
        if (format.Trim().Length > TextMaxLength) throw new DomainException($"Le format ne doit pas dépasser {TextMaxLength} caractères.");
    }

    public CohortPhase PhaseAt(DateTimeOffset now)
    {
        if (now < ApplicationsOpenAt) return CohortPhase.Upcoming;
        if (now < ApplicationsCloseAt) return CohortPhase.OpenForApplications;
        var today = ParisTime.Today(now);
        if (today < StartsOn) return CohortPhase.Selecting;
        return today <= EndsOn ? CohortPhase.Running : CohortPhase.Finished;
    }
}

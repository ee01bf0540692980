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

    public static Cohort Create(TrainingProgram program, string name, int seats, DateOnly startsOn, DateOnly endsOn,
        DateTimeOffset applicationsOpenAt, DateTimeOffset applicationsCloseAt)
    {
        if (string.IsNullOrWhiteSpace(name)) throw new DomainException("Le nom de la promotion est obligatoire.");
        if (seats <= 0) throw new DomainException("Une promotion compte au moins une place.");
        if (endsOn < startsOn) throw new DomainException("La promotion ne peut pas finir avant d'avoir commencé.");
        if (applicationsCloseAt <= applicationsOpenAt)
            throw new DomainException("L'appel à candidatures doit fermer après son ouverture.");
        if (applicationsCloseAt > ParisTime.StartOfDay(startsOn))
            throw new DomainException("L'appel à candidatures doit fermer avant le début de la promotion.");
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
        };
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

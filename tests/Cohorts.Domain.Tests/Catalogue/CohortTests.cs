using Cohorts.Domain.Catalogue;

namespace Cohorts.Domain.Tests.Catalogue;

public sealed class CohortTests
{
    private static readonly TrainingProgram Program = TrainingProgram.Create("booster-agile", "Booster Agile", "", "", true, false);
    private static readonly DateOnly Start = new(2026, 9, 1);
    private static readonly DateOnly End = new(2026, 10, 31);
    private static readonly DateTimeOffset Opens = new(2026, 5, 1, 8, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Closes = new(2026, 6, 30, 10, 0, 0, TimeSpan.Zero);

    private static Cohort ACohort() => Cohort.Create(Program, "Promotion 1", 44, Start, End, Opens, Closes);

    public static TheoryData<string, DateTimeOffset, CohortPhase> Moments => new()
    {
        { "long before the call", new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero), CohortPhase.Upcoming },
        { "the instant the call opens", Opens, CohortPhase.OpenForApplications },
        { "just before the deadline", Closes.AddTicks(-1), CohortPhase.OpenForApplications },
        { "the instant of the deadline", Closes, CohortPhase.Selecting },
        { "the evening before the start, in Paris", new DateTimeOffset(2026, 8, 31, 21, 59, 0, TimeSpan.Zero), CohortPhase.Selecting },
        { "midnight of the first day, in Paris (22:00 UTC in summer)", new DateTimeOffset(2026, 8, 31, 22, 0, 0, TimeSpan.Zero), CohortPhase.Running },
        { "the last evening, in Paris", new DateTimeOffset(2026, 10, 31, 22, 30, 0, TimeSpan.Zero), CohortPhase.Running },
        { "the day after the end, in Paris (23:00 UTC in winter)", new DateTimeOffset(2026, 10, 31, 23, 0, 0, TimeSpan.Zero), CohortPhase.Finished },
    };

    [Theory]
    [MemberData(nameof(Moments))]
    public void Phase_follows_the_call_and_the_Paris_calendar(string moment, DateTimeOffset now, CohortPhase expected)
    {
        Assert.True(ACohort().PhaseAt(now) == expected, $"{moment}: expected {expected}, got {ACohort().PhaseAt(now)}");
    }

    public static TheoryData<string, int, DateOnly, DateOnly, DateTimeOffset, DateTimeOffset, string> InvalidCohorts => new()
    {
        { "", 10, Start, End, Opens, Closes, "Le nom de la promotion est obligatoire." },
        { "P", 0, Start, End, Opens, Closes, "Une promotion compte au moins une place." },
        { "P", 10, End, Start, Opens, Closes, "La promotion ne peut pas finir avant d'avoir commencé." },
        { "P", 10, Start, End, Closes, Opens, "L'appel à candidatures doit fermer après son ouverture." },
        { "P", 10, Start, End, Opens, new DateTimeOffset(2026, 9, 1, 12, 0, 0, TimeSpan.Zero), "L'appel à candidatures doit fermer avant le début de la promotion." },
    };

    [Theory]
    [MemberData(nameof(InvalidCohorts))]
    public void An_inconsistent_cohort_is_refused_with_a_French_message(string name, int seats, DateOnly startsOn, DateOnly endsOn,
        DateTimeOffset opens, DateTimeOffset closes, string message)
    {
        var error = Assert.Throws<DomainException>(() => Cohort.Create(Program, name, seats, startsOn, endsOn, opens, closes));
        Assert.Equal(message, error.Message);
    }

    [Fact]
    public void A_call_may_close_at_midnight_of_the_first_day()
    {
        var cohort = Cohort.Create(Program, "P", 10, Start, End, Opens, ParisTime.StartOfDay(Start));
        Assert.Equal(new DateTimeOffset(2026, 8, 31, 22, 0, 0, TimeSpan.Zero), cohort.ApplicationsCloseAt);
    }

    [Fact]
    public void Every_phase_has_a_French_label()
    {
        var labels = Enum.GetValues<CohortPhase>().Select(p => p.ToFrench()).ToList();
        Assert.Equal(labels.Count, labels.Distinct().Count());
        Assert.Contains("Candidatures ouvertes", labels);
    }
}

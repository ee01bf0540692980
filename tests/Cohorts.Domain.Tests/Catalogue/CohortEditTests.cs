using Cohorts.Domain.Catalogue;
using Cohorts.Domain.Workflow;

namespace Cohorts.Domain.Tests.Catalogue;

public sealed class CohortEditTests
{
    private static readonly TrainingProgram Program = TrainingProgram.Create("booster-agile", "Booster Agile", "", "", true, false);
    private static readonly DateOnly Start = new(2026, 9, 1);
    private static readonly DateOnly End = new(2026, 10, 31);
    private static readonly DateTimeOffset Opens = new(2026, 5, 1, 8, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Closes = new(2026, 6, 30, 10, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Now = new(2026, 5, 10, 9, 0, 0, TimeSpan.Zero);
    private static readonly ActorRef Paul = new(Actor.ProgramManager, "paul", "Paul Responsable");

    private static Cohort ACohort() => Cohort.Create(Program, "Promotion 1", 44, Start, End, Opens, Closes);

    private static DeadlineChange? Edit(Cohort cohort, int seats = 44, DateOnly? start = null, DateOnly? end = null, DateTimeOffset? opens = null,
        DateTimeOffset? closes = null, int accepted = 0, bool hasApplications = false, bool published = true) =>
        cohort.Edit("Promotion 1", seats, start ?? Start, end ?? End, opens ?? Opens, closes ?? Closes, " Paris ", "Hybride", published, accepted,
            hasApplications, Paul, Now);

    [Fact]
    public void A_new_cohort_is_unpublished_until_published()
    {
        var cohort = ACohort();
        Assert.False(cohort.Published);
        cohort.Publish();
        Assert.True(cohort.Published);
    }

    [Fact]
    public void Edit_changes_the_fields_and_the_publication()
    {
        var cohort = ACohort();
        Edit(cohort, seats: 50);
        Assert.Equal((50, "Paris", "Hybride", true), (cohort.Seats, cohort.Place, cohort.Format, cohort.Published));
    }

    public static TheoryData<string, Func<Cohort, DeadlineChange?>, string> Refusals => new()
    {
        { "no seat", c => Edit(c, seats: 0), "au moins une place" },
        { "fewer seats than accepted places", c => Edit(c, seats: 9, accepted: 10), "déjà 10 places acceptées" },
        { "end before start", c => Edit(c, end: Start.AddDays(-1)), "finir avant d'avoir commencé" },
        { "deadline before opening", c => Edit(c, closes: Opens.AddHours(-1)), "fermer après son ouverture" },
        { "deadline after the start", c => Edit(c, closes: new DateTimeOffset(2026, 9, 2, 0, 0, 0, TimeSpan.Zero)), "avant le début de la promotion" },
    };

    [Theory]
    [MemberData(nameof(Refusals))]
    public void Edit_refuses_in_French(string rule, Func<Cohort, DeadlineChange?> edit, string message)
    {
        var cohort = ACohort();
        var error = Assert.Throws<DomainException>(() => edit(cohort));
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
        Assert.Equal(44, cohort.Seats);
        Assert.True(rule.Length > 0);
    }

    [Fact]
    public void Seats_equal_to_the_accepted_places_are_allowed()
    {
        var cohort = ACohort();
        Edit(cohort, seats: 10, accepted: 10);
        Assert.Equal(10, cohort.Seats);
    }

    [Fact]
    public void A_new_deadline_once_applications_exist_is_recorded_with_who_when_old_and_new()
    {
        var cohort = ACohort();
        var later = Closes.AddDays(7);
        var change = Edit(cohort, closes: later, hasApplications: true);
        Assert.NotNull(change);
        Assert.Equal((Closes, later, Now, "paul", "Paul Responsable"), (change.From, change.To, change.At, change.ActorId, change.ActorName));
        Assert.Equal([change], cohort.DeadlineChanges);
        Assert.Equal(later, cohort.ApplicationsCloseAt);
    }

    [Fact]
    public void A_new_deadline_before_any_application_or_an_unchanged_one_records_nothing()
    {
        var cohort = ACohort();
        Assert.Null(Edit(cohort, closes: Closes.AddDays(7), hasApplications: false));
        Assert.Null(Edit(cohort, closes: Closes.AddDays(7), hasApplications: true));
        Assert.Empty(cohort.DeadlineChanges);
    }
}

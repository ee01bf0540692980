using Cohorts.Domain.Catalogue;

namespace Cohorts.Domain.Sessions;

/// <summary>
/// When a cohort's sessions may take place: from midnight of its first day to midnight after its last, in Paris. The
/// database holds the same rule (trigger <c>sessions_within_cohort</c>).
/// </summary>
public sealed record SessionWindow(DateOnly StartsOn, DateOnly EndsOn)
{
    public DateTimeOffset From => ParisTime.StartOfDay(StartsOn);
    public DateTimeOffset To => ParisTime.StartOfDay(EndsOn.AddDays(1));

    public static SessionWindow Of(Cohort cohort) => new(cohort.StartsOn, cohort.EndsOn);

    public bool Holds(DateTimeOffset startsAt, DateTimeOffset endsAt) => startsAt >= From && endsAt <= To;
}

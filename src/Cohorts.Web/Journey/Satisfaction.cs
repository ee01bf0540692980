using Cohorts.Domain;
using Cohorts.Domain.Sessions;
using Cohorts.Web.Data;

namespace Cohorts.Web.Journey;

/// <summary>A count of ratings and their average (null when there is none).</summary>
public sealed record RatingStats(int Count, double? Average);

/// <summary>
/// The participants' ratings of sessions as staff read them: every rating weighs the same, so a cohort's (or a
/// program's) average is that of all its ratings, not an average of the sessions' averages.
/// </summary>
public static class Satisfaction
{
    /// <summary>The ratings of the sessions of these cohorts; a session cancelled after it was rated counts no more.</summary>
    public static IQueryable<SessionRating> RatingsOfCohorts(this CohortsDbContext db, IQueryable<int> cohortIds) =>
        db.SessionRatings.Where(r => db.Sessions.Any(s => s.Id == r.SessionId && s.CancelledAt == null && cohortIds.Contains(s.CohortId)));

    /// <summary>"4,3 / 5", or a dash when nothing was rated.</summary>
    public static string Average(double? average) => average is { } value
        ? $"{Math.Round(value, 1, MidpointRounding.AwayFromZero).ToString("0.0", FrenchDates.Culture)} / {SessionRating.Highest}"
        : "—";

    public static string Average(RatingStats stats) => Average(stats.Average);

    /// <summary>"1 avis", "3 avis".</summary>
    public static string Count(int count) => $"{count} avis";
}

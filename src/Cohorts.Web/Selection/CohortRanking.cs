using System.Security.Claims;
using Cohorts.Domain.Applications;
using Cohorts.Domain.Selection;
using Cohorts.Web.Catalogue;
using Cohorts.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Cohorts.Web.Selection;

/// <summary>One application of the ranking, with what staff read beside its scores.</summary>
public sealed record RankingRow(
    RankedApplication Ranked,
    string FirstName,
    string LastName,
    int? AdministrationId,
    string Administration,
    int? MinistryId,
    string? Ministry,
    string? MinistryAcronym,
    ServiceCategory? Category,
    ApplicationState State,
    int? WaitlistRank)
{
    public Guid ApplicationId => Ranked.ApplicationId;
    public string Name => $"{FirstName} {LastName}";

    public AdmissionCandidate AsCandidate => new(ApplicationId, AdministrationId, MinistryId, Category,
        Administration.Length > 0 ? Administration : null, Ministry);
}

/// <summary>A cohort's ranking, best first, unscored last, with the settings it was computed with.</summary>
public sealed record CohortRankingResult(
    int CohortId,
    string ProgramName,
    string CohortName,
    int Seats,
    SelectionSettings Settings,
    int ScaleMax,
    int InterviewSharePercent,
    IReadOnlyList<RankingRow> Rows)
{
    public bool Published => Settings.DecisionsPublishedAt is not null;
    public bool HasInterview => InterviewSharePercent > 0;
}

/// <summary>
/// The one query of the committee's ranking, read by its page, its CSV and PDF exports and the admission proposal:
/// a fixed number of queries whatever the number of applications (the cohort, its settings and rubric, the
/// applications, the assignment counts, the submitted reviews, the interview scores), then <see cref="Ranking.Rank"/>.
/// </summary>
public static class CohortRanking
{
    /// <summary>The states the committee decides on.</summary>
    public static readonly ApplicationState[] BeforeDecision = [ApplicationState.UnderReview, ApplicationState.Interview];

    /// <summary>The states a published decision leads to, and those that follow an offer.</summary>
    private static readonly ApplicationState[] AfterDecision =
    [
        ApplicationState.Admitted, ApplicationState.Waitlisted, ApplicationState.Rejected, ApplicationState.OfferAccepted,
        ApplicationState.OfferDeclined, ApplicationState.OfferExpired,
    ];

    /// <summary>The cohort's ranking, or null when the cohort does not exist for this staff member (see <see cref="StaffScope"/>).</summary>
    public static async Task<CohortRankingResult?> LoadAsync(CohortsDbContext db, int cohortId, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var cohort = await db.Cohorts.AsNoTracking().ManagedBy(db, user).Where(c => c.Id == cohortId)
            .Select(c => new { c.Name, c.Seats, c.ProgramId, Program = c.Program.Name }).SingleOrDefaultAsync(cancellationToken);
        if (cohort is null) return null;
        var settings = await db.SelectionSettings.AsNoTracking().SingleOrDefaultAsync(s => s.CohortId == cohortId, cancellationToken)
            ?? SelectionSettings.For(cohortId);
        // The rubric the cohort froze at its first review, else the program's latest version.
        var rubric = await db.Rubrics.AsNoTracking()
            .Where(r => settings.RubricId != null ? r.Id == settings.RubricId : r.ProgramId == cohort.ProgramId)
            .OrderByDescending(r => r.Version).Select(r => new { r.ScaleMax, r.InterviewShare }).FirstOrDefaultAsync(cancellationToken);

        var published = settings.DecisionsPublishedAt is not null;
        var applications = await (
            from a in db.Applications.AsNoTracking()
            where a.CohortId == cohortId && (BeforeDecision.Contains(a.State) || published && (AfterDecision.Contains(a.State)
                // Withdrawn after the decision: an offer or a waitlist place was given up.
                || a.State == ApplicationState.Withdrawn && (a.OfferExpiresAt != null || a.WaitlistRank != null)))
            join x in db.Administrations on a.AdministrationId equals x.Id into administrations
            from x in administrations.DefaultIfEmpty()
            select new
            {
                a.Id, a.FirstName, a.LastName, a.AdministrationId, Administration = x.Name, a.UnlistedAdministration, MinistryId = (int?)x.MinistryId,
                Ministry = x.Ministry.Name, MinistryAcronym = x.Ministry.Acronym, a.Category, a.State, a.WaitlistRank, a.SubmittedAt,
            }).ToListAsync(cancellationToken);

        var assigned = await db.ReviewAssignments.AsNoTracking().Where(a => a.CohortId == cohortId && a.RemovedAt == null)
            .GroupBy(a => a.ApplicationId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
        // Every submitted review of the cohort, also of applications no longer ranked: a reviewer's habits are read over
        // all their reviews. A review whose assignment was removed (a conflict declared after it) does not count.
        var reviews = await (
            from r in db.Reviews.AsNoTracking()
            where r.CohortId == cohortId && r.SubmittedAt != null && r.WeightedMean != null
            join a in db.ReviewAssignments on r.AssignmentId equals a.Id
            where a.RemovedAt == null
            select new ReviewScore(r.ApplicationId, r.ReviewerId, r.WeightedMean!.Value)).ToListAsync(cancellationToken);
        var interviews = await db.Interviews.AsNoTracking().Where(i => i.CohortId == cohortId && i.Score != null)
            .Select(i => new { i.ApplicationId, i.Score }).ToDictionaryAsync(i => i.ApplicationId, i => (double)i.Score!.Value, cancellationToken);

        var share = rubric?.InterviewShare ?? 0;
        var inputs = applications.Select(a => new RankingInput(a.Id,
            Math.Max(settings.ReviewersPerApplication, assigned.GetValueOrDefault(a.Id)),
            a.SubmittedAt ?? DateTimeOffset.MinValue,
            interviews.TryGetValue(a.Id, out var score) ? score : null)).ToList();
        var ranked = Ranking.Rank(inputs, reviews, new RankingSettings(settings.DisagreementThreshold, share / 100.0));
        var byId = applications.ToDictionary(a => a.Id);
        var rows = ranked.Select(r =>
        {
            var a = byId[r.ApplicationId];
            return new RankingRow(r, a.FirstName, a.LastName, a.AdministrationId, a.Administration ?? a.UnlistedAdministration, a.MinistryId,
                a.Ministry, a.MinistryAcronym, a.Category, a.State, a.WaitlistRank);
        }).ToList();
        return new CohortRankingResult(cohortId, cohort.Program, cohort.Name, cohort.Seats, settings, rubric?.ScaleMax ?? 5, share, rows);
    }
}

using Cohorts.Web.Data;
using Cohorts.Web.Hosting;
using Cohorts.Web.Lists;
using Cohorts.Web.Selection;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Cohorts.Web.Pages.Selection;

/// <summary>
/// "Mes évaluations": the signed-in reviewer's active assignments, 50 a page, grouped by cohort, what is left to do
/// first; each cohort with its review deadline and the reviewer's progress over all its assignments, not only this page's.
/// </summary>
[Authorize(Policy = Policies.Reviewer)]
public sealed class ReviewsModel(CohortsDbContext db) : PageModel
{
    private static readonly string[] SortKeys = ["cohort"];

    public ListPage<AssignmentRow> Assignments { get; private set; } = null!;
    public ListLinks Links { get; private set; } = null!;
    public IReadOnlyDictionary<int, CohortProgress> Cohorts { get; private set; } = new Dictionary<int, CohortProgress>();

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var list = ListQuery.Read(Request, SortKeys);
        var mine = db.AssignmentsOf(User);
        var rows =
            from assignment in mine
            join application in db.Applications on assignment.ApplicationId equals application.Id
            join cohort in db.Cohorts on assignment.CohortId equals cohort.Id
            let started = db.Reviews.Any(r => r.AssignmentId == assignment.Id)
            let submitted = db.Reviews.Any(r => r.AssignmentId == assignment.Id && r.SubmittedAt != null)
            orderby cohort.Program.Name, cohort.Name, cohort.Id, submitted, started, application.LastName, application.FirstName, assignment.Id
            select new AssignmentRow(assignment.Id, cohort.Id, cohort.Program.Name, cohort.Name, application.FirstName + " " + application.LastName,
                db.Administrations.Where(a => a.Id == application.AdministrationId).Select(a => a.Name).FirstOrDefault(),
                started, submitted);
        Assignments = await list.PageAsync(rows.AsNoTracking(), cancellationToken);
        Links = new ListLinks(Request.Path, Request.Query, list, Assignments.PageNumber, Assignments.PageCount);

        var cohortIds = Assignments.Rows.Select(r => r.CohortId).Distinct().ToList();
        var progress = await mine.Where(a => cohortIds.Contains(a.CohortId))
            .Select(a => new { a.CohortId, Submitted = db.Reviews.Any(r => r.AssignmentId == a.Id && r.SubmittedAt != null) })
            .ToListAsync(cancellationToken);
        var settings = await db.SelectionSettings.AsNoTracking().Where(s => cohortIds.Contains(s.CohortId))
            .Select(s => new { s.CohortId, s.ReviewDeadline, s.ScoringClosedAt })
            .ToDictionaryAsync(s => s.CohortId, cancellationToken);
        Cohorts = progress.GroupBy(p => p.CohortId).ToDictionary(g => g.Key, g => new CohortProgress(
            g.Count(p => p.Submitted), g.Count(),
            settings.GetValueOrDefault(g.Key)?.ReviewDeadline, settings.GetValueOrDefault(g.Key)?.ScoringClosedAt));
    }

    public sealed record AssignmentRow(Guid Id, int CohortId, string Program, string Cohort, string Candidate, string? Administration,
        bool Started, bool Submitted)
    {
        public ReviewStatus Status => ReviewStatuses.Of(Started, Submitted);
    }

    public sealed record CohortProgress(int Submitted, int Assigned, DateTimeOffset? Deadline, DateTimeOffset? ClosedAt)
    {
        public bool ScoringClosed => ClosedAt is not null;
    }

    /// <summary>What a row's link offers: once scoring is closed nothing is left to do but read.</summary>
    public static string Action(ReviewStatus status, bool scoringClosed) => scoringClosed ? "Voir" : status switch
    {
        ReviewStatus.ToDo => "Évaluer",
        ReviewStatus.Draft => "Continuer",
        _ => "Voir",
    };
}

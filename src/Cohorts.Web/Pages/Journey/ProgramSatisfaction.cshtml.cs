using Cohorts.Domain.Catalogue;
using Cohorts.Web.Catalogue;
using Cohorts.Web.Data;
using Cohorts.Web.Hosting;
using Cohorts.Web.Journey;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Cohorts.Web.Pages.Journey;

/// <summary>
/// A program's satisfaction across its cohorts, for its staff: each cohort's average and count, and the program's
/// average over all the ratings of all its cohorts. Another program is not found.
/// </summary>
[Authorize(Policy = Policies.Staff)]
public sealed class ProgramSatisfactionModel(CohortsDbContext db) : PageModel
{
    public TrainingProgram Program { get; private set; } = null!;
    public IReadOnlyList<CohortRow> Cohorts { get; private set; } = [];
    public RatingStats Overall { get; private set; } = new(0, null);

    public sealed record CohortRow(int Id, string Name, DateOnly StartsOn, DateOnly EndsOn, int SessionsRated, RatingStats Ratings);

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        var program = await db.Programs.ManagedBy(db, User).AsNoTracking().SingleOrDefaultAsync(p => p.Id == id, cancellationToken);
        if (program is null) return NotFound();
        Program = program;
        var cohortIds = db.Cohorts.Where(c => c.ProgramId == id).Select(c => c.Id);
        var ratings = db.RatingsOfCohorts(cohortIds);
        var stats = await (
            from rating in ratings
            join session in db.Sessions on rating.SessionId equals session.Id
            group new { rating.Score, rating.SessionId } by session.CohortId into g
            select new { CohortId = g.Key, Count = g.Count(), Average = g.Average(r => (double)r.Score), Sessions = g.Select(r => r.SessionId).Distinct().Count() })
            .ToDictionaryAsync(g => g.CohortId, cancellationToken);
        var cohorts = await db.Cohorts.AsNoTracking().Where(c => c.ProgramId == id).OrderByDescending(c => c.StartsOn)
            .Select(c => new { c.Id, c.Name, c.StartsOn, c.EndsOn }).ToListAsync(cancellationToken);
        Cohorts = cohorts.Select(c => stats.TryGetValue(c.Id, out var s)
            ? new CohortRow(c.Id, c.Name, c.StartsOn, c.EndsOn, s.Sessions, new RatingStats(s.Count, s.Average))
            : new CohortRow(c.Id, c.Name, c.StartsOn, c.EndsOn, 0, new RatingStats(0, null))).ToList();
        Overall = new RatingStats(await ratings.CountAsync(cancellationToken), await ratings.AverageAsync(r => (double?)r.Score, cancellationToken));
        return Page();
    }
}

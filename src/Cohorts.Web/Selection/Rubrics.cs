using Cohorts.Domain.Selection;
using Cohorts.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Cohorts.Web.Selection;

public static class Rubrics
{
    /// <summary>
    /// The program's current rubric, the one a cohort that has not frozen its own uses: the highest version, its criteria
    /// in order (editing in place matches them by position). Null when the program has none yet.
    /// </summary>
    public static Task<Rubric?> CurrentRubricAsync(this CohortsDbContext db, int programId, CancellationToken cancellationToken) =>
        db.Rubrics.Include(r => r.Criteria.OrderBy(c => c.Position))
            .Where(r => r.ProgramId == programId).OrderByDescending(r => r.Version).FirstOrDefaultAsync(cancellationToken);

    /// <summary>The names of the cohorts whose reviews use this version: it is frozen for them.</summary>
    public static Task<List<string>> CohortsUsingAsync(this CohortsDbContext db, int rubricId, CancellationToken cancellationToken) =>
        db.SelectionSettings.Where(s => s.RubricId == rubricId)
            .Join(db.Cohorts, s => s.CohortId, c => c.Id, (s, c) => c.Name).OrderBy(name => name).ToListAsync(cancellationToken);
}

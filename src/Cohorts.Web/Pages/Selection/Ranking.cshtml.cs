using Cohorts.Domain.Applications;
using Cohorts.Web.Data;
using Cohorts.Web.Hosting;
using Cohorts.Web.Lists;
using Cohorts.Web.Selection;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Cohorts.Web.Pages.Selection;

/// <summary>
/// The committee's ranking of a cohort, for its program's managers: computed over every application, then
/// filtered by flag, administration and category, sorted by any column and shown 50 a page. Reviewers never see it.
/// </summary>
[Authorize(Policy = Policies.Staff)]
public sealed class RankingModel(CohortsDbContext db) : PageModel
{
    [BindProperty(SupportsGet = true)] public RankingAlert? Alert { get; set; }
    [BindProperty(SupportsGet = true)] public int? Administration { get; set; }
    [BindProperty(SupportsGet = true)] public ServiceCategory? Category { get; set; }

    public CohortRankingResult Ranking { get; private set; } = null!;
    public ListQuery List { get; private set; } = null!;
    public ListPage<RankingRow> Rows { get; private set; } = null!;
    public ListLinks Links { get; private set; } = null!;
    public IReadOnlyList<(int Id, string Name)> Administrations { get; private set; } = [];
    public int Disagreements { get; private set; }
    public int Missing { get; private set; }

    public RankingFilter Filter => new(Alert, Administration, Category);

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        if (await CohortRanking.LoadAsync(db, id, User, cancellationToken) is not { } ranking) return NotFound();
        Ranking = ranking;
        Administrations = ranking.Rows.Where(r => r.AdministrationId is not null).DistinctBy(r => r.AdministrationId)
            .Select(r => (r.AdministrationId!.Value, r.Administration)).OrderBy(a => a.Item2, StringComparer.Create(System.Globalization.CultureInfo.GetCultureInfo("fr-FR"), true)).ToList();
        Disagreements = ranking.Rows.Count(r => r.Ranked.Disagreement);
        Missing = ranking.Rows.Count(r => r.Ranked.MissingReviews);
        List = ListQuery.Read(Request, RankingList.SortKeys);
        Rows = List.Page(ranking.Rows.Filtered(Filter).Sorted(List));
        Links = new ListLinks(Request.Path, Request.Query, List, Rows.PageNumber, Rows.PageCount);
        return Page();
    }
}

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
/// The ranking as CSV, with the filters and order of the ranking page's URL (every page); once the decisions are
/// published, the decision of each line and where the application stands now.
/// </summary>
[Authorize(Policy = Policies.Staff)]
public sealed class RankingExportModel(CohortsDbContext db) : PageModel
{
    [BindProperty(SupportsGet = true)] public RankingAlert? Alert { get; set; }
    [BindProperty(SupportsGet = true)] public int? Administration { get; set; }
    [BindProperty(SupportsGet = true)] public ServiceCategory? Category { get; set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        if (await CohortRanking.LoadAsync(db, id, User, cancellationToken) is not { } ranking) return NotFound();
        var decisions = ranking.Published ? await PublishedDecisions.LoadAsync(db, id, cancellationToken) : null;
        var list = ListQuery.Read(Request, RankingList.SortKeys);
        var rows = ranking.Rows.Filtered(new RankingFilter(Alert, Administration, Category)).Sorted(list);
        List<string> headers =
        [
            "Rang", "Nom", "Prénom", "Administration", "Ministère", "Catégorie", "Évaluations soumises", "Évaluations attendues",
            "Moyenne pondérée", "Score calibré",
        ];
        if (ranking.HasInterview) headers.AddRange(["Note d'entretien", "Score final"]);
        headers.AddRange(["Écart", "Désaccord", "Évaluations manquantes"]);
        if (decisions is not null) headers.AddRange(["Décision publiée", "Rang sur la liste complémentaire", "État actuel"]);
        return new CsvFile<RankingRow>(Csv.FileName("classement", ranking.ProgramName, ranking.CohortName), headers, rows.ToAsyncEnumerable(), r =>
        {
            var x = r.Ranked;
            List<string?> cells =
            [
                x.Rank?.ToString(System.Globalization.CultureInfo.InvariantCulture), r.LastName, r.FirstName, r.Administration, r.Ministry,
                r.Category?.ToString(), x.SubmittedReviews.ToString(System.Globalization.CultureInfo.InvariantCulture),
                x.RequiredReviews.ToString(System.Globalization.CultureInfo.InvariantCulture), Number(x.WeightedMean), Number(x.Calibrated),
            ];
            if (ranking.HasInterview) cells.AddRange([Number(x.InterviewScore), Number(x.Final)]);
            cells.AddRange([Number(x.Spread), x.Disagreement ? "oui" : "non", x.MissingReviews ? "oui" : "non"]);
            if (decisions is not null)
                cells.AddRange([decisions.GetValueOrDefault(r.ApplicationId)?.Label,
                    r.WaitlistRank?.ToString(System.Globalization.CultureInfo.InvariantCulture), ApplicationWorkflow.Label(r.State)]);
            return cells;
        });
    }

    // A number French spreadsheet software reads as one: a comma before the decimals, no "—".
    private static string? Number(double? value) => value is { } v ? RankingList.Score(v) : null;
}

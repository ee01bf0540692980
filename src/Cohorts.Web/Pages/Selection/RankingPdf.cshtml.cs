using Cohorts.Web.Data;
using Cohorts.Web.Documents.Pdf;
using Cohorts.Web.Hosting;
using Cohorts.Web.Identity;
using Cohorts.Web.Lists;
using Cohorts.Web.Selection;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Cohorts.Web.Pages.Selection;

/// <summary>
/// The final ranking as a PDF for the committee's minutes: every ranked application in rank order, with its scores,
/// alerts and, once published, its decision; the cohort, the date and who printed it on the first page.
/// </summary>
[Authorize(Policy = Policies.Staff)]
public sealed class RankingPdfModel(CohortsDbContext db, UserManager<CohortsUser> users, TimeProvider clock) : PageModel
{
    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        if (await CohortRanking.LoadAsync(db, id, User, cancellationToken) is not { } ranking) return NotFound();
        var decisions = ranking.Published ? await PublishedDecisions.LoadAsync(db, id, cancellationToken) : null;
        var user = (await users.GetUserAsync(User))!;
        var settings = ranking.Settings;

        List<TableColumn> columns =
        [
            new("Rang", 5, Numeric: true), new("Candidat", 18), new("Administration", 24), new("Cat.", 4), new("Évaluations", 8, Numeric: true),
            new("Moyenne", 7, Numeric: true), new("Calibré", 7, Numeric: true),
        ];
        if (ranking.HasInterview) columns.AddRange([new("Entretien", 7, Numeric: true), new("Final", 7, Numeric: true)]);
        columns.AddRange([new("Écart", 6, Numeric: true), new("Alertes", 16)]);
        if (decisions is not null) columns.Add(new("Décision publiée", 12));

        var rows = ranking.Rows.Select(r =>
        {
            var x = r.Ranked;
            List<string> cells =
            [
                x.Rank?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "—", r.Name, r.Administration, r.Category?.ToString() ?? "",
                RankingList.Reviews(r), RankingList.Score(x.WeightedMean), RankingList.Score(x.Calibrated),
            ];
            if (ranking.HasInterview) cells.AddRange([RankingList.Score(x.InterviewScore), RankingList.Score(x.Final)]);
            cells.AddRange([RankingList.Score(x.Spread), string.Join(", ", RankingList.AlertsOf(r).Select(RankingList.Label))]);
            if (decisions is not null)
                cells.Add(decisions.GetValueOrDefault(r.ApplicationId) is { } d
                    ? d.Trigger == Domain.Applications.ApplicationTrigger.Waitlist && d.Note is { } note ? $"{d.Label} ({note.TrimEnd('.')})" : d.Label
                    : "");
            return (IReadOnlyList<string>)cells;
        }).ToList();

        var content = new TableDocumentContent(
            $"Classement final — {ranking.ProgramName}, {ranking.CohortName}",
            [
                $"Promotion : {ranking.CohortName} ({ranking.Seats} places) — programme {ranking.ProgramName}",
                $"Édité le {Display.DateTime(clock.GetUtcNow())} par {user.FullName}",
                $"Grille notée de 1 à {ranking.ScaleMax} ; {settings.ReviewersPerApplication} évaluation(s) attendue(s) par candidature ; " +
                $"désaccord au-delà de {RankingList.Score(settings.DisagreementThreshold)} point(s) d'écart" +
                (ranking.HasInterview ? $" ; entretien : {ranking.InterviewSharePercent} % du score final" : "") +
                (settings.ScoringClosedAt is { } closed ? $" ; évaluation close le {Display.DateTime(closed)}" : " ; évaluation en cours"),
                decisions is not null && settings.DecisionsPublishedAt is { } published
                    ? $"Décisions publiées le {Display.DateTime(published)}"
                    : "Décisions non publiées",
            ],
            columns,
            rows,
            "Le score calibré corrige la sévérité propre à chaque évaluateur : chaque note est comparée aux autres notes de cet évaluateur dans la promotion, puis replacée sur l'échelle de la grille.");
        var fileName = Path.ChangeExtension(Csv.FileName("classement", ranking.ProgramName, ranking.CohortName), ".pdf");
        Response.Headers.CacheControl = "no-store";
        return File(TableDocument.Write(content), "application/pdf", fileName);
    }
}

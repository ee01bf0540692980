using Cohorts.Domain;
using Cohorts.Domain.Catalogue;
using Cohorts.Domain.Selection;
using Cohorts.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Cohorts.Web.Selection;

/// <summary>What an interview's score is given on: the cohort's frozen rubric, or else the program's latest version.</summary>
public sealed record InterviewScale(Rubric? Rubric, SelectionSettings Settings)
{
    public const string NoRubric = "Ce programme n'a pas encore de grille d'évaluation : la note d'entretien se donne sur son échelle.";

    public int? ScaleMax => Rubric?.ScaleMax;
}

/// <summary>The one way the staff page and the panel's page record an interview's score.</summary>
public static class InterviewScoring
{
    public static async Task<InterviewScale> ScaleOfAsync(this CohortsDbContext db, Cohort cohort, CancellationToken cancellationToken)
    {
        // A cohort whose committee was never set up has the default settings: scoring open.
        var settings = await db.SelectionSettings.SingleOrDefaultAsync(s => s.CohortId == cohort.Id, cancellationToken)
                       ?? SelectionSettings.For(cohort.Id);
        var rubric = settings.RubricId is { } frozen
            ? await db.Rubrics.SingleAsync(r => r.Id == frozen, cancellationToken)
            : await db.Rubrics.Where(r => r.ProgramId == cohort.ProgramId).OrderByDescending(r => r.Version).FirstOrDefaultAsync(cancellationToken);
        return new InterviewScale(rubric, settings);
    }

    /// <summary>Records the score, or throws the refusal in French; the caller saves.</summary>
    public static void Record(Interview interview, InterviewScale scale, InterviewScoreInput input, string byName, DateTimeOffset now)
    {
        if (scale.Rubric is not { } rubric) throw new DomainException(InterviewScale.NoRubric);
        interview.RecordScore(input.Score!.Value, input.Notes, rubric, scale.Settings, byName, now);
    }
}

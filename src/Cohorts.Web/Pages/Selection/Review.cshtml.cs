using System.ComponentModel.DataAnnotations;
using Cohorts.Domain;
using Cohorts.Domain.Applications;
using Cohorts.Domain.Selection;
using Cohorts.Web.Applications;
using Cohorts.Web.Data;
using Cohorts.Web.Hosting;
using Cohorts.Web.Selection;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Cohorts.Web.Pages.Selection;

/// <summary>
/// A reviewer scores an application assigned to them: its answers and CV, the cohort's rubric (frozen at the cohort's
/// first saved review), a score and a comment per criterion and a general comment; saved as a draft, then submitted,
/// and editable until staff close scoring. Blind: the other reviewers' submitted reviews appear only once this one is
/// submitted. The form carries the review's version: a save from another tab in between is refused, and both versions
/// are shown, so that nothing is lost without the reviewer knowing.
/// </summary>
[Authorize(Policy = Policies.Reviewer)]
public sealed class ReviewModel(CohortsDbContext db, TimeProvider clock) : PageModel
{
    [BindProperty] public List<ScoreField> Scores { get; set; } = [];
    [BindProperty, StringLength(Domain.Selection.Review.CommentMaxLength, ErrorMessage = "Le commentaire général ne doit pas dépasser 4000 caractères.")]
    public string? Comment { get; set; }
    /// <summary>The version of the review the form was drawn from; none before the first save.</summary>
    [BindProperty] public uint? Version { get; set; }

    public ReviewAssignment Assignment { get; private set; } = null!;
    public Application Application { get; private set; } = null!;
    public ApplicationSurroundings Surroundings { get; private set; } = null!;
    public SelectionSettings? Settings { get; private set; }
    /// <summary>The rubric this review follows: the cohort's frozen one, else the program's latest; null when the program has none.</summary>
    public Rubric? Rubric { get; private set; }
    /// <summary>The review as stored when the page was loaded.</summary>
    public Review? Stored { get; private set; }
    public IReadOnlyList<ReviewSummary> Others { get; private set; } = [];
    /// <summary>Set when another tab saved first: what it saved, shown beside what this form posted.</summary>
    public ReviewSummary? SavedMeanwhile { get; private set; }

    public ReviewStatus Status => ReviewStatuses.Of(Stored is not null, Stored?.Submitted == true);
    public bool ReadOnly => Settings?.ScoringOpen == false;

    public async Task<IActionResult> OnGetAsync(Guid assignmentId, CancellationToken cancellationToken)
    {
        if (await LoadAsync(assignmentId, cancellationToken) is { } notFound) return notFound;
        Version = Stored?.Version;
        Comment = Stored?.Comment;
        Scores = Rubric?.Criteria.OrderBy(c => c.Position).Select(c => Stored?.Scores.FirstOrDefault(s => s.CriterionId == c.Id) is { } given
            ? new ScoreField { CriterionId = c.Id, Score = given.Score, Comment = given.Comment }
            : new ScoreField { CriterionId = c.Id }).ToList() ?? [];
        return Page();
    }

    public Task<IActionResult> OnPostSaveAsync(Guid assignmentId, CancellationToken cancellationToken) => SaveAsync(assignmentId, submit: false, cancellationToken);

    public Task<IActionResult> OnPostSubmitAsync(Guid assignmentId, CancellationToken cancellationToken) => SaveAsync(assignmentId, submit: true, cancellationToken);

    private async Task<IActionResult> SaveAsync(Guid assignmentId, bool submit, CancellationToken cancellationToken)
    {
        if (await LoadAsync(assignmentId, cancellationToken) is { } notFound) return notFound;
        if (!ModelState.IsValid) return Page();
        if (Rubric is null)
        {
            ModelState.AddModelError("", NoRubric);
            return Page();
        }
        var now = clock.GetUtcNow();
        var settings = Settings;
        if (settings is null) db.SelectionSettings.Add(settings = SelectionSettings.For(Assignment.CohortId));
        var review = Stored;
        try
        {
            // Closed scoring is said first: a stale form is not what stops the reviewer then.
            settings.EnsureScoringOpen();
            // Another tab saved this review since the form was drawn, or created it while this form had none.
            if (Stored?.Version != Version) return await ChangedMeanwhileAsync(assignmentId, cancellationToken);
            settings.FreezeRubric(Rubric.Id);
            // An existing review is saved against the version just loaded, which is the form's: xmin refuses any save since.
            if (review is null) db.Reviews.Add(review = Domain.Selection.Review.Start(Assignment, Rubric, now));
            review.Save(Rubric, settings, Scores.Select(s => new ScoreInput(s.CriterionId, s.Score, s.Comment)).ToList(), Comment, submit, now);
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DomainException e)
        {
            ModelState.AddModelError("", e.Message);
            return Page();
        }
        catch (DbUpdateException e) when (e is DbUpdateConcurrencyException
            || e.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            // A save from another tab, or the cohort's first review frozen by another reviewer at the same moment.
            return await ChangedMeanwhileAsync(assignmentId, cancellationToken);
        }
        TempData["Message"] = submit ? "Évaluation soumise. Vous pouvez la modifier jusqu'à la clôture de l'évaluation."
            : review.Submitted ? "Évaluation enregistrée ; elle reste soumise."
            : "Brouillon enregistré. Soumettez l'évaluation quand chaque critère est noté.";
        return RedirectToPage(new { assignmentId });
    }

    /// <summary>Keeps what was posted in the form, shows what is stored now, and takes its version: saving again replaces it, knowingly.</summary>
    private async Task<IActionResult> ChangedMeanwhileAsync(Guid assignmentId, CancellationToken cancellationToken)
    {
        var posted = Version;
        db.ChangeTracker.Clear();
        if (await LoadAsync(assignmentId, cancellationToken) is { } notFound) return notFound;
        Version = Stored?.Version;
        ModelState.Clear();
        if (Stored?.Version == posted)
        {
            // The review did not change: the save crossed another reviewer's first review of the cohort, which froze its rubric.
            ModelState.AddModelError("", "Votre enregistrement a croisé celui d'un autre membre du jury : rien n'a été enregistré. "
                + "Vos notes sont reprises dans le formulaire ; enregistrez de nouveau.");
            return Page();
        }
        SavedMeanwhile = Stored is { } stored && Rubric is { } rubric
            ? new ReviewSummary("enregistree-entre-temps", "La version enregistrée entre-temps", stored, rubric)
            : null;
        ModelState.AddModelError("", "Cette évaluation a été enregistrée entre-temps, dans un autre onglet ou une autre fenêtre : "
            + "vos changements n'ont pas été enregistrés. Ils sont repris dans le formulaire ; la version enregistrée est affichée en dessous. "
            + "Enregistrez de nouveau pour la remplacer par la vôtre.");
        return Page();
    }

    private async Task<IActionResult?> LoadAsync(Guid assignmentId, CancellationToken cancellationToken)
    {
        var assignment = await db.AssignmentsOf(User).SingleOrDefaultAsync(a => a.Id == assignmentId, cancellationToken);
        if (assignment is null) return NotFound();
        Assignment = assignment;
        Application = await db.Applications.AsNoTracking().SingleAsync(a => a.Id == assignment.ApplicationId, cancellationToken);
        Surroundings = await db.SurroundingsOfAsync(Application, cancellationToken);
        Settings = await db.SelectionSettings.SingleOrDefaultAsync(s => s.CohortId == assignment.CohortId, cancellationToken);
        Stored = await db.Reviews.SingleOrDefaultAsync(r => r.AssignmentId == assignment.Id, cancellationToken);
        var frozen = Stored?.RubricId ?? Settings?.RubricId;
        Rubric = frozen is { } rubricId
            ? await db.Rubrics.AsNoTracking().Include(r => r.Criteria).SingleAsync(r => r.Id == rubricId, cancellationToken)
            : await db.CurrentRubricAsync(Surroundings.Cohort.ProgramId, cancellationToken);
        // Blind scoring: nothing of the others' reviews is even read before this one is submitted.
        if (Stored?.Submitted == true && Rubric is { } shown)
        {
            var others = await (
                from review in db.Reviews.AsNoTracking()
                where review.ApplicationId == assignment.ApplicationId && review.AssignmentId != assignment.Id && review.SubmittedAt != null
                join other in db.ReviewAssignments on review.AssignmentId equals other.Id
                where other.RemovedAt == null
                join reviewer in db.Users on review.ReviewerId equals reviewer.Id
                orderby review.SubmittedAt
                select new { Review = review, Name = reviewer.FirstName + " " + reviewer.LastName }).ToListAsync(cancellationToken);
            Others = others.Select((o, i) => new ReviewSummary($"evaluation-{i + 1}", $"Évaluation {Display.Of(o.Name)}", o.Review, shown)).ToList();
        }
        return null;
    }

    public const string NoRubric = "La grille d'évaluation de ce programme n'est pas encore définie : l'équipe du programme doit la créer avant les évaluations.";

    /// <summary>The posted value for a criterion, by its id.</summary>
    public ScoreField ScoreFor(int criterionId) => Scores.FirstOrDefault(s => s.CriterionId == criterionId) ?? new ScoreField { CriterionId = criterionId };

    public sealed class ScoreField
    {
        public int CriterionId { get; set; }
        public int? Score { get; set; }
        public string? Comment { get; set; }
    }
}

/// <summary>One review as read on the review page (partial <c>_ReviewSummary</c>): its scores per criterion and its comments.</summary>
public sealed record ReviewSummary(string Id, string Heading, Review Review, Rubric Rubric);

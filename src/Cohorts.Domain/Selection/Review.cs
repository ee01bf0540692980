namespace Cohorts.Domain.Selection;

/// <summary>
/// One reviewer's scores on one application ("évaluation"), per criterion of the cohort's rubric, with comments. Saved
/// as a draft (incomplete allowed), submitted once complete; editable, and submitted again, until scoring is closed.
/// </summary>
public sealed class Review
{
    private readonly List<CriterionScore> _scores = [];

    private Review() { }

    public Guid Id { get; private set; }
    public Guid AssignmentId { get; private set; }
    public int CohortId { get; private set; }
    public Guid ApplicationId { get; private set; }
    public string ReviewerId { get; private set; } = "";
    public int RubricId { get; private set; }
    public string Comment { get; private set; } = "";
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }
    public DateTimeOffset? SubmittedAt { get; private set; }
    /// <summary>The weighted mean of the submitted scores on the rubric's scale; null for a draft.</summary>
    public double? WeightedMean { get; private set; }
    public uint Version { get; private set; }
    public IReadOnlyList<CriterionScore> Scores => _scores;

    public const int CommentMaxLength = 4000;

    public bool Submitted => SubmittedAt is not null;

    public static Review Start(ReviewAssignment assignment, Rubric rubric, DateTimeOffset now)
    {
        if (!assignment.Active) throw new DomainException("Cette candidature ne vous est plus attribuée.");
        return new Review
        {
            Id = Guid.CreateVersion7(now),
            AssignmentId = assignment.Id,
            CohortId = assignment.CohortId,
            ApplicationId = assignment.ApplicationId,
            ReviewerId = assignment.ReviewerId,
            RubricId = rubric.Id,
            CreatedAt = now,
            UpdatedAt = now,
        };
    }

    /// <summary>
    /// Saves what was given. Every score must be on the rubric's scale and name one of its criteria, or nothing changes.
    /// A submitted review stays submitted only if it is still complete.
    /// </summary>
    public void Save(Rubric rubric, SelectionSettings settings, IReadOnlyList<ScoreInput> scores, string? comment, bool submit,
        DateTimeOffset now)
    {
        settings.EnsureScoringOpen();
        if (rubric.Id != RubricId) throw new DomainException("Cette évaluation suit une autre grille que celle de la promotion.");
        var criteria = rubric.Criteria.ToDictionary(c => c.Id);
        foreach (var score in scores)
        {
            if (!criteria.TryGetValue(score.CriterionId, out var criterion))
                throw new DomainException("Une note porte sur un critère qui n'est pas dans la grille de cette promotion.");
            if (score.Score is { } value && (value < Rubric.ScaleMin || value > rubric.ScaleMax))
                throw new DomainException($"La note du critère « {criterion.Name} » va de {Rubric.ScaleMin} à {rubric.ScaleMax}.");
            if ((score.Comment?.Trim().Length ?? 0) > CommentMaxLength)
                throw new DomainException($"Le commentaire du critère « {criterion.Name} » ne doit pas dépasser {CommentMaxLength} caractères.");
        }
        if (scores.GroupBy(s => s.CriterionId).Any(g => g.Count() > 1)) throw new DomainException("Un critère est noté deux fois.");
        if ((comment?.Trim().Length ?? 0) > CommentMaxLength)
            throw new DomainException($"Le commentaire général ne doit pas dépasser {CommentMaxLength} caractères.");
        var given = scores.Where(s => s.Score is not null).ToDictionary(s => s.CriterionId, s => s.Score!.Value);
        var complete = rubric.Criteria.All(c => given.ContainsKey(c.Id));
        if ((submit || Submitted) && !complete)
        {
            // Every criterion left without a score, not the first only: the reviewer fixes them in one go.
            var missing = rubric.Criteria.OrderBy(c => c.Position).Where(c => !given.ContainsKey(c.Id)).Select(c => $"« {c.Name} »").ToList();
            var names = missing.Count == 1 ? missing[0] : $"{string.Join(", ", missing[..^1])} et {missing[^1]}";
            var verb = missing.Count == 1 ? "n'a pas de note" : "n'ont pas de note";
            throw new DomainException(Submitted
                ? $"Cette évaluation est soumise : chaque critère garde une note ({names} {verb})."
                : $"Notez chaque critère avant de soumettre ({names} {verb}).");
        }
        _scores.Clear();
        _scores.AddRange(scores.Where(s => s.Score is not null || !string.IsNullOrWhiteSpace(s.Comment))
            .Select(s => new CriterionScore(s.CriterionId, s.Score, string.IsNullOrWhiteSpace(s.Comment) ? null : s.Comment.Trim())));
        Comment = comment?.Trim() ?? "";
        UpdatedAt = now;
        if (submit) SubmittedAt ??= now;
        WeightedMean = Submitted ? rubric.WeightedMean(given) : null;
    }
}

/// <summary>A score as a form gives it: null when the criterion is not scored yet.</summary>
public sealed record ScoreInput(int CriterionId, int? Score, string? Comment);

public sealed record CriterionScore(int CriterionId, int? Score, string? Comment);

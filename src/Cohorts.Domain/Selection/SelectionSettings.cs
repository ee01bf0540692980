using Cohorts.Domain.Applications;

namespace Cohorts.Domain.Selection;

/// <summary>
/// How a cohort's committee works: reviewers per application, the review deadline, the disagreement threshold, the
/// diversity caps, the offers' delay; and where the selection stands (rubric frozen, scoring closed, decisions published).
/// </summary>
public sealed class SelectionSettings
{
    private SelectionSettings() { }

    public int CohortId { get; private set; }
    public int ReviewersPerApplication { get; private set; } = 2;
    public DateTimeOffset? ReviewDeadline { get; private set; }
    /// <summary>Points on the rubric's scale: reviews further apart than this are flagged.</summary>
    public double DisagreementThreshold { get; private set; } = 1.5;
    public int? MaxPerAdministration { get; private set; }
    public int? MaxPerMinistry { get; private set; }
    public int? MinimumShareA { get; private set; }
    public int? MinimumShareB { get; private set; }
    public int? MinimumShareC { get; private set; }
    /// <summary>How many candidates the waitlist keeps; null: every candidate not admitted.</summary>
    public int? WaitlistLength { get; private set; }
    /// <summary>Days an admitted candidate has to answer an offer.</summary>
    public int OfferDays { get; private set; } = 7;
    /// <summary>The rubric version this cohort's reviews use, set at the first review: later edits make a new version.</summary>
    public int? RubricId { get; private set; }
    public DateTimeOffset? ScoringClosedAt { get; private set; }
    public DateTimeOffset? DecisionsPublishedAt { get; private set; }
    public uint Version { get; private set; }

    public const int MaxReviewersPerApplication = 5;
    public const int MaxOfferDays = 60;

    public static SelectionSettings For(int cohortId) => new() { CohortId = cohortId };

    public bool ScoringOpen => ScoringClosedAt is null;

    public DiversityCaps Caps
    {
        get
        {
            var shares = new Dictionary<ServiceCategory, int>();
            if (MinimumShareA is { } a) shares[ServiceCategory.A] = a;
            if (MinimumShareB is { } b) shares[ServiceCategory.B] = b;
            if (MinimumShareC is { } c) shares[ServiceCategory.C] = c;
            return new DiversityCaps(MaxPerAdministration, MaxPerMinistry, shares);
        }
    }

    public void Edit(int reviewersPerApplication, DateTimeOffset? reviewDeadline, double disagreementThreshold, int? maxPerAdministration,
        int? maxPerMinistry, int? minimumShareA, int? minimumShareB, int? minimumShareC, int? waitlistLength, int offerDays)
    {
        if (DecisionsPublishedAt is not null) throw new DomainException("Les décisions sont publiées : les règles de sélection ne changent plus.");
        if (reviewersPerApplication is < 1 or > MaxReviewersPerApplication)
            throw new DomainException($"Chaque candidature est évaluée par 1 à {MaxReviewersPerApplication} membres du jury.");
        if (!double.IsFinite(disagreementThreshold) || disagreementThreshold <= 0 || disagreementThreshold > Rubric.LargestScale)
            throw new DomainException($"Le seuil de désaccord est un écart en points, supérieur à 0 et d'au plus {Rubric.LargestScale}.");
        if (maxPerAdministration is < 1) throw new DomainException("Le plafond par administration est d'au moins 1 agent.");
        if (maxPerMinistry is < 1) throw new DomainException("Le plafond par ministère est d'au moins 1 agent.");
        foreach (var share in new[] { minimumShareA, minimumShareB, minimumShareC })
            if (share is < 0 or > 100) throw new DomainException("Une part minimale est un pourcentage, entre 0 et 100.");
        if ((minimumShareA ?? 0) + (minimumShareB ?? 0) + (minimumShareC ?? 0) > 100)
            throw new DomainException("Les parts minimales des catégories A, B et C ne peuvent pas dépasser 100 % à elles trois.");
        if (waitlistLength is < 0) throw new DomainException("La longueur de la liste complémentaire ne peut pas être négative.");
        if (offerDays is < 1 or > MaxOfferDays) throw new DomainException($"Le délai de réponse à une proposition est de 1 à {MaxOfferDays} jours.");
        ReviewersPerApplication = reviewersPerApplication;
        ReviewDeadline = reviewDeadline?.ToUniversalTime();
        DisagreementThreshold = disagreementThreshold;
        MaxPerAdministration = maxPerAdministration;
        MaxPerMinistry = maxPerMinistry;
        MinimumShareA = minimumShareA;
        MinimumShareB = minimumShareB;
        MinimumShareC = minimumShareC;
        WaitlistLength = waitlistLength;
        OfferDays = offerDays;
    }

    /// <summary>Freezes the rubric version for this cohort at its first review; a no-op afterwards.</summary>
    public int FreezeRubric(int currentRubricId) => RubricId ??= currentRubricId;

    public void EnsureScoringOpen()
    {
        if (ScoringClosedAt is not null) throw new DomainException("L'évaluation est close pour cette promotion : les évaluations ne sont plus modifiables.");
    }

    public void CloseScoring(DateTimeOffset now)
    {
        EnsureScoringOpen();
        ScoringClosedAt = now;
    }

    public void ReopenScoring()
    {
        if (DecisionsPublishedAt is not null) throw new DomainException("Les décisions sont publiées : l'évaluation ne peut plus être rouverte.");
        ScoringClosedAt = null;
    }

    public void MarkPublished(DateTimeOffset now)
    {
        if (DecisionsPublishedAt is not null) throw new DomainException("Les décisions de cette promotion sont déjà publiées.");
        if (ScoringClosedAt is null) throw new DomainException("Clôturez l'évaluation avant de publier les décisions.");
        DecisionsPublishedAt = now;
    }

    /// <summary>
    /// An offer runs to the end of the Paris day <see cref="OfferDays"/> days from now: a deadline at 23 h 59 that a
    /// candidate reads at a glance, not the minute of the publication, which may fall in the night.
    /// </summary>
    public DateTimeOffset OfferDeadlineFrom(DateTimeOffset now) => ParisTime.StartOfDay(ParisTime.Today(now).AddDays(OfferDays + 1)).AddSeconds(-1);
}

namespace Cohorts.Domain.Selection;

/// <summary>An application to rank: how many reviews it needs, when it was submitted, its interview score if any.</summary>
public sealed record RankingInput(Guid ApplicationId, int RequiredReviews, DateTimeOffset SubmittedAt, double? InterviewScore);

/// <summary>One submitted review: the weighted mean of its scores, on the rubric's scale.</summary>
public sealed record ReviewScore(Guid ApplicationId, string ReviewerId, double WeightedMean);

/// <summary>The cohort's settings the ranking reads. <paramref name="InterviewShare"/> is a fraction, 0..1.</summary>
public sealed record RankingSettings(double DisagreementThreshold, double InterviewShare);

/// <summary>
/// An application's place in the ranking. <paramref name="Rank"/> is null, and the scores too, when no review is
/// submitted yet. <paramref name="Calibrated"/> reads on the rubric's scale; <paramref name="Final"/> blends the interview.
/// </summary>
public sealed record RankedApplication(
    Guid ApplicationId,
    int? Rank,
    double? WeightedMean,
    double? Calibrated,
    double? Final,
    int SubmittedReviews,
    int RequiredReviews,
    double? Spread,
    bool Disagreement,
    bool MissingReviews,
    double? InterviewScore);

/// <summary>
/// The committee's ranking. Each reviewer's scores are calibrated against their own habits (a z-score over all their
/// submitted reviews of the cohort), so that a harsh reviewer does not sink the candidates they happen to review; the
/// calibrated score is then put back on the rubric's scale with the cohort's mean and spread.
/// </summary>
public static class Ranking
{
    // Scores that are equal on paper may differ in their last bits after the arithmetic; compared at this precision,
    // they tie and the tie-breaks decide, the same way on every run.
    private const int ComparisonDigits = 9;

    public static IReadOnlyList<RankedApplication> Rank(
        IReadOnlyList<RankingInput> applications, IReadOnlyList<ReviewScore> submittedReviews, RankingSettings settings)
    {
        ArgumentNullException.ThrowIfNull(applications);
        ArgumentNullException.ThrowIfNull(submittedReviews);
        ArgumentNullException.ThrowIfNull(settings);

        // Two passes (means, then squared deviations) rather than a sum of squares: a reviewer who scores everyone
        // 2 points lower than another gets exactly the same z-scores, not nearly.
        var reviewers = new Dictionary<string, Moments>(StringComparer.Ordinal);
        var cohort = new Moments();
        var reviewerOf = new Moments[submittedReviews.Count];
        for (var i = 0; i < submittedReviews.Count; i++)
        {
            var review = submittedReviews[i];
            if (!reviewers.TryGetValue(review.ReviewerId, out var moments))
                reviewers.Add(review.ReviewerId, moments = new Moments());
            moments.Add(review.WeightedMean);
            cohort.Add(review.WeightedMean);
            reviewerOf[i] = moments;
        }
        for (var i = 0; i < submittedReviews.Count; i++)
        {
            reviewerOf[i].AddDeviation(submittedReviews[i].WeightedMean);
            cohort.AddDeviation(submittedReviews[i].WeightedMean);
        }

        var perApplication = new Dictionary<Guid, Accumulator>(applications.Count);
        for (var i = 0; i < submittedReviews.Count; i++)
        {
            var review = submittedReviews[i];
            if (!perApplication.TryGetValue(review.ApplicationId, out var accumulator))
                perApplication.Add(review.ApplicationId, accumulator = new Accumulator());
            accumulator.Add(review.WeightedMean, reviewerOf[i].Z(review.WeightedMean));
        }

        var cohortMean = cohort.Mean;
        var cohortSd = cohort.StandardDeviation;
        var share = Math.Clamp(settings.InterviewShare, 0, 1);
        var rows = new List<Row>(applications.Count);
        foreach (var application in applications)
        {
            if (!perApplication.TryGetValue(application.ApplicationId, out var reviews) || reviews.Count == 0)
            {
                rows.Add(new Row(application, null, null, null, 0, null));
                continue;
            }
            var calibrated = cohortMean + reviews.MeanZ * cohortSd;
            var final = share > 0 && application.InterviewScore is { } interview ? (1 - share) * calibrated + share * interview : calibrated;
            rows.Add(new Row(application, reviews.Mean, calibrated, final, reviews.Count, reviews.Spread));
        }

        rows.Sort(Compare);
        var ranked = new RankedApplication[rows.Count];
        var rank = 0;
        for (var i = 0; i < rows.Count; i++)
        {
            var row = rows[i];
            var input = row.Input;
            ranked[i] = new RankedApplication(
                input.ApplicationId,
                row.Count > 0 ? ++rank : null,
                row.Mean,
                row.Calibrated,
                row.Final,
                row.Count,
                input.RequiredReviews,
                row.Spread,
                row.Spread > settings.DisagreementThreshold,
                row.Count < input.RequiredReviews,
                input.InterviewScore);
        }
        return ranked;
    }

    private static int Compare(Row x, Row y)
    {
        var scored = (y.Final is not null).CompareTo(x.Final is not null);
        if (scored != 0) return scored;
        if (x.Final is { } xf && y.Final is { } yf)
        {
            var byFinal = Math.Round(yf, ComparisonDigits).CompareTo(Math.Round(xf, ComparisonDigits));
            if (byFinal != 0) return byFinal;
            var byMean = Math.Round(y.Mean!.Value, ComparisonDigits).CompareTo(Math.Round(x.Mean!.Value, ComparisonDigits));
            if (byMean != 0) return byMean;
        }
        var bySubmission = x.Input.SubmittedAt.CompareTo(y.Input.SubmittedAt);
        return bySubmission != 0 ? bySubmission : x.Input.ApplicationId.CompareTo(y.Input.ApplicationId);
    }

    private sealed record Row(RankingInput Input, double? Mean, double? Calibrated, double? Final, int Count, double? Spread);

    /// <summary>Count, mean and population standard deviation of a reviewer's (or the cohort's) review means.</summary>
    private sealed class Moments
    {
        private int count;
        private double sum;
        private double squaredDeviations;

        public void Add(double value)
        {
            count++;
            sum += value;
        }

        /// <summary>Called once per value, after every <see cref="Add"/>.</summary>
        public void AddDeviation(double value)
        {
            var deviation = value - Mean;
            squaredDeviations += deviation * deviation;
        }

        public double Mean => count == 0 ? 0 : sum / count;

        public double StandardDeviation => count < 2 ? 0 : Math.Sqrt(squaredDeviations / count);

        // A reviewer with one review, or who gives everyone the same score, says nothing about their habits: z = 0.
        public double Z(double value)
        {
            var sd = StandardDeviation;
            return sd < 1e-12 ? 0 : (value - Mean) / sd;
        }
    }

    private sealed class Accumulator
    {
        private double sum;
        private double sumOfZ;
        private double min = double.MaxValue;
        private double max = double.MinValue;

        public int Count { get; private set; }

        public void Add(double value, double z)
        {
            min = Math.Min(min, value);
            max = Math.Max(max, value);
            Count++;
            sum += value;
            sumOfZ += z;
        }

        public double Mean => sum / Count;
        public double MeanZ => sumOfZ / Count;
        public double Spread => max - min;
    }
}

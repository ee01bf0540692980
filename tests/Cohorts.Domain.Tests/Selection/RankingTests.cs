using Cohorts.Domain.Selection;
using static Cohorts.Domain.Tests.Selection.Ids;

namespace Cohorts.Domain.Tests.Selection;

public sealed class RankingTests
{
    private static readonly DateTimeOffset Monday = new(2026, 6, 1, 9, 0, 0, TimeSpan.Zero);
    private static readonly RankingSettings NoInterview = new(DisagreementThreshold: 1.5, InterviewShare: 0);

    private static RankingInput Input(int app, int required = 1, int minutesAfter = 0, double? interview = null) =>
        new(App(app), required, Monday.AddMinutes(minutesAfter), interview);

    private static ReviewScore Review(int app, string reviewer, double mean) => new(App(app), reviewer, mean);

    private static RankedApplication Of(IReadOnlyList<RankedApplication> ranking, int app) => ranking.Single(r => r.ApplicationId == App(app));

    private static Guid[] Order(IReadOnlyList<RankedApplication> ranking) => [.. ranking.Select(r => r.ApplicationId)];

    [Fact]
    public void A_harsh_and_a_lenient_reviewer_give_twin_candidates_the_same_calibrated_score()
    {
        // The harsh reviewer scores 1, 2, 3 (candidates 1, 2, 3) two points below what the lenient one gives their
        // twins 4, 5, 6: same habits, shifted. Calibrated, the twins are equal: 7 - sqrt(5.5), 7, 7 + sqrt(5.5).
        var ranking = Ranking.Rank(
            [Input(1), Input(2), Input(3), Input(4), Input(5), Input(6)],
            [Review(1, "harsh", 4), Review(2, "harsh", 6), Review(3, "harsh", 8),
             Review(4, "lenient", 6), Review(5, "lenient", 8), Review(6, "lenient", 10)],
            NoInterview);

        Assert.Equal(4.654792, Of(ranking, 1).Calibrated!.Value, 6);
        Assert.Equal(4.654792, Of(ranking, 4).Calibrated!.Value, 6);
        Assert.Equal(7, Of(ranking, 2).Calibrated!.Value, 6);
        Assert.Equal(7, Of(ranking, 5).Calibrated!.Value, 6);
        Assert.Equal(9.345208, Of(ranking, 3).Calibrated!.Value, 6);
        Assert.Equal(9.345208, Of(ranking, 6).Calibrated!.Value, 6);
        Assert.Equal(Of(ranking, 1).Calibrated, Of(ranking, 4).Calibrated);
        Assert.Equal(Of(ranking, 3).Calibrated, Of(ranking, 6).Calibrated);
        // Raw, candidate 3 (8 from the harsh reviewer) ties with candidate 5 (8 from the lenient one); calibrated, 3 is
        // the twin of 6 and goes before 5. Each twin pair ties, and the higher raw mean goes first.
        Assert.Equal([App(6), App(3), App(5), App(2), App(4), App(1)], Order(ranking));
        Assert.Equal([1, 2, 3, 4, 5, 6], ranking.Select(r => r.Rank!.Value));
    }

    [Fact]
    public void A_harsh_and_a_lenient_reviewer_scoring_the_same_candidates_agree_once_calibrated()
    {
        var ranking = Ranking.Rank(
            [Input(1), Input(2), Input(3)],
            [Review(1, "harsh", 4), Review(2, "harsh", 8), Review(3, "harsh", 6),
             Review(1, "lenient", 6), Review(2, "lenient", 10), Review(3, "lenient", 8)],
            NoInterview);

        Assert.Equal([App(2), App(3), App(1)], Order(ranking));
        Assert.Equal(5, Of(ranking, 1).WeightedMean!.Value, 9);
        Assert.Equal(9, Of(ranking, 2).WeightedMean!.Value, 9);
        Assert.Equal(4.654792, Of(ranking, 1).Calibrated!.Value, 6);
        Assert.Equal(9.345208, Of(ranking, 2).Calibrated!.Value, 6);
        Assert.Equal(7, Of(ranking, 3).Calibrated!.Value, 6);
        Assert.All(ranking, r => Assert.Equal(2, r.Spread!.Value, 9));
    }

    [Fact]
    public void Calibration_corrects_the_raw_order_when_a_harsh_reviewer_is_alone_on_one_candidate_and_a_lenient_one_on_another()
    {
        // Candidate 1 is the harsh reviewer's best (7 against 3 and 5); candidate 2 the lenient one's middle
        // (8 against 7 and 9). Raw, 2 is ahead (8 > 7); calibrated, 1 is: 6.5 + sqrt(1.5) × 1.979057 against 6.5.
        var ranking = Ranking.Rank(
            [Input(1), Input(2), Input(3), Input(4), Input(5), Input(6)],
            [Review(1, "harsh", 7), Review(3, "harsh", 3), Review(4, "harsh", 5),
             Review(2, "lenient", 8), Review(5, "lenient", 7), Review(6, "lenient", 9)],
            NoInterview);

        Assert.Equal(7, Of(ranking, 1).WeightedMean!.Value, 9);
        Assert.Equal(8, Of(ranking, 2).WeightedMean!.Value, 9);
        Assert.Equal(8.923840, Of(ranking, 1).Calibrated!.Value, 6);
        Assert.Equal(6.5, Of(ranking, 2).Calibrated!.Value, 6);
        // 6 (the lenient one's best) ties with 1 at 8.923840 and has the higher raw mean; 2 and 4 are both their
        // reviewer's middle (6.5), 5 and 3 both their lowest.
        Assert.Equal([App(6), App(1), App(2), App(4), App(5), App(3)], Order(ranking));
        Assert.Equal(Of(ranking, 1).Calibrated, Of(ranking, 1).Final);
    }

    [Fact]
    public void A_reviewer_with_one_review_or_the_same_score_for_all_gets_a_z_score_of_zero()
    {
        // "single" has one review; "flat" gives 7 to both; "spread" gives 4 and 6 (z = -1 and +1).
        // Cohort of review means: 9, 4, 6, 7, 7: mean 6.6, population sd sqrt(2.64) = 1.624808.
        var ranking = Ranking.Rank(
            [Input(1), Input(2), Input(3), Input(4), Input(5)],
            [Review(1, "single", 9), Review(2, "flat", 7), Review(3, "flat", 7), Review(4, "spread", 4), Review(5, "spread", 6)],
            NoInterview);

        Assert.Equal(6.6, Of(ranking, 1).Calibrated!.Value, 6);
        Assert.Equal(6.6, Of(ranking, 2).Calibrated!.Value, 6);
        Assert.Equal(6.6, Of(ranking, 3).Calibrated!.Value, 6);
        Assert.Equal(4.975192, Of(ranking, 4).Calibrated!.Value, 6);
        Assert.Equal(8.224808, Of(ranking, 5).Calibrated!.Value, 6);
        // Among the three at 6.6, the raw mean decides (9, then 7 and 7 by submission, then identifier).
        Assert.Equal([App(5), App(1), App(2), App(3), App(4)], Order(ranking));
    }

    [Fact]
    public void Disagreement_is_flagged_when_the_spread_is_above_the_threshold_and_not_when_it_equals_it()
    {
        var ranking = Ranking.Rank(
            [Input(1, required: 2), Input(2, required: 2)],
            [Review(1, "r1", 6), Review(1, "r2", 7.5), Review(2, "r1", 6), Review(2, "r2", 7.6)],
            NoInterview);

        Assert.Equal(1.5, Of(ranking, 1).Spread!.Value, 9);
        Assert.False(Of(ranking, 1).Disagreement);
        Assert.Equal(1.6, Of(ranking, 2).Spread!.Value, 9);
        Assert.True(Of(ranking, 2).Disagreement);
    }

    [Fact]
    public void Missing_reviews_are_flagged_while_fewer_are_submitted_than_required()
    {
        var ranking = Ranking.Rank(
            [Input(1, required: 3), Input(2, required: 2)],
            [Review(1, "r1", 6), Review(1, "r2", 7), Review(2, "r1", 6), Review(2, "r2", 7)],
            NoInterview);

        Assert.True(Of(ranking, 1).MissingReviews);
        Assert.Equal(2, Of(ranking, 1).SubmittedReviews);
        Assert.Equal(3, Of(ranking, 1).RequiredReviews);
        Assert.False(Of(ranking, 2).MissingReviews);
    }

    [Fact]
    public void Applications_without_a_submitted_review_come_last_without_a_rank()
    {
        var ranking = Ranking.Rank(
            [Input(1, minutesAfter: 0, required: 2), Input(2, minutesAfter: 10), Input(3, minutesAfter: 20), Input(4, minutesAfter: 5)],
            [Review(2, "r1", 3), Review(3, "r1", 5)],
            NoInterview);

        Assert.Equal([App(3), App(2), App(1), App(4)], Order(ranking));
        Assert.Equal([1, 2, null, null], ranking.Select(r => r.Rank));
        var unscored = Of(ranking, 1);
        Assert.Equal(new RankedApplication(App(1), null, null, null, null, 0, 2, null, false, true, null), unscored);
    }

    [Fact]
    public void The_interview_takes_its_share_of_the_final_score()
    {
        // One review per reviewer: every z is 0, every calibrated score is the cohort mean, 7.
        var settings = new RankingSettings(1.5, InterviewShare: 0.4);
        var ranking = Ranking.Rank(
            [Input(1, interview: 9), Input(2), Input(3, interview: 5)],
            [Review(1, "r1", 6), Review(2, "r2", 8), Review(3, "r3", 7)],
            settings);

        Assert.Equal(7.8, Of(ranking, 1).Final!.Value, 9); // 0.6 × 7 + 0.4 × 9
        Assert.Equal(7, Of(ranking, 2).Final!.Value, 9);   // no interview score: the calibrated score
        Assert.Equal(6.2, Of(ranking, 3).Final!.Value, 9); // 0.6 × 7 + 0.4 × 5
        Assert.Equal(9, Of(ranking, 1).InterviewScore);
        Assert.Equal([App(1), App(2), App(3)], Order(ranking));
    }

    [Fact]
    public void Without_an_interview_share_the_interview_score_does_not_count()
    {
        var ranking = Ranking.Rank([Input(1, interview: 10), Input(2)], [Review(1, "r1", 6), Review(2, "r1", 8)], NoInterview);

        Assert.Equal(Of(ranking, 1).Calibrated, Of(ranking, 1).Final);
        Assert.Equal([App(2), App(1)], Order(ranking));
    }

    [Fact]
    public void Equal_scores_go_to_the_earlier_submission_then_to_the_identifier_whatever_the_input_order()
    {
        RankingInput[] inputs = [Input(1, minutesAfter: 30), Input(2, minutesAfter: 10), Input(3, minutesAfter: 10)];
        ReviewScore[] reviews = [Review(1, "r1", 7), Review(2, "r2", 7), Review(3, "r3", 7)];

        var ranking = Ranking.Rank(inputs, reviews, NoInterview);
        var reversed = Ranking.Rank([.. inputs.Reverse()], [.. reviews.Reverse()], NoInterview);

        Assert.Equal([App(2), App(3), App(1)], Order(ranking));
        Assert.Equal(ranking, reversed);
    }
}

using BenchmarkDotNet.Attributes;
using Cohorts.Domain.Applications;
using Cohorts.Domain.Selection;

namespace Cohorts.Benchmarks;

/// <summary>
/// The committee's algorithms at the size of a large call: 10,000 applications with 3 submitted reviews each from a
/// committee of 60, over 200 administrations in 20 ministries. The data is the same on every run (seeded).
/// </summary>
[MemoryDiagnoser]
public class SelectionBenchmarks
{
    private const int Applications = 10_000;
    private const int Administrations = 200;
    private const int Ministries = 20;
    private const int Reviewers = 60;
    private const int ReviewsPerApplication = 3;

    private static readonly RankingSettings Settings = new(DisagreementThreshold: 1.5, InterviewShare: 0);
    private static readonly DiversityCaps Caps = new(2, 10, new Dictionary<ServiceCategory, int> { [ServiceCategory.B] = 30 });

    private RankingInput[] inputs = [];
    private ReviewScore[] reviews = [];
    private Dictionary<Guid, AdmissionCandidate> candidates = [];
    private AssignableApplication[] assignable = [];
    private CommitteeReviewer[] committee = [];

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(20261201);
        var start = new DateTimeOffset(2026, 5, 1, 8, 0, 0, TimeSpan.Zero);
        committee = [.. Enumerable.Range(1, Reviewers).Select(r => new CommitteeReviewer($"reviewer-{r:D2}", $"Évaluateur {r}", random.Next(Administrations)))];
        var habit = committee.ToDictionary(r => r.ReviewerId, _ => random.NextDouble() * 3 - 1.5);

        var inputList = new List<RankingInput>(Applications);
        var reviewList = new List<ReviewScore>(Applications * ReviewsPerApplication);
        candidates = new Dictionary<Guid, AdmissionCandidate>(Applications);
        var assignableList = new List<AssignableApplication>(Applications);
        for (var i = 0; i < Applications; i++)
        {
            var id = new Guid(random.Next(), (short)random.Next(short.MaxValue), (short)random.Next(short.MaxValue), [.. Enumerable.Range(0, 8).Select(_ => (byte)random.Next(256))]);
            var administration = random.Next(Administrations);
            var roll = random.Next(100);
            var category = roll < 40 ? ServiceCategory.A : roll < 75 ? ServiceCategory.B : ServiceCategory.C;
            inputList.Add(new RankingInput(id, ReviewsPerApplication, start.AddMinutes(random.Next(60 * 24 * 60)), null));
            candidates[id] = new AdmissionCandidate(id, administration, administration % Ministries, category, $"Administration {administration}", $"Ministère {administration % Ministries}");
            assignableList.Add(new AssignableApplication(id, administration));

            var quality = 3 + random.NextDouble() * 6;
            var chosen = new HashSet<int>();
            while (chosen.Count < ReviewsPerApplication)
            {
                var r = random.Next(Reviewers);
                if (committee[r].AdministrationId != administration) chosen.Add(r);
            }
            foreach (var r in chosen)
            {
                var reviewer = committee[r].ReviewerId;
                var score = Math.Clamp(quality + habit[reviewer] + (random.NextDouble() - 0.5), 1, 10);
                reviewList.Add(new ReviewScore(id, reviewer, Math.Round(score, 2)));
            }
        }
        inputs = [.. inputList];
        reviews = [.. reviewList];
        assignable = [.. assignableList];
    }

    [Benchmark]
    public IReadOnlyList<ProposalLine> CalibrateRankAndPropose()
    {
        var ranking = Ranking.Rank(inputs, reviews, Settings);
        var ranked = new List<AdmissionCandidate>(ranking.Count);
        foreach (var application in ranking)
            if (application.Rank is not null) ranked.Add(candidates[application.ApplicationId]);
        return AdmissionProposal.Propose(ranked, 100, Caps, null, []);
    }

    [Benchmark]
    public AssignmentPlan AutoAssignTenThousand() => AutoAssignment.Assign(assignable, committee, [], [], ReviewsPerApplication);
}

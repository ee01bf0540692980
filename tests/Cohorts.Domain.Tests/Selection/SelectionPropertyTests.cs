using Cohorts.Domain.Applications;
using Cohorts.Domain.Selection;
using CsCheck;
using static Cohorts.Domain.Tests.Selection.Ids;

namespace Cohorts.Domain.Tests.Selection;

/// <summary>What must hold for any candidates and caps, whatever the proposal decides in detail.</summary>
public sealed class SelectionPropertyTests
{
    private sealed record Case(AdmissionCandidate[] Ranked, int Seats, int? PerAdministration, int? PerMinistry, int ShareB, int? WaitlistLength)
    {
        public DiversityCaps Caps => new(PerAdministration, PerMinistry, new Dictionary<ServiceCategory, int> { [ServiceCategory.B] = ShareB });
    }

    private static readonly Gen<AdmissionCandidate[]> Candidates =
        Gen.Select(Gen.Int[0, 6], Gen.Int[0, 3]).Array[0, 40].Select(rows =>
            rows.Select((row, i) => new AdmissionCandidate(App(i + 1),
                row.Item1 == 6 ? null : row.Item1, row.Item1 == 6 ? null : row.Item1 % 3,
                row.Item2 == 3 ? null : (ServiceCategory)row.Item2)).ToArray());

    private static readonly Gen<Case> Cases = Gen.Select(Candidates, Gen.Int[0, 15], Gen.Int[0, 3], Gen.Int[0, 5], Gen.Int[0, 60], Gen.Int[-1, 10],
        (ranked, seats, k, m, share, length) => new Case(ranked, seats, k == 0 ? null : k, m == 0 ? null : m, share, length < 0 ? null : length));

    [Fact]
    public void A_proposal_keeps_the_seats_the_caps_and_says_why_it_passes_over_a_candidate()
    {
        Cases.Sample(c =>
        {
            var lines = AdmissionProposal.Propose(c.Ranked, c.Seats, c.Caps, c.WaitlistLength, []);
            var admitted = c.Ranked.Where((_, i) => lines[i].Decision == ProposalDecision.Admitted).ToList();

            Assert.Equal(c.Ranked.Select(r => r.ApplicationId), lines.Select(l => l.ApplicationId));
            Assert.Equal(Enumerable.Range(1, c.Ranked.Length), lines.Select(l => l.Position));
            Assert.True(admitted.Count <= c.Seats);
            if (c.PerAdministration is { } k)
                Assert.All(admitted.Where(a => a.AdministrationId is not null).GroupBy(a => a.AdministrationId), g => Assert.True(g.Count() <= k));
            if (c.PerMinistry is { } m)
                Assert.All(admitted.Where(a => a.MinistryId is not null).GroupBy(a => a.MinistryId), g => Assert.True(g.Count() <= m));

            var lastAdmitted = lines.LastOrDefault(l => l.Decision == ProposalDecision.Admitted)?.Position ?? 0;
            Assert.All(lines.Where(l => l.Decision != ProposalDecision.Admitted && l.Position < lastAdmitted), l => Assert.NotNull(l.SkippedBecause));
            // Seats left over: only a hard cap can have kept anyone out.
            if (admitted.Count < c.Seats)
                Assert.All(lines.Where(l => l.Decision != ProposalDecision.Admitted), l => Assert.StartsWith("Plafond atteint", l.SkippedBecause));
            // Short of the minimum share of B: every B left out was kept out by a hard cap.
            var minimumB = (c.ShareB * c.Seats + 99) / 100;
            if (admitted.Count(a => a.Category == ServiceCategory.B) < minimumB)
                Assert.All(lines.Where((l, i) => c.Ranked[i].Category == ServiceCategory.B && l.Decision != ProposalDecision.Admitted),
                    l => Assert.StartsWith("Plafond atteint", l.SkippedBecause));

            var waitlisted = lines.Where(l => l.Decision == ProposalDecision.Waitlisted).ToList();
            Assert.Equal(Enumerable.Range(1, waitlisted.Count), waitlisted.Select(l => l.WaitlistRank!.Value));
            Assert.Equal(c.WaitlistLength is { } length
                ? Math.Min(length, c.Ranked.Length - admitted.Count)
                : c.Ranked.Length - admitted.Count, waitlisted.Count);
        });
    }

    [Fact]
    public void A_promotion_after_a_declined_offer_keeps_the_caps_and_passes_over_only_those_before_it()
    {
        Gen.Select(Cases, Gen.Int[0, 100]).Sample((c, pick) =>
        {
            var lines = AdmissionProposal.Propose(c.Ranked, c.Seats, c.Caps, null, []);
            var admitted = c.Ranked.Where((_, i) => lines[i].Decision == ProposalDecision.Admitted).ToList();
            var waitlist = c.Ranked.Where((_, i) => lines[i].Decision == ProposalDecision.Waitlisted).ToList();
            Assert.Null(WaitlistPromotion.Next(admitted, waitlist, admitted.Count, c.Caps));
            if (admitted.Count == 0) return;

            admitted.RemoveAt(pick % admitted.Count);
            var promotion = WaitlistPromotion.Next(admitted, waitlist, c.Seats, c.Caps);
            if (promotion is null) return;

            var holders = admitted.Append(promotion.Candidate).ToList();
            if (c.PerAdministration is { } k)
                Assert.All(holders.Where(a => a.AdministrationId is not null).GroupBy(a => a.AdministrationId), g => Assert.True(g.Count() <= k));
            if (c.PerMinistry is { } m)
                Assert.All(holders.Where(a => a.MinistryId is not null).GroupBy(a => a.MinistryId), g => Assert.True(g.Count() <= m));
            var chosen = waitlist.IndexOf(promotion.Candidate);
            Assert.Equal(waitlist.Take(chosen), promotion.PassedOver.Select(p => p.Candidate));
        });
    }

    [Fact]
    public void An_assignment_never_pairs_an_administration_or_an_excluded_pair_and_accounts_for_every_missing_reviewer()
    {
        var applications = Gen.Int[0, 4].Array[0, 30].Select(a => a.Select((admin, i) => new AssignableApplication(App(i + 1), admin == 4 ? null : admin)).ToArray());
        var reviewers = Gen.Int[0, 4].Array[1, 8].Select(a => a.Select((admin, i) => new CommitteeReviewer($"r{i}", $"R {i}", admin == 4 ? null : admin)).ToArray());
        var exclusions = Gen.Select(Gen.Int[1, 30], Gen.Int[0, 7]).Array[0, 20];
        Gen.Select(applications, reviewers, exclusions, Gen.Int[1, 3]).Sample((apps, committee, excludedRows, perApplication) =>
        {
            AssignmentPair[] excluded = [.. excludedRows.Select(e => new AssignmentPair(App(e.Item1), $"r{e.Item2}"))];
            var plan = AutoAssignment.Assign(apps, committee, [], excluded, perApplication);

            Assert.Equal(plan.Added.Count, plan.Added.Distinct().Count());
            Assert.DoesNotContain(plan.Added, excluded.Contains);
            Assert.All(plan.Added, p =>
            {
                var administration = apps.Single(a => a.ApplicationId == p.ApplicationId).AdministrationId;
                Assert.True(administration is null || committee.Single(r => r.ReviewerId == p.ReviewerId).AdministrationId != administration);
            });
            Assert.All(apps, a => Assert.Equal(perApplication,
                plan.Added.Count(p => p.ApplicationId == a.ApplicationId) + (plan.Unfilled.SingleOrDefault(u => u.ApplicationId == a.ApplicationId)?.Missing ?? 0)));
        });
    }

    [Fact]
    public void Without_administrations_nor_conflicts_the_loads_differ_by_one_at_most()
    {
        Gen.Select(Gen.Int[0, 60], Gen.Int[1, 9], Gen.Int[1, 3]).Sample((count, size, perApplication) =>
        {
            AssignableApplication[] apps = [.. Enumerable.Range(1, count).Select(i => new AssignableApplication(App(i), null))];
            CommitteeReviewer[] committee = [.. Enumerable.Range(0, size).Select(i => new CommitteeReviewer($"r{i}", $"R {i}", null))];

            var plan = AutoAssignment.Assign(apps, committee, [], [], perApplication);

            var loads = committee.Select(r => plan.Added.Count(p => p.ReviewerId == r.ReviewerId)).ToList();
            Assert.True(loads.Max() - loads.Min() <= 1, string.Join(", ", loads));
        });
    }
}

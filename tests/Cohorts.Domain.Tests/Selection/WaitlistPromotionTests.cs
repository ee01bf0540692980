using Cohorts.Domain.Applications;
using Cohorts.Domain.Selection;
using static Cohorts.Domain.Tests.Selection.Ids;

namespace Cohorts.Domain.Tests.Selection;

public sealed class WaitlistPromotionTests
{
    private static readonly Dictionary<ServiceCategory, int> NoShares = [];

    private static AdmissionCandidate Candidate(int app, int? administration = null, ServiceCategory? category = null, string? administrationName = null) =>
        new(App(app), administration, null, category, administrationName);

    [Fact]
    public void The_first_waitlisted_who_keeps_the_caps_gets_the_seat()
    {
        var promotion = WaitlistPromotion.Next([Candidate(1, 10)], [Candidate(2, 11), Candidate(3, 12)], 2, new DiversityCaps(1, null, NoShares));

        Assert.NotNull(promotion);
        Assert.Equal(App(2), promotion.Candidate.ApplicationId);
        Assert.Empty(promotion.PassedOver);
    }

    [Fact]
    public void A_waitlisted_candidate_over_a_cap_is_passed_over_with_the_reason()
    {
        var promotion = WaitlistPromotion.Next(
            [Candidate(1, 10, administrationName: "Direction X")],
            [Candidate(2, 10, administrationName: "Direction X"), Candidate(3, 11)],
            2, new DiversityCaps(1, null, NoShares));

        Assert.NotNull(promotion);
        Assert.Equal(App(3), promotion.Candidate.ApplicationId);
        var passed = Assert.Single(promotion.PassedOver);
        Assert.Equal(App(2), passed.Candidate.ApplicationId);
        Assert.Equal("Plafond atteint : 1 agent au plus par administration (Direction X)", passed.Reason);
    }

    [Fact]
    public void A_seat_freed_in_an_administration_goes_to_its_candidate_the_cap_passed_over_earlier()
    {
        // At most one agent per administration, two seats: the proposal admits 1 (A) and 3 (B) and waitlists 2 (A)
        // then 4 (B), both passed over by the cap.
        var caps = new DiversityCaps(1, null, NoShares);
        AdmissionCandidate[] ranked = [Candidate(1, 10), Candidate(2, 10), Candidate(3, 20), Candidate(4, 20)];
        var proposal = AdmissionProposal.Propose(ranked, 2, caps, null, []);
        Assert.Equal([App(2), App(4)], proposal.Where(l => l.Decision == ProposalDecision.Waitlisted).Select(l => l.ApplicationId));
        AdmissionCandidate[] waitlist = [ranked[1], ranked[3]];

        // The agent of A declines: the candidate of A now fits, first on the list.
        var afterA = WaitlistPromotion.Next([ranked[2]], waitlist, 2, caps);
        Assert.Equal(App(2), afterA?.Candidate.ApplicationId);
        Assert.Empty(afterA!.PassedOver);

        // The agent of B declines instead: the candidate of A is still over the cap, the one of B takes the seat.
        var afterB = WaitlistPromotion.Next([ranked[0]], waitlist, 2, caps);
        Assert.Equal(App(4), afterB?.Candidate.ApplicationId);
        Assert.Equal("Plafond atteint : 1 agent au plus par administration", Assert.Single(afterB!.PassedOver).Reason);
    }

    [Fact]
    public void A_reserved_share_passes_over_the_waitlisted_of_other_categories()
    {
        var caps = new DiversityCaps(null, null, new Dictionary<ServiceCategory, int> { [ServiceCategory.B] = 30 });

        var promotion = WaitlistPromotion.Next(
            [Candidate(1, category: ServiceCategory.A), Candidate(2, category: ServiceCategory.A)],
            [Candidate(3, category: ServiceCategory.A), Candidate(4, category: ServiceCategory.B)],
            3, caps);

        Assert.Equal(App(4), promotion?.Candidate.ApplicationId);
        Assert.Equal("Places réservées à la part minimale de catégorie B (30 %)", Assert.Single(promotion!.PassedOver).Reason);
    }

    [Fact]
    public void A_reserved_share_no_waitlisted_candidate_can_fill_holds_no_seat()
    {
        // The only B waitlisted is from an administration at its cap: the first A gets the seat.
        var caps = new DiversityCaps(1, null, new Dictionary<ServiceCategory, int> { [ServiceCategory.B] = 30 });

        var promotion = WaitlistPromotion.Next(
            [Candidate(1, 10, ServiceCategory.A), Candidate(2, 11, ServiceCategory.A)],
            [Candidate(3, 12, ServiceCategory.A), Candidate(4, 10, ServiceCategory.B)],
            3, caps);

        Assert.Equal(App(3), promotion?.Candidate.ApplicationId);
        Assert.Empty(promotion!.PassedOver);
    }

    [Fact]
    public void No_free_seat_promotes_no_one()
    {
        Assert.Null(WaitlistPromotion.Next([Candidate(1), Candidate(2)], [Candidate(3)], 2, DiversityCaps.None));
    }

    [Fact]
    public void An_empty_waitlist_promotes_no_one()
    {
        Assert.Null(WaitlistPromotion.Next([Candidate(1)], [], 2, DiversityCaps.None));
    }

    [Fact]
    public void A_waitlist_entirely_over_the_caps_promotes_no_one()
    {
        Assert.Null(WaitlistPromotion.Next([Candidate(1, 10)], [Candidate(2, 10), Candidate(3, 10)], 2, new DiversityCaps(1, null, NoShares)));
    }

    [Fact]
    public void Holders_over_a_cap_after_a_forced_admission_keep_the_waitlisted_of_that_administration_out()
    {
        // Two of Direction X hold seats under a cap of one, one of them by the committee's forced admission.
        var promotion = WaitlistPromotion.Next(
            [Candidate(1, 10, administrationName: "Direction X"), Candidate(2, 10, administrationName: "Direction X")],
            [Candidate(3, 10, administrationName: "Direction X"), Candidate(4, 11)],
            3, new DiversityCaps(1, null, NoShares));

        Assert.NotNull(promotion);
        Assert.Equal(App(4), promotion.Candidate.ApplicationId);
        Assert.Equal("Plafond atteint : 1 agent au plus par administration (Direction X)", Assert.Single(promotion.PassedOver).Reason);
    }
}

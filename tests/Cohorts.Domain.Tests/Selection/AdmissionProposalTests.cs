using Cohorts.Domain.Applications;
using Cohorts.Domain.Selection;
using static Cohorts.Domain.Selection.ProposalDecision;
using static Cohorts.Domain.Tests.Selection.Ids;

namespace Cohorts.Domain.Tests.Selection;

public sealed class AdmissionProposalTests
{
    private static readonly Dictionary<ServiceCategory, int> NoShares = [];

    private static AdmissionCandidate Candidate(int app, int? administration = null, int? ministry = null, ServiceCategory? category = null,
        string? administrationName = null, string? ministryName = null) =>
        new(App(app), administration, ministry, category, administrationName, ministryName);

    private static DiversityCaps Caps(int? perAdministration = null, int? perMinistry = null, Dictionary<ServiceCategory, int>? shares = null) =>
        new(perAdministration, perMinistry, shares ?? NoShares);

    private static ProposalLine Line(int app, int position, ProposalDecision decision, int? waitlistRank = null, string? skipped = null,
        OverrideDecision? forced = null, string? forcedReason = null) =>
        new(App(app), position, decision, waitlistRank, skipped, forced, forcedReason);

    [Fact]
    public void Seats_are_filled_in_rank_order_and_the_others_are_waitlisted_in_that_order()
    {
        var proposal = AdmissionProposal.Propose([Candidate(5), Candidate(3), Candidate(1), Candidate(4), Candidate(2)], 3, DiversityCaps.None, null, []);

        Assert.Equal(
            [Line(5, 1, Admitted), Line(3, 2, Admitted), Line(1, 3, Admitted), Line(4, 4, Waitlisted, 1), Line(2, 5, Waitlisted, 2)],
            proposal);
    }

    [Fact]
    public void Of_two_tied_candidates_the_earlier_submission_takes_the_last_seat()
    {
        var monday = new DateTimeOffset(2026, 6, 1, 9, 0, 0, TimeSpan.Zero);
        var ranking = Ranking.Rank(
            [new RankingInput(App(1), 1, monday.AddHours(2), null), new RankingInput(App(2), 1, monday, null), new RankingInput(App(3), 1, monday, null)],
            [new ReviewScore(App(1), "r1", 7), new ReviewScore(App(2), "r2", 7), new ReviewScore(App(3), "r3", 9)],
            new RankingSettings(1.5, 0));

        var proposal = AdmissionProposal.Propose([.. ranking.Select(r => Candidate(ToNumber(r.ApplicationId)))], 2, DiversityCaps.None, null, []);

        Assert.Equal([Line(3, 1, Admitted), Line(2, 2, Admitted), Line(1, 3, Waitlisted, 1)], proposal);
    }

    private static int ToNumber(Guid id) => int.Parse(id.ToString()[^12..], System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public void A_candidate_over_the_administration_cap_is_passed_over_with_the_cap_named()
    {
        var proposal = AdmissionProposal.Propose(
            [Candidate(1, 10, 1, administrationName: "Direction X"), Candidate(2, 10, 1, administrationName: "Direction X"),
             Candidate(3, 10, 1, administrationName: "Direction X"), Candidate(4, 11, 1)],
            3, Caps(perAdministration: 2), null, []);

        Assert.Equal(
            [Line(1, 1, Admitted), Line(2, 2, Admitted),
             Line(3, 3, Waitlisted, 1, "Plafond atteint : 2 agents au plus par administration (Direction X)"),
             Line(4, 4, Admitted)],
            proposal);
    }

    [Fact]
    public void A_candidate_over_the_ministry_cap_is_passed_over_with_the_cap_named()
    {
        var proposal = AdmissionProposal.Propose(
            [Candidate(1, 10, 1), Candidate(2, 11, 1), Candidate(3, 12, 1, ministryName: "Ministère de l'Intérieur"), Candidate(4, 20, 2), Candidate(5, 21, 2)],
            3, Caps(perMinistry: 2), null, []);

        Assert.Equal(
            [Line(1, 1, Admitted), Line(2, 2, Admitted),
             Line(3, 3, Waitlisted, 1, "Plafond atteint : 2 agents au plus par ministère (Ministère de l'Intérieur)"),
             Line(4, 4, Admitted), Line(5, 5, Waitlisted, 2)],
            proposal);
    }

    [Fact]
    public void A_cap_of_one_reads_in_the_singular_and_without_a_name_when_none_is_given()
    {
        var proposal = AdmissionProposal.Propose([Candidate(1, 10, 1), Candidate(2, 11, 1), Candidate(3, 12, 2)], 2, Caps(perMinistry: 1), null, []);

        Assert.Equal("Plafond atteint : 1 agent au plus par ministère", proposal[1].SkippedBecause);
        Assert.Equal([Admitted, Waitlisted, Admitted], proposal.Select(l => l.Decision));
    }

    [Fact]
    public void Candidates_without_an_administration_or_a_ministry_count_towards_no_cap()
    {
        var proposal = AdmissionProposal.Propose([Candidate(1), Candidate(2), Candidate(3)], 3, Caps(perAdministration: 1, perMinistry: 1), null, []);

        Assert.All(proposal, line => Assert.Equal(Admitted, line.Decision));
    }

    [Fact]
    public void Seats_are_reserved_for_the_minimum_share_of_a_category()
    {
        // 4 seats, B at least 50 %: 2 seats for B. After two A, the third A would leave 1 seat for 2 B still to come.
        var shares = new Dictionary<ServiceCategory, int> { [ServiceCategory.B] = 50 };
        var proposal = AdmissionProposal.Propose(
            [Candidate(1, category: ServiceCategory.A), Candidate(2, category: ServiceCategory.A), Candidate(3, category: ServiceCategory.A),
             Candidate(4, category: ServiceCategory.B), Candidate(5, category: ServiceCategory.A), Candidate(6, category: ServiceCategory.B)],
            4, Caps(shares: shares), null, []);

        Assert.Equal(
            [Line(1, 1, Admitted), Line(2, 2, Admitted),
             Line(3, 3, Waitlisted, 1, "Places réservées à la part minimale de catégorie B (50 %)"),
             Line(4, 4, Admitted),
             Line(5, 5, Waitlisted, 2, "Places réservées à la part minimale de catégorie B (50 %)"),
             Line(6, 6, Admitted)],
            proposal);
    }

    [Fact]
    public void A_minimum_share_the_candidates_cannot_fill_reserves_nothing()
    {
        // Only one B among the candidates: one seat held for B, not two.
        var shares = new Dictionary<ServiceCategory, int> { [ServiceCategory.B] = 50 };
        var proposal = AdmissionProposal.Propose(
            [Candidate(1, category: ServiceCategory.A), Candidate(2, category: ServiceCategory.A), Candidate(3, category: ServiceCategory.A),
             Candidate(4, category: ServiceCategory.A), Candidate(5, category: ServiceCategory.B)],
            4, Caps(shares: shares), null, []);

        Assert.Equal([Admitted, Admitted, Admitted, Waitlisted, Admitted], proposal.Select(l => l.Decision));
    }

    [Fact]
    public void When_the_minimum_share_cannot_be_met_the_held_seat_goes_back_in_a_second_pass_under_the_hard_caps()
    {
        // B at least 50 % of 4 seats; the two B are from the same administration, capped at 1: the second B cannot
        // come, so the A held back (candidate 3) gets the seat, and says why.
        var shares = new Dictionary<ServiceCategory, int> { [ServiceCategory.B] = 50 };
        var proposal = AdmissionProposal.Propose(
            [Candidate(1, 1, category: ServiceCategory.A), Candidate(2, 2, category: ServiceCategory.A), Candidate(3, 3, category: ServiceCategory.A),
             Candidate(4, 10, category: ServiceCategory.B), Candidate(5, 10, category: ServiceCategory.B)],
            4, Caps(perAdministration: 1, shares: shares), null, []);

        Assert.Equal(
            [Line(1, 1, Admitted), Line(2, 2, Admitted),
             Line(3, 3, Admitted, null, "Admis au second tour : la part minimale de catégorie B (50 %) ne peut pas être atteinte avec les candidats restants."),
             Line(4, 4, Admitted),
             Line(5, 5, Waitlisted, 1, "Plafond atteint : 1 agent au plus par administration")],
            proposal);
    }

    [Fact]
    public void The_candidate_held_back_for_a_share_out_of_reach_comes_back_before_anyone_ranked_lower()
    {
        var shares = new Dictionary<ServiceCategory, int> { [ServiceCategory.B] = 50 };
        var proposal = AdmissionProposal.Propose(
            [Candidate(1, 1, category: ServiceCategory.A), Candidate(2, 2, category: ServiceCategory.A), Candidate(3, 3, category: ServiceCategory.A),
             Candidate(4, 10, category: ServiceCategory.B), Candidate(5, 10, category: ServiceCategory.B), Candidate(6, 6, category: ServiceCategory.A)],
            4, Caps(perAdministration: 1, shares: shares), null, []);

        Assert.Equal([Admitted, Admitted, Admitted, Admitted, Waitlisted, Waitlisted], proposal.Select(l => l.Decision));
        Assert.Equal([null, null, null, null, 1, 2], proposal.Select(l => l.WaitlistRank));
        Assert.Null(proposal[5].SkippedBecause);
    }

    [Fact]
    public void Two_minimum_shares_are_named_together_when_both_hold_the_seats()
    {
        var shares = new Dictionary<ServiceCategory, int> { [ServiceCategory.B] = 25, [ServiceCategory.C] = 25 };
        var proposal = AdmissionProposal.Propose(
            [Candidate(1, category: ServiceCategory.A), Candidate(2, category: ServiceCategory.A), Candidate(3, category: ServiceCategory.A),
             Candidate(4, category: ServiceCategory.B), Candidate(5, category: ServiceCategory.C)],
            4, Caps(shares: shares), null, []);

        Assert.Equal("Places réservées aux parts minimales des catégories B (25 %) et C (25 %)", proposal[2].SkippedBecause);
        Assert.Equal([Admitted, Admitted, Waitlisted, Admitted, Admitted], proposal.Select(l => l.Decision));
    }

    [Fact]
    public void Forced_admissions_take_their_seats_beyond_a_cap_without_using_its_places()
    {
        var proposal = AdmissionProposal.Propose(
            [Candidate(1, 10), Candidate(2, 10), Candidate(3, 10), Candidate(4, 11), Candidate(5, 12)],
            5, Caps(perAdministration: 1), null,
            [new(App(2), OverrideDecision.Admit, "Profil rare sur la cybersécurité"), new(App(3), OverrideDecision.Admit, "Binôme avec la candidate 2")]);

        Assert.Equal(
            [Line(1, 1, Admitted),
             Line(2, 2, Admitted, null, null, OverrideDecision.Admit, "Profil rare sur la cybersécurité"),
             Line(3, 3, Admitted, null, null, OverrideDecision.Admit, "Binôme avec la candidate 2"),
             Line(4, 4, Admitted), Line(5, 5, Admitted)],
            proposal);
    }

    [Fact]
    public void A_forced_admission_of_one_the_administration_cap_passed_over_leaves_the_better_ranked_of_that_administration_admitted()
    {
        var ranked = Enumerable.Range(1, 7).Select(i => Candidate(i, 10, administrationName: "Direction X")).Append(Candidate(8, 11)).ToList();
        var before = AdmissionProposal.Propose(ranked, 10, Caps(perAdministration: 6), null, []);
        Assert.Equal("Plafond atteint : 6 agents au plus par administration (Direction X)", before[6].SkippedBecause);

        var proposal = AdmissionProposal.Propose(ranked, 10, Caps(perAdministration: 6), null,
            [new(App(7), OverrideDecision.Admit, "Seule candidate formée au droit européen")]);

        Assert.All(proposal, line => Assert.Equal(Admitted, line.Decision));
        Assert.All(proposal, line => Assert.Null(line.SkippedBecause));
    }

    [Fact]
    public void A_forced_admission_uses_no_place_of_the_ministry_cap()
    {
        var proposal = AdmissionProposal.Propose([Candidate(1, 10, 1), Candidate(2, 11, 1), Candidate(3, 12, 2)], 3, Caps(perMinistry: 1), null,
            [new(App(2), OverrideDecision.Admit, "Reconversion accompagnée par le ministère")]);

        Assert.Equal([Admitted, Admitted, Admitted], proposal.Select(l => l.Decision));
    }

    [Fact]
    public void A_forced_admission_takes_a_seat_only_and_counts_for_no_category_minimum()
    {
        var shares = new Dictionary<ServiceCategory, int> { [ServiceCategory.B] = 50 };
        var proposal = AdmissionProposal.Propose(
            [Candidate(1, category: ServiceCategory.A), Candidate(2, category: ServiceCategory.A), Candidate(3, category: ServiceCategory.B),
             Candidate(4, category: ServiceCategory.B), Candidate(5, category: ServiceCategory.B)],
            4, Caps(shares: shares), null,
            [new(App(3), OverrideDecision.Admit, "Reconversion accompagnée par le ministère")]);

        // The two seats the share reserves to category B go to candidates 4 and 5; the forced one took the seat of candidate 2.
        Assert.Equal([Admitted, Waitlisted, Admitted, Admitted, Admitted], proposal.Select(l => l.Decision));
        Assert.Equal("Places réservées à la part minimale de catégorie B (50 %)", proposal[1].SkippedBecause);
    }

    [Fact]
    public void When_forced_admissions_take_the_last_seats_the_lowest_ranked_of_the_others_is_waitlisted_and_told_why()
    {
        var proposal = AdmissionProposal.Propose(
            [Candidate(1, 10), Candidate(2, 11), Candidate(3, 12), Candidate(4, 10), Candidate(5, 13)],
            3, Caps(perAdministration: 1), null,
            [new(App(4), OverrideDecision.Admit, "Profil rare sur la cybersécurité")]);

        Assert.Equal(
            [Line(1, 1, Admitted), Line(2, 2, Admitted),
             Line(3, 3, Waitlisted, 1, AdmissionProposal.SeatTakenByCommittee),
             Line(4, 4, Admitted, null, null, OverrideDecision.Admit, "Profil rare sur la cybersécurité"),
             Line(5, 5, Waitlisted, 2)],
            proposal);
        Assert.Equal("Place prise par une décision du jury", AdmissionProposal.SeatTakenByCommittee);
    }

    [Fact]
    public void A_forced_rejection_is_out_and_its_seat_goes_to_the_next()
    {
        var proposal = AdmissionProposal.Propose([Candidate(1), Candidate(2), Candidate(3)], 1, DiversityCaps.None, null,
            [new(App(1), OverrideDecision.Reject, "Ne remplit pas la condition d'ancienneté")]);

        Assert.Equal(
            [Line(1, 1, Rejected, null, null, OverrideDecision.Reject, "Ne remplit pas la condition d'ancienneté"),
             Line(2, 2, Admitted), Line(3, 3, Waitlisted, 1)],
            proposal);
    }

    [Fact]
    public void A_forced_waitlisting_keeps_its_rank_order_on_the_waitlist()
    {
        var proposal = AdmissionProposal.Propose([Candidate(1), Candidate(2), Candidate(3), Candidate(4)], 2, DiversityCaps.None, null,
            [new(App(2), OverrideDecision.Waitlist, "Disponibilité à confirmer")]);

        Assert.Equal(
            [Line(1, 1, Admitted),
             Line(2, 2, Waitlisted, 1, null, OverrideDecision.Waitlist, "Disponibilité à confirmer"),
             Line(3, 3, Admitted), Line(4, 4, Waitlisted, 2)],
            proposal);
    }

    [Fact]
    public void Beyond_the_waitlist_length_the_others_are_rejected_but_a_forced_waitlisting_stays()
    {
        var proposal = AdmissionProposal.Propose([Candidate(1), Candidate(2), Candidate(3), Candidate(4), Candidate(5), Candidate(6)], 1,
            DiversityCaps.None, 2, [new(App(6), OverrideDecision.Waitlist, "Reprise d'une candidature de l'an dernier")]);

        Assert.Equal(
            [Line(1, 1, Admitted), Line(2, 2, Waitlisted, 1), Line(3, 3, Waitlisted, 2), Line(4, 4, Rejected), Line(5, 5, Rejected),
             Line(6, 6, Waitlisted, 3, null, OverrideDecision.Waitlist, "Reprise d'une candidature de l'an dernier")],
            proposal);
    }

    [Fact]
    public void A_waitlist_of_zero_rejects_everyone_not_admitted()
    {
        var proposal = AdmissionProposal.Propose([Candidate(1), Candidate(2), Candidate(3)], 1, DiversityCaps.None, 0, []);

        Assert.Equal([Admitted, Rejected, Rejected], proposal.Select(l => l.Decision));
    }

    [Theory]
    [InlineData(30, 100, 30)]
    [InlineData(25, 10, 3)]
    [InlineData(1, 10, 1)]
    [InlineData(0, 10, 0)]
    [InlineData(30, 0, 0)]
    public void A_minimum_share_reserves_the_seats_rounded_up(int percent, int seats, int expected)
    {
        var caps = Caps(shares: new Dictionary<ServiceCategory, int> { [ServiceCategory.C] = percent });

        Assert.Equal(expected, caps.MinimumSeats(ServiceCategory.C, seats));
        Assert.Equal(0, caps.MinimumSeats(ServiceCategory.A, seats));
    }
}

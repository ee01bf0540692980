namespace Cohorts.Domain.Selection;

public enum ProposalDecision { Admitted, Waitlisted, Rejected }

/// <summary>What a program manager forces on one application, whatever the ranking and the caps say.</summary>
public enum OverrideDecision { Admit, Waitlist, Reject }

/// <summary>A forced decision on one application, with the reason the manager gave.</summary>
public sealed record ProposalOverrideInput(Guid ApplicationId, OverrideDecision Decision, string Reason);

/// <summary>
/// One line of the proposal, in rank order (<paramref name="Position"/> 1..n). <paramref name="SkippedBecause"/> says,
/// in French, why a candidate the ranking placed within the seats was passed over (a cap, a reserved share), or why
/// one was admitted only in the second pass; <paramref name="Override"/> and its reason are the manager's, when forced.
/// </summary>
public sealed record ProposalLine(
    Guid ApplicationId,
    int Position,
    ProposalDecision Decision,
    int? WaitlistRank,
    string? SkippedBecause,
    OverrideDecision? Override,
    string? OverrideReason);

/// <summary>
/// The admission proposal: the seats filled in rank order under the diversity caps, the others waitlisted in rank
/// order, the rest rejected. The committee decides; this is what it starts from.
/// </summary>
public static class AdmissionProposal
{
    public static IReadOnlyList<ProposalLine> Propose(
        IReadOnlyList<AdmissionCandidate> ranked,
        int seats,
        DiversityCaps caps,
        int? waitlistLength,
        IReadOnlyList<ProposalOverrideInput> overrides)
    {
        ArgumentNullException.ThrowIfNull(ranked);
        ArgumentNullException.ThrowIfNull(caps);
        ArgumentNullException.ThrowIfNull(overrides);

        var forced = new Dictionary<Guid, ProposalOverrideInput>(overrides.Count);
        foreach (var o in overrides) forced[o.ApplicationId] = o;

        var count = ranked.Count;
        var admitted = new bool[count];
        var reasons = new string?[count];
        var shareSkipped = new bool[count];
        var ledger = new SeatLedger(seats, caps, ranked.Where(c => !forced.ContainsKey(c.ApplicationId)));

        // A forced admission takes its seat first, and counts towards the caps of those that follow.
        for (var i = 0; i < count; i++)
        {
            if (forced.TryGetValue(ranked[i].ApplicationId, out var o) && o.Decision == OverrideDecision.Admit)
            {
                ledger.Admit(ranked[i]);
                admitted[i] = true;
            }
        }

        for (var i = 0; i < count; i++)
        {
            var candidate = ranked[i];
            if (forced.ContainsKey(candidate.ApplicationId)) continue;
            ledger.Pass(candidate);
            if (ledger.SeatsLeft == 0) continue;
            var capRefusal = ledger.CapRefusal(candidate);
            var shareRefusal = capRefusal is null ? ledger.ShareRefusal(candidate) : null;
            if (capRefusal is null && shareRefusal is null)
            {
                ledger.Admit(candidate);
                admitted[i] = true;
                continue;
            }
            reasons[i] = capRefusal ?? shareRefusal;
            shareSkipped[i] = shareRefusal is not null;
        }

        // Seats were held back for a minimum share that the candidates could not fill after all (the last ones of the
        // category fell under a hard cap): they go back to the ranking, the hard caps still kept.
        if (ledger.SeatsLeft > 0 && shareSkipped.Contains(true))
        {
            var unmet = ledger.UnmetMinimums();
            var note = unmet.Count switch
            {
                0 => "Admis au second tour : des places restaient libres après le premier tour.",
                1 => $"Admis au second tour : {ledger.DescribeMinimums(unmet)} ne peut pas être atteinte avec les candidats restants.",
                _ => $"Admis au second tour : {ledger.DescribeMinimums(unmet)} ne peuvent pas être atteintes avec les candidats restants.",
            };
            for (var i = 0; i < count && ledger.SeatsLeft > 0; i++)
            {
                if (!shareSkipped[i]) continue;
                var capRefusal = ledger.CapRefusal(ranked[i]);
                if (capRefusal is not null)
                {
                    reasons[i] = capRefusal;
                    continue;
                }
                ledger.Admit(ranked[i]);
                admitted[i] = true;
                reasons[i] = note;
            }
        }

        var lines = new ProposalLine[count];
        var waitlisted = 0;
        for (var i = 0; i < count; i++)
        {
            var candidate = ranked[i];
            var o = forced.GetValueOrDefault(candidate.ApplicationId);
            ProposalDecision decision;
            int? waitlistRank = null;
            if (admitted[i]) decision = ProposalDecision.Admitted;
            else if (o?.Decision == OverrideDecision.Reject) decision = ProposalDecision.Rejected;
            // A forced waitlisting stays on the list even beyond its length: the manager asked for it.
            else if (o?.Decision == OverrideDecision.Waitlist || waitlistLength is null || waitlisted < waitlistLength)
            {
                decision = ProposalDecision.Waitlisted;
                waitlistRank = ++waitlisted;
            }
            else decision = ProposalDecision.Rejected;
            lines[i] = new ProposalLine(candidate.ApplicationId, i + 1, decision, waitlistRank, reasons[i], o?.Decision, o?.Reason);
        }
        return lines;
    }
}

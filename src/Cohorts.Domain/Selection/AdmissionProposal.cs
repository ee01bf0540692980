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
    /// <summary>Why one the ranking and the caps would admit is not: a forced admission took the seat.</summary>
    public const string SeatTakenByCommittee = "Place prise par une décision du jury";

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
        var ledger = new SeatLedger(seats, caps);

        // A forced admission is the committee's deliberate exception to the caps: it takes its seat first, and only
        // the seat (no cap's place, no category's), so no one better ranked of its administration is pushed out.
        var forcedAdmissions = 0;
        for (var i = 0; i < count; i++)
        {
            if (forced.TryGetValue(ranked[i].ApplicationId, out var o) && o.Decision == OverrideDecision.Admit)
            {
                ledger.TakeSeatOnly();
                admitted[i] = true;
                forcedAdmissions++;
            }
        }

        var open = new List<int>(count);
        for (var i = 0; i < count; i++)
            if (!forced.ContainsKey(ranked[i].ApplicationId)) open.Add(i);
        var candidates = open.Select(i => ranked[i]).ToList();
        var outcomes = ledger.Fill(candidates);
        // Who the seats the forced admissions took would have gone to: those are told why they are not admitted.
        var withoutForced = forcedAdmissions > 0 ? new SeatLedger(seats, caps).Fill(candidates) : outcomes;
        for (var j = 0; j < open.Count; j++)
        {
            var (isAdmitted, reason) = outcomes[j];
            if (!isAdmitted && reason is null && withoutForced[j].Admitted) reason = SeatTakenByCommittee;
            (admitted[open[j]], reasons[open[j]]) = (isAdmitted, reason);
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

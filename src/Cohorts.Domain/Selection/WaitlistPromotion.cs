namespace Cohorts.Domain.Selection;

/// <summary>A waitlisted candidate passed over by a promotion, and why, in French.</summary>
public sealed record PassedOver(AdmissionCandidate Candidate, string Reason);

/// <summary>The waitlisted candidate who gets the freed seat, and those before them on the list who could not.</summary>
public sealed record Promotion(AdmissionCandidate Candidate, IReadOnlyList<PassedOver> PassedOver);

/// <summary>Who takes a seat freed by a declined or expired offer: the same caps as the proposal, the same check.</summary>
public static class WaitlistPromotion
{
    /// <param name="holders">Those who hold a seat now: admitted with an open offer, or accepted.</param>
    /// <param name="waitlist">The waitlist, in rank order.</param>
    public static Promotion? Next(
        IReadOnlyList<AdmissionCandidate> holders, IReadOnlyList<AdmissionCandidate> waitlist, int seats, DiversityCaps caps)
    {
        ArgumentNullException.ThrowIfNull(holders);
        ArgumentNullException.ThrowIfNull(waitlist);
        ArgumentNullException.ThrowIfNull(caps);
        if (waitlist.Count == 0 || holders.Count >= seats) return null;

        var ledger = new SeatLedger(seats, caps);
        foreach (var holder in holders) ledger.Admit(holder);
        var outcomes = ledger.Fill(waitlist, maxAdmissions: 1);
        var chosen = Array.FindIndex(outcomes, outcome => outcome.Admitted);
        if (chosen < 0) return null;
        var passedOver = new List<PassedOver>();
        for (var i = 0; i < chosen; i++)
            if (outcomes[i].Reason is { } reason) passedOver.Add(new PassedOver(waitlist[i], reason));
        return new Promotion(waitlist[chosen], passedOver);
    }
}

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

        var ledger = new SeatLedger(seats, caps, waitlist);
        foreach (var holder in holders) ledger.Admit(holder);

        var passedOver = new List<PassedOver>();
        foreach (var candidate in waitlist)
        {
            ledger.Pass(candidate);
            var refusal = ledger.CapRefusal(candidate) ?? ledger.ShareRefusal(candidate);
            if (refusal is null) return new Promotion(candidate, passedOver);
            passedOver.Add(new PassedOver(candidate, refusal));
        }

        // No one fits the reserved share (those of the category are all under a hard cap): as in the proposal's
        // second pass, the seat goes to the first who keeps the hard caps.
        passedOver.Clear();
        foreach (var candidate in waitlist)
        {
            var refusal = ledger.CapRefusal(candidate);
            if (refusal is null) return new Promotion(candidate, passedOver);
            passedOver.Add(new PassedOver(candidate, refusal));
        }
        return null;
    }
}

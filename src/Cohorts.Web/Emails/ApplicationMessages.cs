namespace Cohorts.Web.Emails;

public sealed record ApplicationSubmittedMessage(string FirstName, string Program, string Cohort, bool AwaitsEndorsement,
    string ManagerName, string Link) : Email
{
    public override string Template => "application-submitted";
    public override string Subject => $"Candidature reçue — {Program}, {Cohort}";
}

public sealed record EndorsementRequestMessage(string ManagerName, string CandidateName, string Program, string Cohort,
    string Expires, string Link) : Email
{
    public override string Template => "endorsement-request";
    public override string Subject => $"Avis hiérarchique demandé : candidature de {CandidateName} à {Program}";
}

public sealed record EndorsementOutcomeMessage(string FirstName, string Program, string Cohort, bool Favourable,
    string ManagerName, string? Comment, string Link) : Email
{
    public override string Template => "endorsement-outcome";
    public override string Subject => Favourable
        ? $"Avis hiérarchique favorable — {Program}"
        : $"Avis hiérarchique défavorable — {Program}";
}

public sealed record ApplicationClosedMessage(string FirstName, string Program, string Cohort, string Status, string? Reason,
    string Link) : Email
{
    public override string Template => "application-closed";
    public override string Subject => $"Votre candidature — {Program}, {Cohort} : {Status}";
}

public sealed record DeadlineChangedMessage(string FirstName, string Program, string Cohort, string OldDeadline, string NewDeadline,
    string Link) : Email
{
    public override string Template => "deadline-changed";
    public override string Subject => $"Nouvelle date limite de dépôt — {Program}, {Cohort}";
}

/// <summary>A seat offered: by the committee's published decisions, or because a seat freed up for a waitlisted candidate.</summary>
public sealed record OfferMessage(string FirstName, string Program, string Cohort, bool FromWaitlist, string Deadline, string Link) : Email
{
    public override string Template => "offer";
    public override string Subject => FromWaitlist
        ? $"Une place s'est libérée pour vous — {Program}, {Cohort}"
        : $"Vous êtes admis(e) — {Program}, {Cohort}";
}

public sealed record WaitlistedMessage(string FirstName, string Program, string Cohort, int Rank, string Link) : Email
{
    public override string Template => "waitlisted";
    public override string Subject => $"Liste complémentaire — {Program}, {Cohort}";
}

public sealed record RejectedMessage(string FirstName, string Program, string Cohort, string Link) : Email
{
    public override string Template => "rejected";
    public override string Subject => $"Votre candidature — {Program}, {Cohort}";
}

public sealed record OfferExpiredMessage(string FirstName, string Program, string Cohort, string Link) : Email
{
    public override string Template => "offer-expired";
    public override string Subject => $"Proposition de place expirée — {Program}, {Cohort}";
}

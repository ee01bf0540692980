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

namespace Cohorts.Web.Emails;

public sealed record ApplicationSubmittedMessage(string FirstName, string Program, string Cohort, bool AwaitsEndorsement,
    string ManagerName, string Link) : Email, IEmailKind<ApplicationSubmittedMessage>
{
    public static string Label => "Candidature reçue";
    public static ApplicationSubmittedMessage Sample => new("Camille", "Booster Agile", "Promotion 3", true, "Jean Lefèvre", $"{EmailKinds.SampleSite}/candidatures/0193a2b4-5c6d-7e8f-9a0b-1c2d3e4f5a6b");

    public override string Template => "application-submitted";
    public override string Subject => $"Candidature reçue — {Program}, {Cohort}";
}

public sealed record EndorsementRequestMessage(string ManagerName, string CandidateName, string Program, string Cohort,
    string Expires, string Link) : Email, IEmailKind<EndorsementRequestMessage>
{
    public static string Label => "Demande d'avis hiérarchique";
    public static EndorsementRequestMessage Sample => new("Jean Lefèvre", "Camille Durand", "Booster Agile", "Promotion 3", "16 mars 2026 à 9 h 00", $"{EmailKinds.SampleSite}/avis-hierarchique/CfDJ8Nq3Xz");

    public override string Template => "endorsement-request";
    public override string Subject => $"Avis hiérarchique demandé : candidature {Pages.Display.Of(CandidateName)} au programme {Program}";
}

public sealed record EndorsementOutcomeMessage(string FirstName, string Program, string Cohort, bool Favourable,
    string ManagerName, string? Comment, string Link) : Email, IEmailKind<EndorsementOutcomeMessage>
{
    public static string Label => "Avis hiérarchique rendu";
    public static EndorsementOutcomeMessage Sample => new("Camille", "Booster Agile", "Promotion 3", true, "Jean Lefèvre", "Camille porte déjà la démarche produit dans son équipe.", $"{EmailKinds.SampleSite}/candidatures/0193a2b4-5c6d-7e8f-9a0b-1c2d3e4f5a6b");

    public override string Template => "endorsement-outcome";
    public override string Subject => Favourable
        ? $"Avis hiérarchique favorable — {Program}"
        : $"Avis hiérarchique défavorable — {Program}";
}

public sealed record ApplicationClosedMessage(string FirstName, string Program, string Cohort, string Status, string? Reason,
    string Link) : Email, IEmailKind<ApplicationClosedMessage>
{
    public static string Label => "Candidature close";
    public static ApplicationClosedMessage Sample => new("Camille", "Booster Agile", "Promotion 3", "Non recevable", "Le programme est réservé aux agents de catégorie A.", $"{EmailKinds.SampleSite}/candidatures/0193a2b4-5c6d-7e8f-9a0b-1c2d3e4f5a6b");

    public override string Template => "application-closed";
    public override string Subject => $"Votre candidature — {Program}, {Cohort} : {Status}";
}

public sealed record DeadlineChangedMessage(string FirstName, string Program, string Cohort, string OldDeadline, string NewDeadline,
    string Link) : Email, IEmailKind<DeadlineChangedMessage>
{
    public static string Label => "Nouvelle date limite de dépôt";
    public static DeadlineChangedMessage Sample => new("Camille", "Booster Agile", "Promotion 3", "15 mars 2026 à 12 h 00", "22 mars 2026 à 12 h 00", $"{EmailKinds.SampleSite}/candidatures/0193a2b4-5c6d-7e8f-9a0b-1c2d3e4f5a6b/formulaire");

    public override string Template => "deadline-changed";
    public override string Subject => $"Nouvelle date limite de dépôt — {Program}, {Cohort}";
}

/// <summary>A seat offered: by the committee's published decisions, or because a seat freed up for a waitlisted candidate.</summary>
public sealed record OfferMessage(string FirstName, string Program, string Cohort, bool FromWaitlist, string Deadline, string Link) : Email, IEmailKind<OfferMessage>
{
    public static string Label => "Proposition de place";
    public static OfferMessage Sample => new("Camille", "Booster Agile", "Promotion 3", false, "9 avril 2026 à 23 h 59", $"{EmailKinds.SampleSite}/candidatures/0193a2b4-5c6d-7e8f-9a0b-1c2d3e4f5a6b");

    public override string Template => "offer";
    public override string Subject => FromWaitlist
        ? $"Une place s'est libérée pour vous — {Program}, {Cohort}"
        : $"Vous êtes admis(e) — {Program}, {Cohort}";
}

public sealed record WaitlistedMessage(string FirstName, string Program, string Cohort, int Rank, string Link) : Email, IEmailKind<WaitlistedMessage>
{
    public static string Label => "Liste complémentaire";
    public static WaitlistedMessage Sample => new("Inès", "Booster Agile", "Promotion 3", 4, $"{EmailKinds.SampleSite}/candidatures/0193a2b4-6d7e-7f80-9a1b-2c3d4e5f6a7b");

    public override string Template => "waitlisted";
    public override string Subject => $"Liste complémentaire — {Program}, {Cohort}";
}

public sealed record RejectedMessage(string FirstName, string Program, string Cohort, string Link) : Email, IEmailKind<RejectedMessage>
{
    public static string Label => "Candidature non retenue";
    public static RejectedMessage Sample => new("Bastien", "Booster Agile", "Promotion 3", $"{EmailKinds.SampleSite}/candidatures/0193a2b4-7e8f-7091-8a2b-3c4d5e6f7a8b");

    public override string Template => "rejected";
    public override string Subject => $"Votre candidature — {Program}, {Cohort}";
}

public sealed record OfferExpiredMessage(string FirstName, string Program, string Cohort, string Link) : Email, IEmailKind<OfferExpiredMessage>
{
    public static string Label => "Proposition de place expirée";
    public static OfferExpiredMessage Sample => new("Camille", "Booster Agile", "Promotion 3", $"{EmailKinds.SampleSite}/candidatures/0193a2b4-5c6d-7e8f-9a0b-1c2d3e4f5a6b");

    public override string Template => "offer-expired";
    public override string Subject => $"Proposition de place expirée — {Program}, {Cohort}";
}

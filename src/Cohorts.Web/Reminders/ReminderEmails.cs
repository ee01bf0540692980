using Cohorts.Web.Emails;

namespace Cohorts.Web.Reminders;

/// <summary>A draft not submitted as the cohort's deadline comes (7 days, then 1 day before).</summary>
public sealed record ApplicationDeadlineReminder(string FirstName, string Program, string Cohort, string Deadline, string Remaining, string Link)
    : Email, IEmailKind<ApplicationDeadlineReminder>
{
    public const string TemplateName = "reminder-application-deadline";
    public override string Template => TemplateName;
    public override string Subject => $"Rappel : votre candidature n'est pas soumise, {ReminderKinds.OnlyLeft(Remaining)} — {Program}, {Cohort}";
    public static string Label => "Rappel : candidature à soumettre";
    public static ApplicationDeadlineReminder Sample => new("Camille", "Booster Agile", "Promotion 3", "15 janvier 2027 à 12 h 00", "7 jours",
        "https://cohorts.example.gouv.fr/candidatures/0190a3c4-5e6f-7a8b-9c0d-1e2f3a4b5c6d/formulaire");
}

/// <summary>The line manager has not answered the request in force (3 days, then 7 days after it): a fresh link.</summary>
public sealed record EndorsementReminderToManager(string ManagerName, string CandidateName, string Program, string Cohort, string RequestedOn,
    string Expires, string Link) : Email, IEmailKind<EndorsementReminderToManager>
{
    public const string TemplateName = "reminder-endorsement-manager";
    public override string Template => TemplateName;
    public override string Subject => $"Rappel : avis hiérarchique attendu sur la candidature {Pages.Display.Of(CandidateName)} à {Program}";
    public static string Label => "Rappel : avis hiérarchique attendu";
    public static EndorsementReminderToManager Sample => new("Jean Chef", "Camille Durand", "Booster Agile", "Promotion 3", "2 mars 2027 à 9 h 00",
        "16 mars 2027 à 9 h 00", "https://cohorts.example.gouv.fr/avis-hierarchique/CfDJ8exemple");
}

/// <summary>The candidate, told their line manager was reminded.</summary>
public sealed record EndorsementReminderToCandidate(string FirstName, string ManagerName, string Program, string Cohort, string RequestedOn, string Link)
    : Email, IEmailKind<EndorsementReminderToCandidate>
{
    public const string TemplateName = "reminder-endorsement-candidate";
    public override string Template => TemplateName;
    public override string Subject => $"Avis hiérarchique en attente : votre responsable a reçu un rappel — {Program}, {Cohort}";
    public static string Label => "Rappel : responsable relancé (au candidat)";
    public static EndorsementReminderToCandidate Sample => new("Camille", "Jean Chef", "Booster Agile", "Promotion 3", "2 mars 2027 à 9 h 00",
        "https://cohorts.example.gouv.fr/candidatures/0190a3c4-5e6f-7a8b-9c0d-1e2f3a4b5c6d");
}

/// <summary>A reviewer with reviews not submitted in a cohort (3 days, then 1 day before the review deadline): one message per cohort.</summary>
public sealed record ReviewsDueReminder(string FirstName, string Program, string Cohort, int Count, string Deadline, string Remaining, string Link)
    : Email, IEmailKind<ReviewsDueReminder>
{
    public const string TemplateName = "reminder-reviews-due";
    public override string Template => TemplateName;
    public string Reviews => Count == 1 ? "1 évaluation" : $"{Count} évaluations";
    public override string Subject => $"Rappel : {Reviews} à rendre, {ReminderKinds.OnlyLeft(Remaining)} — {Program}, {Cohort}";
    public static string Label => "Rappel : évaluations à rendre";
    public static ReviewsDueReminder Sample => new("Jeanne", "Booster Agile", "Promotion 3", 4, "20 février 2027 à 18 h 00", "3 jours",
        "https://cohorts.example.gouv.fr/evaluations");
}

/// <summary>An admitted candidate who has not answered the offer, 2 days before it lapses.</summary>
public sealed record OfferExpiringReminder(string FirstName, string Program, string Cohort, string Deadline, string Remaining, string Link)
    : Email, IEmailKind<OfferExpiringReminder>
{
    public const string TemplateName = "reminder-offer-expiring";
    public override string Template => TemplateName;
    public override string Subject => $"Rappel : votre place vous attend encore {Remaining} — {Program}, {Cohort}";
    public static string Label => "Rappel : proposition de place à confirmer";
    public static OfferExpiringReminder Sample => new("Camille", "Booster Agile", "Promotion 3", "12 mars 2027 à 23 h 59", "2 jours",
        "https://cohorts.example.gouv.fr/candidatures/0190a3c4-5e6f-7a8b-9c0d-1e2f3a4b5c6d");
}

using Cohorts.Web.Emails;

namespace Cohorts.Web.Reminders;

/// <summary>A session tomorrow, to a participant or to its lead: when, where (the place or the link), the .ics attached.</summary>
public sealed record SessionTomorrowReminder(string FirstName, string Title, string KindLabel, string Program, string Cohort, string When,
    string Where, bool Leads, string Link) : Email, IEmailKind<SessionTomorrowReminder>
{
    public const string TemplateName = "reminder-session-tomorrow";
    public override string Template => TemplateName;
    public override string Subject => $"Rappel : {(Leads ? "vous animez" : "séance")} demain — {Title}";
    public static string Label => "Rappel : séance le lendemain";
    public static SessionTomorrowReminder Sample => new("Camille", "Atelier stratégie de la donnée", "En présentiel", "Conseiller en stratégie numérique",
        "Promotion 2027", "mardi 12 janvier 2027, de 09:30 à 12:30", "Campus du numérique, salle B12, 20 avenue de Ségur, Paris", false,
        "https://cohorts.example.gouv.fr/agenda");
}

/// <summary>A coaching session ended two days ago and its log is not written: to its coach.</summary>
public sealed record CoachingNotLoggedReminder(string FirstName, string Title, string Coachees, string Program, string Cohort, string When, string Link)
    : Email, IEmailKind<CoachingNotLoggedReminder>
{
    public const string TemplateName = "reminder-coaching-not-logged";
    public override string Template => TemplateName;
    public override string Subject => $"Rappel : compte rendu de coaching à rédiger — {Title}";
    public static string Label => "Rappel : compte rendu de coaching à rédiger";
    public static CoachingNotLoggedReminder Sample => new("Hugo", "Coaching individuel", "Camille Durand", "Conseiller en stratégie numérique",
        "Promotion 2027", "jeudi 14 janvier 2027, de 14:00 à 15:00",
        "https://cohorts.example.gouv.fr/accompagnement/seances/0190a3c4-5e6f-7a8b-9c0d-1e2f3a4b5c6d/compte-rendu");
}

/// <summary>A session the participant attended has ended: an invitation to rate it, once.</summary>
public sealed record SatisfactionInvitation(string FirstName, string Title, string Program, string Cohort, string When, string Link)
    : Email, IEmailKind<SatisfactionInvitation>
{
    public const string TemplateName = "reminder-satisfaction-invitation";
    public override string Template => TemplateName;
    public override string Subject => $"Votre avis sur la séance « {Title} »";
    public static string Label => "Invitation à donner son avis sur une séance";
    public static SatisfactionInvitation Sample => new("Camille", "Atelier stratégie de la donnée", "Conseiller en stratégie numérique", "Promotion 2027",
        "mardi 12 janvier 2027, de 09:30 à 12:30", "https://cohorts.example.gouv.fr/parcours/seances/0190a3c4-5e6f-7a8b-9c0d-1e2f3a4b5c6d/avis");
}

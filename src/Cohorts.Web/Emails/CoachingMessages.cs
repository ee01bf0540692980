namespace Cohorts.Web.Emails;

/// <summary>What became of a coaching session, for the participant told about it.</summary>
public enum CoachingNews { Planned, Changed, Cancelled }

/// <summary>
/// A coaching session planned, changed or cancelled by its coach, to one of its participants, with the calendar event
/// attached (it replaces, or cancels, the one they hold).
/// </summary>
public sealed record CoachingPlannedMessage(string FirstName, CoachingNews News, string Coach, string Program, string Cohort, string Title,
    string When, string Where, string Reason, string Link) : Email, IEmailKind<CoachingPlannedMessage>
{
    public static string Label => "Séance d'accompagnement planifiée";
    public static CoachingPlannedMessage Sample => new("Camille", CoachingNews.Planned, "Hugo Lefèvre", "Conseiller en stratégie numérique", "Promotion 2026",
        "Point d'étape sur le projet", "mardi 12 janvier 2027, de 14:00 à 15:00", "https://visio.numerique.gouv.fr/point-etape", "", $"{EmailKinds.SampleSite}/parcours");

    public bool IsPlanned => News == CoachingNews.Planned;
    public bool IsChanged => News == CoachingNews.Changed;
    public bool IsCancelled => News == CoachingNews.Cancelled;
    public override string Template => "coaching-planned";
    public override string Subject => News switch
    {
        CoachingNews.Planned => $"Séance d'accompagnement le {When}",
        CoachingNews.Changed => $"Séance d'accompagnement modifiée : {Title}",
        _ => $"Séance d'accompagnement annulée : {Title}",
    };
}

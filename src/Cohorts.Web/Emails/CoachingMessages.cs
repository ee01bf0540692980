namespace Cohorts.Web.Emails;

/// <summary>
/// A coaching session planned by its coach, to one of its participants, with the calendar event attached. Its changes and
/// cancellation go out as every session's (<see cref="SessionChangedMessage"/>, <see cref="SessionCancelledMessage"/>).
/// </summary>
public sealed record CoachingPlannedMessage(string FirstName, string Coach, string Program, string Cohort, string Title, string When, string Where,
    string Link) : Email, IEmailKind<CoachingPlannedMessage>
{
    public static string Label => "Séance d'accompagnement planifiée";
    public static CoachingPlannedMessage Sample => new("Camille", "Hugo Lefèvre", "Conseiller en stratégie numérique", "Promotion 2026",
        "Point d'étape sur le projet", "mardi 12 janvier 2027, de 14:00 à 15:00", "https://visio.numerique.gouv.fr/point-etape", $"{EmailKinds.SampleSite}/parcours");

    public override string Template => "coaching-planned";
    public override string Subject => $"Séance d'accompagnement le {When}";
}

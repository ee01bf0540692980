namespace Cohorts.Web.Emails;

/// <summary>
/// A session changed (or, for a series, its occurrences to come), to its lead and the people who attend it, with the
/// updated calendar events attached. Someone no longer concerned (a lead replaced, a coachee taken off a coaching
/// session) is told so (<paramref name="NoLongerConcerned"/>), without any event.
/// </summary>
public sealed record SessionChangedMessage(string FirstName, string Program, string Cohort, string Title, IReadOnlyList<string> Dates, string Where,
    string Lead, bool Mandatory, bool NoLongerConcerned, string Link) : Email, IEmailKind<SessionChangedMessage>
{
    public static string Label => "Séance modifiée";
    public static SessionChangedMessage Sample => new("Camille", "Conseiller en stratégie numérique", "Promotion 2026", "Atelier stratégie de la donnée",
        ["mardi 12 janvier 2027, de 14:00 à 16:00", "mardi 19 janvier 2027, de 14:00 à 16:00"], "Campus du numérique, salle B12, 20 avenue de Ségur, Paris",
        "Claire Martin", true, false, $"{EmailKinds.SampleSite}/parcours");

    public bool Several => Dates.Count > 1;
    public override string Template => "session-changed";
    public override string Subject => NoLongerConcerned
        ? $"Vous n'êtes plus attendu(e) : « {Title} » — {Program}, {Cohort}"
        : Several ? $"Séances modifiées : « {Title} » — {Program}, {Cohort}" : $"Séance modifiée : « {Title} » — {Program}, {Cohort}";
}

/// <summary>A session cancelled (or the rest of a series), to its lead and the people who attend it, with the cancellations for their calendars.</summary>
public sealed record SessionCancelledMessage(string FirstName, string Program, string Cohort, string Title, IReadOnlyList<string> Dates, string Reason,
    string Link) : Email, IEmailKind<SessionCancelledMessage>
{
    public static string Label => "Séance annulée";
    public static SessionCancelledMessage Sample => new("Camille", "Booster Agile", "Promotion 3", "Classe à distance : rétrospectives",
        ["jeudi 4 février 2027, de 09:30 à 11:00"], "L'intervenante est malade ; la séance sera reprogrammée.", $"{EmailKinds.SampleSite}/parcours");

    public bool Several => Dates.Count > 1;
    public override string Template => "session-cancelled";
    public override string Subject => Several
        ? $"Séances annulées : « {Title} » — {Program}, {Cohort}"
        : $"Séance annulée : « {Title} » — {Program}, {Cohort}";
}

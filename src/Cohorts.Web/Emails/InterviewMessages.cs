namespace Cohorts.Web.Emails;

/// <summary>
/// An interview's invitation, with its calendar event attached: to the candidate, or to a member of the panel
/// (<paramref name="ToPanel"/>). A rescheduled interview sends it again, saying so, with the event that replaces the first.
/// </summary>
public sealed record InterviewInvitationMessage(string FirstName, bool ToPanel, string Candidate, string Program, string Cohort,
    bool Rescheduled, string Date, string Time, string Duration, string Place, string VideoLink, string Panel, string Link) : Email, IEmailKind<InterviewInvitationMessage>
{
    public static string Label => "Convocation à un entretien";
    public static InterviewInvitationMessage Sample => new("Camille", false, "Camille Durand", "Booster Agile", "Promotion 3", false, "mardi 17 mars 2026", "14 h 30", "45 minutes", "DINUM, 20 avenue de Ségur, Paris 7e, salle 4", "https://visio.numerique.gouv.fr/entretien-booster-agile", "Sophie Martin, Idriss Benali", $"{EmailKinds.SampleSite}/candidatures/0193a2b4-5c6d-7e8f-9a0b-1c2d3e4f5a6b");

    /// <summary>"de Camille Durand", "d'Inès Martin".</summary>
    public string OfCandidate => Pages.Display.Of(Candidate);
    public override string Template => "interview-invitation";
    public override string Subject => (ToPanel, Rescheduled) switch
    {
        (false, false) => $"Convocation à un entretien — {Program}, {Cohort}",
        (false, true) => $"Votre entretien est déplacé — {Program}, {Cohort}",
        (true, false) => $"Entretien {OfCandidate} — {Program}, {Cohort}",
        (true, true) => $"Entretien déplacé : {Candidate} — {Program}, {Cohort}",
    };
}

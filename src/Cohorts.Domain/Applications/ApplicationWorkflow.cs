using Cohorts.Domain.Workflow;
using static Cohorts.Domain.Applications.ApplicationState;
using static Cohorts.Domain.Applications.ApplicationTrigger;
using static Cohorts.Domain.Workflow.Actor;

namespace Cohorts.Domain.Applications;

/// <summary>What the guards of the application lifecycle look at.</summary>
public sealed record ApplicationContext(
    DateTimeOffset Now,
    DateTimeOffset ApplicationDeadline,
    bool RequiresEndorsement,
    bool HasInterview,
    string? Reason = null)
{
    /// <summary>What a candidate is told from the deadline on, whatever they tried: the one wording of the rule.</summary>
    public const string PastDeadlineMessage =
        "La date limite de dépôt des candidatures est dépassée : la candidature ne peut plus être modifiée ni soumise.";

    /// <summary>The deadline rule, its one home: from the deadline on, a draft can be neither changed nor submitted.</summary>
    public bool PastDeadline => Now >= ApplicationDeadline;

    /// <summary>The context of an application to this cohort (its program loaded).</summary>
    public static ApplicationContext For(Catalogue.Cohort cohort, DateTimeOffset now, string? reason = null) =>
        new(now, cohort.ApplicationsCloseAt, cohort.Program.RequiresEndorsement, cohort.Program.HasInterview, reason);
}

/// <summary>The application lifecycle, whole, on one screen. Stages in brackets in the design are the guards.</summary>
public static class ApplicationWorkflow
{
    private static readonly ApplicationState[] Open =
        [Draft, Submitted, AwaitingEndorsement, Endorsed, UnderReview, Interview, Admitted, Waitlisted];
    private static readonly ApplicationState[] Assessable = [Submitted, AwaitingEndorsement, Endorsed, UnderReview, Interview];

    // Declared before Definition: static initialisers run in the order of the file, and the table reads these.
    private static readonly Guard<ApplicationContext> BeforeDeadline = new("Avant la date limite de dépôt des candidatures",
        c => c.PastDeadline ? ApplicationContext.PastDeadlineMessage : null);

    private static readonly Guard<ApplicationContext> EndorsementStage = new("Le programme demande un avis hiérarchique",
        c => c.RequiresEndorsement ? null : "Ce programme ne demande pas d'avis hiérarchique.");

    private static readonly Guard<ApplicationContext> NoEndorsementStage = new("Le programme ne demande pas d'avis hiérarchique",
        c => !c.RequiresEndorsement ? null : "L'avis hiérarchique favorable est attendu avant l'examen de la candidature.");

    private static readonly Guard<ApplicationContext> InterviewStage = new("Le programme prévoit un entretien",
        c => c.HasInterview ? null : "Ce programme ne prévoit pas d'entretien.");

    private static readonly Guard<ApplicationContext> ReasonGiven = new("Un motif est indiqué",
        c => !string.IsNullOrWhiteSpace(c.Reason) ? null : "Indiquez le motif.");

    public static Lifecycle<ApplicationState, ApplicationTrigger, ApplicationContext, ApplicationEvent> Definition { get; } = new(
        Draft,
        [
            new(Submit, [Draft], Submitted, [Candidate], ApplicationEvent.Submitted, BeforeDeadline),
            // Asked again from AwaitingEndorsement, it sends a new link and retires the previous one.
            new(RequestEndorsement, [Submitted, AwaitingEndorsement], AwaitingEndorsement, [Actor.System, ProgramManager], ApplicationEvent.EndorsementRequested, EndorsementStage),
            new(Endorse, [AwaitingEndorsement], Endorsed, [LineManager], ApplicationEvent.Endorsed),
            new(RefuseEndorsement, [AwaitingEndorsement], EndorsementRefused, [LineManager], ApplicationEvent.EndorsementRefused, ReasonGiven),
            new(StartReview, [Submitted], UnderReview, [ProgramManager, Actor.System], ApplicationEvent.ReviewStarted, NoEndorsementStage),
            new(StartReview, [Endorsed], UnderReview, [ProgramManager, Actor.System], ApplicationEvent.ReviewStarted),
            new(InviteToInterview, [UnderReview], Interview, [ProgramManager], ApplicationEvent.InvitedToInterview, InterviewStage),
            new(Admit, [UnderReview, Interview], Admitted, [ProgramManager], ApplicationEvent.Admitted),
            new(Waitlist, [UnderReview, Interview], Waitlisted, [ProgramManager], ApplicationEvent.Waitlisted),
            new(Reject, [UnderReview, Interview], Rejected, [ProgramManager], ApplicationEvent.Rejected),
            new(AdmitFromWaitlist, [Waitlisted], Admitted, [Actor.System, ProgramManager], ApplicationEvent.Admitted),
            new(AcceptOffer, [Admitted], OfferAccepted, [Candidate], ApplicationEvent.OfferAccepted),
            new(DeclineOffer, [Admitted], OfferDeclined, [Candidate], ApplicationEvent.OfferDeclined),
            new(ExpireOffer, [Admitted], OfferExpired, [Actor.System], ApplicationEvent.OfferExpired),
            new(MarkIneligible, Assessable, Ineligible, [ProgramManager], ApplicationEvent.MarkedIneligible, ReasonGiven),
            new(Withdraw, Open, Withdrawn, [Candidate], ApplicationEvent.Withdrawn),
        ],
        Label,
        Label);

    public static string Label(ApplicationState state) => state switch
    {
        Draft => "Brouillon",
        Submitted => "Soumise",
        AwaitingEndorsement => "En attente de l'avis hiérarchique",
        Endorsed => "Avis hiérarchique favorable",
        EndorsementRefused => "Avis hiérarchique défavorable",
        UnderReview => "En cours d'examen",
        Interview => "Entretien",
        Admitted => "Admise : place proposée",
        Waitlisted => "Sur liste complémentaire",
        Rejected => "Non retenue",
        OfferAccepted => "Place acceptée",
        OfferDeclined => "Place déclinée",
        OfferExpired => "Proposition expirée",
        Ineligible => "Non recevable",
        Withdrawn => "Retirée",
        _ => throw new ArgumentOutOfRangeException(nameof(state), state, null),
    };

    public static string Label(ApplicationTrigger trigger) => trigger switch
    {
        Submit => "Soumettre",
        RequestEndorsement => "Demander l'avis hiérarchique",
        Endorse => "Émettre un avis favorable",
        RefuseEndorsement => "Émettre un avis défavorable",
        StartReview => "Passer à l'examen",
        InviteToInterview => "Convoquer à un entretien",
        Admit => "Admettre",
        Waitlist => "Inscrire sur liste complémentaire",
        Reject => "Ne pas retenir",
        AdmitFromWaitlist => "Admettre depuis la liste complémentaire",
        AcceptOffer => "Accepter la place",
        DeclineOffer => "Décliner la place",
        ExpireOffer => "Faire expirer la proposition",
        MarkIneligible => "Déclarer non recevable",
        Withdraw => "Retirer la candidature",
        _ => throw new ArgumentOutOfRangeException(nameof(trigger), trigger, null),
    };
}

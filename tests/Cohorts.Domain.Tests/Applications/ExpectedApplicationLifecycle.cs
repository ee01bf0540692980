using Cohorts.Domain.Applications;
using Cohorts.Domain.Workflow;
using static Cohorts.Domain.Applications.ApplicationState;
using static Cohorts.Domain.Applications.ApplicationTrigger;
using static Cohorts.Domain.Tests.Applications.Needs;
using static Cohorts.Domain.Workflow.Actor;

namespace Cohorts.Domain.Tests.Applications;

/// <summary>What a move needs from the program, the clock or the form, besides its state and its actor.</summary>
[Flags]
internal enum Needs
{
    None = 0,
    BeforeDeadline = 1,
    EndorsementStage = 2,
    NoEndorsementStage = 4,
    InterviewStage = 8,
    Reason = 16,
}

internal sealed record ExpectedMove(
    ApplicationTrigger Trigger, IReadOnlyList<ApplicationState> From, ApplicationState To, IReadOnlyList<Actor> By, Needs Needs,
    ApplicationEvent Raises);

/// <summary>One history row a call is expected to append.</summary>
internal sealed record ExpectedRow(ApplicationState From, ApplicationState To, ApplicationTrigger Trigger, ActorRef By, ApplicationEvent Raises);

/// <summary>
/// The application lifecycle as DESIGN.md ("The workflow engine") and the README's journeys describe it,
/// written again here, on purpose, instead of read from <see cref="ApplicationWorkflow"/>: the tests
/// compare the domain with this table, so a wrong row there disagrees with a row here and fails them.
/// </summary>
internal static class ExpectedApplicationLifecycle
{
    // "any open state -> Withdrawn (by the candidate)": every state that still has a way forward.
    private static readonly ApplicationState[] Open = [Draft, Submitted, AwaitingEndorsement, Endorsed, UnderReview, Interview, Admitted, Waitlisted];
    // Staff may declare an application ineligible, with a reason, until the committee decides (README, staff moves).
    private static readonly ApplicationState[] BeforeDecision = [Submitted, AwaitingEndorsement, Endorsed, UnderReview, Interview];
    // "UnderReview -> [Interview] -> Admitted | Waitlisted | Rejected": the interview is a stage, not a detour.
    private static readonly ApplicationState[] Deciding = [UnderReview, Interview];

    public static IReadOnlyList<ExpectedMove> Moves { get; } =
    [
        //  trigger             from                                   to                   by                               needs               raises
        new(Submit,             [Draft],                               Submitted,           [Candidate],                BeforeDeadline,     ApplicationEvent.Submitted),
        // Sent by Cohorts right after the submission, or again by staff: a new link that retires the old one.
        new(RequestEndorsement, [Submitted, AwaitingEndorsement],      AwaitingEndorsement, [Actor.System, ProgramManager, Admin],EndorsementStage,   ApplicationEvent.EndorsementRequested),
        new(Endorse,            [AwaitingEndorsement],                 Endorsed,            [LineManager],                   Needs.None,         ApplicationEvent.Endorsed),
        // "a comment is required to refuse"
        new(RefuseEndorsement,  [AwaitingEndorsement],                 EndorsementRefused,  [LineManager],                   Reason,             ApplicationEvent.EndorsementRefused),
        new(StartReview,        [Submitted],                           UnderReview,         [ProgramManager, Admin, Actor.System],NoEndorsementStage, ApplicationEvent.ReviewStarted),
        new(StartReview,        [Endorsed],                            UnderReview,         [ProgramManager, Admin, Actor.System],Needs.None,         ApplicationEvent.ReviewStarted),
        new(InviteToInterview,  [UnderReview],                         Interview,           [ProgramManager, Admin],      InterviewStage,     ApplicationEvent.InvitedToInterview),
        new(Admit,              Deciding,                              Admitted,            [ProgramManager, Admin],      Needs.None,         ApplicationEvent.Admitted),
        new(Waitlist,           Deciding,                              Waitlisted,          [ProgramManager, Admin],      Needs.None,         ApplicationEvent.Waitlisted),
        new(Reject,             Deciding,                              Rejected,            [ProgramManager, Admin],      Needs.None,         ApplicationEvent.Rejected),
        // "automatically when a seat frees, in rank order"; staff may also make it by hand.
        new(AdmitFromWaitlist,  [Waitlisted],                          Admitted,            [Actor.System, ProgramManager, Admin],Needs.None,         ApplicationEvent.Admitted),
        new(AcceptOffer,        [Admitted],                            OfferAccepted,       [Candidate],                Needs.None,         ApplicationEvent.OfferAccepted),
        new(DeclineOffer,       [Admitted],                            OfferDeclined,       [Candidate],                Needs.None,         ApplicationEvent.OfferDeclined),
        // The offer's deadline is watched by a job.
        new(ExpireOffer,        [Admitted],                            OfferExpired,        [Actor.System],                Needs.None,         ApplicationEvent.OfferExpired),
        new(MarkIneligible,     BeforeDecision,                        Ineligible,          [ProgramManager, Admin],      Reason,             ApplicationEvent.MarkedIneligible),
        new(Withdraw,           Open,                                  Withdrawn,           [Candidate],                Needs.None,         ApplicationEvent.Withdrawn),
    ];

    /// <summary>
    /// The moves the staff screen offers (its one form, <see cref="Application.Act"/>); the others have pages of their own:
    /// admitting, waitlisting and rejecting are the committee's published decisions, under the cohort's seats and caps.
    /// </summary>
    public static IReadOnlySet<ApplicationTrigger> StaffScreenMoves { get; } = new HashSet<ApplicationTrigger>
    {
        RequestEndorsement, StartReview, InviteToInterview, ExpireOffer, MarkIneligible,
    };

    /// <summary>Nothing leaves these.</summary>
    public static IReadOnlyList<ApplicationState> FinalStates { get; } =
        Enum.GetValues<ApplicationState>().Where(s => !Moves.Any(m => m.From.Contains(s))).ToList();

    /// <summary>The move the lifecycle makes, or null when it must refuse.</summary>
    public static ExpectedMove? Allowed(ApplicationState from, ApplicationTrigger trigger, Actor actor, ApplicationContext context) =>
        Moves.SingleOrDefault(m => m.Trigger == trigger && m.From.Contains(from) && m.By.Contains(actor) && Hold(m.Needs, context));

    /// <summary>The triggers that leave a state, whoever fires them and whatever the context.</summary>
    public static IReadOnlyList<ApplicationTrigger> Leaving(ApplicationState from) =>
        Moves.Where(m => m.From.Contains(from)).Select(m => m.Trigger).Distinct().ToList();

    /// <summary>
    /// What a call of a public method of <see cref="Application"/> does: the history rows it appends, in order,
    /// or null when it must be refused and change nothing.
    /// </summary>
    public static IReadOnlyList<ExpectedRow>? Predict(ApplicationState state, string ownerId, Call call, bool linkIsLatest)
    {
        if (call.Way == Way.StaffScreen && !StaffScreenMoves.Contains(call.Trigger)) return null;
        // A job expires an offer: its method takes no actor.
        var by = call.Way == Way.OwnMethod && call.Trigger == ExpireOffer ? ActorRef.System : call.By;
        if (by.Kind == Candidate && by.UserId != ownerId) return null;
        // The line manager has no account: the link mailed last is their only credential, and it works once.
        if (call.Trigger is Endorse or RefuseEndorsement && !linkIsLatest) return null;
        if (Allowed(state, call.Trigger, by.Kind, call.Context) is not { } move) return null;

        var rows = new List<ExpectedRow> { new(state, move.To, call.Trigger, by, move.Raises) };
        // "submitting emails the line manager a signed link": with the endorsement stage, the request follows at once.
        if (call.Trigger == Submit && call.Context.RequiresEndorsement
            && Allowed(move.To, RequestEndorsement, Actor.System, call.Context) is { } request)
            rows.Add(new(move.To, request.To, RequestEndorsement, ActorRef.System, request.Raises));
        return rows;
    }

    private static bool Hold(Needs needs, ApplicationContext c) =>
        (!needs.HasFlag(BeforeDeadline) || c.Now < c.ApplicationDeadline)
        && (!needs.HasFlag(EndorsementStage) || c.RequiresEndorsement)
        && (!needs.HasFlag(NoEndorsementStage) || !c.RequiresEndorsement)
        && (!needs.HasFlag(InterviewStage) || c.HasInterview)
        && (!needs.HasFlag(Reason) || !string.IsNullOrWhiteSpace(c.Reason));
}

using Cohorts.Domain.Applications;
using Cohorts.Domain.Workflow;

namespace Cohorts.Domain.Tests.Applications;

/// <summary>Applications brought to any state through legal moves only.</summary>
internal static class ApplicationFactory
{
    public static readonly DateTimeOffset Now = new(2026, 5, 10, 9, 0, 0, TimeSpan.Zero);
    public static readonly DateTimeOffset Deadline = Now.AddDays(10);
    public static readonly ActorRef Candidate = new(Actor.Candidate, "candidate-1", "Camille Durand");
    public static readonly ActorRef Manager = new(Actor.LineManager, null, "Jean Chef");
    public static readonly ActorRef Staff = new(Actor.ProgramManager, "staff-1", "Paul Responsable");

    public static readonly ApplicationDetails Complete = new(Civility.Madame, "Camille", "Durand", "camille.durand@finances.gouv.fr",
        3, ServiceCategory.A, "Attachée principale", "Cheffe de projet numérique", "Je souhaite…", true, "Jean Chef", "jean.chef@finances.gouv.fr");

    public static ApplicationContext Context(bool requiresEndorsement = true, bool hasInterview = true, string? reason = null, DateTimeOffset? now = null) =>
        new(now ?? Now, Deadline, requiresEndorsement, hasInterview, reason);

    public static Application Draft()
    {
        var application = Application.Start(cohortId: 1, Candidate, Complete, Now);
        application.AttachCv(Guid.NewGuid(), Context());
        return application;
    }

    public static Application In(ApplicationState state)
    {
        var a = Draft();
        switch (state)
        {
            case ApplicationState.Draft: break;
            case ApplicationState.Submitted: a.Submit(Context(requiresEndorsement: false), Candidate); break;
            case ApplicationState.AwaitingEndorsement: a.Submit(Context(), Candidate); break;
            case ApplicationState.Endorsed: a.Submit(Context(), Candidate); a.Endorse(Context(), Manager, a.EndorsementNonce!.Value, null); break;
            case ApplicationState.EndorsementRefused:
                a.Submit(Context(), Candidate); a.RefuseEndorsement(Context(), Manager, a.EndorsementNonce!.Value, "Charge de travail"); break;
            case ApplicationState.Withdrawn: a.Withdraw(Context(), Candidate); break;
            case ApplicationState.Ineligible:
                a.Submit(Context(requiresEndorsement: false), Candidate); a.MarkIneligible(Context(reason: "Hors catégorie"), Staff); break;
            default:
                a.Submit(Context(requiresEndorsement: false), Candidate);
                a.StartReview(Context(requiresEndorsement: false), Staff);
                Advance(a, state);
                break;
        }
        Assert.Equal(state, a.State);
        return a;
    }

    private static void Advance(Application a, ApplicationState state)
    {
        switch (state)
        {
            case ApplicationState.UnderReview: break;
            case ApplicationState.Interview: a.InviteToInterview(Context(), Staff); break;
            case ApplicationState.Admitted: a.Admit(Context(), Staff); break;
            case ApplicationState.Waitlisted: a.Waitlist(Context(), Staff); break;
            case ApplicationState.Rejected: a.Reject(Context(), Staff); break;
            case ApplicationState.OfferAccepted: a.Admit(Context(), Staff); a.AcceptOffer(Context(), Candidate); break;
            case ApplicationState.OfferDeclined: a.Admit(Context(), Staff); a.DeclineOffer(Context(), Candidate); break;
            case ApplicationState.OfferExpired: a.Admit(Context(), Staff); a.ExpireOffer(Context()); break;
            default: throw new ArgumentOutOfRangeException(nameof(state), state, null);
        }
    }

    /// <summary>The actor entitled to fire a trigger (the first the table names), else a candidate.</summary>
    public static ActorRef ActorFor(ApplicationTrigger trigger)
    {
        var actors = ApplicationWorkflow.Definition.Transitions.First(t => t.Trigger == trigger).Actors;
        return actors[0] switch
        {
            Actor.Candidate => Candidate,
            Actor.LineManager => Manager,
            Actor.ProgramManager => Staff,
            _ => ActorRef.System,
        };
    }

    /// <summary>A context in which the trigger's guard, if any, holds.</summary>
    public static ApplicationContext PermissiveFor(ApplicationState state, ApplicationTrigger trigger) =>
        Context(requiresEndorsement: trigger == ApplicationTrigger.RequestEndorsement || state != ApplicationState.Submitted, reason: "Motif");
}

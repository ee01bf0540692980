using Cohorts.Domain.Applications;
using Cohorts.Domain.Workflow;
using static Cohorts.Domain.Applications.ApplicationState;
using static Cohorts.Domain.Applications.ApplicationTrigger;

namespace Cohorts.Domain.Tests.Applications;

/// <summary>Applications brought to any state the way real journeys do: public calls only, from a fresh draft.</summary>
internal static class ApplicationFactory
{
    public static readonly DateTimeOffset Now = new(2026, 5, 10, 9, 0, 0, TimeSpan.Zero);
    public static readonly DateTimeOffset Deadline = Now.AddDays(10);
    /// <summary>The offers' deadline: after every context the tests use, unless a test steps past it on purpose.</summary>
    public static readonly DateTimeOffset OfferDeadline = Now.AddDays(30);
    public static readonly ActorRef Candidate = new(Actor.Candidate, "candidate-1", "Camille Durand");
    public static readonly ActorRef OtherCandidate = new(Actor.Candidate, "candidate-2", "Lucie Martin");
    public static readonly ActorRef Manager = new(Actor.LineManager, null, "Jean Chef");
    public static readonly ActorRef Staff = new(Actor.ProgramManager, "staff-1", "Paul Responsable");
    public static readonly ActorRef Admin = new(Actor.Admin, "admin-1", "Alice Administratrice");
    public static readonly ActorRef Reviewer = new(Actor.Reviewer, "reviewer-1", "Marc Jury");

    public static readonly ApplicationDetails Complete = new(Civility.Madame, "Camille", "Durand", "camille.durand@finances.gouv.fr",
        3, ServiceCategory.A, "Attachée principale", "Cheffe de projet numérique", "Je souhaite…", true, "Jean Chef", "jean.chef@finances.gouv.fr");

    // Every state but Submitted is reached in a program with both stages: Submitted only stays put without the endorsement stage.
    private static readonly Dictionary<ApplicationState, ApplicationTrigger[]> Paths = new()
    {
        [ApplicationState.Draft] = [],
        [Submitted] = [Submit],
        [AwaitingEndorsement] = [Submit],
        [Endorsed] = [Submit, Endorse],
        [EndorsementRefused] = [Submit, RefuseEndorsement],
        [UnderReview] = [Submit, Endorse, StartReview],
        [Interview] = [Submit, Endorse, StartReview, InviteToInterview],
        [Admitted] = [Submit, Endorse, StartReview, InviteToInterview, Admit],
        [Waitlisted] = [Submit, Endorse, StartReview, Waitlist],
        [Rejected] = [Submit, Endorse, StartReview, InviteToInterview, Reject],
        [OfferAccepted] = [Submit, Endorse, StartReview, Admit, AcceptOffer],
        [OfferDeclined] = [Submit, Endorse, StartReview, Admit, DeclineOffer],
        [OfferExpired] = [Submit, Endorse, StartReview, InviteToInterview, Admit, ExpireOffer],
        [Ineligible] = [Submit, MarkIneligible],
        [Withdrawn] = [Withdraw],
    };

    public static ApplicationContext Context(bool requiresEndorsement = true, bool hasInterview = true, string? reason = null, DateTimeOffset? now = null) =>
        new(now ?? Now, Deadline, requiresEndorsement, hasInterview, reason);

    public static Application Draft()
    {
        var application = Application.Start(cohortId: 1, Candidate, Complete, Now);
        application.AttachCv(Guid.NewGuid(), Context());
        return application;
    }

    public static Application In(ApplicationState state) => JourneyTo(state).Application;

    /// <summary>A draft walked to the state along its path; each step must be accepted.</summary>
    public static Journey JourneyTo(ApplicationState state)
    {
        var journey = new Journey(Draft());
        var context = Context(requiresEndorsement: state != Submitted, reason: "Motif");
        foreach (var trigger in Paths[state])
            journey.Make(new Call(trigger, Natural(trigger), context, Way.OwnMethod, journey.LatestLink ?? Guid.NewGuid()));
        Assert.Equal(state, journey.Application.State);
        return journey;
    }

    /// <summary>Who makes the move in a real journey: the candidate, their line manager, staff, or a job.</summary>
    public static ActorRef Natural(ApplicationTrigger trigger) => trigger switch
    {
        Submit or AcceptOffer or DeclineOffer or Withdraw => Candidate,
        Endorse or RefuseEndorsement => Manager,
        AdmitFromWaitlist or ExpireOffer => ActorRef.System,
        _ => Staff,
    };
}

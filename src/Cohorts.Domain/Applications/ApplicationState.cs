namespace Cohorts.Domain.Applications;

public enum ApplicationState
{
    Draft,
    Submitted,
    AwaitingEndorsement,
    Endorsed,
    EndorsementRefused,
    UnderReview,
    Interview,
    Admitted,
    Waitlisted,
    Rejected,
    OfferAccepted,
    OfferDeclined,
    OfferExpired,
    Ineligible,
    Withdrawn,
}

public enum ApplicationTrigger
{
    Submit,
    RequestEndorsement,
    Endorse,
    RefuseEndorsement,
    StartReview,
    InviteToInterview,
    Admit,
    Waitlist,
    Reject,
    AdmitFromWaitlist,
    AcceptOffer,
    DeclineOffer,
    ExpireOffer,
    MarkIneligible,
    Withdraw,
}

/// <summary>What a move means for the rest of the system (emails, jobs).</summary>
public enum ApplicationEvent
{
    Submitted,
    EndorsementRequested,
    Endorsed,
    EndorsementRefused,
    ReviewStarted,
    InvitedToInterview,
    Admitted,
    Waitlisted,
    Rejected,
    OfferAccepted,
    OfferDeclined,
    OfferExpired,
    MarkedIneligible,
    Withdrawn,
}

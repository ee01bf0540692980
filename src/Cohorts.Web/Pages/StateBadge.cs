using Cohorts.Domain.Applications;

namespace Cohorts.Web.Pages;

/// <summary>The DSFR badge colour of an application state: success, error, warning, or neutral information.</summary>
public static class StateBadge
{
    public static string For(ApplicationState state) => state switch
    {
        ApplicationState.Endorsed or ApplicationState.Admitted or ApplicationState.OfferAccepted => "fr-badge--success",
        ApplicationState.EndorsementRefused or ApplicationState.Rejected or ApplicationState.Ineligible => "fr-badge--error",
        ApplicationState.Draft or ApplicationState.AwaitingEndorsement or ApplicationState.Waitlisted => "fr-badge--warning",
        ApplicationState.Withdrawn or ApplicationState.OfferDeclined or ApplicationState.OfferExpired => "",
        _ => "fr-badge--info",
    };
}

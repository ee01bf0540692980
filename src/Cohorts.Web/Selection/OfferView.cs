using Cohorts.Domain.Applications;
using Cohorts.Domain.Catalogue;
using Cohorts.Domain.Enrollments;
using Cohorts.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Cohorts.Web.Selection;

/// <summary>Where the candidate's seat stands, as "Mes candidatures" and the status page show it.</summary>
public sealed record OfferView(ApplicationState State, DateTimeOffset? ExpiresAt, bool Open, bool CohortFull, int? WaitlistRank,
    EnrollmentSummary? Enrollment)
{
    public bool Answerable => Open && !CohortFull;

    /// <summary>Why an admitted candidate can no longer answer, in French; null while they can.</summary>
    public string? Closed => State != ApplicationState.Admitted || Answerable ? null
        : !Open ? Application.OfferLapsedMessage : Offers.CohortFullMessage;

    public static async Task<OfferView> OfAsync(CohortsDbContext db, Application application, Cohort cohort, DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        var accepted = application.State == ApplicationState.Admitted
            ? await db.Applications.CountAsync(a => a.CohortId == cohort.Id && a.State == ApplicationState.OfferAccepted, cancellationToken)
            : 0;
        var enrollment = application.State == ApplicationState.OfferAccepted
            ? await db.Enrollments.AsNoTracking().Where(e => e.ApplicationId == application.Id)
                .Select(e => new EnrollmentSummary(e.State, e.CreatedAt)).SingleOrDefaultAsync(cancellationToken)
            : null;
        return Of(application, cohort.Seats, accepted, enrollment, now);
    }

    /// <param name="accepted">The places of the cohort already accepted: an offer is no longer answerable once they fill its seats.</param>
    public static OfferView Of(Application application, int seats, int accepted, EnrollmentSummary? enrollment, DateTimeOffset now) =>
        new(application.State, application.OfferExpiresAt, application.OfferOpenAt(now),
            application.State == ApplicationState.Admitted && accepted >= seats, application.WaitlistRank, enrollment);
}

public sealed record EnrollmentSummary(EnrollmentState State, DateTimeOffset CreatedAt);

/// <summary>The model of the offer partial: the application, where its seat stands, and a title when the page lists several.</summary>
public sealed record OfferBlock(Guid ApplicationId, OfferView Offer, string? Title = null);

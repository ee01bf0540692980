using Cohorts.Domain.Applications;
using Cohorts.Domain.Enrollments;
using Cohorts.Web.Data;
using Cohorts.Web.Emails;
using Cohorts.Web.Hosting;
using Cohorts.Web.Identity;
using Cohorts.Web.Pages;
using Cohorts.Web.Selection;
using Microsoft.EntityFrameworkCore;

namespace Cohorts.Web.Applications;

/// <summary>
/// What every event of every lifecycle causes, in one place: the emails it writes to the outbox, or nothing, on
/// purpose and with the reason. Run by <see cref="DomainEventDispatcher"/> inside the SaveChanges that stores the
/// moves, so the emails leave only if the moves are committed. Pages only call the domain and save.
/// </summary>
public sealed class LifecycleEvents(CohortsDbContext db, Outbox outbox, PublicLinks links, EndorsementLinks endorsementLinks,
    InterviewInvitations interviewInvitations, TimeProvider clock)
{
    /// <summary>The application events that email someone (the candidate, or the line manager for a request).</summary>
    public static IReadOnlySet<ApplicationEvent> Emailed { get; } = new HashSet<ApplicationEvent>
    {
        ApplicationEvent.Submitted, ApplicationEvent.EndorsementRequested, ApplicationEvent.Endorsed, ApplicationEvent.EndorsementRefused,
        ApplicationEvent.Withdrawn, ApplicationEvent.MarkedIneligible, ApplicationEvent.Admitted, ApplicationEvent.Waitlisted,
        ApplicationEvent.Rejected, ApplicationEvent.OfferExpired, ApplicationEvent.InvitedToInterview,
    };

    /// <summary>The application events that cause nothing, and why.</summary>
    public static IReadOnlyDictionary<ApplicationEvent, string> SilentApplicationEvents { get; } = new Dictionary<ApplicationEvent, string>
    {
        [ApplicationEvent.ReviewStarted] = "An internal step of the staff: the candidate's status page shows it, there is nothing to answer.",
        [ApplicationEvent.OfferAccepted] = "The candidate made the move and reads it on the page that follows, with their enrollment.",
        [ApplicationEvent.OfferDeclined] = "The candidate made the move and reads it on the page that follows.",
    };

    /// <summary>The enrollment events: none is raised by a page yet (the sessions issue moves enrollments); each is declared all the same.</summary>
    public static IReadOnlyDictionary<EnrollmentEvent, string> SilentEnrollmentEvents { get; } = new Dictionary<EnrollmentEvent, string>
    {
        [EnrollmentEvent.Started] = "The participant is told of the cohort's start by the sessions' calendar, not by this move.",
        [EnrollmentEvent.Completed] = "An internal step before certification: the participant learns the verdict, not this.",
        [EnrollmentEvent.Certified] = "The certification issue writes the certificate's email.",
        [EnrollmentEvent.NotCertified] = "The certification issue writes the verdict, with the rules explained.",
        [EnrollmentEvent.Dropped] = "The participant or their staff made the move and read it on the page that follows.",
    };

    /// <summary>
    /// Writes what the events of these applications cause. The cohorts and the candidates' addresses are read in one
    /// query each, however many applications moved: a bulk move costs two queries, not two per application.
    /// </summary>
    public async Task HandleAsync(IReadOnlyList<Application> applications, CancellationToken cancellationToken)
    {
        var cohortIds = applications.Select(a => a.CohortId).Distinct().ToList();
        var cohorts = await db.Cohorts.Include(c => c.Program).Where(c => cohortIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, cancellationToken);
        var candidateIds = applications.Where(a => a.DomainEvents.Any(e => Emailed.Contains(e.Event))).Select(a => a.CandidateId).ToHashSet();
        // The address of the candidate's account: confirmed, unlike the one typed in the form. An account saved by
        // this same SaveChanges is not in the database yet: it is read from the change tracker.
        var candidateEmails = db.ChangeTracker.Entries<CohortsUser>().Select(e => e.Entity).Where(u => candidateIds.Contains(u.Id))
            .ToDictionary(u => u.Id, u => u.Email!);
        var stored = candidateIds.Where(id => !candidateEmails.ContainsKey(id)).ToList();
        if (stored.Count > 0)
            foreach (var user in await db.Users.Where(u => stored.Contains(u.Id)).Select(u => new { u.Id, u.Email }).ToListAsync(cancellationToken))
                candidateEmails[user.Id] = user.Email!;
        var invited = new List<InvitedCandidate>();
        foreach (var application in applications)
            foreach (var raised in application.DomainEvents)
            {
                // The invitation carries the interview's date, place and panel, and its calendar event: written with a
                // rescheduled interview's by one class, for all the invited candidates at once.
                if (raised.Event == ApplicationEvent.InvitedToInterview)
                    invited.Add(new(application, cohorts[application.CohortId], candidateEmails[application.CandidateId]));
                else
                    Write(application, cohorts[application.CohortId], candidateEmails, raised);
            }
        await interviewInvitations.WriteAsync(invited, cancellationToken);
    }

    private void Write(Application application, Domain.Catalogue.Cohort cohort, Dictionary<string, string> candidateEmails, ApplicationRaised raised)
    {
        if (SilentApplicationEvents.ContainsKey(raised.Event)) return;
        var candidateEmail = candidateEmails[application.CandidateId];
        var status = links.Page("/Applications/Status", new { id = application.Id });
        var program = cohort.Program.Name;
        var concerns = new MessageConcerns(application.CohortId, application.Id);
        switch (raised.Event)
        {
            case ApplicationEvent.Submitted:
                outbox.Add(candidateEmail, new ApplicationSubmittedMessage(application.FirstName, program, cohort.Name,
                    cohort.Program.RequiresEndorsement, application.ManagerName, status), concerns);
                break;
            case ApplicationEvent.EndorsementRequested:
                var link = links.Page("/Applications/Endorse", new { token = endorsementLinks.Token(application.Id, raised.EndorsementLink!.Value) });
                outbox.Add(application.ManagerEmail, new EndorsementRequestMessage(application.ManagerName,
                    $"{application.FirstName} {application.LastName}", program, cohort.Name,
                    Display.DateTime(clock.GetUtcNow() + EndorsementLinks.Lifetime), link), concerns);
                break;
            case ApplicationEvent.Endorsed or ApplicationEvent.EndorsementRefused:
                outbox.Add(candidateEmail, new EndorsementOutcomeMessage(application.FirstName, program, cohort.Name,
                    raised.Event == ApplicationEvent.Endorsed, application.ManagerName, application.EndorsementComment, status), concerns);
                break;
            case ApplicationEvent.Withdrawn or ApplicationEvent.MarkedIneligible:
                outbox.Add(candidateEmail, new ApplicationClosedMessage(application.FirstName, program, cohort.Name,
                    ApplicationWorkflow.Label(raised.Move.To), raised.Move.Reason, status), concerns);
                break;
            case ApplicationEvent.Admitted:
                outbox.Add(candidateEmail, new OfferMessage(application.FirstName, program, cohort.Name,
                    raised.Move.Trigger == ApplicationTrigger.AdmitFromWaitlist, Display.DateTime(application.OfferExpiresAt!.Value), status), concerns);
                break;
            case ApplicationEvent.Waitlisted:
                outbox.Add(candidateEmail, new WaitlistedMessage(application.FirstName, program, cohort.Name, application.WaitlistRank!.Value, status), concerns);
                break;
            case ApplicationEvent.Rejected:
                outbox.Add(candidateEmail, new RejectedMessage(application.FirstName, program, cohort.Name, status), concerns);
                break;
            case ApplicationEvent.OfferExpired:
                outbox.Add(candidateEmail, new OfferExpiredMessage(application.FirstName, program, cohort.Name, status), concerns);
                break;
            default:
                // Reached only by an event neither emailed nor declared silent: refuse the save rather than lose it.
                throw new InvalidOperationException($"The application event {raised.Event} is neither handled nor declared silent.");
        }
    }
}

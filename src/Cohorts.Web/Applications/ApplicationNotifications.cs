using Cohorts.Domain.Applications;
using Cohorts.Domain.Catalogue;
using Cohorts.Web.Data;
using Cohorts.Web.Emails;
using Cohorts.Web.Hosting;
using Cohorts.Web.Pages;
using Microsoft.EntityFrameworkCore;

namespace Cohorts.Web.Applications;

/// <summary>
/// The emails that follow an application's moves, written to the outbox of the same unit of work:
/// they leave only if the move is committed.
/// </summary>
public sealed class ApplicationNotifications(CohortsDbContext db, Outbox outbox, PublicLinks links, EndorsementLinks endorsementLinks, TimeProvider clock)
{
    public async Task AfterAsync(Application application, Cohort cohort, IEnumerable<ApplicationEvent> events, CancellationToken cancellationToken)
    {
        // The address of the candidate's account: confirmed, unlike the one typed in the form.
        var candidateEmail = await db.Users.Where(u => u.Id == application.CandidateId).Select(u => u.Email!).SingleAsync(cancellationToken);
        var status = links.Page("/Applications/Status", new { id = application.Id });
        var program = cohort.Program.Name;
        var candidateName = $"{application.FirstName} {application.LastName}";
        foreach (var raised in events)
        {
            switch (raised)
            {
                case ApplicationEvent.Submitted:
                    outbox.Add(candidateEmail, new ApplicationSubmittedMessage(application.FirstName, program, cohort.Name,
                        cohort.Program.RequiresEndorsement, application.ManagerName, status));
                    break;
                case ApplicationEvent.EndorsementRequested:
                    var link = links.Page("/Applications/Endorse", new { token = endorsementLinks.Token(application.Id, application.EndorsementNonce!.Value) });
                    outbox.Add(application.ManagerEmail, new EndorsementRequestMessage(application.ManagerName, candidateName, program, cohort.Name,
                        Display.DateTime(clock.GetUtcNow() + EndorsementLinks.Lifetime), link));
                    break;
                case ApplicationEvent.Endorsed or ApplicationEvent.EndorsementRefused:
                    outbox.Add(candidateEmail, new EndorsementOutcomeMessage(application.FirstName, program, cohort.Name,
                        raised == ApplicationEvent.Endorsed, application.ManagerName, application.EndorsementComment, status));
                    break;
                case ApplicationEvent.Withdrawn or ApplicationEvent.MarkedIneligible:
                    outbox.Add(candidateEmail, new ApplicationClosedMessage(application.FirstName, program, cohort.Name,
                        ApplicationWorkflow.Label(application.State), application.History[^1].Reason, status));
                    break;
            }
        }
    }
}

using Cohorts.Domain.Applications;
using Cohorts.Domain.Catalogue;
using Cohorts.Domain.Selection;
using Cohorts.Web.Data;
using Cohorts.Web.Emails;
using Cohorts.Web.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Cohorts.Web.Selection;

/// <summary>An application whose interview is to be told: its cohort (program loaded) and the candidate's account address.</summary>
public sealed record InvitedCandidate(Application Application, Cohort Cohort, string CandidateEmail);

/// <summary>
/// Writes an interview's invitation to the outbox: to the candidate and to each member of the panel, each with the same
/// calendar event. The one code path of both cases: the first invitation, which <see cref="Applications.LifecycleEvents"/>
/// writes for the InvitedToInterview event, and a rescheduled interview, which moves no state and is written by the
/// interview page itself. The interviews are read from the change tracker (saved by the same SaveChanges) or the database,
/// and the panels' accounts in one query, however many candidates.
/// </summary>
public sealed class InterviewInvitations(CohortsDbContext db, Outbox outbox, PublicLinks links, IOptions<MailOptions> mail)
{
    public async Task WriteAsync(IReadOnlyList<InvitedCandidate> invited, CancellationToken cancellationToken)
    {
        if (invited.Count == 0) return;
        var ids = invited.Select(i => i.Application.Id).ToHashSet();
        var interviews = db.ChangeTracker.Entries<Interview>().Select(e => e.Entity).Where(i => ids.Contains(i.ApplicationId))
            .ToDictionary(i => i.ApplicationId);
        var stored = ids.Where(id => !interviews.ContainsKey(id)).ToList();
        if (stored.Count > 0)
            foreach (var interview in await db.Interviews.Where(i => stored.Contains(i.ApplicationId)).ToListAsync(cancellationToken))
                interviews[interview.ApplicationId] = interview;
        var panelIds = interviews.Values.SelectMany(i => i.PanelIds).Distinct().ToList();
        var panel = await db.Users.Where(u => panelIds.Contains(u.Id))
            .Select(u => new { u.Id, u.FirstName, u.LastName, u.Email }).ToDictionaryAsync(u => u.Id, cancellationToken);
        var organiser = new CalendarPerson(mail.Value.FromName, mail.Value.From);
        foreach (var (application, cohort, candidateEmail) in invited)
        {
            // Reached only by a move to Interview that did not go through the interview page: refuse the save rather than
            // tell the candidate nothing.
            if (!interviews.TryGetValue(application.Id, out var interview))
                throw new InvalidOperationException($"Application {application.Id} is invited to an interview that does not exist.");
            var members = interview.PanelIds.Where(panel.ContainsKey).Select(id => panel[id]).ToList();
            var names = InterviewText.Names(members.Select(m => $"{m.FirstName} {m.LastName}".Trim()).ToList());
            var candidate = $"{application.FirstName} {application.LastName}";
            var program = cohort.Program.Name;
            var rescheduled = interview.Sequence > 0;
            var concerns = new MessageConcerns(application.CohortId, application.Id);
            var description = $"Entretien de sélection : {candidate}, {program}, {cohort.Name}.\n" +
                              $"{InterviewText.When(interview)}, heure de Paris.\n{InterviewText.Where(interview)}\nJury : {names}";
            var attachment = InterviewCalendar.Attachment(interview, program, description, organiser, new CalendarPerson(candidate, candidateEmail),
                members.Select(m => new CalendarPerson($"{m.FirstName} {m.LastName}".Trim(), m.Email!)).ToList());
            InterviewInvitationMessage Message(string firstName, bool toPanel, string link) => new(firstName, toPanel, candidate, program, cohort.Name,
                rescheduled, InterviewText.Date(interview.At), InterviewText.Time(interview.At), InterviewText.Duration(interview.DurationMinutes),
                interview.Place, interview.VideoLink, names, link);
            outbox.Add(candidateEmail, Message(application.FirstName, false, links.Page("/Applications/Status", new { id = application.Id })), concerns, attachment);
            var scoring = links.Page("/Selection/InterviewScore", new { applicationId = application.Id });
            foreach (var member in members.Where(m => m.Email is not null))
                outbox.Add(member.Email!, Message(member.FirstName, true, scoring), concerns, attachment);
        }
    }
}

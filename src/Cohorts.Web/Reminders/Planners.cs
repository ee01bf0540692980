using Cohorts.Domain.Applications;
using Cohorts.Web.Applications;
using Cohorts.Web.Data;
using Cohorts.Web.Hosting;
using Cohorts.Web.Pages;
using Microsoft.EntityFrameworkCore;

namespace Cohorts.Web.Reminders;

/// <summary>Drafts not submitted, 7 days and 1 day before their cohort's deadline, to the candidate's account address.</summary>
public sealed class ApplicationDeadlinePlanner(CohortsDbContext db, PublicLinks links) : ReminderPlanner(ReminderKind.ApplicationDeadline)
{
    public override async Task<IReadOnlyList<PlannedReminder>> PlanAsync(int? cohortId, DateTimeOffset now, bool dueOnly, CancellationToken cancellationToken)
    {
        var reach = now + Reach;
        var drafts = await (
            from a in db.Applications.AsNoTracking()
            join c in db.Cohorts on a.CohortId equals c.Id
            join u in db.Users on a.CandidateId equals u.Id
            where a.State == ApplicationState.Draft && c.ApplicationsCloseAt > now && u.DeactivatedAt == null
                  && (cohortId == null || a.CohortId == cohortId) && (!dueOnly || c.ApplicationsCloseAt <= reach)
            orderby c.ApplicationsCloseAt, a.Id
            select new
            {
                a.Id, a.CohortId, a.CreatedAt, a.FirstName, a.LastName, AccountFirstName = u.FirstName, AccountLastName = u.LastName,
                Email = u.Email!, Deadline = c.ApplicationsCloseAt, Cohort = c.Name, Program = c.Program.Name,
            }).ToListAsync(cancellationToken);
        return drafts.SelectMany(d => OccasionsOf(d.Deadline, d.CreatedAt, now, dueOnly).Select(occasion =>
        {
            var key = Key($"{d.Id:N}", occasion);
            var firstName = string.IsNullOrWhiteSpace(d.FirstName) ? d.AccountFirstName : d.FirstName;
            var name = $"{firstName} {(string.IsNullOrWhiteSpace(d.LastName) ? d.AccountLastName : d.LastName)}".Trim();
            var link = links.Page("/Applications/Edit", new { id = d.Id });
            return new PlannedReminder(Kind, d.CohortId, d.Id, $"{name} <{d.Email}>", "Candidature en brouillon", occasion, [key],
                at => [new ReminderMessage(d.Email, key, new ApplicationDeadlineReminder(firstName, d.Program, d.Cohort, Display.DateTime(d.Deadline),
                    ReminderKinds.Remaining(d.Deadline - at), link))]);
        })).ToList();
    }
}

/// <summary>
/// An endorsement still awaited, 3 and 7 days after the request in force (the last request in the application's
/// history): to the line manager with a fresh link to the same request (the earlier link keeps working), and to the candidate.
/// </summary>
public sealed class EndorsementPendingPlanner(CohortsDbContext db, PublicLinks links, EndorsementLinks endorsementLinks)
    : ReminderPlanner(ReminderKind.EndorsementPending)
{
    public override async Task<IReadOnlyList<PlannedReminder>> PlanAsync(int? cohortId, DateTimeOffset now, bool dueOnly, CancellationToken cancellationToken)
    {
        var schedule = Schedule.Steps;
        var firstDue = now - schedule[0].FromAnchor;
        var oldest = now - schedule[^1].FromAnchor - Schedule.LastStepLasts;
        var awaiting = await (
            from a in db.Applications.AsNoTracking()
            join c in db.Cohorts on a.CohortId equals c.Id
            join u in db.Users on a.CandidateId equals u.Id
            where a.State == ApplicationState.AwaitingEndorsement && a.EndorsementNonce != null && (cohortId == null || a.CohortId == cohortId)
            let requested = db.ApplicationTransitions.Where(t => t.ApplicationId == a.Id && t.Trigger == ApplicationTrigger.RequestEndorsement)
                .Max(t => (DateTimeOffset?)t.At)
            where requested != null && requested > oldest && (!dueOnly || requested <= firstDue)
            orderby requested, a.Id
            select new
            {
                a.Id, a.CohortId, a.FirstName, a.LastName, a.ManagerName, a.ManagerEmail, Nonce = a.EndorsementNonce!.Value,
                Requested = requested!.Value, Email = u.Email!, Cohort = c.Name, Program = c.Program.Name,
            }).ToListAsync(cancellationToken);
        return awaiting.SelectMany(e => OccasionsOf(e.Requested, e.Requested, now, dueOnly).Select(occasion =>
        {
            var (toManager, toCandidate) = (Key($"{e.Id:N}", occasion, "manager"), Key($"{e.Id:N}", occasion, "candidate"));
            var candidate = $"{e.FirstName} {e.LastName}".Trim();
            var requestedOn = Display.DateTime(e.Requested);
            return new PlannedReminder(Kind, e.CohortId, e.Id, $"{e.ManagerName} <{e.ManagerEmail}> et {candidate} <{e.Email}>",
                $"Avis hiérarchique sur la candidature {Display.Of(candidate)}", occasion, [toManager, toCandidate],
                at =>
                [
                    new ReminderMessage(e.ManagerEmail, toManager, new EndorsementReminderToManager(e.ManagerName, candidate, e.Program, e.Cohort,
                        requestedOn, Display.DateTime(at + EndorsementLinks.Lifetime),
                        links.Page("/Applications/Endorse", new { token = endorsementLinks.Token(e.Id, e.Nonce) }))),
                    new ReminderMessage(e.Email, toCandidate, new EndorsementReminderToCandidate(e.FirstName, e.ManagerName, e.Program, e.Cohort,
                        requestedOn, links.Page("/Applications/Status", new { id = e.Id }))),
                ]);
        })).ToList();
    }
}

/// <summary>
/// Each reviewer with reviews not submitted (not begun, or drafts) on active assignments in a cohort, 3 days and 1 day
/// before the cohort's review deadline, while scoring is open: one message per reviewer and cohort, with the count.
/// </summary>
public sealed class ReviewsDuePlanner(CohortsDbContext db, PublicLinks links) : ReminderPlanner(ReminderKind.ReviewsDue)
{
    public override async Task<IReadOnlyList<PlannedReminder>> PlanAsync(int? cohortId, DateTimeOffset now, bool dueOnly, CancellationToken cancellationToken)
    {
        var reach = now + Reach;
        var cohorts = await (
            from s in db.SelectionSettings.AsNoTracking()
            join c in db.Cohorts on s.CohortId equals c.Id
            where s.ReviewDeadline != null && s.ReviewDeadline > now && s.ScoringClosedAt == null
                  && (cohortId == null || s.CohortId == cohortId) && (!dueOnly || s.ReviewDeadline <= reach)
            select new { c.Id, Deadline = s.ReviewDeadline!.Value, Cohort = c.Name, Program = c.Program.Name })
            .ToDictionaryAsync(c => c.Id, cancellationToken);
        if (cohorts.Count == 0) return [];
        var ids = cohorts.Keys.ToList();
        var pending = await (
            from a in db.ReviewAssignments.AsNoTracking()
            where ids.Contains(a.CohortId) && a.RemovedAt == null && !db.Reviews.Any(r => r.AssignmentId == a.Id && r.SubmittedAt != null)
            group a by new { a.CohortId, a.ReviewerId } into g
            select new { g.Key.CohortId, g.Key.ReviewerId, Count = g.Count(), Since = g.Min(x => x.AssignedAt) })
            .ToListAsync(cancellationToken);
        var reviewerIds = pending.Select(p => p.ReviewerId).Distinct().ToList();
        var reviewers = await db.Users.AsNoTracking().Where(u => reviewerIds.Contains(u.Id) && u.DeactivatedAt == null)
            .Select(u => new { u.Id, u.FirstName, u.LastName, Email = u.Email! }).ToDictionaryAsync(u => u.Id, cancellationToken);
        var link = links.Page("/Selection/Reviews");
        return pending.Where(p => reviewers.ContainsKey(p.ReviewerId))
            .OrderBy(p => cohorts[p.CohortId].Deadline).ThenBy(p => reviewers[p.ReviewerId].LastName).ThenBy(p => p.ReviewerId, StringComparer.Ordinal)
            .SelectMany(p =>
            {
                var (cohort, reviewer) = (cohorts[p.CohortId], reviewers[p.ReviewerId]);
                return OccasionsOf(cohort.Deadline, p.Since, now, dueOnly).Select(occasion =>
                {
                    var key = Key($"{p.CohortId}:{p.ReviewerId}", occasion);
                    var about = p.Count == 1 ? "1 évaluation non soumise" : $"{p.Count} évaluations non soumises";
                    return new PlannedReminder(Kind, p.CohortId, null, $"{reviewer.FirstName} {reviewer.LastName} <{reviewer.Email}>".Trim(), about,
                        occasion, [key],
                        at => [new ReminderMessage(reviewer.Email, key, new ReviewsDueReminder(reviewer.FirstName, cohort.Program, cohort.Cohort, p.Count,
                            Display.DateTime(cohort.Deadline), ReminderKinds.Remaining(cohort.Deadline - at), link))]);
                });
            }).ToList();
    }
}

/// <summary>An admitted candidate whose offer is still open, 2 days before it lapses, if the offer was made before then.</summary>
public sealed class OfferExpiringPlanner(CohortsDbContext db, PublicLinks links) : ReminderPlanner(ReminderKind.OfferExpiring)
{
    public override async Task<IReadOnlyList<PlannedReminder>> PlanAsync(int? cohortId, DateTimeOffset now, bool dueOnly, CancellationToken cancellationToken)
    {
        var reach = now + Reach;
        var offers = await (
            from a in db.Applications.AsNoTracking()
            join c in db.Cohorts on a.CohortId equals c.Id
            join u in db.Users on a.CandidateId equals u.Id
            where a.State == ApplicationState.Admitted && a.OfferExpiresAt != null && a.OfferExpiresAt > now
                  && (cohortId == null || a.CohortId == cohortId) && (!dueOnly || a.OfferExpiresAt <= reach)
            let offered = db.ApplicationTransitions.Where(t => t.ApplicationId == a.Id && t.To == ApplicationState.Admitted).Max(t => (DateTimeOffset?)t.At)
            orderby a.OfferExpiresAt, a.Id
            select new
            {
                a.Id, a.CohortId, a.FirstName, a.LastName, Email = u.Email!, Expires = a.OfferExpiresAt!.Value, Offered = offered ?? a.UpdatedAt,
                Cohort = c.Name, Program = c.Program.Name,
            }).ToListAsync(cancellationToken);
        return offers.SelectMany(o => OccasionsOf(o.Expires, o.Offered, now, dueOnly).Select(occasion =>
        {
            var key = Key($"{o.Id:N}", occasion);
            var link = links.Page("/Applications/Status", new { id = o.Id });
            return new PlannedReminder(Kind, o.CohortId, o.Id, $"{o.FirstName} {o.LastName} <{o.Email}>", "Proposition de place sans réponse", occasion, [key],
                at => [new ReminderMessage(o.Email, key, new OfferExpiringReminder(o.FirstName, o.Program, o.Cohort, Display.DateTime(o.Expires),
                    ReminderKinds.Remaining(o.Expires - at), link))]);
        })).ToList();
    }
}

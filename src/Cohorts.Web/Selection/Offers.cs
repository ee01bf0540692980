using Cohorts.Domain;
using Cohorts.Domain.Applications;
using Cohorts.Domain.Catalogue;
using Cohorts.Domain.Enrollments;
using Cohorts.Domain.Selection;
using Cohorts.Domain.Workflow;
using Cohorts.Web.Applications;
using Cohorts.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Cohorts.Web.Selection;

/// <summary>
/// The one home of seat changes after the decisions are published: accepting (which opens the enrollment), declining,
/// withdrawing, expiring, and giving each freed seat to the first waitlisted candidate who keeps the caps satisfied.
/// Every operation holds the cohort's lock (<see cref="Seats.LockCohortAsync"/>) in one transaction, and re-reads what it
/// changes under it: what a page loaded before may already be out of date.
/// </summary>
public sealed class Offers(CohortsDbContext db, TimeProvider clock, ILogger<Offers> logger)
{
    /// <summary>The cohort-level rule, whatever the applications say: no acceptance beyond the cohort's seats.</summary>
    public const string CohortFullMessage = "Cette proposition n'est plus valable : toutes les places de la promotion sont pourvues.";

    public const string NotYoursMessage = "Cette candidature n'est pas la vôtre.";

    public async Task<MoveOutcome> AcceptAsync(Guid applicationId, ActorRef candidate, CancellationToken cancellationToken) =>
        await UnderLockAsync(applicationId, candidate, async (application, cohort, now) =>
        {
            EnsureOffered(application);
            if (!application.OfferOpenAt(now)) throw new DomainException(Application.OfferLapsedMessage);
            var accepted = await db.Applications.CountAsync(
                a => a.CohortId == cohort.Id && a.State == ApplicationState.OfferAccepted, cancellationToken);
            if (accepted >= cohort.Seats) throw new DomainException(CohortFullMessage);
            application.AcceptOffer(ApplicationContext.For(cohort, now), candidate);
            db.Enrollments.Add(Enrollment.Open(application.Id, cohort.Id, candidate, now));
        }, cancellationToken);

    public async Task<MoveOutcome> DeclineAsync(Guid applicationId, ActorRef candidate, CancellationToken cancellationToken) =>
        await UnderLockAsync(applicationId, candidate, async (application, cohort, now) =>
        {
            EnsureOffered(application);
            application.DeclineOffer(ApplicationContext.For(cohort, now), candidate);
            await PromoteUnderLockAsync(cohort, now, cancellationToken);
        }, cancellationToken);

    /// <summary>
    /// A withdrawal that touches the seats: an admitted candidate's frees their seat for the waitlist; a waitlisted one's
    /// leaves the list, under the lock so that it cannot cross a promotion of the same candidate.
    /// </summary>
    public async Task<MoveOutcome> WithdrawAsync(Guid applicationId, ActorRef candidate, CancellationToken cancellationToken) =>
        await UnderLockAsync(applicationId, candidate, async (application, cohort, now) =>
        {
            var heldASeat = Seats.Holding.Contains(application.State);
            application.Withdraw(ApplicationContext.For(cohort, now), candidate);
            if (heldASeat) await PromoteUnderLockAsync(cohort, now, cancellationToken);
        }, cancellationToken);

    /// <summary>
    /// The recurring job's body: expires every offer whose deadline has come, cohort by cohort under its lock, and
    /// promotes from the waitlist. An offer answered meanwhile is left as it is; a second run finds nothing to do.
    /// Returns how many offers it expired.
    /// </summary>
    public async Task<int> ExpireDueOffersAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        // Read without the lock, only to know which cohorts to visit: each is checked again under its own lock.
        var cohortIds = await db.Applications.AsNoTracking()
            .Where(a => a.State == ApplicationState.Admitted && a.OfferExpiresAt <= now)
            .Select(a => a.CohortId).Distinct().OrderBy(id => id).ToListAsync(cancellationToken);
        var expired = 0;
        foreach (var cohortId in cohortIds)
        {
            db.ChangeTracker.Clear();
            await using var transaction = await db.LockCohortAsync(cohortId, cancellationToken);
            var cohort = await db.Cohorts.Include(c => c.Program).SingleAsync(c => c.Id == cohortId, cancellationToken);
            var due = await db.Applications
                .Where(a => a.CohortId == cohortId && a.State == ApplicationState.Admitted && a.OfferExpiresAt <= now)
                .ToListAsync(cancellationToken);
            var context = ApplicationContext.For(cohort, now);
            var moved = due.Count(application => application.ExpireOfferIfStillOpen(context));
            if (moved > 0) await PromoteUnderLockAsync(cohort, now, cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            expired += moved;
            if (moved > 0) logger.LogInformation("Expired {Count} offers of cohort {CohortId}", moved, cohortId);
        }
        db.ChangeTracker.Clear();
        return expired;
    }

    /// <summary>Fills the cohort's free seats from its waitlist (for a staff action or a repair); returns how many were offered.</summary>
    public async Task<int> PromoteAsync(int cohortId, CancellationToken cancellationToken)
    {
        db.ChangeTracker.Clear();
        await using var transaction = await db.LockCohortAsync(cohortId, cancellationToken);
        var cohort = await db.Cohorts.Include(c => c.Program).SingleAsync(c => c.Id == cohortId, cancellationToken);
        var promoted = await PromoteUnderLockAsync(cohort, clock.GetUtcNow(), cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return promoted;
    }

    /// <summary>
    /// While a seat is free and someone on the waitlist fits the caps, offers it to the first who does, with a fresh
    /// deadline; the history line says their rank and who was passed over, and why. The offer email is the dispatcher's.
    /// Only ever called with the cohort's lock held: the count of held seats stays true until the commit.
    /// </summary>
    private async Task<int> PromoteUnderLockAsync(Cohort cohort, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var settings = await db.SelectionSettings.AsNoTracking().SingleOrDefaultAsync(s => s.CohortId == cohort.Id, cancellationToken)
            ?? SelectionSettings.For(cohort.Id);
        // The moves made in this unit of work are not saved yet: the states come from the tracked entities where there are.
        var tracked = db.ChangeTracker.Entries<Application>().Select(e => e.Entity).Where(a => a.CohortId == cohort.Id).ToDictionary(a => a.Id);
        var seats = await SeatCandidatesAsync(cohort.Id, cancellationToken);
        ApplicationState StateOf(SeatCandidate c) => tracked.TryGetValue(c.Candidate.ApplicationId, out var a) ? a.State : c.State;
        var holders = seats.Where(c => Seats.Holding.Contains(StateOf(c))).Select(c => c.Candidate).ToList();
        var waitlist = seats.Where(c => StateOf(c) == ApplicationState.Waitlisted)
            .OrderBy(c => c.Rank ?? int.MaxValue).ThenBy(c => c.SubmittedAt).ThenBy(c => c.Candidate.ApplicationId).ToList();
        var promoted = 0;
        while (holders.Count < cohort.Seats
               && WaitlistPromotion.Next(holders, waitlist.Select(c => c.Candidate).ToList(), cohort.Seats, settings.Caps) is { } promotion)
        {
            var chosen = waitlist.Single(c => c.Candidate.ApplicationId == promotion.Candidate.ApplicationId);
            var application = tracked.GetValueOrDefault(chosen.Candidate.ApplicationId)
                ?? await db.Applications.SingleAsync(a => a.Id == chosen.Candidate.ApplicationId, cancellationToken);
            var reason = PromotionReason(chosen, promotion, waitlist);
            application.AdmitFromWaitlist(ApplicationContext.For(cohort, now, reason), ActorRef.System, settings.OfferDeadlineFrom(now));
            waitlist.Remove(chosen);
            holders.Add(chosen.Candidate);
            promoted++;
        }
        return promoted;
    }

    private static string PromotionReason(SeatCandidate chosen, Promotion promotion, IReadOnlyList<SeatCandidate> waitlist)
    {
        var rank = chosen.Rank is { } r ? $" (rang {r})" : "";
        var reason = $"Promu depuis la liste complémentaire{rank}";
        if (promotion.PassedOver.Count == 0) return reason;
        var passed = promotion.PassedOver.Select(p =>
        {
            var before = waitlist.Single(c => c.Candidate.ApplicationId == p.Candidate.ApplicationId);
            return before.Rank is { } k ? $"rang {k} : {p.Reason}" : p.Reason;
        });
        reason = $"{reason} ; passé : {string.Join(" ; ", passed)}";
        // The history keeps 2000 characters: a very long list of passed-over candidates is cut, not refused.
        return reason.Length <= 2000 ? reason : reason[..1999] + "…";
    }

    private sealed record SeatCandidate(AdmissionCandidate Candidate, ApplicationState State, int? Rank, DateTimeOffset? SubmittedAt);

    private async Task<List<SeatCandidate>> SeatCandidatesAsync(int cohortId, CancellationToken cancellationToken)
    {
        ApplicationState[] relevant = [.. Seats.Holding, ApplicationState.Waitlisted];
        var rows = await (
            from a in db.Applications.AsNoTracking()
            where a.CohortId == cohortId && relevant.Contains(a.State)
            join administration in db.Administrations on a.AdministrationId equals administration.Id into administrations
            from administration in administrations.DefaultIfEmpty()
            select new
            {
                a.Id, a.AdministrationId, MinistryId = (int?)administration!.MinistryId, a.Category, a.State, a.WaitlistRank, a.SubmittedAt,
            }).ToListAsync(cancellationToken);
        // Without the administrations' names: the promotion's reason is in the promoted candidate's own history, which
        // must say which cap passed someone over, never where that other candidate works.
        return rows.Select(r => new SeatCandidate(
            new AdmissionCandidate(r.Id, r.AdministrationId, r.MinistryId, r.Category),
            r.State, r.WaitlistRank, r.SubmittedAt)).ToList();
    }

    /// <summary>What a candidate is told when the offer they answer is no longer open for an answer (a second tab, a late click).</summary>
    private static void EnsureOffered(Application application)
    {
        var refusal = application.State switch
        {
            ApplicationState.Admitted => null,
            ApplicationState.OfferAccepted => "Vous avez déjà accepté cette place : vous êtes inscrit(e).",
            ApplicationState.OfferDeclined => "Vous avez déjà décliné cette place : la proposition n'est plus valable.",
            ApplicationState.OfferExpired => Application.OfferLapsedMessage,
            ApplicationState.Withdrawn => "Cette candidature est retirée : la proposition n'est plus valable.",
            _ => "Aucune place ne vous est proposée pour cette candidature.",
        };
        if (refusal is not null) throw new DomainException(refusal);
    }

    /// <summary>
    /// Runs a candidate's move on their application under the cohort's lock, in one transaction; a refusal rolls it all
    /// back and comes back in words. Whatever this unit of work tracked before is dropped first: the application is read
    /// again under the lock, never taken from what a page loaded before another request changed it.
    /// </summary>
    private async Task<MoveOutcome> UnderLockAsync(Guid applicationId, ActorRef candidate, Func<Application, Cohort, DateTimeOffset, Task> move,
        CancellationToken cancellationToken)
    {
        db.ChangeTracker.Clear();
        var cohortId = await db.Applications.Where(a => a.Id == applicationId).Select(a => (int?)a.CohortId).SingleOrDefaultAsync(cancellationToken);
        if (cohortId is null) return new(false, NotYoursMessage, false);
        try
        {
            await using var transaction = await db.LockCohortAsync(cohortId.Value, cancellationToken);
            var application = await db.Applications.SingleAsync(a => a.Id == applicationId, cancellationToken);
            if (candidate.Kind == Actor.Candidate && application.CandidateId != candidate.UserId) return new(false, NotYoursMessage, false);
            var cohort = await db.Cohorts.Include(c => c.Program).SingleAsync(c => c.Id == cohortId, cancellationToken);
            await move(application, cohort, clock.GetUtcNow());
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return MoveOutcome.Done;
        }
        catch (DomainException e)
        {
            return new(false, e.Message, false);
        }
        catch (DbUpdateConcurrencyException)
        {
            return MoveOutcome.Concurrent;
        }
        finally
        {
            // Nothing half-made stays tracked for a later save of the page.
            db.ChangeTracker.Clear();
        }
    }
}

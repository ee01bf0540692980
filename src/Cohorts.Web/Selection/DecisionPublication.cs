using System.Globalization;
using System.Security.Claims;
using Cohorts.Domain;
using Cohorts.Domain.Applications;
using Cohorts.Domain.Selection;
using Cohorts.Domain.Workflow;
using Cohorts.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Cohorts.Web.Selection;

/// <summary>
/// Publishes a cohort's decisions in one action: under the cohort's seat lock, in one transaction, every line of the
/// proposal moves its application (admitted with the offer's deadline, waitlisted with its rank, rejected) and the
/// settings record the publication. The emails are written by the one dispatcher of the application events, in the
/// same save. The proposal is computed again under the lock: what is published is what the lock saw, and it must be
/// the proposal the manager confirmed (its fingerprint).
/// </summary>
public static class DecisionPublication
{
    public const string ChangedMessage =
        "La proposition a changé depuis votre confirmation (une décision du jury, une évaluation ou une place) : relisez-la, puis confirmez à nouveau.";

    /// <summary>Null once published; else the refusal in French, and nothing has changed.</summary>
    public static async Task<string?> PublishAsync(CohortsDbContext db, int cohortId, ClaimsPrincipal user, ActorRef by, string? confirmedFingerprint,
        DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var transaction = await db.LockCohortAsync(cohortId, cancellationToken);
        var proposal = await CohortProposal.LoadAsync(db, cohortId, user, cancellationToken)
            ?? throw new InvalidOperationException("The cohort was checked before the publication.");
        if (proposal.PublicationRefusal is { } refusal) return refusal;
        if (confirmedFingerprint != proposal.Fingerprint) return ChangedMessage;

        var settings = await db.SelectionSettings.SingleAsync(s => s.CohortId == cohortId, cancellationToken);
        var cohort = await db.Cohorts.Include(c => c.Program).SingleAsync(c => c.Id == cohortId, cancellationToken);
        var ids = proposal.Lines.Select(l => l.Line.ApplicationId).ToList();
        var applications = await db.Applications.Where(a => ids.Contains(a.Id)).ToDictionaryAsync(a => a.Id, cancellationToken);
        var context = ApplicationContext.For(cohort, now);
        var deadline = settings.OfferDeadlineFrom(now);
        try
        {
            foreach (var line in proposal.Lines.Select(l => l.Line))
            {
                var application = applications[line.ApplicationId];
                _ = line.Decision switch
                {
                    ProposalDecision.Admitted => application.Admit(context, by, deadline),
                    ProposalDecision.Waitlisted => application.Waitlist(context with
                    {
                        Reason = $"Rang {line.WaitlistRank!.Value.ToString(CultureInfo.InvariantCulture)} sur la liste complémentaire.",
                    }, by, line.WaitlistRank!.Value),
                    _ => application.Reject(context, by),
                };
            }
            settings.MarkPublished(now);
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DomainException e)
        {
            await transaction.RollbackAsync(cancellationToken);
            db.ChangeTracker.Clear();
            return e.Message;
        }
        catch (DbUpdateConcurrencyException)
        {
            await transaction.RollbackAsync(cancellationToken);
            db.ChangeTracker.Clear();
            return ChangedMessage;
        }
        await transaction.CommitAsync(cancellationToken);
        return null;
    }
}

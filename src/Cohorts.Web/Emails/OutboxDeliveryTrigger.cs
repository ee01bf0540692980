using System.Data.Common;
using Cohorts.Web.Jobs;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Cohorts.Web.Emails;

/// <summary>
/// Once emails put in the outbox are committed, asks for a delivery right away rather than at the next
/// minute's sweep: after the save, or after the commit when the save ran inside an explicit transaction
/// (a job started before the commit would find nothing to send). One per DbContext (scoped).
/// </summary>
public sealed class OutboxDeliveryTrigger(IBackgroundJobClient jobs) : SaveChangesInterceptor, IDbTransactionInterceptor
{
    private bool _savingMessages;
    private bool _committedMessagesPending;

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData,
        InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        _savingMessages = eventData.Context!.ChangeTracker.Entries<OutboxMessage>().Any(e => e.State == EntityState.Added);
        return base.SavingChangesAsync(eventData, result, cancellationToken);
    }

    public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result,
        CancellationToken cancellationToken = default)
    {
        if (_savingMessages)
        {
            _savingMessages = false;
            if (eventData.Context!.Database.CurrentTransaction is null) RequestDelivery();
            else _committedMessagesPending = true;
        }
        return base.SavedChangesAsync(eventData, result, cancellationToken);
    }

    public Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData,
        CancellationToken cancellationToken = default)
    {
        if (_committedMessagesPending)
        {
            _committedMessagesPending = false;
            RequestDelivery();
        }
        return Task.CompletedTask;
    }

    public Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData,
        CancellationToken cancellationToken = default)
    {
        _committedMessagesPending = false;
        return Task.CompletedTask;
    }

    private void RequestDelivery() => jobs.Enqueue<DeliverEmailsJob>(job => job.RunAsync(CancellationToken.None));
}

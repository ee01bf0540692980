using Cohorts.Domain.Applications;
using Cohorts.Web.Applications;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Cohorts.Web.Data;

/// <summary>
/// Before a save, hands the events the tracked applications raised to <see cref="LifecycleEvents"/>, so that what
/// they cause (outbox emails) is saved by the same SaveChanges, in the same transaction, then clears them. Registered
/// before <see cref="Emails.OutboxDeliveryTrigger"/>, which must see the emails written here. One per DbContext
/// (scoped); <see cref="LifecycleEvents"/> is resolved at the save, as it needs the DbContext this configures.
/// </summary>
public sealed class DomainEventDispatcher(IServiceProvider services) : SaveChangesInterceptor
{
    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData,
        InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        var raising = Raising(eventData.Context!);
        if (raising.Count > 0)
        {
            await services.GetRequiredService<LifecycleEvents>().HandleAsync(raising, cancellationToken);
            foreach (var application in raising) application.ClearDomainEvents();
        }
        return await base.SavingChangesAsync(eventData, result, cancellationToken);
    }

    /// <summary>Writing the effects needs queries: a synchronous save of moves would have to block on them, so it is refused.</summary>
    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result) =>
        Raising(eventData.Context!).Count > 0
            ? throw new InvalidOperationException("Save moved applications with SaveChangesAsync: their events are dispatched asynchronously.")
            : base.SavingChanges(eventData, result);

    private static List<Application> Raising(DbContext context) =>
        context.ChangeTracker.Entries<Application>().Select(e => e.Entity).Where(a => a.DomainEvents.Count > 0).ToList();
}

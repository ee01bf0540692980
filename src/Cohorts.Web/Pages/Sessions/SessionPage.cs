using Cohorts.Domain.Catalogue;
using Cohorts.Domain.Sessions;
using Cohorts.Web.Catalogue;
using Cohorts.Web.Data;
using Cohorts.Web.Sessions;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Cohorts.Web.Pages.Sessions;

/// <summary>
/// What the staff pages of one session share: the session (tracked, with its participants and bookings, so that it can
/// change), its cohort, found only among the cohorts of the user's programs (another program's session is a 404).
/// </summary>
public abstract class SessionPage(CohortsDbContext db) : PageModel
{
    public Session Session { get; private set; } = null!;
    public Cohort Cohort { get; private set; } = null!;

    protected CohortsDbContext Db => db;

    protected async Task<bool> LoadSessionAsync(Guid id, CancellationToken cancellationToken)
    {
        var session = await db.Sessions.ManagedBy(db, User).Include(s => s.Participants).Include(s => s.Bookings)
            .SingleOrDefaultAsync(s => s.Id == id, cancellationToken);
        if (session is null) return false;
        Session = session;
        Cohort = await db.Cohorts.AsNoTracking().Include(c => c.Program).SingleAsync(c => c.Id == session.CohortId, cancellationToken);
        return true;
    }

    /// <summary>Saves the sessions changed (and the emails written) through <see cref="SessionStore"/>; returns the refusals.</summary>
    protected Task<IReadOnlyList<string>> SaveAsync(IReadOnlyCollection<Session> sessions, CancellationToken cancellationToken) =>
        SessionStore.SaveAsync(db, sessions, cancellationToken);

    /// <summary>The form again with the refusals: nothing of the refused change stays tracked, the page reads the session as stored.</summary>
    protected async Task<IActionResult> RefusedAsync(IReadOnlyList<string> refusals, Func<Task> reload)
    {
        db.ChangeTracker.Clear();
        await reload();
        foreach (var refusal in refusals) ModelState.AddModelError("", refusal);
        return Page();
    }

    /// <summary>
    /// A series of the user's programs: its occurrences to come, the first of which (or, when none is left, its first
    /// occurrence) is the page's <see cref="Session"/>; null when there is no such series.
    /// </summary>
    protected async Task<List<Session>?> LoadSeriesAsync(Guid seriesId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var first = await db.Sessions.ManagedBy(db, User).Where(s => s.SeriesId == seriesId).OrderBy(s => s.StartsAt).Select(s => (Guid?)s.Id)
            .FirstOrDefaultAsync(cancellationToken);
        if (first is null) return null;
        var future = await FutureOfSeriesAsync(seriesId, now, cancellationToken);
        await LoadSessionAsync(future.FirstOrDefault()?.Id ?? first.Value, cancellationToken);
        return future;
    }

    /// <summary>The occurrences of the session's series still to come and not cancelled (tracked).</summary>
    protected Task<List<Session>> FutureOfSeriesAsync(Guid seriesId, DateTimeOffset now, CancellationToken cancellationToken) =>
        db.Sessions.ManagedBy(db, User).Include(s => s.Participants).Include(s => s.Bookings)
            .Where(s => s.SeriesId == seriesId && s.CancelledAt == null && s.StartsAt > now)
            .OrderBy(s => s.StartsAt).ToListAsync(cancellationToken);
}

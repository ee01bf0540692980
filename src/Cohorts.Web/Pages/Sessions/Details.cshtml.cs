using Cohorts.Web.Data;
using Cohorts.Web.Hosting;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Cohorts.Web.Pages.Sessions;

/// <summary>One session, for its program's staff: what it is, who leads and attends it, its series, and what can be done with it.</summary>
[Authorize(Policy = Policies.Staff)]
public sealed class SessionDetailsModel(CohortsDbContext db, TimeProvider clock) : SessionPage(db)
{
    public DateTimeOffset Now { get; private set; }
    public string LeadName { get; private set; } = "";
    public IReadOnlyList<string> ParticipantNames { get; private set; } = [];
    public int SeriesCount { get; private set; }
    public int SeriesToCome { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadSessionAsync(id, cancellationToken)) return NotFound();
        Now = clock.GetUtcNow();
        var ids = Session.ParticipantIds.Append(Session.LeadId).ToList();
        var names = await Db.Users.AsNoTracking().Where(u => ids.Contains(u.Id))
            .ToDictionaryAsync(u => u.Id, u => (u.FirstName + " " + u.LastName).Trim(), cancellationToken);
        LeadName = names.GetValueOrDefault(Session.LeadId, "");
        ParticipantNames = Session.ParticipantIds.Select(p => names.GetValueOrDefault(p, "")).Order().ToList();
        if (Session.SeriesId is { } series)
        {
            SeriesCount = await Db.Sessions.CountAsync(s => s.SeriesId == series, cancellationToken);
            SeriesToCome = await Db.Sessions.CountAsync(s => s.SeriesId == series && s.CancelledAt == null && s.StartsAt > Now, cancellationToken);
        }
        return Page();
    }
}

using System.Security.Claims;
using Cohorts.Domain.Catalogue;
using Cohorts.Domain.Sessions;
using Cohorts.Web.Coaching;
using Cohorts.Web.Data;
using Cohorts.Web.Emails;
using Cohorts.Web.Identity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Cohorts.Web.Pages.Coaching;

/// <summary>
/// A coach plans a coaching session with some of their own coachees, in a cohort they accompany; its participants are
/// emailed, with the event for their calendar. Clashes are refused as for staff (<see cref="Sessions.SessionStore"/>).
/// </summary>
[Authorize(Roles = Roles.Coach)]
public sealed class NewSessionModel(CohortsDbContext db, UserManager<CohortsUser> users, Outbox outbox, IOptions<MailOptions> mail, TimeProvider clock) : PageModel
{
    [BindProperty] public CoachingSessionInput Input { get; set; } = new();

    /// <summary>The cohorts the coach accompanies, to choose from when there are several.</summary>
    public IReadOnlyList<(int Id, string Name)> Cohorts { get; private set; } = [];
    public Cohort? Cohort { get; private set; }
    public IReadOnlyList<CoacheeOption> Coachees { get; private set; } = [];

    private string Me => User.FindFirstValue(ClaimTypes.NameIdentifier)!;

    public async Task<IActionResult> OnGetAsync(int? promotion, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(promotion, cancellationToken)) return NotFound();
        if (Cohort is not null)
            Input = new CoachingSessionInput { Mandatory = true, Day = ParisTimeDefault(), StartsAt = new TimeOnly(14, 0), EndsAt = new TimeOnly(15, 0) };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int? promotion, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(promotion, cancellationToken) || Cohort is null) return NotFound();
        if (!ModelState.IsValid) return Page();
        var details = await CoachSpace.DetailsAsync(db, Input, Cohort.Id, Me, ModelState, cancellationToken);
        if (details is null) return Page();
        Session session = null!;
        if (!CoachSpace.Try(ModelState, () => session = Session.Plan(Cohort.Id, details, SessionWindow.Of(Cohort), clock.GetUtcNow()))) return Page();
        db.Sessions.Add(session);
        var coach = (await users.GetUserAsync(User))!.FullName;
        await CoachingNotices.PlannedAsync(db, outbox, mail.Value, clock.GetUtcNow(), session, coach, cancellationToken);
        if (!await CoachSpace.SaveAsync(db, session, ModelState, cancellationToken)) return Page();
        TempData["Message"] = "La séance d'accompagnement est planifiée ; ses participants sont prévenus par courriel.";
        return RedirectToPage("/Coaching/Session", new { id = session.Id });
    }

    private DateOnly ParisTimeDefault()
    {
        var tomorrow = Domain.ParisTime.Today(clock.GetUtcNow()).AddDays(1);
        return Cohort is null || tomorrow >= Cohort.StartsOn ? tomorrow : Cohort.StartsOn;
    }

    /// <summary>The cohort asked for, or the coach's only one; false when it is not one they accompany.</summary>
    private async Task<bool> LoadAsync(int? promotion, CancellationToken cancellationToken)
    {
        var mine = await db.CohortCoaches.AsNoTracking().Where(c => c.CoachId == Me)
            .Join(db.Cohorts, c => c.CohortId, cohort => cohort.Id, (c, cohort) => new { cohort.Id, Name = cohort.Program.Name + " — " + cohort.Name, cohort.StartsOn })
            .OrderByDescending(c => c.StartsOn).ToListAsync(cancellationToken);
        Cohorts = mine.Select(c => (c.Id, c.Name)).ToList();
        int? chosen = promotion ?? (mine.Count == 1 ? mine[0].Id : null);
        if (chosen is null) return true;
        if (mine.All(c => c.Id != chosen)) return false;
        Cohort = await db.Cohorts.AsNoTracking().Include(c => c.Program).SingleAsync(c => c.Id == chosen, cancellationToken);
        Coachees = await CoachSpace.CoacheesAsync(db, Cohort.Id, Me, cancellationToken);
        return true;
    }
}

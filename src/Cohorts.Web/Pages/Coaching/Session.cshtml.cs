using System.Security.Claims;
using Cohorts.Domain.Catalogue;
using Cohorts.Domain.Sessions;
using Cohorts.Web.Coaching;
using Cohorts.Web.Data;
using Cohorts.Web.Emails;
using Cohorts.Web.Identity;
using Cohorts.Web.Sessions;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Cohorts.Web.Pages.Coaching;

/// <summary>
/// One of the coach's own coaching sessions: what it is, whether its log is written, and, until it starts, changing or
/// cancelling it (its participants are emailed). Another coach's session, or a session of another kind, does not exist here.
/// </summary>
[Authorize(Roles = Roles.Coach)]
public sealed class SessionModel(CohortsDbContext db, Outbox outbox, IOptions<MailOptions> mail, TimeProvider clock) : PageModel
{
    public const string StartedMessage = "La séance a commencé : elle ne peut plus être modifiée ni annulée.";

    [BindProperty] public CoachingSessionInput Input { get; set; } = new();

    public Session Session { get; private set; } = null!;
    public Cohort Cohort { get; private set; } = null!;
    public IReadOnlyList<CoacheeOption> Coachees { get; private set; } = [];
    public IReadOnlyList<string> ParticipantNames { get; private set; } = [];
    public bool Logged { get; private set; }
    public DateTimeOffset Now { get; private set; }
    public string? Reason { get; set; }

    public bool Editable => !Session.IsCancelled && !Session.HasStarted(Now);

    private string Me => User.FindFirstValue(ClaimTypes.NameIdentifier)!;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken)) return NotFound();
        Input = CoachingSessionInput.Of(Session);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken)) return NotFound();
        if (!Editable) ModelState.AddModelError("", Session.IsCancelled ? "Cette séance est annulée : elle ne peut plus être modifiée." : StartedMessage);
        if (!ModelState.IsValid) return Page();
        var details = await CoachSpace.DetailsAsync(db, Input, Cohort.Id, Me, ModelState, cancellationToken);
        if (details is null) return Page();
        var named = SessionNotices.Named(Session);
        var changed = false;
        if (!CoachSpace.Try(ModelState, () => changed = Session.Change(details, SessionWindow.Of(Cohort), clock.GetUtcNow()))) return Page();
        if (!changed)
        {
            TempData["Message"] = "Rien n'a changé : la séance reste telle quelle.";
            return RedirectToPage(new { id });
        }
        await SessionNotices.ChangedAsync(db, outbox, mail.Value.BaseUrl, Cohort, [Session], named, clock.GetUtcNow(), cancellationToken, madeBy: Me);
        if (!await CoachSpace.SaveAsync(db, Session, ModelState, cancellationToken)) return Page();
        TempData["Message"] = "La séance est modifiée ; ses participants sont prévenus par courriel.";
        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnPostCancelAsync(Guid id, string? reason, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken)) return NotFound();
        Input = CoachingSessionInput.Of(Session);
        Reason = reason;
        if (!Session.IsCancelled && Session.HasStarted(Now))
        {
            ModelState.AddModelError("Reason", StartedMessage);
            return Page();
        }
        if (!CoachSpace.Try(ModelState, () => Session.Cancel(reason, clock.GetUtcNow()))) return Page();
        await SessionNotices.CancelledAsync(db, outbox, mail.Value.BaseUrl, Cohort, [Session], clock.GetUtcNow(), cancellationToken, madeBy: Me);
        if (!await CoachSpace.SaveAsync(db, Session, ModelState, cancellationToken)) return Page();
        TempData["Message"] = "La séance est annulée ; ses participants sont prévenus par courriel.";
        return RedirectToPage("/Coaching/Index");
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        var session = await db.Sessions.LedBy(Me).Where(s => s.Kind == SessionKind.Coaching).Include(s => s.Participants).Include(s => s.Bookings).AsSplitQuery()
            .SingleOrDefaultAsync(s => s.Id == id, cancellationToken);
        if (session is null) return false;
        Session = session;
        Now = clock.GetUtcNow();
        Cohort = await db.Cohorts.AsNoTracking().Include(c => c.Program).SingleAsync(c => c.Id == session.CohortId, cancellationToken);
        Coachees = await CoachSpace.CoacheesAsync(db, Cohort.Id, Me, cancellationToken);
        var ids = session.ParticipantIds.ToList();
        ParticipantNames = await db.Users.AsNoTracking().Where(u => ids.Contains(u.Id)).Select(u => u.FirstName + " " + u.LastName).OrderBy(n => n)
            .ToListAsync(cancellationToken);
        Logged = await db.CoachingLogs.AnyAsync(l => l.SessionId == id, cancellationToken);
        return true;
    }
}

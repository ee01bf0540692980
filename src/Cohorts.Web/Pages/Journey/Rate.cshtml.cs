using Cohorts.Domain;
using Cohorts.Domain.Catalogue;
using Cohorts.Domain.Sessions;
using Cohorts.Web.Data;
using Cohorts.Web.Hosting;
using Cohorts.Web.Sessions;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Cohorts.Web.Pages.Journey;

/// <summary>
/// A participant's opinion of a session they attended: 1 to 5 and a comment, once, after it ended. The form is offered
/// only to who may rate; a post that may not (already rated, not attended, not ended, cancelled) is refused in French
/// and saves nothing. A session the participant does not attend does not exist here (404).
/// </summary>
[Authorize(Policy = Policies.Candidate)]
public sealed class RateModel(CohortsDbContext db, UserManager<Identity.CohortsUser> users, TimeProvider clock) : PageModel
{
    [BindProperty] public int? Score { get; set; }
    [BindProperty] public string? Comment { get; set; }

    public Session Session { get; private set; } = null!;
    public Cohort Cohort { get; private set; } = null!;
    public string LeadName { get; private set; } = "";
    public SessionRating? Given { get; private set; }
    /// <summary>The participant's mark for the session, if any.</summary>
    public AttendanceStatus? Attendance { get; private set; }
    /// <summary>Why this participant may not rate the session, if they may not; the form is shown otherwise.</summary>
    public string? Refusal { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken)) return NotFound();
        if (Refusal is not null)
        {
            ModelState.AddModelError("", Refusal);
            return Page();
        }
        if (!ModelState.IsValid) return Page();
        var me = users.GetUserId(User)!;
        try
        {
            db.SessionRatings.Add(SessionRating.Give(Session, me, Attendance, alreadyRated: false, Score ?? 0, Comment ?? "", clock.GetUtcNow()));
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DomainException e)
        {
            // The participant may rate (checked above): what is refused is the score or the comment.
            ModelState.AddModelError(Score is >= SessionRating.Lowest and <= SessionRating.Highest ? nameof(Comment) : nameof(Score), e.Message);
            return Page();
        }
        catch (DbUpdateException e) when (e.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            // Rated meanwhile, in another tab: the unique index keeps one rating.
            db.ChangeTracker.Clear();
            await LoadAsync(id, cancellationToken);
            ModelState.AddModelError("", Refusal ?? "Vous avez déjà donné votre avis sur cette séance.");
            return Page();
        }
        TempData["Message"] = $"Merci : votre avis sur la séance « {Session.Title} » est enregistré.";
        return RedirectToPage("/Journey/Index");
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        var me = users.GetUserId(User)!;
        var session = await db.Sessions.AsNoTracking().AttendedBy(db, me).SingleOrDefaultAsync(s => s.Id == id, cancellationToken);
        if (session is null) return false;
        Session = session;
        Cohort = await db.Cohorts.AsNoTracking().Include(c => c.Program).SingleAsync(c => c.Id == session.CohortId, cancellationToken);
        LeadName = await db.Users.Where(u => u.Id == session.LeadId).Select(u => u.FirstName + " " + u.LastName).SingleAsync(cancellationToken);
        Given = await db.SessionRatings.AsNoTracking().SingleOrDefaultAsync(r => r.SessionId == id && r.ParticipantId == me, cancellationToken);
        Attendance = await db.Attendances.Where(a => a.SessionId == id && a.ParticipantId == me).Select(a => (AttendanceStatus?)a.Status)
            .SingleOrDefaultAsync(cancellationToken);
        try
        {
            SessionRating.CheckMayRate(session, Attendance, Given is not null, clock.GetUtcNow());
            Refusal = null;
        }
        catch (DomainException e)
        {
            Refusal = e.Message;
        }
        return true;
    }
}

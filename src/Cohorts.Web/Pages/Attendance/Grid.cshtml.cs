using Cohorts.Domain;
using Cohorts.Domain.Sessions;
using Cohorts.Domain.Workflow;
using Cohorts.Web.Catalogue;
using Cohorts.Web.Data;
using Cohorts.Web.Identity;
using Cohorts.Web.Sessions;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Mark = Cohorts.Domain.Sessions.Attendance;

namespace Cohorts.Web.Pages.Attendance;

/// <summary>
/// A session's attendance sheet ("émargement"), for its lead or its program's staff: one radio group per participant,
/// saved at once; every first mark and correction is kept and listed below (who, when, from, to). Anyone else gets 404.
/// </summary>
[Authorize]
public sealed class GridModel(CohortsDbContext db, UserManager<CohortsUser> users, TimeProvider clock) : PageModel
{
    public const string StaleListMessage = "La liste des participants de la séance a changé : rechargez la page et notez à nouveau.";
    public const string ConflictMessage =
        "Quelqu'un vient d'enregistrer des présences pour cette séance : voici ce qui est enregistré maintenant, vérifiez et enregistrez à nouveau.";

    /// <summary>Each participant's mark, by account id.</summary>
    [BindProperty] public Dictionary<string, AttendanceStatus?> Marks { get; set; } = [];

    public Session Session { get; private set; } = null!;
    public string ProgramName { get; private set; } = "";
    public string CohortName { get; private set; } = "";
    public bool IsStaff { get; private set; }
    public IReadOnlyList<Row> Rows { get; private set; } = [];
    public IReadOnlyList<Change> History { get; private set; } = [];
    /// <summary>Why the sheet cannot be filled now (a session to come, a cancelled one); null when it can.</summary>
    public string? Closed { get; private set; }

    public sealed record Row(string ParticipantId, string Name, string Email, AttendanceStatus? Status);

    public sealed record Change(string Participant, DateTimeOffset At, string By, AttendanceStatus? From, AttendanceStatus To);

    public static string FieldName(string participantId) => $"Marks[{participantId}]";

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken)) return NotFound();
        Marks = Rows.Where(r => r.Status is not null).ToDictionary(r => r.ParticipantId, r => r.Status);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken)) return NotFound();
        if (Closed is not null) ModelState.AddModelError("", Closed);
        else if (Marks.Keys.Any(k => Rows.All(r => r.ParticipantId != k))) ModelState.AddModelError("", StaleListMessage);
        foreach (var row in Rows.Where(r => Marks.GetValueOrDefault(r.ParticipantId) is null))
            if (ModelState.GetFieldValidationState(FieldName(row.ParticipantId)) != Microsoft.AspNetCore.Mvc.ModelBinding.ModelValidationState.Invalid)
                ModelState.AddModelError(FieldName(row.ParticipantId), $"Choisissez la présence de {row.Name}.");
        if (!ModelState.IsValid) return Page();

        var session = await db.Sessions.SingleAsync(s => s.Id == id, cancellationToken);
        var who = await ActorAsync();
        var now = clock.GetUtcNow();
        var existing = await db.Attendances.Include(a => a.History).Where(a => a.SessionId == id).ToDictionaryAsync(a => a.ParticipantId, cancellationToken);
        int marked = 0, corrected = 0;
        try
        {
            foreach (var row in Rows)
            {
                var status = Marks[row.ParticipantId]!.Value;
                if (existing.GetValueOrDefault(row.ParticipantId) is { } attendance)
                {
                    if (attendance.Correct(session, status, who, now)) corrected++;
                }
                else
                {
                    db.Attendances.Add(Mark.Mark(session, row.ParticipantId, status, who, now));
                    marked++;
                }
            }
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DomainException e)
        {
            ModelState.AddModelError("", e.Message);
            return Page();
        }
        catch (DbUpdateException e) when (e is DbUpdateConcurrencyException
            || e.InnerException is Npgsql.PostgresException { SqlState: Npgsql.PostgresErrorCodes.UniqueViolation })
        {
            db.ChangeTracker.Clear();
            await LoadAsync(id, cancellationToken);
            ModelState.AddModelError("", ConflictMessage);
            return Page();
        }
        TempData["Message"] = (marked, corrected) switch
        {
            (0, 0) => "Présences enregistrées : rien n'a changé.",
            (_, 0) => $"Présences enregistrées pour {Count(marked)}.",
            (0, _) => $"Présences enregistrées : {Corrections(corrected)}.",
            _ => $"Présences enregistrées pour {Count(marked)} ; {Corrections(corrected)}.",
        };
        return RedirectToPage(new { id });
    }

    private static string Count(int people) => people == 1 ? "1 participant" : $"{people} participants";

    private static string Corrections(int count) =>
        count == 1 ? "1 correction, gardée dans l'historique" : $"{count} corrections, gardées dans l'historique";

    private async Task<ActorRef> ActorAsync()
    {
        var user = (await users.GetUserAsync(User))!;
        return user.As(IsStaff ? Roles.ManagementActor(User) : Actor.Coach);
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        var session = await db.Sessions.MarkableBy(db, User).AsNoTracking().SingleOrDefaultAsync(s => s.Id == id, cancellationToken);
        if (session is null) return false;
        Session = session;
        var cohort = await db.Cohorts.AsNoTracking().Where(c => c.Id == session.CohortId)
            .Select(c => new { c.Name, Program = c.Program.Name }).SingleAsync(cancellationToken);
        (ProgramName, CohortName) = (cohort.Program, cohort.Name);
        IsStaff = await db.Cohorts.ManagedBy(db, User).AnyAsync(c => c.Id == session.CohortId, cancellationToken);
        var now = clock.GetUtcNow();
        Closed = session.IsCancelled ? "Cette séance est annulée : il n'y a pas de présence à noter."
            : !session.HasStarted(now) ? $"La séance n'a pas encore eu lieu : les présences se notent une fois qu'elle a commencé, à partir du {Display.DateTime(session.StartsAt)}."
            : null;
        var marks = db.Attendances.Where(a => a.SessionId == id);
        var statuses = await marks.AsNoTracking().ToDictionaryAsync(a => a.ParticipantId, a => a.Status, cancellationToken);
        Rows = (await People.ByNameAsync(db, db.AttendeesOf(session), cancellationToken))
            .Select(p => new Row(p.Id, p.Name, p.Email, statuses.TryGetValue(p.Id, out var status) ? status : null)).ToList();
        History = await (from change in db.AttendanceChanges.AsNoTracking()
                         join attendance in marks on change.AttendanceId equals attendance.Id
                         join user in db.Users on attendance.ParticipantId equals user.Id
                         orderby change.At descending, change.Id descending
                         select new Change((user.FirstName + " " + user.LastName).Trim(), change.At, change.ByName, change.From, change.To))
            .ToListAsync(cancellationToken);
        return true;
    }
}

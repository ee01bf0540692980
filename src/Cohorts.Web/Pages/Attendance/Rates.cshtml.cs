using Cohorts.Domain;
using Cohorts.Domain.Catalogue;
using Cohorts.Domain.Sessions;
using Cohorts.Web.Catalogue;
using Cohorts.Web.Data;
using Cohorts.Web.Hosting;
using Cohorts.Web.Sessions;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Cohorts.Web.Pages.Attendance;

/// <summary>
/// A cohort's attendance, for its program's staff: per participant, the mandatory hours planned for the whole cohort,
/// those attended, the rate (from <see cref="AttendanceHours"/>) and the coaching hours logged; those below the program's
/// threshold flagged in words. The threshold is the program's, changed here. The held sessions link to their sheets.
/// </summary>
[Authorize(Policy = Policies.Staff)]
public sealed class RatesModel(CohortsDbContext db, TimeProvider clock) : PageModel
{
    public const string ThresholdMissingMessage = "Indiquez le seuil d'assiduité, un pourcentage de 0 à 100.";

    [BindProperty] public int? Threshold { get; set; }

    public Cohort Cohort { get; private set; } = null!;
    public IReadOnlyList<ParticipantRow> Participants { get; private set; } = [];
    public IReadOnlyList<HeldSession> Held { get; private set; } = [];

    /// <param name="Below">Under the threshold now, the hours to come counted as not attended yet.</param>
    /// <param name="OutOfReach">Under it for good: the hours already missed are too many.</param>
    public sealed record ParticipantRow(string Name, string Email, ParticipantHours Hours, decimal CoachingHours, bool Below, bool OutOfReach);

    public sealed record HeldSession(Guid Id, string Title, SessionKind Kind, DateTimeOffset StartsAt, DateTimeOffset EndsAt, int Attendees, int Marked);

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken)) return NotFound();
        Threshold = Cohort.Program.AttendanceThreshold;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken)) return NotFound();
        if (ModelState.IsValid && Threshold is null) ModelState.AddModelError(nameof(Threshold), ThresholdMissingMessage);
        if (!ModelState.IsValid) return Page();
        var program = await db.Programs.SingleAsync(p => p.Id == Cohort.ProgramId, cancellationToken);
        try
        {
            program.SetAttendanceThreshold(Threshold!.Value);
        }
        catch (DomainException e)
        {
            ModelState.AddModelError(nameof(Threshold), e.Message);
            return Page();
        }
        await db.SaveChangesAsync(cancellationToken);
        TempData["Message"] = $"Le seuil d'assiduité du programme « {program.Name} » est maintenant de {program.AttendanceThreshold} %, pour toutes ses promotions.";
        return RedirectToPage(new { id });
    }

    private async Task<bool> LoadAsync(int id, CancellationToken cancellationToken)
    {
        var cohort = await db.Cohorts.ManagedBy(db, User).AsNoTracking().Include(c => c.Program).SingleOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (cohort is null) return false;
        Cohort = cohort;
        var records = await AttendanceHours.ForCohortAsync(db, id, cancellationToken);
        var people = await People.ByNameAsync(db, db.ParticipantsOf(id).Select(e => e.ParticipantId), cancellationToken);
        var threshold = cohort.Program.AttendanceThreshold;
        Participants = people.Where(p => records.ContainsKey(p.Id)).Select(p => (Person: p, Record: records[p.Id]))
            .Select(x => new ParticipantRow(x.Person.Name, x.Person.Email, x.Record.Hours, x.Record.CoachingHoursLogged, x.Record.Hours.Below(threshold),
                x.Record.Hours.OutOfReach(threshold)))
            .ToList();
        var now = clock.GetUtcNow();
        var enrolled = await db.ParticipantsOf(id).CountAsync(cancellationToken);
        Held = await db.Sessions.AsNoTracking().Where(s => s.CohortId == id && s.CancelledAt == null && s.StartsAt <= now)
            .OrderByDescending(s => s.StartsAt)
            .Select(s => new HeldSession(s.Id, s.Title, s.Kind, s.StartsAt, s.EndsAt,
                s.Kind == SessionKind.Coaching ? s.Participants.Count : enrolled,
                db.Attendances.Count(a => a.SessionId == s.Id)))
            .ToListAsync(cancellationToken);
        return true;
    }

    /// <summary>"57,1 %", or "—" when nothing mandatory is planned.</summary>
    public static string Rate(ParticipantHours hours) =>
        hours.Rate is { } rate ? $"{(rate * 100).ToString("0.#", FrenchDates.Culture)} %" : "—";
}

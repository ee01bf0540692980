using Cohorts.Domain;
using Cohorts.Domain.Sessions;
using Cohorts.Web.Catalogue;
using Cohorts.Web.Data;
using Cohorts.Web.Hosting;
using Cohorts.Web.Lists;
using Cohorts.Web.Sessions;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Cohorts.Web.Pages.Attendance;

/// <summary>
/// A cohort's attendance as CSV, for its program's staff: one line per participant and session planned for them (the
/// cohort's sessions, and the coaching sessions they are named on; cancelled ones left out), with their mark.
/// </summary>
[Authorize(Policy = Policies.Staff)]
public sealed class ExportModel(CohortsDbContext db, TimeProvider clock) : PageModel
{
    public static readonly IReadOnlyList<string> Headers =
        ["Participant", "Courriel", "Séance", "Type", "Date (heure de Paris)", "Obligatoire", "Heures", "Présence"];

    public sealed record Line(string Name, string Email, string Title, SessionKind Kind, DateTimeOffset StartsAt, bool Mandatory, decimal Hours, string Status);

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        var cohort = await db.Cohorts.ManagedBy(db, User).AsNoTracking().Where(c => c.Id == id)
            .Select(c => new { c.Name, Program = c.Program.Name }).SingleOrDefaultAsync(cancellationToken);
        if (cohort is null) return NotFound();
        var people = await People.ByNameAsync(db, db.ParticipantsOf(id).Select(e => e.ParticipantId), cancellationToken);
        var sessions = await db.Sessions.AsNoTracking().Where(s => s.CohortId == id && s.CancelledAt == null).OrderBy(s => s.StartsAt)
            .Select(s => new { s.Id, s.Title, s.Kind, s.StartsAt, s.Mandatory, s.Hours, Named = s.Participants.Select(p => p.ParticipantId).ToList() })
            .ToListAsync(cancellationToken);
        var marks = await db.Attendances.AsNoTracking().Where(a => db.Sessions.Any(s => s.Id == a.SessionId && s.CohortId == id))
            .ToDictionaryAsync(a => (a.SessionId, a.ParticipantId), a => a.Status, cancellationToken);
        var now = clock.GetUtcNow();
        var lines = people.SelectMany(p => sessions.Where(s => s.Kind != SessionKind.Coaching || s.Named.Contains(p.Id))
            .Select(s => new Line(p.Name, p.Email, s.Title, s.Kind, s.StartsAt, s.Mandatory, s.Hours,
                marks.TryGetValue((s.Id, p.Id), out var status) ? AttendanceStatuses.Label(status)
                : s.StartsAt <= now ? "Non noté" : "À venir")));
        return new CsvFile<Line>(Csv.FileName("assiduite", cohort.Program, cohort.Name), Headers, lines.ToAsyncEnumerable(), l =>
        [
            l.Name, l.Email, l.Title, SessionKinds.Label(l.Kind), Display.Spreadsheet(l.StartsAt), l.Mandatory ? "oui" : "non",
            l.Hours.ToString("0.##", FrenchDates.Culture), l.Status,
        ]);
    }
}

using System.Globalization;
using Cohorts.Domain;
using Cohorts.Domain.Catalogue;
using Cohorts.Domain.Sessions;
using Cohorts.Web.Catalogue;
using Cohorts.Web.Data;
using Cohorts.Web.Hosting;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Cohorts.Web.Pages.Sessions;

/// <summary>
/// A cohort's calendar, for its staff: every session, cancelled ones struck through and badged, as a list (by default)
/// or one week at a time (<c>?vue=semaine&amp;semaine=2027-01-11</c>, any day of the week), in Paris time.
/// </summary>
[Authorize(Policy = Policies.Staff)]
public sealed class CalendarModel(CohortsDbContext db, TimeProvider clock) : PageModel
{
    public const string WeekView = "semaine";
    public const string UnreadableWeekMessage = "La semaine demandée n'est pas une date (AAAA-MM-JJ) : voici la semaine en cours.";

    [FromQuery(Name = "vue")] public string? View { get; set; }
    [FromQuery(Name = "semaine")] public string? Week { get; set; }

    public Cohort Cohort { get; private set; } = null!;
    public DateTimeOffset Now { get; private set; }
    public bool ByWeek => string.Equals(View?.Trim(), WeekView, StringComparison.OrdinalIgnoreCase);
    public DateOnly Monday { get; private set; }
    public string? WeekMessage { get; private set; }
    public IReadOnlyList<Row> Sessions { get; private set; } = [];

    public sealed record Row(Session Session, string LeadName);

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        var cohort = await db.Cohorts.ManagedBy(db, User).AsNoTracking().Include(c => c.Program).SingleOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (cohort is null) return NotFound();
        Cohort = cohort;
        Now = clock.GetUtcNow();
        var query = db.Sessions.AsNoTracking().Include(s => s.Participants).Where(s => s.CohortId == id);
        if (ByWeek)
        {
            var day = ParisTime.Today(Now);
            if (Week is not null)
            {
                if (DateOnly.TryParseExact(Week.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var asked) && asked.Year is >= 2000 and <= 2999)
                    day = asked;
                else
                    WeekMessage = UnreadableWeekMessage;
            }
            Monday = day.AddDays(-(((int)day.DayOfWeek + 6) % 7));
            var (from, to) = (ParisTime.StartOfDay(Monday), ParisTime.StartOfDay(Monday.AddDays(7)));
            query = query.Where(s => s.StartsAt < to && s.EndsAt > from);
        }
        Sessions = await query.OrderBy(s => s.StartsAt).ThenBy(s => s.Id)
            .Join(db.Users, s => s.LeadId, u => u.Id, (s, u) => new Row(s, (u.FirstName + " " + u.LastName).Trim()))
            .ToListAsync(cancellationToken);
        return Page();
    }

    public IEnumerable<Row> On(DateOnly day) => Sessions.Where(r => DateOnly.FromDateTime(ParisTime.ToParis(r.Session.StartsAt).DateTime) == day);

    public string WeekLink(DateOnly monday) => $"/gestion/promotions/{Cohort.Id}/seances?vue={WeekView}&semaine={monday:yyyy-MM-dd}";
}

using Cohorts.Domain.Catalogue;
using Cohorts.Web.Catalogue;
using Cohorts.Web.Data;
using Cohorts.Web.Emails;
using Cohorts.Web.Hosting;
using Cohorts.Web.Identity;
using Cohorts.Web.Reminders;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Cohorts.Web.Pages.Reminders;

/// <summary>
/// A cohort's reminders, for its staff: per kind, whether it is on (and the switch), the reminders to come (who, what,
/// when, as the job's own planner decides them) and those already written to the outbox, with a link to the mail journal.
/// </summary>
[Authorize(Policy = Policies.Staff)]
public sealed class CohortRemindersModel(CohortsDbContext db, IEnumerable<ReminderPlanner> planners, UserManager<CohortsUser> users,
    TimeProvider clock) : PageModel
{
    /// <summary>How many reminders to come, and already sent, a kind lists; the count says how many more there are.</summary>
    public const int Shown = 100;
    public const string UnknownKindMessage = "Choisissez un rappel de la liste.";

    public Cohort Cohort { get; private set; } = null!;
    public DateTimeOffset Now { get; private set; }
    public IReadOnlyList<KindView> Kinds { get; private set; } = [];

    public sealed record KindView(ReminderKind Kind, ReminderSwitch? Off, IReadOnlyList<PlannedReminder> Upcoming, int UpcomingCount,
        IReadOnlyList<SentRow> Sent, int SentCount)
    {
        public bool On => Off is null;
    }

    public sealed record SentRow(DateTimeOffset CreatedAt, string To, string Subject, OutboxState State, DateTimeOffset? SentAt);

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken)) return NotFound();
        await LoadViewAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostSwitchOffAsync(int id, string? kind, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken)) return NotFound();
        if (!ReminderKinds.TryParse(kind, out var parsed)) return await RefusedAsync(cancellationToken);
        if (!await db.ReminderSwitches.AnyAsync(s => s.CohortId == id && s.Kind == parsed, cancellationToken))
        {
            var who = (await users.GetUserAsync(User))!.FullName;
            // Two staff members switching it off at once: the second insert finds the row and does nothing.
            await db.Database.ExecuteSqlAsync($"""
                INSERT INTO reminder_switches (cohort_id, kind, switched_off_at, switched_off_by)
                VALUES ({id}, {parsed.ToString()}, {clock.GetUtcNow()}, {who}) ON CONFLICT DO NOTHING
                """, cancellationToken);
        }
        TempData["Message"] = $"Le rappel « {ReminderKinds.Label(parsed)} » est désactivé pour cette promotion : aucun message de ce type ne part plus.";
        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnPostSwitchOnAsync(int id, string? kind, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken)) return NotFound();
        if (!ReminderKinds.TryParse(kind, out var parsed)) return await RefusedAsync(cancellationToken);
        await db.ReminderSwitches.Where(s => s.CohortId == id && s.Kind == parsed).ExecuteDeleteAsync(cancellationToken);
        TempData["Message"] = $"Le rappel « {ReminderKinds.Label(parsed)} » est réactivé : les rappels encore d'actualité partiront au prochain passage.";
        return RedirectToPage(new { id });
    }

    private async Task<IActionResult> RefusedAsync(CancellationToken cancellationToken)
    {
        ModelState.AddModelError("", UnknownKindMessage);
        await LoadViewAsync(cancellationToken);
        return Page();
    }

    private async Task<bool> LoadAsync(int id, CancellationToken cancellationToken)
    {
        var cohort = await db.Cohorts.ManagedBy(db, User).AsNoTracking().Include(c => c.Program).SingleOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (cohort is null) return false;
        Cohort = cohort;
        return true;
    }

    private async Task LoadViewAsync(CancellationToken cancellationToken)
    {
        Now = clock.GetUtcNow();
        var switches = await db.ReminderSwitches.AsNoTracking().Where(s => s.CohortId == Cohort.Id).ToDictionaryAsync(s => s.Kind, cancellationToken);
        var kinds = new List<KindView>();
        foreach (var kind in ReminderKinds.All)
        {
            var off = switches.GetValueOrDefault(kind);
            List<PlannedReminder> upcoming = [];
            if (off is null)
            {
                var planned = await planners.Single(p => p.Kind == kind).PlanAsync(Cohort.Id, Now, dueOnly: false, cancellationToken);
                var written = await ReminderSender.WrittenKeysAsync(db, planned, cancellationToken);
                upcoming = planned.Where(r => r.DedupeKeys.Any(k => !written.Contains(k))).OrderBy(r => r.Occasion.At).ToList();
            }
            var templates = ReminderKinds.Emails(kind).Select(e => e.Template).ToList();
            var sent = db.OutboxMessages.AsNoTracking().Where(m => m.CohortId == Cohort.Id && templates.Contains(m.Kind) && m.DedupeKey != null);
            var sentRows = await sent.OrderByDescending(m => m.CreatedAt).ThenBy(m => m.Id).Take(Shown)
                .Select(m => new SentRow(m.CreatedAt, m.To, m.Subject, m.State, m.SentAt)).ToListAsync(cancellationToken);
            kinds.Add(new KindView(kind, off, upcoming.Take(Shown).ToList(), upcoming.Count, sentRows,
                sentRows.Count < Shown ? sentRows.Count : await sent.CountAsync(cancellationToken)));
        }
        Kinds = kinds;
    }

    /// <summary>The mail journal's view of one kind's messages in this cohort.</summary>
    public string JournalLink(string template) => $"/gestion/courriels?cohorte={Cohort.Id}&kind={Uri.EscapeDataString(template)}";
}

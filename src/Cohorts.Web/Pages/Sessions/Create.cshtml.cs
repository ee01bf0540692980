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

namespace Cohorts.Web.Pages.Sessions;

/// <summary>How often a new session happens: once, every week for a number of weeks, or every week until a day.</summary>
public enum Repetition { Once, Weeks, Until }

/// <summary>The repetition of a new session: a weekly series is all its occurrences, saved in one go.</summary>
public sealed class RepeatInput
{
    public Repetition Mode { get; set; } = Repetition.Once;
    public int? Weeks { get; set; }
    public DateOnly? Until { get; set; }
}

/// <summary>
/// Staff plan a session of a cohort, of any kind, once or weekly (a series, its days computed by Ical.Net in Paris time).
/// Every occurrence is saved in one go, or none: what clashes is listed, in French.
/// </summary>
[Authorize(Policy = Policies.Staff)]
public sealed class CreateSessionModel(CohortsDbContext db, TimeProvider clock) : PageModel
{
    [BindProperty(Name = nameof(Input))] public SessionInput Input { get; set; } = new();
    [BindProperty(Name = nameof(Repeat))] public RepeatInput Repeat { get; set; } = new();

    public Cohort Cohort { get; private set; } = null!;
    public SessionChoices Choices { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken)) return NotFound();
        var today = ParisTime.Today(clock.GetUtcNow());
        Input.Date = today < Cohort.StartsOn ? Cohort.StartsOn : today > Cohort.EndsOn ? Cohort.EndsOn : today;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken)) return NotFound();
        await Choices.CheckAsync(db, id, Input, ModelState, needsDate: true, cancellationToken);
        CheckRepeat();
        if (!ModelState.IsValid) return Page();
        var times = Repeat.Mode == Repetition.Once
            ? [(ParisTime.FromParis(Input.Date!.Value.ToDateTime(Input.StartTime!.Value)), ParisTime.FromParis(Input.Date.Value.ToDateTime(Input.EndTime!.Value)))]
            : SessionSeries.Weekly(Input.Date!.Value, Input.StartTime!.Value, Input.EndTime!.Value, Repeat.Mode == Repetition.Weeks ? Repeat.Weeks : null,
                Repeat.Mode == Repetition.Until ? Repeat.Until : null);
        if (times.Count > SessionSeries.MostOccurrences)
        {
            ModelState.AddModelError("Repeat.Until", $"Une série compte au plus {SessionSeries.MostOccurrences} séances.");
            return Page();
        }
        var now = clock.GetUtcNow();
        Guid? seriesId = times.Count > 1 ? Guid.CreateVersion7(now) : null;
        var sessions = new List<Session>();
        foreach (var (startsAt, endsAt) in times)
        {
            try
            {
                sessions.Add(Session.Plan(Cohort.Id, Input.Details(startsAt, endsAt), SessionWindow.Of(Cohort), now, seriesId));
            }
            catch (DomainException e)
            {
                ModelState.AddModelError("", times.Count > 1 ? $"Séance du {SessionText.When(startsAt, endsAt)} : {e.Message}" : e.Message);
                return Page();
            }
        }
        db.Sessions.AddRange(sessions);
        var refusals = await SessionStore.SaveAsync(db, sessions, cancellationToken);
        if (refusals.Count > 0)
        {
            db.ChangeTracker.Clear();
            foreach (var refusal in refusals) ModelState.AddModelError("", refusal);
            return Page();
        }
        if (sessions.Count == 1)
        {
            TempData["Message"] = $"La séance « {sessions[0].Title} » est créée : {SessionText.When(sessions[0])}.";
            return RedirectToPage("/Sessions/Details", new { id = sessions[0].Id });
        }
        TempData["Message"] = $"La série « {sessions[0].Title} » est créée : {sessions.Count} séances, du {SessionText.When(sessions[0])} au {SessionText.When(sessions[^1])}.";
        return RedirectToPage("/Sessions/Calendar", new { id });
    }

    private void CheckRepeat()
    {
        switch (Repeat.Mode)
        {
            case Repetition.Weeks when Repeat.Weeks is null && Unrefused("Repeat.Weeks"):
                ModelState.AddModelError("Repeat.Weeks", "Indiquez pendant combien de semaines la séance se répète.");
                break;
            case Repetition.Weeks when Repeat.Weeks is < 2 or > SessionSeries.MostOccurrences:
                ModelState.AddModelError("Repeat.Weeks", $"Une série se répète de 2 à {SessionSeries.MostOccurrences} semaines.");
                break;
            case Repetition.Until when Repeat.Until is null && Unrefused("Repeat.Until"):
                ModelState.AddModelError("Repeat.Until", "Indiquez le dernier jour de la série.");
                break;
            case Repetition.Until when Repeat.Until is { } last && Input.Date is { } first && last <= first:
                ModelState.AddModelError("Repeat.Until", "Le dernier jour de la série vient après le jour de la première séance.");
                break;
            case Repetition.Until when Repeat.Until is { } last && last > Cohort.EndsOn:
                ModelState.AddModelError("Repeat.Until", $"La série doit finir avec la promotion, au plus tard le {Display.Date(Cohort.EndsOn)}.");
                break;
        }
    }

    /// <summary>Whether binding left the field without a message of its own (a value that is no number already has one).</summary>
    private bool Unrefused(string key) => !ModelState.TryGetValue(key, out var entry) || entry.Errors.Count == 0;

    private async Task<bool> LoadAsync(int id, CancellationToken cancellationToken)
    {
        var cohort = await db.Cohorts.ManagedBy(db, User).AsNoTracking().Include(c => c.Program).SingleOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (cohort is null) return false;
        Cohort = cohort;
        Choices = await SessionChoices.ForAsync(db, id, cancellationToken);
        return true;
    }
}

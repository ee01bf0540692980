using Cohorts.Domain;
using Cohorts.Domain.Catalogue;
using Cohorts.Domain.Sessions;
using Cohorts.Web.Catalogue;
using Cohorts.Web.Data;
using Cohorts.Web.Hosting;
using Cohorts.Web.Identity;
using Cohorts.Web.Sessions;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Cohorts.Web.Pages.Coaching;

/// <summary>
/// A cohort's coaches, for its staff: take a coach on with the most coachees they accompany, change it, pair and unpair
/// participants, and the cohort's coaching sessions with whether their log is written and its hours (never its text:
/// the summary is the participant's, the notes the coach's). The limit holds under concurrent staff: every pairing and
/// every change of limit locks the coach's row first.
/// </summary>
[Authorize(Policy = Policies.Staff)]
public sealed class CoachesModel(CohortsDbContext db, UserManager<CohortsUser> users, TimeProvider clock) : PageModel
{
    public const string ChooseCoachMessage = "Choisissez un coach dans la liste.";
    public const string ChooseParticipantMessage = "Choisissez un participant de la promotion dans la liste.";
    public const string CapacityMessage = "Indiquez le nombre maximum de coachés, un nombre entier de 1 à 50.";

    public Cohort Cohort { get; private set; } = null!;
    public IReadOnlyList<CoachView> Coaches { get; private set; } = [];
    public IReadOnlyList<Person> Unpaired { get; private set; } = [];
    public IReadOnlyList<Person> Available { get; private set; } = [];
    public IReadOnlyList<CoachingRow> Sessions { get; private set; } = [];

    public sealed record Person(string Id, string Name, string Email);
    public sealed record CoachView(Person Coach, int MaxCoachees, IReadOnlyList<Person> Coachees);
    public sealed record CoachingRow(Guid Id, string Title, DateTimeOffset StartsAt, DateTimeOffset EndsAt, bool Cancelled, string Coach,
        IReadOnlyList<string> Participants, bool Logged, decimal LoggedHours, bool Ended);

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken)) return NotFound();
        return await PageAsync(cancellationToken);
    }

    public async Task<IActionResult> OnPostAddAsync(int id, string? coachId, string? maxCoachees, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken)) return NotFound();
        var coach = coachId is null ? null : await users.FindByIdAsync(coachId);
        if (coach is null || !await users.IsInRoleAsync(coach, Roles.Coach)) ModelState.AddModelError("CoachId", ChooseCoachMessage);
        if (!int.TryParse(maxCoachees?.Trim(), out var max)) ModelState.AddModelError("MaxCoachees", CapacityMessage);
        if (!ModelState.IsValid) return await PageAsync(cancellationToken);
        if (await db.CohortCoaches.AnyAsync(c => c.CohortId == id && c.CoachId == coach!.Id, cancellationToken))
            return await RefusedAsync("CoachId", $"{coach!.FullName} accompagne déjà cette promotion.", cancellationToken);
        try
        {
            db.CohortCoaches.Add(CohortCoach.Add(id, coach!.Id, max, clock.GetUtcNow()));
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DomainException e)
        {
            return await RefusedAsync("MaxCoachees", e.Message, cancellationToken);
        }
        catch (DbUpdateException e) when (e.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            return await RefusedAsync("CoachId", $"{coach!.FullName} accompagne déjà cette promotion.", cancellationToken);
        }
        TempData["Message"] = $"{coach.FullName} accompagne désormais la promotion, jusqu'à {max} coaché{(max > 1 ? "s" : "")}.";
        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnPostCapacityAsync(int id, string? coachId, string? maxCoachees, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken)) return NotFound();
        if (!int.TryParse(maxCoachees?.Trim(), out var max)) return await RefusedAsync("", CapacityMessage, cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var coach = await LockAsync(id, coachId, cancellationToken);
        if (coach is null) return await RefusedAsync("", ChooseCoachMessage, cancellationToken);
        var paired = await db.CoachPairings.CountAsync(p => p.CohortId == id && p.CoachId == coach.CoachId, cancellationToken);
        try
        {
            coach.SetCapacity(max, paired);
        }
        catch (DomainException e)
        {
            return await RefusedAsync("", e.Message, cancellationToken);
        }
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        TempData["Message"] = $"{await NameAsync(coach.CoachId, cancellationToken)} accompagne désormais jusqu'à {max} coaché{(max > 1 ? "s" : "")}.";
        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnPostPairAsync(int id, string? coach, string? participant, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken)) return NotFound();
        if (participant is null || !await db.ParticipantsOf(id).AnyAsync(e => e.ParticipantId == participant, cancellationToken))
            ModelState.AddModelError("Participant", ChooseParticipantMessage);
        if (!ModelState.IsValid) return await PageAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        // The limit is the coach's row's: two staff pairing at once wait on it here, and the second counts the first.
        var cohortCoach = await LockAsync(id, coach, cancellationToken);
        if (cohortCoach is null) return await RefusedAsync("Coach", ChooseCoachMessage, cancellationToken);
        var coachName = await NameAsync(cohortCoach.CoachId, cancellationToken);
        var participantName = await NameAsync(participant!, cancellationToken);
        if (await db.CoachPairings.AnyAsync(p => p.CohortId == id && p.ParticipantId == participant, cancellationToken))
            return await RefusedAsync("Participant", $"{participantName} a déjà un coach dans cette promotion : retirez-l'en d'abord.", cancellationToken);
        var paired = await db.CoachPairings.CountAsync(p => p.CohortId == id && p.CoachId == cohortCoach.CoachId, cancellationToken);
        try
        {
            cohortCoach.CheckRoomFor(paired, coachName);
        }
        catch (DomainException e)
        {
            return await RefusedAsync("Coach", e.Message, cancellationToken);
        }
        var who = (await users.GetUserAsync(User))!.FullName;
        db.CoachPairings.Add(CoachPairing.Pair(id, cohortCoach.CoachId, participant!, who, clock.GetUtcNow()));
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException e) when (e.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            return await RefusedAsync("Participant", $"{participantName} a déjà un coach dans cette promotion : retirez-l'en d'abord.", cancellationToken);
        }
        await transaction.CommitAsync(cancellationToken);
        TempData["Message"] = $"{participantName} est accompagné(e) par {coachName}.";
        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnPostUnpairAsync(int id, string? participantId, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken)) return NotFound();
        var pairing = participantId is null ? null
            : await db.CoachPairings.SingleOrDefaultAsync(p => p.CohortId == id && p.ParticipantId == participantId, cancellationToken);
        if (pairing is null) return await RefusedAsync("", "Choisissez un participant accompagné dans la liste.", cancellationToken);
        var now = clock.GetUtcNow();
        var upcoming = await db.Sessions.AsNoTracking().Where(s => s.CohortId == id && s.Kind == SessionKind.Coaching && s.LeadId == pairing.CoachId
                && s.CancelledAt == null && s.EndsAt > now && s.Participants.Any(p => p.ParticipantId == participantId))
            .OrderBy(s => s.StartsAt).Select(s => new { s.Title, s.StartsAt, s.EndsAt }).FirstOrDefaultAsync(cancellationToken);
        var name = await NameAsync(pairing.ParticipantId, cancellationToken);
        if (upcoming is not null)
            return await RefusedAsync("", $"{name} a encore « {upcoming.Title} » le {SessionText.When(upcoming.StartsAt, upcoming.EndsAt)} avec ce coach : "
                + "la séance doit être annulée avant de retirer le participant.", cancellationToken);
        db.CoachPairings.Remove(pairing);
        await db.SaveChangesAsync(cancellationToken);
        TempData["Message"] = $"{name} n'est plus accompagné(e) par {await NameAsync(pairing.CoachId, cancellationToken)}.";
        return RedirectToPage(new { id });
    }

    private Task<CohortCoach?> LockAsync(int cohortId, string? coachId, CancellationToken cancellationToken) =>
        db.CohortCoaches.FromSql($"SELECT * FROM cohort_coaches WHERE cohort_id = {cohortId} AND coach_id = {coachId ?? ""} FOR UPDATE")
            .SingleOrDefaultAsync(cancellationToken);

    private async Task<string> NameAsync(string userId, CancellationToken cancellationToken) =>
        await db.Users.Where(u => u.Id == userId).Select(u => u.FirstName + " " + u.LastName).SingleAsync(cancellationToken);

    private async Task<IActionResult> RefusedAsync(string field, string message, CancellationToken cancellationToken)
    {
        ModelState.AddModelError(field, message);
        return await PageAsync(cancellationToken);
    }

    private async Task<bool> LoadAsync(int id, CancellationToken cancellationToken)
    {
        var cohort = await db.Cohorts.ManagedBy(db, User).AsNoTracking().Include(c => c.Program).SingleOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (cohort is null) return false;
        Cohort = cohort;
        return true;
    }

    private async Task<IActionResult> PageAsync(CancellationToken cancellationToken)
    {
        var id = Cohort.Id;
        var participants = (await db.ParticipantsOf(id).Join(db.Users, e => e.ParticipantId, u => u.Id, (e, u) => new { u.Id, Name = u.FirstName + " " + u.LastName, u.Email })
            .ToListAsync(cancellationToken)).Select(u => new Person(u.Id, u.Name, u.Email ?? "")).OrderBy(p => p.Name).ToList();
        var pairings = await db.CoachPairings.AsNoTracking().Where(p => p.CohortId == id).Select(p => new { p.CoachId, p.ParticipantId }).ToListAsync(cancellationToken);
        var coaches = (await db.CohortCoaches.AsNoTracking().Where(c => c.CohortId == id)
            .Join(db.Users, c => c.CoachId, u => u.Id, (c, u) => new { u.Id, Name = u.FirstName + " " + u.LastName, u.Email, c.MaxCoachees })
            .ToListAsync(cancellationToken)).Select(c => new { Person = new Person(c.Id, c.Name, c.Email ?? ""), c.MaxCoachees }).OrderBy(c => c.Person.Name).ToList();
        var pairedIds = pairings.Select(p => p.ParticipantId).ToList();
        var people = (await db.Users.AsNoTracking().Where(u => pairedIds.Contains(u.Id))
            .Select(u => new { u.Id, Name = u.FirstName + " " + u.LastName, u.Email }).ToListAsync(cancellationToken))
            .ToDictionary(u => u.Id, u => new Person(u.Id, u.Name, u.Email ?? ""));
        Coaches = coaches.Select(c => new CoachView(c.Person, c.MaxCoachees,
            pairings.Where(p => p.CoachId == c.Person.Id).Select(p => people[p.ParticipantId]).OrderBy(p => p.Name).ToList())).ToList();
        Unpaired = participants.Where(p => pairings.All(x => x.ParticipantId != p.Id)).ToList();
        var taken = coaches.Select(c => c.Person.Id).ToList();
        Available = (await users.GetUsersInRoleAsync(Roles.Coach)).Where(u => !taken.Contains(u.Id))
            .Select(u => new Person(u.Id, u.FullName, u.Email ?? "")).OrderBy(p => p.Name).ToList();
        Sessions = await CoachingRowsAsync(cancellationToken);
        return Page();
    }

    /// <summary>The cohort's coaching sessions; of their logs, only whether there is one and its hours.</summary>
    private async Task<IReadOnlyList<CoachingRow>> CoachingRowsAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var rows = await db.Sessions.AsNoTracking().Where(s => s.CohortId == Cohort.Id && s.Kind == SessionKind.Coaching).OrderBy(s => s.StartsAt)
            .Select(s => new
            {
                s.Id, s.Title, s.StartsAt, s.EndsAt, Cancelled = s.CancelledAt != null,
                Coach = db.Users.Where(u => u.Id == s.LeadId).Select(u => u.FirstName + " " + u.LastName).FirstOrDefault(),
                Participants = s.Participants.Join(db.Users, p => p.ParticipantId, u => u.Id, (p, u) => u.FirstName + " " + u.LastName).ToList(),
                Minutes = db.CoachingLogs.Where(l => l.SessionId == s.Id).Select(l => (int?)l.DurationMinutes).FirstOrDefault(),
            }).ToListAsync(cancellationToken);
        return rows.Select(r => new CoachingRow(r.Id, r.Title, r.StartsAt, r.EndsAt, r.Cancelled, r.Coach ?? "", r.Participants.Order().ToList(),
            r.Minutes is not null, Math.Round((r.Minutes ?? 0) / 60m, 2), r.EndsAt <= now)).ToList();
    }
}

using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Cohorts.Domain.Sessions;
using Cohorts.Web.Coaching;
using Cohorts.Web.Data;
using Cohorts.Web.Identity;
using Cohorts.Web.Sessions;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Cohorts.Web.Pages.Coaching;

/// <summary>
/// The log of one of the coach's coaching sessions, once it has ended: when it was held, how long, how, its topics, the
/// summary shared with the participants and the private notes only this coach ever reads. Only the session's coach
/// reaches this page (anyone else: 404), and the log is never shown anywhere else with its notes.
/// </summary>
[Authorize(Roles = Roles.Coach)]
public sealed class LogModel(CohortsDbContext db, TimeProvider clock) : PageModel
{
    public const string NotEndedMessage = "La séance n'est pas encore terminée : le compte rendu se rédige après.";
    public const string ConflictMessage = "Ce compte rendu vient d'être enregistré depuis un autre onglet : rechargez la page et recommencez.";

    [BindProperty] public LogInput Input { get; set; } = new();

    public Session Session { get; private set; } = null!;
    public string Cohort { get; private set; } = "";
    public IReadOnlyList<string> ParticipantNames { get; private set; } = [];
    public CoachingLog? Log { get; private set; }
    public bool Ended { get; private set; }

    public sealed class LogInput
    {
        [Required(ErrorMessage = "Indiquez la date à laquelle la séance s'est tenue.")]
        public DateOnly? HeldOn { get; set; }

        [Required(ErrorMessage = "Indiquez la durée réelle, en minutes.")]
        [Range(1, CoachingLog.LongestMinutes, ErrorMessage = "Indiquez une durée réelle de 1 à 480 minutes.")]
        public int? DurationMinutes { get; set; }

        [Required(ErrorMessage = "Choisissez comment la séance s'est tenue.")]
        public CoachingMode? Mode { get; set; }

        [Required(ErrorMessage = "Indiquez les thèmes abordés.")]
        [StringLength(CoachingLog.TopicsMaxLength, ErrorMessage = "Les thèmes ne doivent pas dépasser 500 caractères.")]
        public string? Topics { get; set; }

        [Required(ErrorMessage = "Rédigez la synthèse partagée avec le participant.")]
        [StringLength(CoachingLog.TextMaxLength, ErrorMessage = "La synthèse ne doit pas dépasser 4000 caractères.")]
        public string? SharedSummary { get; set; }

        [StringLength(CoachingLog.TextMaxLength, ErrorMessage = "Les notes privées ne doivent pas dépasser 4000 caractères.")]
        public string? PrivateNotes { get; set; }

        /// <summary>The log's version when the form was shown: a save from an older form is refused, not lost.</summary>
        public uint? Version { get; set; }
    }

    private string Me => User.FindFirstValue(ClaimTypes.NameIdentifier)!;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken)) return NotFound();
        Input = Log is { } log
            ? new LogInput { HeldOn = log.HeldOn, DurationMinutes = log.DurationMinutes, Mode = log.Mode, Topics = log.Topics, SharedSummary = log.SharedSummary,
                PrivateNotes = log.PrivateNotes, Version = log.Version }
            : new LogInput { HeldOn = DateOnly.FromDateTime(Domain.ParisTime.ToParis(Session.StartsAt).DateTime),
                DurationMinutes = (int)(Session.EndsAt - Session.StartsAt).TotalMinutes,
                Mode = Session.VideoLink.Length > 0 && Session.Place.Length == 0 ? CoachingMode.Video : CoachingMode.InPerson };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken)) return NotFound();
        if (!Ended) ModelState.AddModelError("", NotEndedMessage);
        if (!ModelState.IsValid) return Page();
        var (heldOn, minutes, mode) = (Input.HeldOn!.Value, Input.DurationMinutes!.Value, Input.Mode!.Value);
        var now = clock.GetUtcNow();
        if (Log is { } log)
        {
            if (Input.Version != log.Version) return Refused(ConflictMessage);
            if (!CoachSpace.Try(ModelState, () => log.Edit(Session, Me, heldOn, minutes, mode, Input.Topics!, Input.SharedSummary!, Input.PrivateNotes ?? "", now)))
                return Page();
        }
        else
        {
            CoachingLog written = null!;
            if (!CoachSpace.Try(ModelState, () => written = CoachingLog.Write(Session, Me, heldOn, minutes, mode, Input.Topics!, Input.SharedSummary!,
                    Input.PrivateNotes ?? "", now)))
                return Page();
            db.CoachingLogs.Add(written);
        }
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException e) when (e is DbUpdateConcurrencyException
            || e.InnerException is Npgsql.PostgresException { SqlState: Npgsql.PostgresErrorCodes.UniqueViolation })
        {
            return Refused(ConflictMessage);
        }
        TempData["Message"] = "Le compte rendu est enregistré. La synthèse est visible du participant ; vos notes privées ne le sont de personne d'autre que vous.";
        return RedirectToPage("/Coaching/Session", new { id });
    }

    private PageResult Refused(string message)
    {
        ModelState.AddModelError("", message);
        return Page();
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        // The session's coach only: another coach, staff, the participant never reach the log (nor its notes).
        var session = await db.Sessions.AsNoTracking().LedBy(Me).Where(s => s.Kind == SessionKind.Coaching).Include(s => s.Participants)
            .SingleOrDefaultAsync(s => s.Id == id, cancellationToken);
        if (session is null) return false;
        Session = session;
        Ended = session.HasEnded(clock.GetUtcNow());
        Cohort = await db.Cohorts.Where(c => c.Id == session.CohortId).Select(c => c.Program.Name + " — " + c.Name).SingleAsync(cancellationToken);
        var ids = session.ParticipantIds.ToList();
        ParticipantNames = await db.Users.AsNoTracking().Where(u => ids.Contains(u.Id)).Select(u => u.FirstName + " " + u.LastName).OrderBy(n => n)
            .ToListAsync(cancellationToken);
        Log = await db.CoachingLogs.SingleOrDefaultAsync(l => l.SessionId == id && l.CoachId == Me, cancellationToken);
        return true;
    }

    public string When => SessionText.When(Session);
}

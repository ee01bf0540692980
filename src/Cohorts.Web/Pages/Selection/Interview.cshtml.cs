using Cohorts.Domain;
using Cohorts.Domain.Applications;
using Cohorts.Domain.Catalogue;
using Cohorts.Web.Applications;
using Cohorts.Web.Catalogue;
using Cohorts.Web.Data;
using Cohorts.Web.Hosting;
using Cohorts.Web.Identity;
using Cohorts.Web.Selection;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Cohorts.Web.Pages.Selection;

/// <summary>
/// A shortlisted candidate's interview, for staff: the invitation (date, place or link, panel of the committee), which
/// moves the application to Interview the first time and is sent again when the interview is moved; then the panel's
/// score. Only for a program with an interview stage; another program's application does not exist here.
/// </summary>
[Authorize(Policy = Policies.Staff)]
public sealed class InterviewModel(CohortsDbContext db, UserManager<CohortsUser> users, InterviewInvitations invitations, TimeProvider clock)
    : PageModel
{
    // Named, so that a form posted without any of its fields still binds (and validates) under its prefix, never the other's.
    [BindProperty(Name = nameof(Input))] public InterviewInput Input { get; set; } = new();
    [BindProperty(Name = nameof(Grade))] public InterviewScoreInput Grade { get; set; } = new();

    public Application Application { get; private set; } = null!;
    public Cohort Cohort { get; private set; } = null!;
    public Domain.Selection.Interview? Interview { get; private set; }
    public InterviewSummary? Summary { get; private set; }
    public IReadOnlyList<PanelChoice> Committee { get; private set; } = [];
    public InterviewScale Scale { get; private set; } = null!;

    public sealed record PanelChoice(string Id, string Name, string Email);

    /// <summary>The states in which an interview is fixed or moved: under review (the first invitation) and at the interview.</summary>
    public bool Schedulable => Application.State is ApplicationState.UnderReview or ApplicationState.Interview;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is { } notFound) return notFound;
        if (Interview is not null)
        {
            Input = InterviewInput.Of(Interview);
            Grade = InterviewScoreInput.Of(Interview);
        }
        else
        {
            Input.DurationMinutes = 45;
        }
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        // Two staff members inviting or moving the same interview: one after the other, each with a sequence of its own.
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.Database.ExecuteSqlAsync($"SELECT 1 FROM applications WHERE id = {id} FOR UPDATE", cancellationToken);
        if (await LoadAsync(id, cancellationToken) is { } notFound) return notFound;
        OnlyValidate(nameof(Input));
        var at = Input.AtUtc();
        if (Input.At is not null && at is null) ModelState.AddModelError("Input.At", "Indiquez une date valide.");
        var committee = Committee.Select(c => c.Id).ToHashSet();
        if (Input.Panel.Any(p => !committee.Contains(p)))
            ModelState.AddModelError("Input.Panel", "Choisissez les membres du jury de l'entretien parmi ceux de la promotion.");
        if (!ModelState.IsValid) return Page();
        var user = (await users.GetUserAsync(User))!;
        var now = clock.GetUtcNow();
        var first = Interview is null;
        try
        {
            if (!Schedulable)
                throw new DomainException($"L'entretien se fixe pendant l'examen de la candidature ; elle est à l'état « {ApplicationWorkflow.Label(Application.State)} ».");
            var interview = Interview ?? Domain.Selection.Interview.Invite(Application.Id, Cohort.Id, at!.Value, Input.DurationMinutes!.Value,
                Input.Place, Input.VideoLink, Input.Panel, now);
            if (first) db.Interviews.Add(interview);
            else interview.Reschedule(at!.Value, Input.DurationMinutes!.Value, Input.Place, Input.VideoLink, Input.Panel, now);
            // The first invitation is the move to Interview: its email is the event's. A moved interview moves no state,
            // and its invitation is written here, by the same code.
            if (Application.State == ApplicationState.UnderReview)
                Application.InviteToInterview(ApplicationContext.For(Cohort, now), user.As(Roles.ManagementActor(User)));
            else
                await invitations.WriteAsync([new(Application, Cohort, await CandidateEmailAsync(cancellationToken))], cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        catch (DomainException e)
        {
            db.ChangeTracker.Clear();
            await transaction.RollbackAsync(cancellationToken);
            await LoadAsync(id, cancellationToken);
            ModelState.AddModelError("", e.Message);
            return Page();
        }
        TempData["Message"] = first
            ? "La convocation est envoyée au candidat et aux membres du jury, avec l'invitation pour leur agenda."
            : "L'entretien est déplacé : le candidat et les membres du jury reçoivent la nouvelle invitation, qui remplace la précédente.";
        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnPostScoreAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is { } notFound) return notFound;
        OnlyValidate(nameof(Grade));
        if (Interview is null)
        {
            ModelState.AddModelError("", "Convoquez d'abord le candidat : la note se donne après l'entretien.");
            return Page();
        }
        if (!ModelState.IsValid) return Page();
        var user = (await users.GetUserAsync(User))!;
        try
        {
            InterviewScoring.Record(Interview, Scale, Grade, user.FullName, clock.GetUtcNow());
        }
        catch (DomainException e)
        {
            ModelState.AddModelError("Grade.Score", e.Message);
            return Page();
        }
        await db.SaveChangesAsync(cancellationToken);
        TempData["Message"] = "La note d'entretien est enregistrée.";
        return RedirectToPage(new { id });
    }

    /// <summary>The page has two forms: the one not posted is not validated, and keeps what the interview holds.</summary>
    private void OnlyValidate(string posted)
    {
        foreach (var key in ModelState.Keys.Where(k => k.Length > 0 && !k.StartsWith(posted + ".", StringComparison.Ordinal)).ToList())
            ModelState.Remove(key);
        if (Interview is null) return;
        if (posted == nameof(Input)) Grade = InterviewScoreInput.Of(Interview);
        else Input = InterviewInput.Of(Interview);
    }

    private Task<string> CandidateEmailAsync(CancellationToken cancellationToken) =>
        db.Users.Where(u => u.Id == Application.CandidateId).Select(u => u.Email!).SingleAsync(cancellationToken);

    private async Task<IActionResult?> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        var application = await db.Applications.ManagedBy(db, User).Include(a => a.History)
            .SingleOrDefaultAsync(a => a.Id == id && a.SubmittedAt != null, cancellationToken);
        if (application is null) return NotFound();
        var cohort = await db.CohortOfAsync(application, cancellationToken);
        // A program without an interview stage has no interview page.
        if (!cohort.Program.HasInterview) return NotFound();
        (Application, Cohort) = (application, cohort);
        Interview = await db.Interviews.SingleOrDefaultAsync(i => i.ApplicationId == id, cancellationToken);
        Summary = Interview is null ? null : await InterviewSummary.OfAsync(db, Interview, showScore: true, cancellationToken);
        Committee = await db.CommitteeMembers.Where(m => m.CohortId == cohort.Id)
            .Join(db.Users, m => m.ReviewerId, u => u.Id, (m, u) => new { u.Id, Name = u.FirstName + " " + u.LastName, u.Email })
            .OrderBy(c => c.Name).ThenBy(c => c.Id).Select(c => new PanelChoice(c.Id, c.Name, c.Email!)).ToListAsync(cancellationToken);
        Scale = await db.ScaleOfAsync(cohort, cancellationToken);
        return null;
    }
}

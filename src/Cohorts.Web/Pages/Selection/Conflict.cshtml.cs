using System.ComponentModel.DataAnnotations;
using Cohorts.Domain;
using Cohorts.Domain.Applications;
using Cohorts.Domain.Selection;
using Cohorts.Domain.Workflow;
using Cohorts.Web.Data;
using Cohorts.Web.Hosting;
using Cohorts.Web.Identity;
using Cohorts.Web.Selection;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Cohorts.Web.Pages.Selection;

/// <summary>
/// A reviewer declares a conflict of interest on an application assigned to them: the assignment goes, the history
/// says who declared it and why, and the application is given at once to another eligible member of the committee.
/// From then on the application and its CV no longer exist for this reviewer.
/// </summary>
[Authorize(Policy = Policies.Reviewer)]
public sealed class ConflictModel(CohortsDbContext db, UserManager<CohortsUser> users, TimeProvider clock) : PageModel
{
    [BindProperty, StringLength(ConflictOfInterest.ReasonMaxLength, ErrorMessage = "Le motif ne doit pas dépasser 1000 caractères.")]
    public string? Reason { get; set; }

    public ReviewAssignment Assignment { get; private set; } = null!;
    public string Candidate { get; private set; } = "";
    public string Cohort { get; private set; } = "";
    public SelectionSettings? Settings { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid assignmentId, CancellationToken cancellationToken) =>
        await LoadAsync(assignmentId, cancellationToken) ?? Page();

    public async Task<IActionResult> OnPostAsync(Guid assignmentId, CancellationToken cancellationToken)
    {
        if (await LoadAsync(assignmentId, cancellationToken) is { } notFound) return notFound;
        if (!ModelState.IsValid) return Page();
        var user = (await users.GetUserAsync(User))!;
        var by = user.As(Actor.Reviewer);
        var now = clock.GetUtcNow();
        AssignmentPlan plan;
        try
        {
            Settings?.EnsureScoringOpen();
            var conflict = ConflictOfInterest.Declare(Assignment, Reason, now);
            db.ConflictsOfInterest.Add(conflict);
            db.AssignmentChanges.Add(AssignmentChange.Of(Assignment, user.FullName, AssignmentChangeKind.ConflictDeclared, automatic: false, by, now,
                conflict.Reason));
            plan = await db.ReassignAsync(Assignment.ApplicationId, by, now, cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DomainException e)
        {
            ModelState.AddModelError(nameof(Reason), e.Message);
            return Page();
        }
        catch (DbUpdateException e) when (e.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            // The same declaration from another tab, or another reassignment of this application at the same moment.
            ModelState.AddModelError("", "Cette candidature vient d'être modifiée en même temps : rien n'a été enregistré. Rechargez la page et recommencez si besoin.");
            return Page();
        }
        var declared = $"Conflit d'intérêts déclaré : la candidature {Pages.Display.Of(Candidate)} ne vous est plus attribuée";
        TempData["Message"] = plan.Added.Count > 0 ? $"{declared} ; elle a été confiée à un autre membre du jury."
            : plan.Unfilled.Count > 0 ? $"{declared}. Aucun autre membre du jury n'est disponible pour l'instant : l'équipe du programme la confiera à quelqu'un d'autre."
            : $"{declared}.";
        return Redirect("/evaluations");
    }

    private async Task<IActionResult?> LoadAsync(Guid assignmentId, CancellationToken cancellationToken)
    {
        var assignment = await db.AssignmentsOf(User).SingleOrDefaultAsync(a => a.Id == assignmentId, cancellationToken);
        if (assignment is null) return NotFound();
        Assignment = assignment;
        var shown = await db.Applications.AsNoTracking().Where(a => a.Id == assignment.ApplicationId)
            .Select(a => new { Candidate = a.FirstName + " " + a.LastName, Cohort = db.Cohorts.Where(c => c.Id == a.CohortId).Select(c => c.Program.Name + " — " + c.Name).Single() })
            .SingleAsync(cancellationToken);
        (Candidate, Cohort) = (shown.Candidate, shown.Cohort);
        Settings = await db.SelectionSettings.AsNoTracking().SingleOrDefaultAsync(s => s.CohortId == assignment.CohortId, cancellationToken);
        return null;
    }
}

using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Cohorts.Domain;
using Cohorts.Domain.Applications;
using Cohorts.Domain.Catalogue;
using Cohorts.Domain.Selection;
using Cohorts.Domain.Workflow;
using Cohorts.Web.Applications;
using Cohorts.Web.Catalogue;
using Cohorts.Web.Data;
using Cohorts.Web.Hosting;
using Cohorts.Web.Identity;
using Cohorts.Web.Lists;
using Cohorts.Web.Selection;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Cohorts.Web.Pages.Selection;

/// <summary>
/// A cohort's committee ("jury"): how it works (reviewers per application, review deadline, caps), who sits on it,
/// who reviews what (automatic assignment, then adjustments by hand, all in the history), and whether scoring is open.
/// Each form posts to its own handler with only its own fields.
/// </summary>
[Authorize(Policy = Policies.Staff)]
public sealed class CommitteeModel(CohortsDbContext db, UserManager<CohortsUser> users, TimeProvider clock) : PageModel
{
    public const string AdjustKey = "Candidature";
    public const string UnfilledKey = "Unfilled";
    /// <summary>Where a refused designation's message goes: the adjustment's own list, not the committee's.</summary>
    public const string AdjustReviewerKey = "AdjustReviewerId";
    /// <summary>How many unfilled applications the message after an assignment names; the table shows them all.</summary>
    private const int UnfilledShown = 10;

    private List<string> _unfilled = [];

    public Cohort Cohort { get; private set; } = null!;
    public SelectionSettings Settings { get; private set; } = null!;
    public SelectionSettingsInput SettingsInput { get; set; } = new();
    public IReadOnlyList<MemberRow> Members { get; private set; } = [];
    public IReadOnlyList<Account> Addable { get; private set; } = [];
    public int Reviewable { get; private set; }
    public int Incomplete { get; private set; }
    /// <summary>Applications in review with fewer submitted reviews than the committee requires.</summary>
    public int MissingReviews { get; private set; }
    /// <summary>Reviews begun and not submitted, on active assignments: they count in no ranking.</summary>
    public int Drafts { get; private set; }

    /// <summary>What closing the scoring leaves behind, in French, shown beside « Clore l'évaluation »; null when nothing.</summary>
    public string? CloseWarning
    {
        get
        {
            if (MissingReviews == 0 && Drafts == 0) return null;
            var parts = new List<string>();
            if (MissingReviews > 0)
                parts.Add(MissingReviews == 1 ? "1 candidature n'a pas toutes ses évaluations soumises"
                    : $"{MissingReviews} candidatures n'ont pas toutes leurs évaluations soumises");
            if (Drafts > 0)
                parts.Add(Drafts == 1 ? "1 évaluation est en brouillon, non soumise" : $"{Drafts} évaluations sont en brouillon, non soumises");
            return $"Avant de clore : {string.Join(", et ", parts)}. Une fois l'évaluation close, les brouillons ne comptent pas dans le classement et les membres du jury ne peuvent plus soumettre.";
        }
    }
    public ListQuery List { get; private set; } = null!;
    public ListPage<StaffApplicationRow> Applications { get; private set; } = null!;
    public ListLinks Links { get; private set; } = null!;
    public ILookup<Guid, AssignedRow> Assigned { get; private set; } = Enumerable.Empty<AssignedRow>().ToLookup(a => a.ApplicationId);
    public Adjustment? Adjusting { get; private set; }

    public sealed record Account(string Id, string Name, string Email, string? Administration);
    public sealed record MemberRow(string Id, string Name, string Email, string? Administration, int Assigned, int Submitted, int Drafts);
    public sealed record AssignedRow(Guid AssignmentId, Guid ApplicationId, string ReviewerName, ReviewStatus Status);
    public sealed record Adjustment(Guid ApplicationId, string Name, string? Administration, ApplicationState State, IReadOnlyList<AssignedRow> Assignments);

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken)) return NotFound();
        SettingsInput = SelectionSettingsInput.Of(Settings);
        await LoadViewAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostSettingsAsync(int id, [FromForm(Name = "SettingsInput")] SelectionSettingsInput input, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken)) return NotFound();
        SettingsInput = input;
        var threshold = input.Threshold();
        if (threshold is null && ModelState.GetFieldValidationState("SettingsInput.DisagreementThreshold") != Microsoft.AspNetCore.Mvc.ModelBinding.ModelValidationState.Invalid)
            ModelState.AddModelError("SettingsInput.DisagreementThreshold", "Le seuil de désaccord est un nombre de points, par exemple 1,5.");
        if (!ModelState.IsValid) return await PageAsync(cancellationToken);
        return await SaveAsync(() => Settings.Edit(input.ReviewersPerApplication!.Value, input.ReviewDeadlineUtc(), threshold!.Value,
                input.MaxPerAdministration, input.MaxPerMinistry, input.MinimumShareA, input.MinimumShareB, input.MinimumShareC,
                input.WaitlistLength, input.OfferDays!.Value),
            "Les règles du jury sont enregistrées.", cancellationToken);
    }

    public async Task<IActionResult> OnPostCloseAsync(int id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken)) return NotFound();
        return await SaveAsync(() => Settings.CloseScoring(clock.GetUtcNow()),
            "L'évaluation est close : les membres du jury ne peuvent plus modifier leurs évaluations.", cancellationToken);
    }

    public async Task<IActionResult> OnPostReopenAsync(int id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken)) return NotFound();
        return await SaveAsync(() =>
        {
            if (Settings.ScoringOpen) throw new DomainException("L'évaluation est déjà ouverte.");
            Settings.ReopenScoring();
        }, "L'évaluation est rouverte : les membres du jury peuvent de nouveau modifier leurs évaluations.", cancellationToken);
    }

    public async Task<IActionResult> OnPostAddMemberAsync(int id, string? reviewerId, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken)) return NotFound();
        await LoadAddableAsync(cancellationToken);
        var account = Addable.FirstOrDefault(a => a.Id == reviewerId);
        if (account is null)
        {
            ModelState.AddModelError("ReviewerId", "Choisissez un membre du jury dans la liste.");
            return await PageAsync(cancellationToken);
        }
        db.CommitteeMembers.Add(new CommitteeMember(id, account.Id, clock.GetUtcNow()));
        return await SaveAsync(() => { }, $"{account.Name} rejoint le jury de la promotion.", cancellationToken);
    }

    public async Task<IActionResult> OnPostRemoveMemberAsync(int id, string? reviewerId, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken)) return NotFound();
        AssignmentPlan? plan = null;
        return await SaveAsync(async () =>
            {
                EnsureAssignmentsOpen();
                plan = await db.RemoveMemberAsync(id, reviewerId ?? "", await ActorAsync(), clock.GetUtcNow(), cancellationToken);
                await NoteUnfilledAsync(plan, cancellationToken);
            },
            () => "Le membre est retiré du jury ; ses candidatures sont réattribuées." + Summary(plan!), cancellationToken);
    }

    public async Task<IActionResult> OnPostAssignAsync(int id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken)) return NotFound();
        AssignmentPlan? plan = null;
        return await SaveAsync(async () =>
            {
                EnsureAssignmentsOpen();
                plan = await db.AssignCohortAsync(id, await ActorAsync(), clock.GetUtcNow(), cancellationToken);
                await NoteUnfilledAsync(plan, cancellationToken);
            },
            () => plan!.Added.Count == 0 && plan.Unfilled.Count == 0
                ? "Chaque candidature a déjà ses membres du jury : rien à attribuer."
                : $"{Plural(plan.Added.Count, "attribution ajoutée", "attributions ajoutées")}." + Summary(plan),
            cancellationToken);
    }

    public async Task<IActionResult> OnPostAddReviewerAsync(int id, Guid? applicationId, string? reviewerId, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken)) return NotFound();
        if (applicationId is not { } application)
        {
            ModelState.AddModelError("", "Choisissez la candidature à laquelle désigner un membre du jury.");
            return await PageAsync(cancellationToken);
        }
        if (!await ReviewableHereAsync(application, cancellationToken)) return NotFound();
        return await SaveAsync(async () =>
            {
                EnsureAssignmentsOpen();
                await db.AddAsync(application, reviewerId, await ActorAsync(), clock.GetUtcNow(), cancellationToken);
            },
            () => "Le membre du jury est désigné pour cette candidature.", cancellationToken, application, errorKey: AdjustReviewerKey);
    }

    public async Task<IActionResult> OnPostUnassignAsync(int id, Guid? assignmentId, string? reason, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken)) return NotFound();
        if (assignmentId is null)
        {
            ModelState.AddModelError("", "Choisissez l'attribution à retirer.");
            return await PageAsync(cancellationToken);
        }
        var assignment = await db.ReviewAssignments.AsNoTracking()
            .Where(a => a.Id == assignmentId && a.CohortId == id && a.RemovedAt == null).Select(a => (Guid?)a.ApplicationId)
            .SingleOrDefaultAsync(cancellationToken);
        if (assignment is not { } application) return NotFound();
        return await SaveAsync(async () =>
            {
                EnsureAssignmentsOpen();
                await db.RemoveAsync(assignmentId!.Value, reason, await ActorAsync(), clock.GetUtcNow(), cancellationToken);
            },
            () => "L'attribution est retirée.", cancellationToken, application, errorKey: "Reason");
    }

    private void EnsureAssignmentsOpen()
    {
        if (!Settings.ScoringOpen) throw new DomainException("L'évaluation est close : rouvrez-la pour changer les attributions.");
    }

    private async Task<ActorRef> ActorAsync() => (await users.GetUserAsync(User))!.As(Roles.ManagementActor(User));

    private Task<IActionResult> SaveAsync(Action change, string message, CancellationToken cancellationToken) =>
        SaveAsync(() => { change(); return Task.CompletedTask; }, () => message, cancellationToken);

    /// <summary>Makes the change and saves it; a refusal is a message on the page (near the form it came from), never an error page.</summary>
    private async Task<IActionResult> SaveAsync(Func<Task> change, Func<string> message, CancellationToken cancellationToken,
        Guid? adjusting = null, string errorKey = "")
    {
        try
        {
            // The cohort's row lock, which the seats take too: two staff members assigning at once are served one after
            // the other, so that neither counts an application's reviewers before the other's are saved.
            await using var transaction = await db.LockCohortAsync(Cohort.Id, cancellationToken);
            await change();
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        catch (DomainException e)
        {
            return await RefusedAsync(e.Message, errorKey, adjusting, cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return await RefusedAsync("Le jury vient d'être modifié par quelqu'un d'autre : rien n'a été enregistré. Voici son état actuel ; recommencez si besoin.",
                "", adjusting, cancellationToken);
        }
        catch (DbUpdateException e) when (e.InnerException is Npgsql.PostgresException { SqlState: Npgsql.PostgresErrorCodes.UniqueViolation })
        {
            return await RefusedAsync("Quelqu'un vient de faire la même modification : rien n'a été enregistré. Voici l'état actuel du jury.",
                "", adjusting, cancellationToken);
        }
        TempData["Message"] = message();
        if (_unfilled.Count > 0) TempData[UnfilledKey] = string.Join('\n', _unfilled);
        return adjusting is { } application
            ? RedirectToPage(null, null, new { id = Cohort.Id, Candidature = application }, "ajuster")
            : RedirectToPage(new { id = Cohort.Id });
    }

    private async Task<IActionResult> RefusedAsync(string message, string errorKey, Guid? adjusting, CancellationToken cancellationToken)
    {
        db.ChangeTracker.Clear();
        await LoadAsync(Cohort.Id, cancellationToken);
        ModelState.AddModelError(errorKey, message);
        return await PageAsync(cancellationToken, adjusting);
    }

    private async Task<IActionResult> PageAsync(CancellationToken cancellationToken, Guid? adjusting = null)
    {
        // The settings form shows what is saved unless it was the form posted (then ModelState gives back what was typed).
        if (SettingsInput.ReviewersPerApplication is null) SettingsInput = SelectionSettingsInput.Of(Settings);
        await LoadViewAsync(cancellationToken, adjusting);
        return Page();
    }

    private static string Summary(AssignmentPlan plan) => plan.Unfilled.Count == 0 ? ""
        : $" {Plural(plan.Unfilled.Count, "candidature reste", "candidatures restent")} sans tous ses membres du jury.";

    /// <summary>The applications left short, by name, with the reason, for the message after the save.</summary>
    private async Task NoteUnfilledAsync(AssignmentPlan plan, CancellationToken cancellationToken)
    {
        var first = plan.Unfilled.Take(UnfilledShown).ToList();
        var ids = first.Select(u => u.ApplicationId).ToList();
        var names = await db.Applications.AsNoTracking().Where(a => ids.Contains(a.Id))
            .ToDictionaryAsync(a => a.Id, a => $"{a.FirstName} {a.LastName}", cancellationToken);
        var lines = first.Select(u => $"{names.GetValueOrDefault(u.ApplicationId, "Candidature")} — {u.Reason}").ToList();
        if (plan.Unfilled.Count > UnfilledShown) lines.Add($"… et {plan.Unfilled.Count - UnfilledShown} autres candidatures, signalées dans le tableau.");
        _unfilled = lines;
    }

    private static string Plural(int count, string one, string many) => count is 0 or 1 ? $"{count} {one}" : $"{count} {many}";

    private Task<bool> ReviewableHereAsync(Guid applicationId, CancellationToken cancellationToken) =>
        db.Applications.AnyAsync(a => a.Id == applicationId && a.CohortId == Cohort.Id && a.SubmittedAt != null, cancellationToken);

    /// <summary>The cohort, as the staff member's programs allow, with its selection settings (created on the first visit).</summary>
    private async Task<bool> LoadAsync(int id, CancellationToken cancellationToken)
    {
        var cohort = await db.Cohorts.ManagedBy(db, User).Include(c => c.Program).SingleOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (cohort is null) return false;
        Cohort = cohort;
        var settings = await db.SelectionSettings.SingleOrDefaultAsync(s => s.CohortId == id, cancellationToken);
        if (settings is null)
        {
            db.SelectionSettings.Add(settings = SelectionSettings.For(id));
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateException e) when (e.InnerException is Npgsql.PostgresException { SqlState: Npgsql.PostgresErrorCodes.UniqueViolation })
            {
                // Someone else's first visit created it meanwhile.
                db.ChangeTracker.Clear();
                Cohort = await db.Cohorts.Include(c => c.Program).SingleAsync(c => c.Id == id, cancellationToken);
                settings = await db.SelectionSettings.SingleAsync(s => s.CohortId == id, cancellationToken);
            }
        }
        Settings = settings;
        return true;
    }

    private async Task LoadAddableAsync(CancellationToken cancellationToken)
    {
        var reviewerRole = db.Roles.Where(r => r.Name == Roles.Reviewer).Select(r => r.Id);
        var members = db.CommitteeMembers.Where(m => m.CohortId == Cohort.Id).Select(m => m.ReviewerId);
        Addable = await (
            from u in db.Users.AsNoTracking()
            where u.DeactivatedAt == null && db.UserRoles.Any(ur => ur.UserId == u.Id && reviewerRole.Contains(ur.RoleId)) && !members.Contains(u.Id)
            join x in db.Administrations on u.AdministrationId equals x.Id into administrations
            from x in administrations.DefaultIfEmpty()
            orderby u.LastName, u.FirstName, u.Id
            select new Account(u.Id, (u.FirstName + " " + u.LastName).Trim(), u.Email ?? "", x.Name)).ToListAsync(cancellationToken);
    }

    private async Task LoadViewAsync(CancellationToken cancellationToken, Guid? adjusting = null)
    {
        var id = Cohort.Id;
        await LoadAddableAsync(cancellationToken);
        var active = db.ReviewAssignments.AsNoTracking().Where(a => a.CohortId == id && a.RemovedAt == null);
        Members = await (
            from m in db.CommitteeMembers.AsNoTracking().Where(m => m.CohortId == id)
            join u in db.Users on m.ReviewerId equals u.Id
            join x in db.Administrations on u.AdministrationId equals x.Id into administrations
            from x in administrations.DefaultIfEmpty()
            orderby u.LastName, u.FirstName, u.Id
            select new MemberRow(u.Id, (u.FirstName + " " + u.LastName).Trim(), u.Email ?? "", x.Name,
                active.Count(a => a.ReviewerId == u.Id),
                active.Count(a => a.ReviewerId == u.Id && db.Reviews.Any(r => r.AssignmentId == a.Id && r.SubmittedAt != null)),
                active.Count(a => a.ReviewerId == u.Id && db.Reviews.Any(r => r.AssignmentId == a.Id && r.SubmittedAt == null)))).ToListAsync(cancellationToken);

        var reviewable = db.Applications.AsNoTracking().Where(a => a.CohortId == id && Assignments.Reviewable.Contains(a.State));
        Reviewable = await reviewable.CountAsync(cancellationToken);
        var perApplication = Settings.ReviewersPerApplication;
        Incomplete = await reviewable.CountAsync(a => active.Count(x => x.ApplicationId == a.Id) < perApplication, cancellationToken);
        MissingReviews = await reviewable.CountAsync(
            a => db.Reviews.Count(r => r.ApplicationId == a.Id && r.SubmittedAt != null) < perApplication, cancellationToken);
        Drafts = Members.Sum(m => m.Drafts);

        List = ListQuery.Read(Request, StaffApplicationList.SortKeys);
        var rows = StaffApplicationList.Query(db, id, new StaffApplicationFilter(null, null, null, null), List.Search)
            .Where(r => Assignments.Reviewable.Contains(r.State) || active.Any(a => a.ApplicationId == r.Id));
        Applications = await List.PageAsync(rows.Sorted(List), cancellationToken);
        Links = new ListLinks(Request.Path, Request.Query, List, Applications.PageNumber, Applications.PageCount);

        var shown = Applications.Rows.Select(r => r.Id).ToList();
        adjusting ??= Guid.TryParse(Request.Query[AdjustKey].ToString(), out var asked) ? asked : null;
        if (adjusting is { } one) shown.Add(one);
        var assigned = await AssignedAsync(active.Where(a => shown.Contains(a.ApplicationId)), cancellationToken);
        Assigned = assigned.ToLookup(a => a.ApplicationId);

        if (adjusting is { } applicationId)
        {
            var application = await StaffApplicationList.Query(db, id, new StaffApplicationFilter(null, null, null, null), "")
                .Where(r => r.Id == applicationId).SingleOrDefaultAsync(cancellationToken);
            Adjusting = application is null ? null
                : new Adjustment(application.Id, application.Name, application.Administration, application.State, Assigned[application.Id].ToList());
        }
    }

    private async Task<List<AssignedRow>> AssignedAsync(IQueryable<ReviewAssignment> assignments, CancellationToken cancellationToken) =>
        (await (
            from a in assignments
            join u in db.Users on a.ReviewerId equals u.Id
            orderby a.AssignedAt, u.LastName
            select new
            {
                a.Id, a.ApplicationId, Name = (u.FirstName + " " + u.LastName).Trim(),
                Started = db.Reviews.Any(r => r.AssignmentId == a.Id),
                Submitted = db.Reviews.Any(r => r.AssignmentId == a.Id && r.SubmittedAt != null),
            }).ToListAsync(cancellationToken))
        .Select(a => new AssignedRow(a.Id, a.ApplicationId, a.Name, ReviewStatuses.Of(a.Started, a.Submitted))).ToList();
}

/// <summary>What the committee's settings form posts; times in Paris time, like the cohort's form.</summary>
public sealed class SelectionSettingsInput
{
    [Required(ErrorMessage = "Indiquez le nombre de membres du jury par candidature.")]
    public int? ReviewersPerApplication { get; set; }

    public DateTime? ReviewDeadline { get; set; }

    [Required(ErrorMessage = "Indiquez le seuil de désaccord.")]
    public string? DisagreementThreshold { get; set; }

    public int? MaxPerAdministration { get; set; }
    public int? MaxPerMinistry { get; set; }
    public int? MinimumShareA { get; set; }
    public int? MinimumShareB { get; set; }
    public int? MinimumShareC { get; set; }
    public int? WaitlistLength { get; set; }

    [Required(ErrorMessage = "Indiquez le délai de réponse à une proposition de place.")]
    public int? OfferDays { get; set; }

    // Methods, not properties: validation reads every property.
    public DateTimeOffset? ReviewDeadlineUtc() => ReviewDeadline is { } local ? ParisTime.FromParis(local) : null;

    /// <summary>"1,5" as French writes it, or "1.5".</summary>
    public double? Threshold() =>
        double.TryParse(DisagreementThreshold?.Trim().Replace(',', '.'), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value)
            ? value : null;

    public static SelectionSettingsInput Of(SelectionSettings settings) => new()
    {
        ReviewersPerApplication = settings.ReviewersPerApplication,
        ReviewDeadline = settings.ReviewDeadline is { } deadline ? ParisTime.ToParis(deadline).DateTime : null,
        DisagreementThreshold = settings.DisagreementThreshold.ToString("0.##", CultureInfo.GetCultureInfo("fr-FR")),
        MaxPerAdministration = settings.MaxPerAdministration,
        MaxPerMinistry = settings.MaxPerMinistry,
        MinimumShareA = settings.MinimumShareA,
        MinimumShareB = settings.MinimumShareB,
        MinimumShareC = settings.MinimumShareC,
        WaitlistLength = settings.WaitlistLength,
        OfferDays = settings.OfferDays,
    };
}

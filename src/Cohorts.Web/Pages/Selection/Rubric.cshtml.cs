using System.ComponentModel.DataAnnotations;
using Cohorts.Domain;
using Cohorts.Domain.Catalogue;
using Cohorts.Domain.Selection;
using Cohorts.Web.Catalogue;
using Cohorts.Web.Data;
using Cohorts.Web.Hosting;
using Cohorts.Web.Selection;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Cohorts.Web.Pages.Selection;

/// <summary>
/// A program's rubric ("grille d'évaluation"): its scale, the interview's share, its weighted criteria with what each
/// level means. A version some cohort's reviews use is frozen: saving makes the next version, for later cohorts.
/// The form has a fixed number of criterion rows; an empty row is no criterion. A new scale redraws the levels.
/// </summary>
[Authorize(Policy = Policies.Staff)]
public sealed class RubricModel(CohortsDbContext db, TimeProvider clock) : PageModel
{
    /// <summary>Empty rows offered below the criteria, to add some without a script.</summary>
    public const int SpareRows = 3;

    [BindProperty] public RubricInput Input { get; set; } = new();

    public TrainingProgram Program { get; private set; } = null!;
    public Rubric? Current { get; private set; }
    public IReadOnlyList<string> FrozenBy { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken)) return NotFound();
        Input = Current is null ? RubricInput.Default() : RubricInput.Of(Current);
        Input.Pad();
        return Page();
    }

    /// <summary>"Mettre à jour l'échelle": the form again with one description per level of the new scale; nothing saved.</summary>
    public async Task<IActionResult> OnPostScaleAsync(int id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken)) return NotFound();
        if (ModelState.GetFieldValidationState("Input.ScaleMax") != Microsoft.AspNetCore.Mvc.ModelBinding.ModelValidationState.Valid
            || Input.ScaleMax is null)
        {
            Input.Pad();
            return Page();
        }
        Redraw();
        ViewData["Notice"] = $"Chaque critère décrit maintenant les niveaux 1 à {Input.ScaleMax} : complétez-les, puis enregistrez la grille.";
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken)) return NotFound();
        if (!ModelState.IsValid)
        {
            Input.Pad();
            return Page();
        }
        var scale = Input.ScaleMax!.Value;
        if (Input.Criteria.Where(c => !c.IsEmpty).Any(c => c.Guidance.Count != scale))
        {
            Redraw();
            ModelState.AddModelError("", $"L'échelle a changé : décrivez chaque niveau de 1 à {scale}, puis enregistrez la grille.");
            return Page();
        }
        var criteria = Input.Criteria.Where(c => !c.IsEmpty).Select(c => c.ToInput()).ToList();
        var share = Program.HasInterview ? Input.InterviewShare ?? 0 : 0;
        var now = clock.GetUtcNow();
        Rubric saved;
        try
        {
            if (Current is null) db.Rubrics.Add(saved = Rubric.Create(Program.Id, 1, scale, share, criteria, now));
            else if (FrozenBy.Count > 0) db.Rubrics.Add(saved = Current.NextVersion(scale, share, criteria, now));
            else (saved = Current).Edit(scale, share, criteria);
        }
        catch (DomainException e)
        {
            ModelState.AddModelError("", e.Message);
            Input.Pad();
            return Page();
        }
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException e) when (e.InnerException is Npgsql.PostgresException { SqlState: Npgsql.PostgresErrorCodes.UniqueViolation })
        {
            ModelState.AddModelError("", "La grille vient d'être modifiée par quelqu'un d'autre : rechargez la page pour voir sa version actuelle.");
            Input.Pad();
            return Page();
        }
        TempData["Message"] = saved == Current || Current is null
            ? "La grille d'évaluation est enregistrée."
            : $"La grille d'évaluation est enregistrée (version {saved.Version}) : elle s'applique aux promotions qui n'ont pas encore commencé l'évaluation.";
        return RedirectToPage(new { id });
    }

    /// <summary>The form as posted, each row's levels cut or completed to the new scale; what was typed comes back as is.</summary>
    private void Redraw()
    {
        foreach (var row in Input.Criteria) row.Resize(Input.ScaleMax!.Value);
        Input.Pad();
        // The levels come from the input now, not from what was posted for the former scale.
        foreach (var key in ModelState.Keys.Where(k => k.Contains(".Guidance", StringComparison.Ordinal)).ToList()) ModelState.Remove(key);
    }

    private async Task<bool> LoadAsync(int id, CancellationToken cancellationToken)
    {
        var program = await db.Programs.ManagedBy(db, User).SingleOrDefaultAsync(p => p.Id == id, cancellationToken);
        if (program is null) return false;
        Program = program;
        Current = await db.CurrentRubricAsync(id, cancellationToken);
        FrozenBy = Current is null ? [] : await db.CohortsUsingAsync(Current.Id, cancellationToken);
        return true;
    }
}

/// <summary>What the rubric form posts. The numbers are nullable so that an empty field is a French message, not a zero.</summary>
public sealed class RubricInput
{
    [Required(ErrorMessage = "Indiquez la note maximale de l'échelle.")]
    [Range(2, Rubric.LargestScale, ErrorMessage = "La note maximale de l'échelle est comprise entre 2 et 10.")]
    public int? ScaleMax { get; set; }

    [Range(0, 100, ErrorMessage = "La part de l'entretien est un pourcentage, entre 0 et 100.")]
    public int? InterviewShare { get; set; }

    public List<CriterionRow> Criteria { get; set; } = [];

    /// <summary>What a program without a rubric is offered: the three criteria of the committee's practice, on 1 to 5.</summary>
    public static RubricInput Default()
    {
        string[] levels = ["Insuffisant", "Fragile", "Correct", "Solide", "Remarquable"];
        return new RubricInput
        {
            ScaleMax = 5,
            InterviewShare = 0,
            Criteria =
            [
                new() { Name = "Motivation", Description = "Ce que le candidat attend du programme et ce qu'il est prêt à y engager.", Weight = 2, Guidance = [.. levels] },
                new() { Name = "Adéquation au programme", Description = "Le poste, le parcours et le projet du candidat au regard du programme.", Weight = 1, Guidance = [.. levels] },
                new() { Name = "Capacité à diffuser le changement", Description = "Ce que le candidat pourra transmettre et faire évoluer dans son administration.", Weight = 1, Guidance = [.. levels] },
            ],
        };
    }

    public static RubricInput Of(Rubric rubric) => new()
    {
        ScaleMax = rubric.ScaleMax,
        InterviewShare = rubric.InterviewShare,
        Criteria = rubric.Criteria.OrderBy(c => c.Position).Select(c => new CriterionRow
        {
            Name = c.Name, Description = c.Description, Weight = c.Weight, Guidance = c.Guidance.Select(g => (string?)g).ToList(),
        }).ToList(),
    };

    /// <summary>The criteria typed so far, then empty rows up to <see cref="RubricModel.SpareRows"/> more (at most the rubric's limit).</summary>
    public void Pad()
    {
        var scale = ScaleMax is >= 2 and <= Rubric.LargestScale ? ScaleMax.Value : 5;
        var filled = Criteria.Count(c => !c.IsEmpty);
        var rows = Math.Max(Criteria.Count, Math.Min(Rubric.MaxCriteria, filled + RubricModel.SpareRows));
        while (Criteria.Count < rows) Criteria.Add(new CriterionRow());
        foreach (var row in Criteria.Where(r => r.Guidance.Count == 0)) row.Resize(scale);
    }
}

public sealed class CriterionRow
{
    public string? Name { get; set; }
    public string? Description { get; set; }
    public int? Weight { get; set; }
    public List<string?> Guidance { get; set; } = [];

    /// <summary>A row left blank is no criterion; its weight alone does not make one.</summary>
    public bool IsEmpty => string.IsNullOrWhiteSpace(Name) && string.IsNullOrWhiteSpace(Description) && Guidance.All(string.IsNullOrWhiteSpace);

    public void Resize(int scale)
    {
        if (Guidance.Count > scale) Guidance.RemoveRange(scale, Guidance.Count - scale);
        while (Guidance.Count < scale) Guidance.Add(null);
    }

    // A missing weight is 0, which the domain refuses with the criterion's name.
    public CriterionInput ToInput() => new(Name ?? "", Description ?? "", Weight ?? 0, Guidance.Select(g => g ?? "").ToList());
}

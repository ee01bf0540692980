using Cohorts.Domain;
using Cohorts.Domain.Catalogue;
using Cohorts.Web.Catalogue;
using Cohorts.Web.Data;
using Cohorts.Web.Hosting;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Cohorts.Web.Pages.Catalogue.Programs;

/// <summary>An Admin creates a program; its slug is made once from its name, so that its links never change.</summary>
[Authorize(Policy = Policies.Admin)]
public sealed class CreateModel(CohortsDbContext db) : PageModel
{
    [BindProperty] public ProgramInput Input { get; set; } = new() { RequiresEndorsement = true };

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid) return Page();
        TrainingProgram program;
        try
        {
            program = TrainingProgram.Create(await UniqueSlugAsync(Slug.From(Input.Name!), cancellationToken), Input.Name!, "", "", true, false);
            Input.ApplyTo(program);
        }
        catch (DomainException e)
        {
            ModelState.AddModelError("", e.Message);
            return Page();
        }
        db.Programs.Add(program);
        await db.SaveChangesAsync(cancellationToken);
        TempData["Message"] = $"Le programme « {program.Name} » est créé.";
        return RedirectToPage("/Catalogue/Programs/Edit", new { id = program.Id });
    }

    /// <summary>"booster-agile", else "booster-agile-2", "-3"…: two programs may share a name, never a link.</summary>
    private async Task<string> UniqueSlugAsync(string slug, CancellationToken cancellationToken)
    {
        var taken = await db.Programs.Where(p => p.Slug == slug || p.Slug.StartsWith(slug + "-")).Select(p => p.Slug).ToListAsync(cancellationToken);
        if (!taken.Contains(slug)) return slug;
        for (var n = 2; ; n++)
        {
            var suffix = $"-{n}";
            var candidate = (slug.Length + suffix.Length > Slug.MaxLength ? slug[..(Slug.MaxLength - suffix.Length)] : slug) + suffix;
            if (!taken.Contains(candidate)) return candidate;
        }
    }
}

using Cohorts.Domain;
using Cohorts.Domain.Catalogue;
using Cohorts.Web.Catalogue;
using Cohorts.Web.Data;
using Cohorts.Web.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Cohorts.Web.Pages.Catalogue.Programs;

/// <summary>
/// A program's page for its staff: what it says of itself, its cohorts, and (for an Admin) who runs it. Another
/// program is not found here, as on every staff page.
/// </summary>
public sealed class EditModel(CohortsDbContext db) : PageModel
{
    [BindProperty] public ProgramInput Input { get; set; } = new();
    [BindProperty] public string? ManagerId { get; set; }

    public TrainingProgram Program { get; private set; } = null!;
    public IReadOnlyList<(int Id, string Name, bool Published)> Cohorts { get; private set; } = [];
    public IReadOnlyList<(string Id, string Name, string Email)> Managers { get; private set; } = [];
    public IReadOnlyList<(string Id, string Name, string Email)> Assignable { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken)) return NotFound();
        Input = ProgramInput.Of(Program);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken)) return NotFound();
        if (!ModelState.IsValid) return Page();
        try
        {
            Input.ApplyTo(Program);
        }
        catch (DomainException e)
        {
            ModelState.AddModelError("", e.Message);
            return Page();
        }
        await db.SaveChangesAsync(cancellationToken);
        TempData["Message"] = "Le programme est enregistré.";
        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnPostAssignAsync(int id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken)) return NotFound();
        if (!User.IsInRole(Roles.Admin)) return Forbid();
        ModelState.Clear();
        var manager = Assignable.FirstOrDefault(m => m.Id == ManagerId);
        if (manager.Id is null)
        {
            ModelState.AddModelError(nameof(ManagerId), "Choisissez un responsable de programme dans la liste.");
            Input = ProgramInput.Of(Program);
            return Page();
        }
        db.ProgramManagers.Add(new ProgramManager(id, manager.Id));
        await db.SaveChangesAsync(cancellationToken);
        TempData["Message"] = $"{manager.Name} gère désormais ce programme.";
        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnPostUnassignAsync(int id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken)) return NotFound();
        if (!User.IsInRole(Roles.Admin)) return Forbid();
        var removed = await db.ProgramManagers.Where(m => m.ProgramId == id && m.UserId == ManagerId).ExecuteDeleteAsync(cancellationToken);
        TempData["Message"] = removed > 0 ? "Ce responsable ne gère plus ce programme." : "Ce compte ne gérait pas ce programme.";
        return RedirectToPage(new { id });
    }

    private async Task<bool> LoadAsync(int id, CancellationToken cancellationToken)
    {
        var program = await db.Programs.ManagedBy(db, User).SingleOrDefaultAsync(p => p.Id == id, cancellationToken);
        if (program is null) return false;
        Program = program;
        Cohorts = (await db.Cohorts.AsNoTracking().Where(c => c.ProgramId == id).OrderByDescending(c => c.StartsOn)
            .Select(c => new { c.Id, c.Name, c.Published }).ToListAsync(cancellationToken)).Select(c => (c.Id, c.Name, c.Published)).ToList();
        var managerRole = db.Roles.Where(r => r.Name == Roles.ProgramManager).Select(r => r.Id);
        var accounts = await db.Users.AsNoTracking()
            .Where(u => db.UserRoles.Any(ur => ur.UserId == u.Id && managerRole.Contains(ur.RoleId)))
            .OrderBy(u => u.LastName).ThenBy(u => u.FirstName)
            .Select(u => new { u.Id, u.FirstName, u.LastName, u.Email, Assigned = db.ProgramManagers.Any(m => m.ProgramId == id && m.UserId == u.Id) })
            .ToListAsync(cancellationToken);
        Managers = accounts.Where(a => a.Assigned).Select(a => (a.Id, $"{a.FirstName} {a.LastName}".Trim(), a.Email ?? "")).ToList();
        Assignable = accounts.Where(a => !a.Assigned).Select(a => (a.Id, $"{a.FirstName} {a.LastName}".Trim(), a.Email ?? "")).ToList();
        return true;
    }
}

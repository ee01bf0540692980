using System.ComponentModel.DataAnnotations;
using Cohorts.Web.Applications;
using Cohorts.Web.Data;
using Cohorts.Web.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Cohorts.Web.Pages.Admin.Users;

/// <summary>An administrator creates a staff account; its owner chooses a password from the emailed link.</summary>
public sealed class CreateModel(UserManager<CohortsUser> users, CohortsDbContext db, AccountEmails emails, TimeProvider clock) : PageModel
{
    [BindProperty] public StaffInput Input { get; set; } = new();

    public IReadOnlyList<AdministrationChoice> Administrations { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) => Administrations = await AdministrationChoices.AllAsync(db, cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var roles = Input.Roles.Where(Identity.Roles.Staff.Contains).Distinct().ToList();
        if (roles.Count == 0) ModelState.AddModelError("Input.Roles", "Choisissez au moins un rôle.");
        Administrations = await AdministrationChoices.AllAsync(db, cancellationToken);
        var typed = Input.Administration?.Trim() ?? "";
        var administration = typed.Length == 0 ? null : AdministrationChoices.Match(Administrations, typed);
        if (typed.Length > 0 && administration is null)
            ModelState.AddModelError("Input.Administration", "Choisissez une administration de la liste, ou laissez le champ vide.");
        if (!ModelState.IsValid) return Page();

        var user = CohortsUser.Create(Input.Email, Input.FirstName, Input.LastName, clock.GetUtcNow());
        user.AdministrationId = administration?.Id;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var result = await users.CreateAsync(user);
        if (result.Succeeded) result = await users.AddToRolesAsync(user, roles);
        if (!result.Succeeded)
        {
            // The sign-in name is the address: Identity reports a taken address twice, once for each.
            var errors = result.Errors.Any(e => e.Code == nameof(IdentityErrorDescriber.DuplicateEmail))
                ? result.Errors.Where(e => e.Code != nameof(IdentityErrorDescriber.DuplicateUserName)) : result.Errors;
            foreach (var error in errors) ModelState.AddModelError("Input.Email", error.Description);
            return Page();
        }
        await emails.SendStaffWelcomeAsync(user, roles);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        TempData["Message"] = $"Le compte de {user.FullName} est créé ; un courriel lui a été envoyé pour choisir son mot de passe.";
        return RedirectToPage("/Admin/Users/Index");
    }

    public sealed class StaffInput
    {
        [Required(ErrorMessage = "Indiquez le prénom.")]
        [StringLength(100, ErrorMessage = "Le prénom ne doit pas dépasser 100 caractères.")]
        public string FirstName { get; set; } = "";

        [Required(ErrorMessage = "Indiquez le nom.")]
        [StringLength(100, ErrorMessage = "Le nom ne doit pas dépasser 100 caractères.")]
        public string LastName { get; set; } = "";

        [Required(ErrorMessage = "Indiquez l'adresse électronique.")]
        [EmailAddress(ErrorMessage = "Le format de l'adresse électronique n'est pas valide.")]
        [StringLength(256, ErrorMessage = "L'adresse électronique ne doit pas dépasser 256 caractères.")]
        public string Email { get; set; } = "";

        public List<string> Roles { get; set; } = [];

        /// <summary>Optional: typed, and matched against the list like the application form's.</summary>
        public string? Administration { get; set; }
    }
}

using System.ComponentModel.DataAnnotations;
using Cohorts.Web.Data;
using Cohorts.Web.Hosting;
using Cohorts.Web.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace Cohorts.Web.Pages.Account;

/// <summary>
/// A public agent creates a candidate account; the address is confirmed by a link sent by email. An address that already
/// has an account gets the same answer, and its owner an email instead of a confirmation.
/// </summary>
[EnableRateLimiting(CohortsServices.LoginRateLimit)]
public sealed class RegisterModel(UserManager<CohortsUser> users, CohortsDbContext db, AccountEmails emails, TimeProvider clock) : PageModel
{
    [BindProperty] public RegisterInput Input { get; set; } = new();

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid) return Page();
        var user = CohortsUser.Create(Input.Email, Input.FirstName, Input.LastName, clock.GetUtcNow());
        // The account, its role and the email are committed together or not at all.
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        // CreateAsync checks and hashes the password before it looks for the address: a known address costs the same
        // hash as a new one, and its password errors are the same.
        var result = await users.CreateAsync(user, Input.Password);
        if (result.Succeeded) result = await users.AddToRoleAsync(user, Roles.Candidate);
        if (result.Succeeded)
        {
            await emails.SendConfirmationAsync(user);
        }
        else if (result.Errors.All(e => e.Code is nameof(IdentityErrorDescriber.DuplicateEmail) or nameof(IdentityErrorDescriber.DuplicateUserName)))
        {
            // The page answers as for a new account, so it cannot be used to learn who has one; the owner is told by email.
            if (await users.FindByEmailAsync(user.Email!) is { } owner) emails.SendAccountAlreadyExists(owner);
        }
        else
        {
            foreach (var error in result.Errors)
                ModelState.AddModelError(error.Code.StartsWith("Password", StringComparison.Ordinal) ? "Input.Password" : "Input.Email", error.Description);
            return Page();
        }
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return RedirectToPage("/Account/CheckInbox", new { email = user.Email });
    }

    public sealed class RegisterInput
    {
        [Required(ErrorMessage = "Indiquez votre prénom.")]
        [StringLength(100, ErrorMessage = "Le prénom ne doit pas dépasser 100 caractères.")]
        [Display(Name = "Prénom")]
        public string FirstName { get; set; } = "";

        [Required(ErrorMessage = "Indiquez votre nom.")]
        [StringLength(100, ErrorMessage = "Le nom ne doit pas dépasser 100 caractères.")]
        [Display(Name = "Nom")]
        public string LastName { get; set; } = "";

        [Required(ErrorMessage = "Indiquez votre adresse électronique professionnelle.")]
        [EmailAddress(ErrorMessage = "Le format de l'adresse électronique n'est pas valide (exemple : prenom.nom@ministere.gouv.fr).")]
        [StringLength(256, ErrorMessage = "L'adresse électronique ne doit pas dépasser 256 caractères.")]
        [Display(Name = "Adresse électronique professionnelle")]
        public string Email { get; set; } = "";

        [Required(ErrorMessage = "Choisissez un mot de passe.")]
        [DataType(DataType.Password)]
        [Display(Name = "Mot de passe")]
        public string Password { get; set; } = "";

        [Required(ErrorMessage = "Saisissez à nouveau le mot de passe.")]
        [Compare(nameof(Password), ErrorMessage = "Les deux mots de passe ne sont pas identiques.")]
        [DataType(DataType.Password)]
        [Display(Name = "Confirmation du mot de passe")]
        public string ConfirmPassword { get; set; } = "";
    }
}

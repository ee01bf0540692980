using System.ComponentModel.DataAnnotations;
using Cohorts.Web.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Cohorts.Web.Pages.Account;

/// <summary>
/// Choose a password from an emailed link: after "forgotten password", and for staff accounts created by an
/// administrator. The link reached its owner, so the address counts as confirmed.
/// </summary>
public sealed class ResetPasswordModel(UserManager<CohortsUser> users) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? UserId { get; set; }
    [BindProperty(SupportsGet = true)] public string? Code { get; set; }
    [BindProperty] public PasswordInput Input { get; set; } = new();

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid) return Page();
        var user = string.IsNullOrEmpty(UserId) ? null : await users.FindByIdAsync(UserId);
        string? token = null;
        try
        {
            if (!string.IsNullOrEmpty(Code)) token = AccountEmails.Decode(Code);
        }
        catch (FormatException)
        {
        }
        if (user is null || token is null)
        {
            ModelState.AddModelError("", "Ce lien n'est pas valide ou a expiré. Demandez un nouveau lien.");
            return Page();
        }
        // ResetPasswordAsync also rotates the security stamp: every session opened before the reset ends with it.
        var result = await users.ResetPasswordAsync(user, token, Input.Password);
        if (!result.Succeeded)
        {
            foreach (var error in result.Errors)
                ModelState.AddModelError(error.Code == "InvalidToken" ? "" : "Input.Password", error.Description);
            return Page();
        }
        if (!user.EmailConfirmed)
        {
            user.EmailConfirmed = true;
            await users.UpdateAsync(user);
        }
        await users.ResetAccessFailedCountAsync(user);
        await users.SetLockoutEndDateAsync(user, null);
        TempData["Message"] = "Votre mot de passe est enregistré. Vous pouvez vous connecter.";
        return RedirectToPage("/Account/Login");
    }

    public sealed class PasswordInput
    {
        [Required(ErrorMessage = "Choisissez un mot de passe.")]
        [DataType(DataType.Password)]
        public string Password { get; set; } = "";

        [Required(ErrorMessage = "Saisissez à nouveau le mot de passe.")]
        [Compare(nameof(Password), ErrorMessage = "Les deux mots de passe ne sont pas identiques.")]
        [DataType(DataType.Password)]
        public string ConfirmPassword { get; set; } = "";
    }
}

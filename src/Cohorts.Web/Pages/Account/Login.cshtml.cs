using System.ComponentModel.DataAnnotations;
using Cohorts.Web.Hosting;
using Cohorts.Web.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace Cohorts.Web.Pages.Account;

/// <summary>
/// Sign in. Rate-limited per client address and page; an account locks for 15 minutes after five wrong passwords in a row.
/// Whether an address has an account cannot be read from the answer.
/// </summary>
[EnableRateLimiting(CohortsServices.LoginRateLimit)]
public sealed class LoginModel(SignInManager<CohortsUser> signIn) : PageModel
{
    [BindProperty] public LoginInput Input { get; set; } = new();
    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid) return Page();
        var result = await signIn.PasswordSignInAsync(Input.Email.Trim(), Input.Password, isPersistent: false, lockoutOnFailure: true);
        if (result.Succeeded) return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : await LandingAsync());
        // One answer for every failure (see CohortsSignInManager), lockout included: it is stated as the rule it is.
        ModelState.AddModelError("", result.IsNotAllowed
            ? "Votre adresse électronique n'est pas encore confirmée : cliquez sur le lien reçu par courriel, ou demandez-en un nouveau avec le lien ci-dessous."
            : "Adresse électronique ou mot de passe incorrect. Après 5 essais erronés, la connexion au compte est suspendue pendant 15 minutes : "
              + "réessayez plus tard, ou choisissez un nouveau mot de passe avec « Mot de passe oublié ? ».");
        return Page();
    }

    private async Task<string> LandingAsync()
    {
        var user = await signIn.UserManager.FindByNameAsync(Input.Email.Trim());
        return user is null ? "/" : Navigation.Landing([.. await signIn.UserManager.GetRolesAsync(user)]);
    }

    public sealed class LoginInput
    {
        [Required(ErrorMessage = "Indiquez votre adresse électronique.")]
        [EmailAddress(ErrorMessage = "Le format de l'adresse électronique n'est pas valide.")]
        public string Email { get; set; } = "";

        [Required(ErrorMessage = "Indiquez votre mot de passe.")]
        [DataType(DataType.Password)]
        public string Password { get; set; } = "";
    }
}
